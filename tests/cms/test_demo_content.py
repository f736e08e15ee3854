"""`load_demo_content`: builds the whole demo site, and a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient
from taggit.models import TaggedItem
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision, Site, WorkflowPage

from cms.models import (
    ArticlePage,
    ArticlePageTag,
    ArticleRelatedLink,
    CallbackRequest,
    Helpline,
    HelplineOpeningHours,
    HomePage,
    Person,
    TopicIndexPage,
    TopicPage,
)
from cms.selectors import articles_due_for_review, content_search
from cms.signals import demo_content_loaded
from cms.workflow import WORKFLOW_NAME

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    Revision,
    Site,
    Person,
    Helpline,
    HelplineOpeningHours,
    CallbackRequest,
    ArticleRelatedLink,
    ArticlePageTag,
    TaggedItem,
    WorkflowPage,
    GroupPagePermission,
    get_image_model(),
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # The demo draws its share images: write them under a per-test directory.
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def _load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", "--force", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded():
    output = _load()
    return output


def test_builds_tree_with_reviewed_published_ketamine_articles(loaded):
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    index = TopicIndexPage.objects.child_of(home).get()
    ketamine = TopicPage.objects.child_of(index).get(slug="ketamine")
    assert {"K", "Special K", "Ket", "Vitamin K", "Kit Kat"} <= set(ketamine.other_names_list)
    assert ketamine.live and 0 < len(ketamine.sms_summary) <= 320

    articles = ArticlePage.objects.child_of(ketamine)
    assert articles.count() >= 6
    for article in articles:
        assert article.live, article.title
        assert article.medical_reviewer and "Sample" in article.medical_reviewer.name
        assert "fictional" in article.medical_reviewer.role
        assert article.last_reviewed and article.next_review_due > article.last_reviewed
        assert len(article.table_of_contents()) >= 1
        assert not article.has_unpublished_changes
        assert article.tags.exists(), article.title
    assert index.get_workflow().name == WORKFLOW_NAME


def test_articles_cover_required_subjects_and_facts(loaded):
    text = " ".join(
        str(a.body.render_as_block()) + a.title + a.standfirst for a in ArticlePage.objects.live()
    ).lower()
    for needed in (
        "1962",
        "nmda",
        "schedule iii",
        "class b",
        "2 to 3 hours",
        "bladder",
        "detox",
        "aftercare",
    ):
        assert needed in text, needed
    # Known errors in the source pages must not be carried over.
    for wrong in ("1956", "0.1%", "0.3%", "floods the brain", "dopamine"):
        assert wrong not in text, wrong
    signs = ArticlePage.objects.get(slug="signs-of-ketamine-dependence")
    table = next(block for block in signs.body if block.block_type == "table")
    assert table.value["table"]["data"][0] == ["Sign", "What it can look like"]
    faq = ArticlePage.objects.get(slug="ketamine-faq")
    assert any(block.block_type == "faq" for block in faq.body)


def test_every_page_has_seo_fields_and_topics_and_articles_a_share_image(loaded):
    pages = [page.specific for page in HomePage.objects.get().get_descendants(inclusive=True)]
    assert len(pages) == 10  # home, index, two topics, six articles
    for page in pages:
        assert 20 <= len(page.seo_title) <= 60, page.seo_title
        assert 100 <= len(page.search_description) <= 160, page.search_description
    shared = [page for page in pages if isinstance(page, TopicPage | ArticlePage)]
    assert len({page.share_image_id for page in shared}) == len(shared)  # each its own
    for page in shared:
        image = page.share_image
        assert (image.width, image.height) == (1200, 630)
        assert page.title in image.description and "background" in image.description  # the alt text


def test_demo_articles_carry_seo_fields_in_the_api(loaded):
    article = ArticlePage.objects.get(slug="ketamine-faq")
    data = APIClient().get(f"/api/v1/articles/{article.slug}/").json()
    assert data["seo_title"] == article.seo_title
    assert data["search_description"] == article.search_description
    assert data["canonical_url"] == data["url"]
    assert data["share_image"]["alt"] == article.share_image.description
    assert (data["share_image"]["width"], data["share_image"]["height"]) == (1200, 630)
    assert data["json_ld"]["@graph"][0]["image"] == data["share_image"]["url"]


def test_helplines_for_gb_and_us_marked_verify(loaded):
    expected = {
        ("GB", "drugs"): "0300 123 6600",
        ("GB", "crisis"): "116 123",
        ("GB", "health"): "111",
        ("GB", "emergency"): "999",
        ("US", "drugs"): "1-800-662-4357",
        ("US", "crisis"): "988",
        ("US", "emergency"): "911",
    }
    for (country, category), number in expected.items():
        assert Helpline.objects.filter(country=country, category=category, phone_number=number).exists()
    assert all("verify" in h.notes.lower() for h in Helpline.objects.all())
    assert Helpline.objects.filter(is_emergency=True).count() == 2
    assert HelplineOpeningHours.objects.exists()
    # Sample callback requests so the admissions queue has something to show.
    names = sorted(request.name for request in CallbackRequest.objects.all())
    assert names == ["Sample caller A", "Sample caller B"]


def test_demo_is_searchable_by_alias_and_report_has_an_entry(loaded):
    results = content_search(query="special k")
    assert results[0].slug == "ketamine"
    assert len(results) >= 7
    assert [a.slug for a in articles_due_for_review()] == ["ketamine-faq"]


def test_second_run_changes_nothing(loaded):
    before = _counts()
    snapshots = {a.pk: (a.latest_revision_id, a.last_published_at) for a in ArticlePage.objects.all()}
    output = _load()
    assert "nothing changed" in output
    assert _counts() == before
    assert {a.pk: (a.latest_revision_id, a.last_published_at) for a in ArticlePage.objects.all()} == snapshots


def test_refuses_without_debug_unless_forced(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo_content", stdout=io.StringIO())
    assert not ArticlePage.objects.exists()
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
    assert ArticlePage.objects.count() == 6


def test_sends_demo_content_loaded_for_other_apps():
    received = []

    def receiver(sender, stdout, **kwargs):
        received.append(stdout)

    demo_content_loaded.connect(receiver)
    try:
        _load()
    finally:
        demo_content_loaded.disconnect(receiver)
    assert len(received) == 1
