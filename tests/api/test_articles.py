"""GET /api/v1/articles/: lean list items, filters, ordering, pagination, visibility."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.models import TopicPage

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/"
LIST_FIELDS = {
    "id",
    "slug",
    "title",
    "standfirst",
    "topic",
    "tags",
    "last_reviewed",
    "first_published_at",
    "last_published_at",
    "url",
    "api_url",
    "seo_title",
    "search_description",
    "canonical_url",
    "share_image",
}


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def cocaine(add_page, topic_index_page):
    return add_page(topic_index_page, TopicPage(title="Cocaine", slug="cocaine", other_names="Coke"))


def test_list_items_are_lean(api_client, make_article):
    article = make_article(title="What is ketamine?", tags=["Basics", "bladder"])
    item = api_client.get(URL).json()["results"][0]
    assert set(item) == LIST_FIELDS
    assert item["slug"] == article.slug
    assert item["tags"] == [{"name": "Basics", "slug": "basics"}, {"name": "bladder", "slug": "bladder"}]
    assert item["topic"]["slug"] == "ketamine"
    assert item["last_reviewed"] == article.last_reviewed.isoformat()
    assert item["api_url"] == f"http://testserver/api/v1/articles/{article.slug}/"


def test_only_live_public_articles_are_listed(api_client, make_article, add_page, topic_index_page):
    make_article(title="Published")
    make_article(title="Draft", publish=False)
    make_article(title="Withdrawn").unpublish()
    private_topic = add_page(topic_index_page, TopicPage(title="Private", slug="private"))
    PageViewRestriction.objects.create(page=private_topic, restriction_type="login")
    make_article(title="Behind login", parent=private_topic)
    assert titles(api_client.get(URL)) == ["Published"]


def test_filter_by_topic(api_client, make_article, cocaine):
    make_article(title="Ketamine risks")
    make_article(title="Cocaine risks", parent=cocaine)
    assert titles(api_client.get(URL, {"topic": "cocaine"})) == ["Cocaine risks"]
    assert titles(api_client.get(URL, {"topic": "nothing"})) == []


def test_filter_by_tag(api_client, make_article):
    make_article(title="Tagged", tags=["bladder", "harm reduction"])
    make_article(title="Untagged")
    assert titles(api_client.get(URL, {"tag": "harm-reduction"})) == ["Tagged"]


def test_search_with_q_uses_wagtail_search(api_client, make_article):
    make_article(title="Ketamine and your bladder", standfirst="Bladder damage explained.")
    make_article(title="Getting help", standfirst="Services near you.")
    assert titles(api_client.get(URL, {"q": "bladder"})) == ["Ketamine and your bladder"]


def test_search_finds_articles_by_topic_street_names(api_client, make_article):
    make_article(title="Effects", standfirst="What happens.")
    assert titles(api_client.get(URL, {"q": "special k"})) == ["Effects"]


def test_q_combines_with_filters(api_client, make_article, cocaine):
    make_article(title="Ketamine comedown", standfirst="Comedown.")
    make_article(title="Cocaine comedown", standfirst="Comedown.", parent=cocaine)
    assert titles(api_client.get(URL, {"q": "comedown", "topic": "cocaine"})) == ["Cocaine comedown"]


def test_modified_since_for_incremental_sync(api_client, make_article):
    old = make_article(title="Old")
    type(old).objects.filter(pk=old.pk).update(last_published_at=timezone.now() - dt.timedelta(days=10))
    make_article(title="New")
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()
    assert titles(api_client.get(URL, {"modified_since": since})) == ["New"]


def test_default_order_is_most_recently_published(api_client, make_article):
    make_article(title="First")
    make_article(title="Second")
    assert titles(api_client.get(URL)) == ["Second", "First"]


@pytest.mark.parametrize(("ordering", "expected"), [("title", ["A", "B", "C"]), ("-title", ["C", "B", "A"])])
def test_ordering(api_client, make_article, ordering, expected):
    for title in ("B", "C", "A"):
        make_article(title=title)
    assert titles(api_client.get(URL, {"ordering": ordering})) == expected


def test_unknown_ordering_is_a_400(api_client, make_article):
    response = api_client.get(URL, {"ordering": "password"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ordering"


def test_pagination_and_max_page_size(api_client, make_article, settings):
    settings.API_MAX_PAGE_SIZE = 3
    for n in range(5):
        make_article(title=f"Article {n}")
    body = api_client.get(URL, {"page_size": 100}).json()
    assert body["count"] == 5
    assert len(body["results"]) == 3
    assert "page=2" in body["next"]
    assert len(api_client.get(URL, {"page_size": 100, "page": 2}).json()["results"]) == 2
    assert api_client.get(URL, {"page": 9}).status_code == 404


def test_explicit_ordering_beats_relevance(api_client, make_article):
    make_article(title="B bladder", standfirst="Bladder bladder bladder.")
    make_article(title="A bladder", standfirst="About the bladder.")
    assert titles(api_client.get(URL, {"q": "bladder", "ordering": "title"})) == ["A bladder", "B bladder"]


@pytest.mark.parametrize("q", ["x" * 201, "nul\x00char"])
def test_unsearchable_q_is_a_400(api_client, q):
    response = api_client.get(URL, {"q": q})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"


def test_head_and_options(api_client, make_article):
    make_article()
    assert api_client.head(URL).status_code == 200
    options = api_client.options(URL)
    assert options.status_code == 200
    assert options.json()["name"] == "Article List"


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("0222-04-17T11:10:47+18:21", 200),  # an offset PostgreSQL would refuse
        ("0001-01-01T00:10:00+05:00", 400),  # before year 1 in UTC
        ("2026-01-01", 200),
    ],
)
def test_modified_since_edge_values(api_client, make_article, since, status):
    make_article()
    assert api_client.get(URL, {"modified_since": since}).status_code == status
