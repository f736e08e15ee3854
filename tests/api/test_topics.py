"""GET /api/v1/topics/ and /api/v1/topics/{slug}/."""

import pytest
from wagtail.models import PageViewRestriction

from cms.models import TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_topic(add_page, topic_index_page):
    return add_page(topic_index_page, TopicPage(title="Cocaine", slug="cocaine"), publish=False)


@pytest.fixture
def private_topic(add_page, topic_index_page):
    topic = add_page(topic_index_page, TopicPage(title="Staff only", slug="staff-only"))
    PageViewRestriction.objects.create(page=topic, restriction_type="password", password="secret")
    return topic


def test_list_shows_published_public_topics_only(api_client, topic_page, draft_topic, private_topic):
    body = api_client.get("/api/v1/topics/").json()
    assert [t["slug"] for t in body["results"]] == ["ketamine"]
    topic = body["results"][0]
    assert topic["title"] == "Ketamine"
    assert topic["other_names"] == ["K", "Special K", "Ket", "Vitamin K", "Kit Kat"]
    assert topic["summary"] == "<p>A dissociative anaesthetic, also used as a street drug.</p>"
    assert topic["url"].endswith("/topics/ketamine/")
    assert topic["api_url"].endswith("/api/v1/topics/ketamine/")


def test_list_includes_each_topics_public_articles(api_client, topic_page, make_article):
    make_article(title="One")
    make_article(title="Two")
    make_article(title="Draft", publish=False)
    topic = api_client.get("/api/v1/topics/").json()["results"][0]
    assert topic["article_count"] == 2
    assert [a["title"] for a in topic["articles"]] == ["One", "Two"]
    assert topic["articles"][0]["topic"]["slug"] == "ketamine"


def test_detail_lists_the_topics_published_articles(api_client, topic_page, make_article):
    make_article(title="Risks", tags=["bladder"])
    make_article(title="Draft", publish=False)
    body = api_client.get("/api/v1/topics/ketamine/").json()
    assert [a["title"] for a in body["articles"]] == ["Risks"]
    article = body["articles"][0]
    assert article["tags"] == [{"name": "bladder", "slug": "bladder"}]
    assert article["topic"]["slug"] == "ketamine"
    assert body["article_count"] == 1


@pytest.mark.parametrize("slug", ["cocaine", "staff-only", "nothing"])
def test_detail_404s_for_drafts_private_and_missing(api_client, draft_topic, private_topic, slug):
    response = api_client.get(f"/api/v1/topics/{slug}/")
    assert response.status_code == 404


def test_unpublished_topic_disappears(api_client, topic_page):
    topic_page.unpublish()
    assert api_client.get("/api/v1/topics/").json()["count"] == 0
    assert api_client.get("/api/v1/topics/ketamine/").status_code == 404


def test_summary_links_resolve_to_public_and_api_urls(api_client, topic_page, make_article, settings):
    article = make_article(title="Risks")
    topic_page.summary = f'<p>See <a linktype="page" id="{article.pk}">the risks</a>.</p>'
    topic_page.save_revision().publish()
    summary = api_client.get("/api/v1/topics/ketamine/").json()["summary"]
    assert f'href="{settings.FRONTEND_BASE_URL}/topics/ketamine/{article.slug}/"' in summary
    assert f'data-api-url="http://testserver/api/v1/articles/{article.slug}/"' in summary
    assert "linktype" not in summary


def test_each_topic_serves_its_published_sms_answers_never_a_draft(api_client, topic_page):
    from tests.sms.conftest import publish_answers

    publish_answers(topic_page, {"signs": "Signs: needing to wee often.", "effects": "Effects: numb."})
    draft = topic_page.get_latest_revision_as_object()
    next(a for a in draft.sms_answers.all() if a.intent.slug == "signs").text = "An unreviewed draft."
    draft.save_revision()

    for body in (
        api_client.get("/api/v1/topics/").json()["results"][0],
        api_client.get("/api/v1/topics/ketamine/").json(),
    ):
        # In menu order, the same text the SMS helpline sends.
        assert body["sms_answers"] == [
            {"intent": "effects", "intent_name": "effects", "text": "Effects: numb."},
            {"intent": "signs", "intent_name": "signs of a problem", "text": "Signs: needing to wee often."},
        ]
