"""/api/v1/sitemap/: every page the website shows, with its public URL,
type and last change."""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction

from api.pages import public_url
from cms.models import TopicPage
from tests.api.bulk_pages import add_live_articles

pytestmark = pytest.mark.django_db
# Measured: 4 (restrictions, site root, count, page), +1 while ContentType's cache is cold.
SITEMAP_BUDGET = 5


def test_lists_every_visible_page_of_the_site(api_client, make_article, topic_page, add_page, home_page):
    shown = make_article(title="Shown")
    make_article(title="Draft", publish=False)
    unpublished = make_article(title="Unpublished")
    unpublished.unpublish()
    private = make_article(title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # A page outside the website's tree (Wagtail's own welcome page, say).
    Page.get_first_root_node().add_child(instance=Page(title="Elsewhere", slug="elsewhere", live=True))

    response = api_client.get("/api/v1/sitemap/")
    assert response.status_code == 200
    entries = response.json()["results"]
    by_id = {entry["id"]: entry for entry in entries}
    topic_index = topic_page.get_parent()
    assert [entry["id"] for entry in entries] == [home_page.pk, topic_index.pk, topic_page.pk, shown.pk]
    assert [by_id[page.pk]["type"] for page in (home_page, topic_index, topic_page, shown)] == [
        "home",
        "topic_index",
        "topic",
        "article",
    ]
    assert by_id[home_page.pk]["url"] == public_url(home_page.url_path)
    assert by_id[shown.pk]["url"] == public_url(shown.url_path)
    assert by_id[topic_index.pk]["api_url"] is None


def test_entries_agree_with_the_lists(api_client, make_article, topic_page):
    article = make_article(title="Agreeing")
    listed = api_client.get("/api/v1/articles/").json()["results"][0]
    topic = api_client.get("/api/v1/topics/").json()["results"][0]
    by_id = {entry["id"]: entry for entry in api_client.get("/api/v1/sitemap/").json()["results"]}

    entry = by_id[article.pk]
    assert (entry["url"], entry["api_url"], entry["last_modified"]) == (
        listed["url"],
        listed["api_url"],
        listed["last_published_at"],
    )
    assert (by_id[topic_page.pk]["url"], by_id[topic_page.pk]["api_url"]) == (topic["url"], topic["api_url"])


def test_publishing_updates_the_cached_sitemap(api_client, topic_page, add_page, topic_index_page):
    first = api_client.get("/api/v1/sitemap/").json()["count"]
    add_page(topic_index_page, TopicPage(title="Cannabis", slug="cannabis"))
    assert api_client.get("/api/v1/sitemap/").json()["count"] == first + 1


def test_pages_of_the_sitemap(api_client, topic_page):
    add_live_articles(topic_page, 5)
    first = api_client.get("/api/v1/sitemap/", {"page_size": 4}).json()
    second = api_client.get(first["next"]).json()
    assert first["count"] == 8 and len(first["results"]) == 4 and len(second["results"]) == 4
    assert second["next"] is None


def test_query_budget_at_10_and_1000_pages(api_client, topic_page, django_assert_max_num_queries, settings):
    settings.API_CACHE_TIMEOUT = 0
    articles = 0
    for size in (10, 1000):
        articles += len(add_live_articles(topic_page, size - articles))
        with django_assert_max_num_queries(SITEMAP_BUDGET):
            body = api_client.get("/api/v1/sitemap/", {"page_size": 2000}).json()
        assert body["count"] == len(body["results"]) == size + 3  # with home, topic index, topic
