"""Cached, conditional API responses.

Serialized responses are stored in the Django cache (Redis when configured),
each with the *generation* token current when it was built. Any content
change (publish, unpublish, move, delete, a snippet save: see
`api/signals.py`) replaces the token, so every older entry stops being served
at once and the next request rebuilds it; nothing has to know which URLs a
change touches. The token is random rather than a counter so that losing it
(eviction, restart of a local-memory cache) can never resurrect entries from
an earlier generation.

A hit is one cache round trip: the token and the entry are read together
(`cache.get_many`, one MGET), and the entry counts only if it carries the
token. `api.views.CachedGetMixin` serves hits before Django REST framework
runs at all; a miss is built and stored under the same key, replacing
whatever older generation's entry was there.

Each response carries a strong `ETag` (hash of the body) and `Last-Modified`
(when the body was built); `If-None-Match` / `If-Modified-Since` get a 304.

Pagination counts are cached the same way (`cached_count`): at ten thousand
articles counting them costs more than reading a page of them.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.renderers import JSONRenderer

from cms.versioned_memo import VersionedMemo

GENERATION_KEY = "api:generation"
RESPONSE_KEY_PREFIX = "api:response"
COUNT_KEY_PREFIX = "api:count"
# Clients (and CDNs) may keep a copy but must revalidate it: an editor's change
# has to show on the next request, and revalidation is a cheap 304.
PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate"
PRIVATE_CACHE_CONTROL = "private, no-store"

T = TypeVar("T")


def current_generation() -> str:
    token = cache.get(GENERATION_KEY)
    return token if token is not None else _new_generation()


def _new_generation() -> str:
    cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return cache.get(GENERATION_KEY) or "unset"


def bump_generation() -> None:
    """Invalidate every cached API response."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_now_and_on_commit() -> None:
    """Bump at once (the change is visible to this connection now) and again
    after commit, so a response rebuilt by another process between the two
    (still seeing the old rows) is not served afterwards."""
    bump_generation()
    transaction.on_commit(bump_generation)


@dataclass(frozen=True)
class Lookup:
    """What one read of the cache found: the current generation, and the
    value stored at `key` under it (None: build it)."""

    key: str
    generation: str
    value: Any = None


def lookup(key: str) -> Lookup:
    """The current generation and `key`'s value, in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return Lookup(key, _new_generation())
    stored = found.get(key)
    if not isinstance(stored, tuple) or stored[0] != generation:
        return Lookup(key, generation)
    return Lookup(key, generation, stored[1])


_built = VersionedMemo()


def built_for_generation(name: str, found: Lookup | None, build: Callable[[], T]) -> T:
    """`build()`'s value, kept in this process for the generation `found`
    was read under (`cms.versioned_memo`; None, the cache off: built every
    time). For what every request reads from the database and only a content
    change alters (which pages are private): a miss then reuses it without a
    query, and the change, which replaces the generation (`api.signals`),
    rebuilds it."""
    return build() if found is None else _built.get(name, found.generation, build)


def store(found: Lookup, value: Any, *, timeout: int) -> None:
    cache.set(found.key, (found.generation, value), timeout=timeout)


def response_cache_key(request: HttpRequest, *, vary_on: tuple[str, ...] = ()) -> str:
    # The absolute URI: pagination links in the body carry scheme and host.
    parts = [request.method or "GET", request.build_absolute_uri(), *vary_on]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{RESPONSE_KEY_PREFIX}:{digest}"


def response_lookup(request: HttpRequest, *, vary_on: tuple[str, ...] = ()) -> Lookup | None:
    """The cache's answer for this request (None: the cache is off)."""
    if settings.API_CACHE_TIMEOUT <= 0:
        return None
    return lookup(response_cache_key(request, vary_on=vary_on))


def _finish(request: HttpRequest, entry: dict, *, vary: tuple[str, ...], hit: bool) -> HttpResponse:
    response = HttpResponse(entry["body"], content_type="application/json")
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    response["X-Cache"] = "HIT" if hit else "MISS"
    if vary:
        patch_vary_headers(response, vary)
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


def cached_hit(request: HttpRequest, found: Lookup | None, *, vary_headers: tuple[str, ...] = ()):
    """The response for a hit, or None."""
    if found is None or found.value is None:
        return None
    return _finish(request, found.value, vary=vary_headers, hit=True)


def cached_json_response(
    request: HttpRequest,
    *,
    build: Callable[[], tuple[object, int | None]],
    vary_on: tuple[str, ...] = (),
    vary_headers: tuple[str, ...] = (),
    found: Lookup | None = None,
) -> HttpResponse:
    """Serve `build()`'s data from the cache, or build, store and serve it.

    `build` returns ``(data, max_age)``: `max_age` caps how long the data is
    true for (e.g. until a helpline opens or closes), None for "until the
    content changes". `vary_on` adds request-derived values to the key (e.g.
    the country chosen from Accept-Language); `vary_headers` names the
    request headers they came from, for the Vary header. `found` is this
    request's lookup when the caller already made it.
    """
    found = found or response_lookup(request, vary_on=vary_on)
    hit = cached_hit(request, found, vary_headers=vary_headers)
    if hit is not None:
        return hit

    data, max_age = build()
    body = JSONRenderer().render(data)
    entry = {
        "body": body,
        "etag": f'"{hashlib.sha256(body).hexdigest()[:40]}"',
        "last_modified": int(time.time()),
    }
    if found is not None:
        timeout = settings.API_CACHE_TIMEOUT
        store(found, entry, timeout=timeout if max_age is None else max(1, min(timeout, max_age)))
    return _finish(request, entry, vary=vary_headers, hit=False)


def cached_count(queryset: QuerySet) -> int:
    """`queryset.count()`, cached until content changes (not at all with the
    cache off). Keyed by the query's SQL, so each filter has its own."""
    if settings.API_CACHE_TIMEOUT <= 0:
        return queryset.count()
    try:
        sql, params = queryset.order_by().query.sql_with_params()
    except EmptyResultSet:  # nothing can match: counted without a query
        return queryset.count()
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    found = lookup(f"{COUNT_KEY_PREFIX}:{digest}")
    if found.value is None:
        count = queryset.count()
        store(found, count, timeout=settings.API_CACHE_TIMEOUT)
        return count
    return found.value
