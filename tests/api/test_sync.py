"""/api/v1/sync/: a first full sync, then deltas with tombstones, checked
against a full crawl of the lists."""

from __future__ import annotations

import base64
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, PageViewRestriction

from api import sync
from cms.models import TopicPage
from tests.api.bulk_pages import add_live_articles
from tests.conftest import _clear_own_cache_keys

pytestmark = pytest.mark.django_db
SHARED_FIELDS = ("slug", "title", "url", "api_url", "last_published_at")
SYNC_BUDGET = 7  # measured: 3 for a full sync, 6 for a delta; +1 while ContentType's cache is cold


def crawl(client) -> dict[tuple[str, int], dict]:
    """Every topic and article the lists show, as sync shapes them."""
    found = {}
    for kind, url in (
        ("topic", "/api/v1/topics/?page_size=100"),
        ("article", "/api/v1/articles/?page_size=100"),
    ):
        while url:
            body = client.get(url).json()
            for result in body["results"]:
                found[(kind, result["id"])] = {field: result[field] for field in SHARED_FIELDS}
            url = body["next"]
    return found


def sync_all(client, *, cursor=None, page_size=2):
    """A whole sync, page by page: (items, deleted, next sync cursor)."""
    items, deleted = [], []
    while True:
        params = {"page_size": page_size, **({"cursor": cursor} if cursor else {})}
        response = client.get("/api/v1/sync/", params)
        assert response.status_code == 200, response.content
        body = response.json()
        items += body["items"]
        deleted += body["deleted"]
        assert len(body["items"]) + len(body["deleted"]) <= page_size
        # Exactly one of the two: more of this sync, or where the next starts.
        assert (body["next_page_cursor"] is None) != (body["next_sync_cursor"] is None)
        if body["next_sync_cursor"]:
            return items, deleted, body["next_sync_cursor"]
        cursor = body["next_page_cursor"]


def apply(snapshot: dict, items: list[dict], deleted: list[dict]) -> dict:
    result = dict(snapshot)
    for gone in deleted:
        result.pop((gone["type"], gone["id"]), None)  # unknown ids are ignored
    for item in items:
        result[(item["type"], item["id"])] = {field: item[field] for field in SHARED_FIELDS}
    return result


@pytest.fixture
def second_topic(topic_index_page, add_page):
    return add_page(topic_index_page, TopicPage(title="Cannabis", slug="cannabis", sms_summary="Cannabis."))


@pytest.fixture
def private_topic(topic_index_page, add_page):
    topic = add_page(topic_index_page, TopicPage(title="Staff notes", slug="staff-notes"))
    PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    return topic


def test_a_delta_applied_to_the_first_sync_equals_a_full_crawl(
    api_client, make_article, topic_page, second_topic, private_topic, settings
):
    # No overlap, so the delta holds exactly what changed (pages changed
    # just before a cursor are otherwise sent again, harmlessly).
    settings.API_SYNC_OVERLAP_SECONDS = 0
    edited = make_article(title="Edited")
    unpublished = make_article(title="Unpublished")
    deleted = make_article(title="Deleted")
    moved = make_article(title="Moved")
    made_private = make_article(title="Made private")
    moved_away = make_article(title="Moved away")
    kept = make_article(title="Kept")
    in_renamed_topic = make_article(title="Under cannabis", parent=second_topic)

    items, tombstones, cursor = sync_all(api_client)
    snapshot = apply({}, items, tombstones)
    assert tombstones == []
    assert snapshot == crawl(api_client)
    assert ("article", kept.pk) in snapshot and ("topic", private_topic.pk) not in snapshot

    # Between the two syncs: every kind of change.
    created = make_article(title="Created")
    make_article(title="Only a draft", publish=False)
    short_lived = make_article(title="Published then deleted")
    short_lived.delete()
    edited.title = "Edited again"
    edited.save_revision().publish()
    unpublished.unpublish()
    deleted.delete()
    moved.move(second_topic, pos="last-child")
    PageViewRestriction.objects.create(page=made_private, restriction_type=PageViewRestriction.LOGIN)
    moved_away.move(private_topic, pos="last-child")
    second_topic.slug = "weed"  # its articles' URLs change too
    second_topic.save_revision().publish()

    # A restart and a cache flush change nothing: the cursor and the audit
    # log carry everything.
    _clear_own_cache_keys()
    ContentType.objects.clear_cache()

    items, tombstones, next_cursor = sync_all(api_client, cursor=cursor)
    after = crawl(api_client)
    assert after != snapshot  # the changes show in the lists
    assert apply(snapshot, items, tombstones) == after

    changed = {item["id"] for item in items}
    gone = {(tombstone["type"], tombstone["id"]) for tombstone in tombstones}
    assert {created.pk, edited.pk, moved.pk, second_topic.pk, in_renamed_topic.pk} <= changed
    assert {("article", page.pk) for page in (unpublished, deleted, made_private, moved_away)} <= gone
    assert kept.pk not in changed and ("article", kept.pk) not in gone
    assert all(item["title"] != "Only a draft" for item in items)
    assert next_cursor != cursor


def test_deleting_a_topic_tombstones_its_articles(api_client, make_article, topic_page, settings):
    articles = [make_article(title=f"Article {n}") for n in range(3)]
    _items, _deleted, cursor = sync_all(api_client, page_size=100)

    topic_page.delete()

    items, deleted, _next = sync_all(api_client, cursor=cursor, page_size=100)
    assert items == []
    expected = [("topic", topic_page.pk)] + [("article", article.pk) for article in articles]
    assert sorted((d["type"], d["id"]) for d in deleted) == sorted(expected)


def test_a_view_restriction_hides_a_subtree_and_lifting_it_brings_it_back(
    api_client, make_article, topic_page, settings
):
    settings.API_SYNC_OVERLAP_SECONDS = 0  # each delta holds only its own changes
    article = make_article(title="Under the topic")
    _items, _deleted, cursor = sync_all(api_client, page_size=100)

    restriction = PageViewRestriction.objects.create(page=topic_page, restriction_type="login")
    items, deleted, cursor = sync_all(api_client, cursor=cursor, page_size=100)
    assert items == []
    assert {(d["type"], d["id"]) for d in deleted} == {("topic", topic_page.pk), ("article", article.pk)}

    restriction.delete()
    items, deleted, _next = sync_all(api_client, cursor=cursor, page_size=100)
    assert deleted == []
    assert {(i["type"], i["id"]) for i in items} == {("topic", topic_page.pk), ("article", article.pk)}


def test_a_delta_with_no_changes_is_empty(api_client, make_article, settings):
    settings.API_SYNC_OVERLAP_SECONDS = 0
    make_article(title="Settled")
    _items, _deleted, cursor = sync_all(api_client)
    items, deleted, next_cursor = sync_all(api_client, cursor=cursor)
    assert (items, deleted) == ([], [])
    assert sync.cursor_decode(next_cursor).since >= sync.cursor_decode(cursor).since


def test_a_change_committed_after_the_cursor_was_made_is_not_missed(api_client, make_article, settings):
    """A log entry numbered below the cursor's mark but committed after the
    cursor was handed out (a long publishing transaction) is found by its
    time, within API_SYNC_OVERLAP_SECONDS."""
    settings.API_CACHE_TIMEOUT = 0
    late = make_article(title="Committed late")
    mark = PageLogEntry.objects.order_by("-id").values_list("id", flat=True).first()
    cursor = sync.cursor_encode(sync.Cursor(since=timezone.now(), since_log_id=mark))

    settings.API_SYNC_OVERLAP_SECONDS = 120
    items = api_client.get("/api/v1/sync/", {"cursor": cursor}).json()["items"]
    assert late.pk in {item["id"] for item in items}

    settings.API_SYNC_OVERLAP_SECONDS = 0  # without the overlap it would be lost
    assert api_client.get("/api/v1/sync/", {"cursor": cursor}).json()["items"] == []


def test_the_cursor_round_trips():
    cursor = sync.Cursor(
        since=timezone.now(), since_log_id=41, until=timezone.now(), until_log_id=42, after_id=7
    )
    decoded = sync.cursor_decode(sync.cursor_encode(cursor))
    assert decoded.since_log_id == 41 and decoded.until_log_id == 42 and decoded.after_id == 7
    assert abs((decoded.since - cursor.since).total_seconds()) < 1e-5


def _b64(value) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


GOOD = {"v": 1, "s": 1_700_000_000_000_000, "sl": 1, "u": None, "ul": 0, "a": 0}


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "abc",
        "!!!not base64!!!",
        "x" * 401,
        _b64(b"\xff\xfe not json"),
        _b64([1, 2, 3]),
        _b64({**GOOD, "v": 0}),
        _b64({**GOOD, "extra": 1}),
        _b64({**GOOD, "a": -1}),
        _b64({**GOOD, "sl": "1"}),
        _b64({**GOOD, "a": True}),
        _b64({**GOOD, "s": 10**30}),
        _b64({**GOOD, "s": None}),  # a full sync must say where it started
    ],
)
def test_a_malformed_cursor_is_a_clear_400(api_client, cursor):
    response = api_client.get("/api/v1/sync/", {"cursor": cursor})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    error = response.json()["errors"][0]
    assert (error["field"], error["code"]) == ("cursor", "invalid_cursor")
    assert "without `cursor`" in error["message"]


@pytest.mark.parametrize("page_size", ["0", "-1", "x", str(sync.SYNC_MAX_PAGE_SIZE + 1)])
def test_a_bad_page_size_is_a_400(api_client, page_size):
    response = api_client.get("/api/v1/sync/", {"page_size": page_size})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "page_size"


def test_sync_answers_are_cached_and_conditional(api_client, make_article):
    make_article(title="Cached")
    first = api_client.get("/api/v1/sync/")
    again = api_client.get("/api/v1/sync/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert first["X-Cache"] == "MISS" and again.status_code == 304


def test_query_budget_at_10_and_1000_pages(api_client, topic_page, django_assert_max_num_queries, settings):
    """Constant in the number of pages: a full sync, then a delta after the
    topic is published again (which brings in its whole subtree)."""
    settings.API_CACHE_TIMEOUT = 0
    articles = 0
    for size in (10, 1000):
        articles += len(add_live_articles(topic_page, size - articles))
        shown = articles + 1  # and the topic
        cursor, received = None, 0
        while True:
            with django_assert_max_num_queries(SYNC_BUDGET):
                params = {"page_size": sync.SYNC_MAX_PAGE_SIZE, **({"cursor": cursor} if cursor else {})}
                body = api_client.get("/api/v1/sync/", params).json()
            received += len(body["items"])
            if body["next_sync_cursor"]:
                break
            cursor = body["next_page_cursor"]
        assert received == shown

        # What publishing the topic logs (publishing it for real also
        # reindexes every article: slow, and not what is measured).
        log(instance=topic_page, action="wagtail.publish")
        with django_assert_max_num_queries(SYNC_BUDGET):
            body = api_client.get(
                "/api/v1/sync/", {"cursor": body["next_sync_cursor"], "page_size": sync.SYNC_MAX_PAGE_SIZE}
            ).json()
        assert len(body["items"]) == min(shown, sync.SYNC_MAX_PAGE_SIZE)
