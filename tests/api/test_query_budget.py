"""Query budgets that do not grow with the data, measured on a cold API
cache (the response cache is disabled, so the queries are what is counted),
and query counts the same at 10 and at 1,000 articles.

Pages carry share images the way they do once published (`api.seo`): the
topic has one, every other article its own from a small pool, the rest
borrow the topic's; the renditions exist, as publishing makes them."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils import timezone

from api.selectors import SEARCH_CANDIDATES
from api.seo import share_rendition_warm
from cms.models import ArticlePage, ArticleRelatedLink

pytestmark = pytest.mark.django_db
LIST_BUDGET = 7  # the topic list measures 7: its 6 and the share images' renditions
# The worst case here measures 13 (11 before share images; 12 before related
# articles took two bounded queries instead of one that read the whole topic).
DETAIL_BUDGET = 13


@pytest.fixture(autouse=True)
def _cold_cache(settings):
    settings.API_CACHE_TIMEOUT = 0
    cache.clear() if not hasattr(cache, "delete_pattern") else cache.delete_pattern("*")


@pytest.fixture
def share_images(topic_page, image_factory):
    """The topic's share image and a pool of three for articles, renditions made."""
    pool = [image_factory(description=f"Share {n}") for n in range(4)]
    topic_page.share_image = pool.pop()
    topic_page.save(update_fields=["share_image"])
    share_rendition_warm(topic_page)
    return pool


@pytest.fixture
def bulk_articles(topic_page, person_factory, share_images):
    """Grows the topic to `n` live articles with tags, created directly
    (fast) rather than through revisions: the read path is what is measured.
    Returns all articles so far."""
    created = []
    reviewer = []

    def grow(n, *, tags=("bladder", "basics")):
        if not reviewer:
            reviewer.append(person_factory())
        now = timezone.now()
        while len(created) < n:
            i = len(created)
            article = ArticlePage(
                title=f"Article {i}",
                slug=f"article-{i}",
                standfirst="Standfirst.",
                medical_reviewer=reviewer[0],
                last_reviewed=now.date() - dt.timedelta(days=1),
                live=True,
                first_published_at=now,
                last_published_at=now,
                share_image=share_images[i % len(share_images)] if i % 2 else None,
            )
            article.tags.add(*tags)  # saved with the page
            topic_page.add_child(instance=article)
            share_rendition_warm(article)
            created.append(article)
        return list(created)

    return grow


# Each list test grows the same data to 1, then 20, then 100 items and
# measures at every size.
SIZES = (1, 20, 100)


def test_article_list(api_client, bulk_articles, django_assert_max_num_queries):
    for size in SIZES:
        bulk_articles(size)
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/articles/", {"page_size": 100})
        results = response.json()["results"]
        assert len(results) == size
        assert all([tag["slug"] for tag in item["tags"]] == ["basics", "bladder"] for item in results)
        assert all(item["share_image"]["width"] for item in results)


def test_article_list_pages_of_each_size(api_client, bulk_articles, django_assert_max_num_queries):
    bulk_articles(100)
    for size in SIZES:
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/articles/", {"page_size": size})
        assert len(response.json()["results"]) == size


def test_article_list_filtered(api_client, bulk_articles, django_assert_max_num_queries):
    params = {"page_size": 100, "topic": "ketamine", "tag": "bladder", "ordering": "title"}
    for size in SIZES:
        bulk_articles(size)
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/articles/", params)
        assert response.json()["count"] == size


def test_article_search(api_client, bulk_articles, django_assert_max_num_queries):
    for size in SIZES:
        bulk_articles(size)
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/articles/", {"page_size": 100, "q": "article"})
        assert response.json()["count"] == size
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/search/", {"page_size": 100, "q": "article"})
        assert response.json()["count"] == size


def test_topic_detail_and_list(api_client, bulk_articles, django_assert_max_num_queries):
    for size in SIZES:
        bulk_articles(size)
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/topics/ketamine/")
        assert len(response.json()["articles"]) == size
        assert all(article["share_image"] for article in response.json()["articles"])
        with django_assert_max_num_queries(LIST_BUDGET):
            topic = api_client.get("/api/v1/topics/").json()["results"][0]
        assert topic["article_count"] == size
        assert topic["share_image"]["alt"] == "Share 3"


def test_helpline_list(api_client, helpline_factory, django_assert_max_num_queries):
    count = 0
    for size in SIZES:
        while count < size:
            count += 1
            helpline_factory(
                name=f"Line {count}", opening_hours=[(0, "09:00", "17:00"), (1, "09:00", "17:00")]
            )
        with django_assert_max_num_queries(LIST_BUDGET):
            response = api_client.get("/api/v1/helplines/", {"page_size": 100})
        assert len(response.json()["results"]) == size


@pytest.mark.parametrize(
    ("sections", "images", "links", "related"), [(1, 0, 0, 0), (5, 3, 3, 2), (30, 15, 20, 6)]
)
def test_article_detail(
    api_client,
    make_article,
    rich_body,
    image_factory,
    helpline_factory,
    person_factory,
    bulk_articles,
    django_assert_max_num_queries,
    sections,
    images,
    links,
    related,
):
    targets = bulk_articles(max(links, related))
    cta = helpline_factory(name="CTA line", opening_hours=[(0, "09:00", "17:00")])
    helpline_factory(name="Local line", opening_hours=[(2, "09:00", "17:00")])
    reviewer = person_factory(name="Dr Photo", photo=image_factory())
    body = rich_body(
        images=[image_factory() for _ in range(images)],
        links=targets[:links],
        helpline=cta,
        sections=sections,
    )
    article = make_article(title="Measured", body=body, medical_reviewer=reviewer, tags=["bladder"])
    for n, target in enumerate(targets[:related]):
        ArticleRelatedLink.objects.create(source=article, article=target, sort_order=n)
    article.save_revision().publish()  # also makes the renditions

    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = api_client.get(f"/api/v1/articles/{article.slug}/")
    data = response.json()
    assert len([b for b in data["body"] if b["type"] == "image"]) == images
    assert all(b["value"]["image"] for b in data["body"] if b["type"] == "image")
    assert data["medical_reviewer"]["photo"]["url"]
    assert data["share_image"]["url"]
    assert all(article["share_image"] for article in data["related_articles"])
    assert len(data["related_articles"]) == min(3, max(related, len(targets)))
    assert data["body"][-1]["value"]["helpline"]["name"] == "CTA line"


# --- at 10 and 1,000 articles ---------------------------------------------------

URLS_AT_ANY_SIZE = {
    "list": ("/api/v1/articles/", {}),
    "list by title": ("/api/v1/articles/", {"ordering": "title"}),
    "list by last review": ("/api/v1/articles/", {"ordering": "-last_reviewed"}),
    "list by first publication": ("/api/v1/articles/", {"ordering": "first_published_at"}),
    "list filtered": ("/api/v1/articles/", {"topic": "ketamine", "tag": "bladder"}),
    "list since": ("/api/v1/articles/", {"modified_since": "2000-01-01T00:00:00Z"}),
    "list searched": ("/api/v1/articles/", {"q": "measured"}),
    "search": ("/api/v1/search/", {"q": "measured"}),
    "detail": ("/api/v1/articles/many-1/", {}),
    "topic": ("/api/v1/topics/ketamine/", {}),
}


@pytest.fixture
def many_articles(topic_page):
    """Grows the topic to `n` live, tagged, searchable articles, in bulk."""
    from taggit.models import Tag
    from wagtail.search.backends import get_search_backend

    from tests.api.bulk_pages import add_live_articles

    tag_ids = [Tag.objects.get_or_create(name=name, slug=name)[0].pk for name in ("bladder", "basics")]
    created = []

    def grow(n):
        articles = add_live_articles(
            topic_page,
            n - len(created),
            prefix="many",
            fields_for=lambda i: {"title": f"Measured article {len(created) + i}"},
            tag_ids_for=lambda i: tag_ids[: 1 + i % 2],
        )
        for article in articles:
            article._cached_parent_obj = topic_page  # its search fields read the topic
        prefetch_related_objects(articles, "tags")
        get_search_backend().add_bulk(ArticlePage, articles)
        created.extend(articles)

    return grow


def test_query_counts_are_the_same_at_10_and_1000_articles(
    api_client, many_articles, django_assert_max_num_queries
):
    counts = {}
    for size in (10, 1000):
        many_articles(size)
        for name, (url, params) in URLS_AT_ANY_SIZE.items():
            budget = DETAIL_BUDGET if name == "detail" else LIST_BUDGET
            with django_assert_max_num_queries(budget) as queries:
                response = api_client.get(url, params)
            assert response.status_code == 200, (name, response.content[:300])
            counts.setdefault(name, []).append(len(queries))
        searched = api_client.get("/api/v1/articles/", {"q": "measured"}).json()["count"]
        assert searched == min(size, SEARCH_CANDIDATES)
        assert len(api_client.get("/api/v1/articles/many-1/").json()["related_articles"]) == 3
    assert {name: small for name, (small, large) in counts.items() if small != large} == {}, counts
