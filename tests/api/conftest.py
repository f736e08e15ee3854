"""API test fixtures, on top of the CMS fixtures in tests/conftest.py."""

from __future__ import annotations

import itertools
import json
import uuid

import pytest
from rest_framework.test import APIClient

_image_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Images and renditions are written under a per-test directory.
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def root_collection(db):
    """Wagtail's migrations create the root collection (images and documents
    need it); a database flushed by a transactional test has none."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def image_factory(root_collection):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    def make(**fields):
        number = next(_image_numbers)
        fields.setdefault("title", f"Test image {number}")
        return get_image_model().objects.create(
            file=get_test_image_file(filename=f"test-{number}.png", size=(640, 480)), **fields
        )

    return make


@pytest.fixture
def gb_helpline(helpline_factory):
    return helpline_factory(name="GB drugs line", country="GB", phone_number="0300 123 6600")


@pytest.fixture
def rich_body():
    """A body (StreamField JSON) with every kind of block, pointing at the
    given images, pages and helpline: rich_body(images=[...], links=[page, ...], helpline=h)."""

    def make(*, images=(), links=(), helpline=None, sections=1):
        body = []
        for n in range(sections):
            body.append(("heading", {"heading": f"Section {n + 1}", "anchor": ""}))
            anchors = "".join(f'<a linktype="page" id="{page.pk}">link {page.pk}</a> ' for page in links)
            body.append(("paragraph", f"<p>Text {n}. {anchors}</p>"))
        for image in images:
            body.append(("image", {"image": image.pk, "alt_text": f"Alt for {image.title}", "caption": ""}))
        body += [
            ("numbered_steps", {"introduction": "", "steps": [{"title": "Step one", "text": "Do this."}]}),
            ("bullet_list", {"introduction": "Signs:", "items": ["Bladder pain", "Needing to pee often"]}),
            ("key_takeaways", {"title": "Key takeaways", "items": ["Ketamine harms the bladder."]}),
            ("callout", {"kind": "urgent", "title": "Call 999", "text": "<p>If someone collapses.</p>"}),
            (
                "table",
                {
                    "caption": "Effects",
                    "table": {
                        "data": [["Effect", "When"], ["Numbness", None]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            ),
            (
                "faq",
                {
                    "title": "FAQ",
                    "items": [{"question": "Is ketamine addictive?", "answer": "<p>It can be.</p>"}],
                },
            ),
            ("quote", {"kind": "story", "text": "I stopped.", "attribution": "Sam (name changed)"}),
        ]
        if helpline is not None:
            body.append(("helpline_cta", {"helpline": helpline.pk, "text": "Worried?"}))
        # Raw stored form (ids, not instances), as the editor saves it.
        return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in body])

    return make
