"""axe-core on the admin pages our code builds or fills: the article editor
(every block but the image, which needs an uploaded file), the topic editor's
SMS answers, and our own reports and tools (issue 13).

A critical or serious violation fails the test unless it comes from Wagtail
itself: those are listed in WAGTAIL_VIOLATIONS, each with the rule, a pattern
for the element it is reported on, and why it is not ours. axe.min.js ships
with axe-playwright-python and is injected from disk: nothing downloads.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import NamedTuple

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import ArticleFeedback
from sms.services import inbound_message_receive

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING_IMPACTS = ("critical", "serious")


class KnownViolation(NamedTuple):
    rule: str
    element: re.Pattern[str]  # searched in axe's selector and the element's HTML
    reason: str


# Violations Wagtail's own markup and bundled widgets cause (found with
# axe-core 4.x on Wagtail 8): not ours to fix here.
WAGTAIL_VIOLATIONS = [
    KnownViolation(
        "aria-input-field-name",
        re.compile(r"public-DraftEditor-content"),
        "Draftail, Wagtail's rich text editor: a role=textbox div its field label is not tied to.",
    ),
    KnownViolation(
        "label",
        re.compile(r"ui-autocomplete-input"),
        "The tags field's jQuery UI tag-it input (Wagtail's AdminTagWidget).",
    ),
    KnownViolation(
        "label",
        re.compile(r"HandsontableCopyPaste"),
        "Handsontable's hidden copy-and-paste textarea (Wagtail's TableBlock).",
    ),
    KnownViolation(
        "scrollable-region-focusable",
        re.compile(r"w-minimap__list"),
        "The editor's minimap (Wagtail's side panel of section links).",
    ),
]


def _every_block_but_image(helpline_id: int) -> str:
    blocks = [
        ("heading", {"heading": "Overview", "anchor": ""}),
        ("paragraph", "<p>What ketamine is.</p>"),
        ("numbered_steps", {"introduction": "", "steps": [{"title": "Call", "text": "Call 999."}]}),
        ("bullet_list", {"introduction": "", "items": ["Bladder pain"]}),
        ("key_takeaways", {"title": "Key takeaways", "items": ["Regular use harms the bladder."]}),
        ("callout", {"kind": "warning", "title": "Mixing", "text": "<p>Do not mix with alcohol.</p>"}),
        (
            "table",
            {
                "caption": "Effects",
                "table": {
                    "data": [["Dose", "Effect"], ["Low", "Numbness"]],
                    "first_row_is_table_header": True,
                },
            },
        ),
        ("faq", {"title": "Questions", "items": [{"question": "Is it legal?", "answer": "<p>No.</p>"}]}),
        ("quote", {"kind": "story", "text": "I stopped.", "attribution": "Sam"}),
        ("helpline_cta", {"helpline": helpline_id, "text": "Worried about ketamine?"}),
    ]
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def admin_content(make_article, helpline_factory, topic_with_answer):
    """One of each thing the pages show, so their tables and widgets render."""
    today = timezone.localdate()
    article = make_article(
        title="Every block",
        body=_every_block_but_image(helpline_factory(name="Sample CTA line").pk),
        last_reviewed=today - dt.timedelta(days=400),
        next_review_due=today - dt.timedelta(days=3),
    )
    ArticleFeedback.objects.create(
        article=article, helpful=False, reason="out_of_date", comment="Old figures."
    )
    inbound_message_receive(
        message_sid="SM" + "a" * 32, from_number="+447700900123", to_number="+447700900000", body="ketamine"
    )
    return {"article": article, "topic": topic_with_answer}


PAGES = {
    "article editor": lambda content: f"/admin/pages/{content['article'].pk}/edit/",
    "topic editor (SMS answers)": lambda content: f"/admin/pages/{content['topic'].pk}/edit/",
    "reviews due": lambda content: "/admin/reports/reviews-due/",
    "article feedback": lambda content: "/admin/reports/article-feedback/",
    "article feedback, one article": (
        lambda content: f"/admin/reports/article-feedback/{content['article'].pk}/"
    ),
    "spreadsheets": lambda content: "/admin/spreadsheets/",
    "SMS conversation log": lambda content: "/admin/sms/log/",
}


def _ours(violations: list[dict], *, known: list[KnownViolation]) -> list[str]:
    """Blocking violations not explained by `known`, one line per element."""
    found = []
    for violation in violations:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            element = f"{target} {node['html']}"
            if any(entry.rule == violation["id"] and entry.element.search(element) for entry in known):
                continue
            found.append(f"{violation['id']} ({violation['impact']}) at {target}: {node['html'][:200]}")
    return found


def _violations(page, path: str) -> list[dict]:
    response = page.goto(page.base_url + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1").first).to_be_visible()  # a blank page would pass axe
    results = Axe().run(page)
    assert results.response["url"] == page.url
    return results.response["violations"]


@pytest.mark.parametrize("name", PAGES)
def test_no_critical_or_serious_violations_from_our_code(admin_page, admin_content, name):
    violations = _violations(admin_page, PAGES[name](admin_content))

    assert _ours(violations, known=WAGTAIL_VIOLATIONS) == []
