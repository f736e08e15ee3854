"""Response cache, ETag/Last-Modified, 304s and invalidation on content changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from api import caching
from cms.models import TopicPage
from tests.conftest import redis_available, require_service

pytestmark = pytest.mark.django_db
LIST = "/api/v1/articles/"


def get(api_client, url, **headers):
    response = api_client.get(url, **headers)
    assert response.status_code in (200, 304), response.content
    return response


def sql_of(api_client, url, **headers) -> list[str]:
    """The SQL a request ran."""
    with CaptureQueriesContext(connection) as queries:
        get(api_client, url, **headers)
    return [query["sql"] for query in queries]


def test_second_request_is_served_from_the_cache(api_client, make_article):
    make_article()
    first = get(api_client, LIST)
    second = get(api_client, LIST)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert first["Last-Modified"]


def test_if_none_match_gives_304(api_client, make_article):
    article = make_article()
    url = f"/api/v1/articles/{article.slug}/"
    etag = get(api_client, url)["ETag"]
    response = get(api_client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert get(api_client, url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_if_modified_since_gives_304(api_client, make_article):
    make_article()
    last_modified = get(api_client, LIST)["Last-Modified"]
    assert get(api_client, LIST, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert get(api_client, LIST, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_etag_still_works_with_the_cache_disabled(api_client, make_article, settings):
    settings.API_CACHE_TIMEOUT = 0
    make_article()
    first = get(api_client, LIST)
    assert get(api_client, LIST)["X-Cache"] == "MISS"
    assert get(api_client, LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_publishing_an_edit_shows_on_the_next_request(api_client, make_article):
    article = make_article(title="Old title")
    url = f"/api/v1/articles/{article.slug}/"
    etag = get(api_client, url)["ETag"]
    assert get(api_client, url)["X-Cache"] == "HIT"
    article.title = "New title"
    article.save_revision().publish()
    response = get(api_client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["title"] == "New title"
    assert get(api_client, LIST).json()["results"][0]["title"] == "New title"


def test_saving_a_draft_changes_nothing_public(api_client, make_article):
    article = make_article(title="Published title")
    get(api_client, LIST)
    article.title = "Draft title"
    article.save_revision()
    response = get(api_client, LIST)
    assert response["X-Cache"] == "HIT"
    assert response.json()["results"][0]["title"] == "Published title"


def test_unpublishing_removes_it_at_once(api_client, make_article):
    article = make_article()
    url = f"/api/v1/articles/{article.slug}/"
    get(api_client, url)
    assert get(api_client, LIST).json()["count"] == 1
    article.unpublish()
    assert api_client.get(url).status_code == 404
    assert get(api_client, LIST).json()["count"] == 0


def test_deleting_removes_it_at_once(api_client, make_article):
    article = make_article()
    assert get(api_client, LIST).json()["count"] == 1
    article.delete()
    assert get(api_client, LIST).json()["count"] == 0


def test_moving_updates_the_topic(api_client, make_article, add_page, topic_index_page):
    alcohol = add_page(topic_index_page, TopicPage(title="Alcohol", slug="alcohol"))
    article = make_article()
    assert get(api_client, LIST).json()["results"][0]["topic"]["slug"] == "ketamine"
    article.move(alcohol, pos="last-child")
    assert get(api_client, LIST).json()["results"][0]["topic"]["slug"] == "alcohol"


def test_saving_a_person_snippet_invalidates(api_client, make_article):
    article = make_article()
    url = f"/api/v1/articles/{article.slug}/"
    assert get(api_client, url).json()["medical_reviewer"]["name"] == "Sample Reviewer"
    reviewer = article.medical_reviewer
    reviewer.name = "Dr Renamed"
    reviewer.save()
    assert get(api_client, url).json()["medical_reviewer"]["name"] == "Dr Renamed"


def test_saving_a_helpline_snippet_invalidates(api_client, gb_helpline, make_article):
    article = make_article()
    url = f"/api/v1/articles/{article.slug}/"
    assert get(api_client, url).json()["helplines"][0]["phone_number"] == "0300 123 6600"
    assert get(api_client, "/api/v1/helplines/")["X-Cache"] == "MISS"
    gb_helpline.phone_number = "0800 000 0000"
    gb_helpline.save()
    assert get(api_client, url).json()["helplines"][0]["phone_number"] == "0800 000 0000"
    assert get(api_client, "/api/v1/helplines/").json()["results"][0]["phone_number"] == "0800 000 0000"


def test_accept_language_variants_are_cached_apart(api_client, make_article, helpline_factory):
    helpline_factory(name="UK line", country="GB")
    helpline_factory(name="US line", country="US")
    url = f"/api/v1/articles/{make_article().slug}/"
    assert get(api_client, url, HTTP_ACCEPT_LANGUAGE="en-GB").json()["helplines_country"] == "GB"
    assert get(api_client, url, HTTP_ACCEPT_LANGUAGE="en-US").json()["helplines_country"] == "US"
    hit = get(api_client, url, HTTP_ACCEPT_LANGUAGE="en-US")
    assert (hit["X-Cache"], hit.json()["helplines_country"]) == ("HIT", "US")


def test_invalidation_also_runs_after_commit(django_capture_on_commit_callbacks):
    before = caching.current_generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        caching.invalidate_now_and_on_commit()
    after_now = caching.current_generation()
    assert after_now != before
    assert len(callbacks) == 1
    callbacks[0]()
    assert caching.current_generation() != after_now


def test_lost_generation_never_resurrects_old_entries():
    first = caching.current_generation()
    cache.delete(caching.GENERATION_KEY)
    assert caching.current_generation() != first


def test_responses_are_cached_in_redis_until_a_helpline_changes(api_client, helpline_factory):
    require_service(redis_available(), "needs Redis: set REDIS_URL")
    helpline_factory(opening_hours=[(day, "00:00", "23:59") for day in range(7)], time_zone="UTC")
    get(api_client, "/api/v1/helplines/")
    keys = cache.keys(f"{caching.RESPONSE_KEY_PREFIX}:*")
    assert len(keys) == 1
    # Cached at most until the helpline next opens or closes (< 1 day away).
    assert 0 < cache.ttl(keys[0]) <= 24 * 3600


def test_a_cache_hit_runs_no_queries(api_client, make_article, django_assert_num_queries):
    article = make_article()
    url = f"/api/v1/articles/{article.slug}/"
    get(api_client, url)
    with django_assert_num_queries(0):
        assert get(api_client, url)["X-Cache"] == "HIT"


def test_publishing_makes_the_renditions_the_api_serves(make_article, rich_body, image_factory, settings):
    from wagtail.images import get_image_model

    image = image_factory()
    rendition_model = get_image_model().get_rendition_model()
    article = make_article(title="Pictures", body=rich_body(images=[image]), publish=False)
    assert not rendition_model.objects.filter(image=image).exists()
    article.get_latest_revision().publish()
    assert rendition_model.objects.filter(image=image, filter_spec=settings.API_IMAGE_RENDITION).exists()


def _cache_calls(monkeypatch) -> list[str]:
    """Names of the cache operations our code makes from now on, in order
    (not those a backend makes inside one: local memory's `get_many` calls
    `get` for each key; Redis's is one MGET)."""
    calls = []
    depth = [0]
    for name in ("get", "get_many", "set", "add", "delete", "has_key", "incr"):
        original = getattr(cache, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    return calls


def test_a_cache_hit_is_one_cache_round_trip(api_client, make_article, monkeypatch):
    url = f"/api/v1/articles/{make_article().slug}/"
    get(api_client, url)
    calls = _cache_calls(monkeypatch)
    assert get(api_client, url)["X-Cache"] == "HIT"
    assert calls == ["get_many"]


def test_a_miss_reads_once_and_stores_once(api_client, make_article, monkeypatch):
    url = f"/api/v1/articles/{make_article().slug}/"
    get(api_client, LIST)  # the generation exists
    calls = _cache_calls(monkeypatch)
    assert get(api_client, url)["X-Cache"] == "MISS"
    assert calls == ["get_many", "set"]


def test_a_hit_is_served_before_rest_framework_runs(api_client, make_article, monkeypatch):
    from rest_framework.views import APIView

    url = f"/api/v1/articles/{make_article().slug}/"
    get(api_client, url)

    def refuse(*args, **kwargs):
        raise AssertionError("REST framework ran for a cache hit")

    monkeypatch.setattr(APIView, "initial", refuse)
    assert get(api_client, url)["X-Cache"] == "HIT"


def test_what_rest_framework_refuses_is_refused_after_a_hit(api_client, make_article):
    url = f"/api/v1/articles/{make_article().slug}/"
    get(api_client, url)
    assert api_client.get(url, HTTP_ACCEPT="text/html").status_code == 406
    assert api_client.get(url, {"country": "G1"}).status_code == 400


def test_list_counts_are_cached_until_content_changes(api_client, make_article):
    make_article(title="One")
    assert get(api_client, LIST, HTTP_HOST="localhost").json()["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        assert get(api_client, LIST, HTTP_HOST="127.0.0.1").json()["count"] == 1  # another URL: a miss
    assert not [query for query in queries if "COUNT(" in query["sql"]]
    make_article(title="Two")
    assert get(api_client, LIST, HTTP_HOST="127.0.0.1").json()["count"] == 2


def test_which_pages_are_private_is_read_once_per_content_generation(
    api_client, make_article, add_page, topic_index_page
):
    from wagtail.models import PageViewRestriction

    private_topic = add_page(topic_index_page, TopicPage(title="Private", slug="private"))
    make_article(title="Open")
    make_article(title="Behind login", parent=private_topic)
    assert get(api_client, LIST, HTTP_HOST="localhost").json()["count"] == 2

    another_miss = sql_of(api_client, LIST, HTTP_HOST="127.0.0.1")
    assert not [sql for sql in another_miss if "wagtailcore_pageviewrestriction" in sql]

    PageViewRestriction.objects.create(page=private_topic, restriction_type="login")
    results = get(api_client, LIST, HTTP_HOST="localhost").json()["results"]
    assert [article["title"] for article in results] == ["Open"]


def test_topics_are_read_once_per_content_generation(api_client, make_article, topic_page):
    make_article()
    assert get(api_client, LIST, HTTP_HOST="localhost").json()["results"][0]["topic"]["title"] == "Ketamine"
    another_miss = sql_of(api_client, LIST, HTTP_HOST="127.0.0.1")
    assert another_miss and not [sql for sql in another_miss if "cms_topicpage" in sql]

    topic_page.title = "Ketamine (K)"
    topic_page.save_revision().publish()
    results = get(api_client, LIST, HTTP_HOST="localhost").json()["results"]
    assert results[0]["topic"]["title"] == "Ketamine (K)"


def test_site_search_reads_the_kept_topics(api_client, make_article, topic_page):
    make_article(title="Ketamine and the bladder")
    url = "/api/v1/search/?q=ketamine"
    assert get(api_client, url, HTTP_HOST="localhost").json()["results"][0]["title"] == "Ketamine"
    another_miss = sql_of(api_client, url, HTTP_HOST="127.0.0.1")
    assert another_miss and not [sql for sql in another_miss if "cms_topicpage" in sql]


def test_helplines_are_read_once_per_content_generation(api_client, make_article, gb_helpline):
    url = f"/api/v1/articles/{make_article().slug}/"
    assert get(api_client, url, HTTP_HOST="localhost").json()["helplines"][0]["name"] == "GB drugs line"
    another_miss = sql_of(api_client, url, HTTP_HOST="127.0.0.1")
    assert another_miss and not [sql for sql in another_miss if "cms_helpline" in sql]
    # Saving one replaces the generation: test_saving_a_helpline_snippet_invalidates.
