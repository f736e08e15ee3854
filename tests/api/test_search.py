"""GET /api/v1/search/?q=: topics and articles together, ranked, public only."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.search.models import IndexEntry

from api import selectors
from cms.models import ArticlePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_topic(add_page, topic_index_page):
    topic = add_page(topic_index_page, TopicPage(title="Staff only", slug="staff-only"))
    PageViewRestriction.objects.create(page=topic, restriction_type="password", password="secret")
    return topic


def test_search_endpoint_ranks_topics_and_articles_together(api_client, topic_page, make_article):
    make_article(title="Ketamine and the bladder", standfirst="Bladder damage.")
    make_article(title="Getting help", standfirst="Services.")
    results = api_client.get("/api/v1/search/", {"q": "ketamine"}).json()["results"]
    kinds = {(r["type"], r["slug"]) for r in results}
    assert ("topic", "ketamine") in kinds
    assert ("article", "ketamine-and-the-bladder") in kinds
    assert all(r["api_url"].startswith("http://testserver/api/v1/") for r in results)
    article = next(r for r in results if r["type"] == "article")
    assert article["topic"]["slug"] == "ketamine"


def test_search_requires_q(api_client):
    response = api_client.get("/api/v1/search/")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"


def test_search_leaves_out_drafts_and_private_pages(api_client, topic_page, make_article, private_topic):
    make_article(title="Ketamine draft", publish=False)
    make_article(title="Ketamine secret", parent=private_topic)
    titles = [r["title"] for r in api_client.get("/api/v1/search/", {"q": "ketamine"}).json()["results"]]
    assert "Ketamine draft" not in titles
    assert "Ketamine secret" not in titles
    assert "Ketamine" in titles


@pytest.mark.parametrize("q", ['"', 'ketamine "bladder', '""'])
@pytest.mark.parametrize("path", ["/api/v1/search/", "/api/v1/articles/"])
def test_quotes_in_the_query_are_searched_not_a_server_error(api_client, make_article, path, q):
    # Wagtail's SQLite backend passes quotes to FTS5 unescaped (a 500 before).
    make_article(title="Ketamine and the bladder")

    response = api_client.get(path, {"q": q})

    assert response.status_code == 200
    if "bladder" in q:
        assert [r["slug"] for r in response.json()["results"]] == ["ketamine-and-the-bladder"]


def test_a_topics_other_name_ranks_that_topic_then_its_articles_first(
    api_client, topic_page, make_article, add_page, topic_index_page
):
    ours = make_article(title="Getting help", standfirst="Services near you.")
    alcohol = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    make_article(
        title="Special K, special K and alcohol",
        slug="special-k-and-alcohol",
        parent=alcohol,
        standfirst="Special K with alcohol: special k risks.",
    )

    results = api_client.get("/api/v1/search/", {"q": "Special  K"}).json()["results"]

    slugs = [r["slug"] for r in results]
    assert slugs[0] == "ketamine"
    assert slugs.index(ours.slug) < slugs.index("special-k-and-alcohol")


def _published_days_ago(page, days: int) -> None:
    Page.objects.filter(pk=page.pk).update(last_published_at=timezone.now() - dt.timedelta(days=days))


@pytest.fixture
def two_candidates(monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 2)


@pytest.mark.parametrize("path", ["/api/v1/search/", "/api/v1/articles/"])
def test_only_the_newest_matches_are_ranked(api_client, make_article, two_candidates, path):
    # The best match (the query in its title) is the oldest: beyond the
    # candidates, so not found, however relevant.
    best = make_article(title="Bladder pain", slug="bladder-pain", standfirst="Bladder, bladder.")
    newer = make_article(title="Getting help", slug="getting-help", standfirst="Bladder clinics.")
    newest = make_article(title="Harm reduction", slug="harm-reduction", standfirst="Your bladder.")
    for article, days in ((best, 30), (newer, 2), (newest, 1)):
        _published_days_ago(article, days)

    response = api_client.get(path, {"q": "bladder"}).json()

    assert {r["slug"] for r in response["results"]} == {"getting-help", "harm-reduction"}
    assert response["count"] == 2


def test_a_matching_topic_is_ranked_however_many_newer_articles_match(
    api_client, topic_page, make_article, two_candidates
):
    _published_days_ago(topic_page, 30)
    for n in range(3):
        make_article(title=f"Ketamine facts {n}", slug=f"ketamine-facts-{n}")

    results = api_client.get("/api/v1/search/", {"q": "ketamine"}).json()["results"]

    assert [r["type"] for r in results] == ["topic", "article", "article"]


def test_article_search_candidates_are_the_filtered_articles(
    api_client, topic_page, make_article, add_page, topic_index_page, two_candidates
):
    alcohol = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    older = make_article(title="Bladder and alcohol", slug="bladder-and-alcohol", parent=alcohol)
    _published_days_ago(older, 30)
    for n in range(3):
        make_article(title=f"Bladder {n}", slug=f"bladder-{n}")

    results = api_client.get("/api/v1/articles/", {"q": "bladder", "topic": "alcohol"}).json()["results"]

    assert [r["slug"] for r in results] == ["bladder-and-alcohol"]


@pytest.mark.parametrize(("path", "found"), [("/api/v1/search/", 5), ("/api/v1/articles/", 4)])
def test_search_pages_through_the_ranked_results(api_client, topic_page, make_article, path, found):
    for n in range(4):
        make_article(title=f"Ketamine facts {n}", slug=f"ketamine-facts-{n}", standfirst="Ketamine " * n)
    everything = api_client.get(path, {"q": "ketamine"}).json()

    params = {"q": "ketamine", "page_size": 2}
    pages = [api_client.get(path, {**params, "page": n}).json() for n in range(1, (found + 1) // 2 + 1)]

    paged = [r["slug"] for page in pages for r in page["results"]]
    assert paged == [r["slug"] for r in everything["results"]]
    assert len(set(paged)) == found
    assert {page["count"] for page in pages} == {found}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index (api migration 0002)")
def test_wagtail_search_can_find_matches_through_the_title_body_index(make_article):
    # Wagtail matches `title || body`; its own indexes are on each vector
    # alone, which that expression cannot use: every search read every entry.
    make_article(title="Bladder pain")
    matches = ArticlePage.objects.live().search("bladder", operator="and", order_by_relevance=False)
    sql, _params = selectors._search_queryset(matches).query.sql_with_params()
    entries = IndexEntry._meta.db_table
    matched = f'("{entries}"."title" || "{entries}"."body") @@'
    assert matched in sql

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to want the index
        query = f"EXPLAIN SELECT 1 FROM {entries} WHERE {matched} to_tsquery('bladder')"  # noqa: S608 - no input
        cursor.execute(query)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "api_search_entry_title_body_gin" in plan
