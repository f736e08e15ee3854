"""Fixtures shared by every test tier.

Unit tests run anywhere (SQLite and local memory when DATABASE_URL and
REDIS_URL are unset). Tests that need a real service call `require_service`,
which skips with the reason, or fails when CI is set.

CMS fixtures (stable names, used by the api and sms tests too; details at
"CMS fixtures" below): `home_page`, `topic_index_page`, `topic_page` (a
published Ketamine topic), `add_page(parent, page, publish=True)`,
`person_factory`, `helpline_factory`, `article_page_factory` / `make_article`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache


def require_service(available: bool, reason: str) -> None:
    """Skip (locally) or fail (CI) when a service a test needs is missing."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


def redis_available() -> bool:
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _flushed_marker() -> Path:
    # NAME gains its "test_" prefix once the test database is set up.
    name = Path(str(settings.DATABASES["default"].get("NAME") or "default")).name.removeprefix("test_")
    return Path(tempfile.gettempdir()) / f"pytest-db-flushed-{name}"


@pytest.fixture(scope="session")
def django_db_createdb(request) -> bool:
    """Recreate the test database on --create-db, and also when the previous
    run ended with transactional tests: their flush deletes the rows that
    migrations create (Wagtail's root page and groups, the review workflow),
    which a --reuse-db run would otherwise start without."""
    marker = _flushed_marker()
    flushed = marker.exists()
    marker.unlink(missing_ok=True)
    return bool(request.config.getvalue("create_db") or flushed)


def pytest_runtest_teardown(item):
    marker = item.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "transactional_db" in getattr(
        item, "fixturenames", ()
    ):
        _flushed_marker().touch()


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Each test starts with an empty cache. On Redis only this run's keys
    (its own db index and key prefix) are deleted, never the whole db."""
    _clear_own_cache_keys()
    yield
    _clear_own_cache_keys()


def _clear_own_cache_keys() -> None:
    if hasattr(cache, "delete_pattern"):
        # Redis down: the tests that need it say so themselves.
        with contextlib.suppress(Exception):
            cache.delete_pattern("*")
    else:
        cache.clear()


# --- CMS fixtures (owned by the CMS issue; names are stable, other apps use them) ---
#
# home_page            the site's HomePage (the default Site points at it)
# topic_index_page     published "Topics" index under home_page
# topic_page           published Ketamine TopicPage (other names, summary, sms_summary)
# add_page             add_page(parent, page, *, publish=True) -> page: adds a page under
#                      its parent, saves a revision and publishes it (or leaves a draft)
# person_factory       person_factory(**fields) -> Person ("Sample Reviewer, MBBS" by default)
# helpline_factory     helpline_factory(**fields) -> Helpline (GB drugs line, 24/7 by default;
#                      pass opening_hours=[(weekday, "09:00", "17:00"), ...] for hours)
# article_page_factory make_article(title=..., parent=topic_page, publish=True, **fields)
#                      -> ArticlePage, reviewed (author, medical reviewer, dates) unless
#                      reviewed=False; body defaults to a heading and a paragraph.
# make_article         alias of article_page_factory


def _add_page(parent, page, *, publish: bool = True):
    # As the admin does: created as a draft, then its revision is published.
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def add_page():
    return _add_page


@pytest.fixture
def home_page(db):
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    existing = HomePage.objects.first()
    if existing:
        return existing
    # Wagtail's migrations create the locale and root page; a flush after a
    # transactional test (or --nomigrations) removes them.
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Home", slug="home-test"))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def topic_index_page(home_page):
    from cms.models import TopicIndexPage

    return _add_page(home_page, TopicIndexPage(title="Topics", slug="topics"))


@pytest.fixture
def topic_page(topic_index_page):
    from cms.models import TopicPage

    return _add_page(
        topic_index_page,
        TopicPage(
            title="Ketamine",
            slug="ketamine",
            other_names="K, Special K, Ket, Vitamin K, Kit Kat",
            summary="<p>A dissociative anaesthetic, also used as a street drug.</p>",
            sms_summary="Ketamine (K, Ket) is a dissociative anaesthetic. Regular use harms the bladder.",
        ),
    )


@pytest.fixture
def person_factory(db):
    from cms.models import Person

    def make(**fields):
        fields.setdefault("name", "Sample Reviewer")
        fields.setdefault("credentials", "MBBS")
        fields.setdefault("role", "Sample clinical reviewer (not a real person)")
        return Person.objects.create(**fields)

    return make


@pytest.fixture
def helpline_factory(db):
    import datetime as dt

    from cms.models import Helpline, HelplineOpeningHours

    def make(*, opening_hours=(), **fields):
        fields.setdefault("name", "Sample drugs line")
        fields.setdefault("country", "GB")
        fields.setdefault("category", Helpline.Category.DRUGS)
        fields.setdefault("phone_number", "0300 123 6600")
        fields.setdefault("is_24_7", not opening_hours)
        helpline = Helpline.objects.create(**fields)
        for weekday, opens, closes in opening_hours:
            HelplineOpeningHours.objects.create(
                helpline=helpline,
                weekday=weekday,
                opens=dt.time.fromisoformat(opens),
                closes=dt.time.fromisoformat(closes),
            )
        return helpline

    return make


@pytest.fixture
def article_page_factory(topic_page, person_factory):
    import datetime as dt

    from django.utils import timezone

    from cms.models import ArticlePage

    def make(*, title="What is ketamine?", parent=None, publish=True, reviewed=True, tags=(), **fields):
        if reviewed:
            today = timezone.localdate()
            fields.setdefault("medical_reviewer", person_factory())
            fields.setdefault("author", person_factory(name="Sample Author", credentials=""))
            fields.setdefault("last_reviewed", today - dt.timedelta(days=30))
            fields.setdefault("next_review_due", today + dt.timedelta(days=335))
        fields.setdefault("standfirst", f"{title}: a short introduction.")
        fields.setdefault(
            "body",
            [
                ("heading", {"heading": "Overview", "anchor": ""}),
                ("paragraph", f"<p>About {title.lower()}.</p>"),
            ],
        )
        page = ArticlePage(title=title, **fields)
        page.tags.add(*tags)
        return _add_page(parent or topic_page, page, publish=publish)

    return make


@pytest.fixture
def make_article(article_page_factory):
    return article_page_factory


@pytest.fixture(autouse=True)
def _wagtail_base_rows(request):
    """Wagtail's data migrations create the default locale and the root page.
    Transactional tests (the integration and browser tiers) flush them (and --reuse-db
    keeps the flushed database), so put back what these tests need, and forget
    content types cached before the flush."""
    if not request.node.get_closest_marker("django_db") and "db" not in request.fixturenames:
        return
    request.getfixturevalue("db")
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    # A flush re-creates content types with new ids; this process's cache
    # would still hand out the old ones ("content type instance with id 1 is
    # not a valid choice").
    ContentType.objects.clear_cache()

    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
