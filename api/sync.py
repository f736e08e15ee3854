"""Incremental sync for frontends, in the spirit of Contentful's Sync API.

A first call (no cursor) pages through every topic and article the API shows;
its last page hands out a sync cursor. A later call with that cursor returns
what changed since: pages created or updated (as items), and tombstones
(`{type, id}`) for pages the API no longer shows: unpublished, deleted, made
private, or moved under a private section. The last page of that answer
hands out the next sync cursor, and so on. `modified_since` on the lists is
separate and unchanged.

Why Wagtail's audit log (`PageLogEntry`) rather than a table of our own: the
page table cannot say what was deleted, and a page's visibility also changes
through its ancestors (a view restriction or a move higher up the tree)
without its own row changing. Wagtail logs every publish, unpublish, delete
(one entry per page of a deleted subtree), move and view-restriction change;
the entries stay after the page is deleted, and they live in the database, so
a cursor stays good across restarts and cache flushes.

A delta is computed as *which pages may have changed*, then *what each is
now*: the pages named by log entries since the cursor, the current
descendants of those that have children (a move or a restriction changes the
whole subtree; so does a slug change, through the URLs), and pages published
since (publishing that bypassed the log, e.g. an import). Each is checked
against what the API shows now: shown, an item; not shown, a tombstone.
Sending current state rather than replaying events makes sending a page twice
harmless, and that is what lets the cursor overlap: a log entry is numbered
when it is written but seen only when its transaction commits, so one
numbered below the cursor's mark can appear after the cursor was made.
Entries timestamped within API_SYNC_OVERLAP_SECONDS before the cursor are
read again; a frontend may get a recently changed page twice, never miss one.
A tombstone may name a page the frontend never had (published and removed
between two syncs, say): it ignores it.

Paging is by page id (keyset), so it holds however pages change meanwhile:
a change to a page already sent is in the next sync, because that sync
starts from the mark taken when this one began.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Max, Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from api import page_types
from api.pages import public_url
from cms.models import ArticlePage, TopicPage

# The page types the API lists (their `type` as in search results).
SYNC_MODELS = [TopicPage, ArticlePage]
# Items are lean (no bodies), so pages can be larger than the lists'.
SYNC_PAGE_SIZE = 200
SYNC_MAX_PAGE_SIZE = 1000
# Log actions that can change what the API shows or where a page lives.
# Draft saves, locks, comments and workflow steps change nothing public.
PUBLIC_STATE_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.rename",
    "wagtail.revert",
    "wagtail.copy",
    "wagtail.create_alias",
    "wagtail.convert_alias",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)
CURSOR_VERSION = 1


class InvalidCursor(ValueError):
    """A cursor this API did not hand out (or a damaged copy of one)."""


@dataclass(frozen=True)
class Cursor:
    """Where a sync stands.

    `since`/`since_log_id`: the mark the changes are counted from (None for
    a first, full sync). `until`/`until_log_id`: the mark taken when this
    sync began, where the next one will start (None in a sync cursor, set
    by the call that uses it). `after_id`: the last page id already sent in
    this sync.
    """

    since: dt.datetime | None = None
    since_log_id: int = 0
    until: dt.datetime | None = None
    until_log_id: int = 0
    after_id: int = 0

    @property
    def is_full(self) -> bool:
        return self.since is None


@dataclass
class SyncPage:
    items: list[Page]  # plain Page rows: `sync_item()` shapes them
    deleted: list[dict[str, object]]
    next_page_cursor: str | None
    next_sync_cursor: str | None


# --- cursors ------------------------------------------------------------------


def _micros(moment: dt.datetime | None) -> int | None:
    return None if moment is None else round(moment.timestamp() * 1_000_000)


def _moment(micros: object) -> dt.datetime | None:
    if micros is None:
        return None
    if not isinstance(micros, int) or isinstance(micros, bool) or micros < 0:
        raise InvalidCursor("bad time")
    try:
        return dt.datetime.fromtimestamp(micros / 1_000_000, tz=dt.UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise InvalidCursor("bad time") from exc


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidCursor("bad number")
    return value


def cursor_encode(cursor: Cursor) -> str:
    """Opaque to clients: URL-safe base64 of a small JSON object."""
    payload = {
        "v": CURSOR_VERSION,
        "s": _micros(cursor.since),
        "sl": cursor.since_log_id,
        "u": _micros(cursor.until),
        "ul": cursor.until_log_id,
        "a": cursor.after_id,
    }
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(text: str) -> Cursor:
    """The cursor `text` stands for; InvalidCursor for anything else."""
    if not text or len(text) > 400:
        raise InvalidCursor("bad length")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError) as exc:  # incl. UnicodeDecodeError, JSONDecodeError
        raise InvalidCursor("not a cursor") from exc
    if not isinstance(payload, dict) or set(payload) != {"v", "s", "sl", "u", "ul", "a"}:
        raise InvalidCursor("not a cursor")
    if payload["v"] != CURSOR_VERSION:
        raise InvalidCursor("old version")
    cursor = Cursor(
        since=_moment(payload["s"]),
        since_log_id=_count(payload["sl"]),
        until=_moment(payload["u"]),
        until_log_id=_count(payload["ul"]),
        after_id=_count(payload["a"]),
    )
    if cursor.is_full and cursor.until is None:
        raise InvalidCursor("not a cursor")
    return cursor


def _mark() -> tuple[dt.datetime, int]:
    """Now, as a point in the log (one query)."""
    now = timezone.now()
    return now, PageLogEntry.objects.aggregate(last=Max("id"))["last"] or 0


# --- reads --------------------------------------------------------------------


def _changed_page_types(cursor: Cursor, type_names: dict[int, str]) -> dict[int, int]:
    """Page id -> content type id of every synced page whose public state
    may have changed since `cursor` (three queries)."""
    window_start = cursor.since - dt.timedelta(seconds=settings.API_SYNC_OVERLAP_SECONDS)
    entries = PageLogEntry.objects.filter(action__in=PUBLIC_STATE_ACTIONS).filter(
        Q(id__gt=cursor.since_log_id) | Q(timestamp__gte=window_start)
    )
    # A deleted page is gone from the page table: its log entries still
    # give its type. Pages that still exist are read from the page table,
    # with the subtrees of those that have children.
    changed = dict(entries.values_list("page_id", "content_type_id"))
    logged = entries.values("page_id")
    touched = Q(pk__in=logged) | Q(last_published_at__gte=window_start)
    parents = Page.objects.filter(pk__in=logged, numchild__gt=0).values_list("path", "depth")
    for path, depth in parents:
        touched |= Q(path__startswith=path, depth__gt=depth)
    changed.update(
        Page.objects.filter(touched, content_type_id__in=type_names).values_list("id", "content_type_id")
    )
    return {pk: ct for pk, ct in changed.items() if ct in type_names}


def sync_item(page: Page, *, type_names: dict[int, str], request: HttpRequest | None) -> dict[str, object]:
    """A page as sync sends it: enough to build a route and know whether to
    fetch it again (`api_url` has the whole of it)."""
    kind = type_names[page.content_type_id]
    return {
        "type": kind,
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "url": public_url(page.url_path),
        "api_url": page_types.detail_api_url(kind, page.slug, request=request),
        "last_published_at": page.last_published_at,
    }


def sync_page(*, cursor: Cursor | None, visible: Q, page_size: int) -> SyncPage:
    """One page of a sync: the full one without a cursor, else the changes
    since the cursor's mark, in page id order. Reads plain `Page` rows: a
    fixed number of queries however many pages there are."""
    type_names = page_types.type_names(SYNC_MODELS)
    if cursor is None:
        cursor = Cursor()
    if cursor.until is None:  # this sync starts now
        until, until_log_id = _mark()
        cursor = replace(cursor, until=until, until_log_id=until_log_id)

    if cursor.is_full:
        shown = Page.objects.filter(visible, content_type_id__in=type_names, id__gt=cursor.after_id)
        rows = list(shown.order_by("id")[: page_size + 1])
        more = len(rows) > page_size
        items, deleted = rows[:page_size], []
        last_id = items[-1].pk if items else cursor.after_id
    else:
        changed = _changed_page_types(cursor, type_names)
        ids = sorted(pk for pk in changed if pk > cursor.after_id)
        more = len(ids) > page_size
        ids = ids[:page_size]
        shown_by_id = Page.objects.filter(visible, pk__in=ids).in_bulk() if ids else {}
        items = [shown_by_id[pk] for pk in ids if pk in shown_by_id]
        deleted = [{"type": type_names[changed[pk]], "id": pk} for pk in ids if pk not in shown_by_id]
        last_id = ids[-1] if ids else cursor.after_id

    if more:
        return SyncPage(items, deleted, cursor_encode(replace(cursor, after_id=last_id)), None)
    next_sync = Cursor(since=cursor.until, since_log_id=cursor.until_log_id)
    return SyncPage(items, deleted, None, cursor_encode(next_sync))
