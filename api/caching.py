"""Cached, conditional API responses.

Serialized responses are stored in the Django cache (Redis when configured)
under a key that includes a *generation* token. Any content change (publish,
unpublish, move, delete, a snippet save: see `api/signals.py`) replaces the
token, so every older entry becomes unreachable at once and the next request
rebuilds; nothing has to know which URLs a change touches. The token is random
rather than a counter so that losing it (eviction, restart of a local-memory
cache) can never resurrect entries from an earlier generation.

Each response carries a strong `ETag` (hash of the body) and `Last-Modified`
(when the body was built); `If-None-Match` / `If-Modified-Since` get a 304.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.renderers import JSONRenderer

GENERATION_KEY = "api:generation"
RESPONSE_KEY_PREFIX = "api:response"
# Clients (and CDNs) may keep a copy but must revalidate it: an editor's change
# has to show on the next request, and revalidation is a cheap 304.
PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate"
PRIVATE_CACHE_CONTROL = "private, no-store"


def current_generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY) or "unset"
    return token


def bump_generation() -> None:
    """Invalidate every cached API response."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_now_and_on_commit() -> None:
    """Bump at once (the change is visible to this connection now) and again
    after commit, so a response rebuilt by another process between the two
    (still seeing the old rows) is not served afterwards."""
    bump_generation()
    transaction.on_commit(bump_generation)


def response_cache_key(request: HttpRequest, *, vary_on: tuple[str, ...] = ()) -> str:
    # The absolute URI: pagination links in the body carry scheme and host.
    parts = [request.method or "GET", request.build_absolute_uri(), *vary_on]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{RESPONSE_KEY_PREFIX}:{current_generation()}:{digest}"


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


def cached_json_response(
    request: HttpRequest,
    *,
    build: Callable[[], tuple[object, int | None]],
    vary_on: tuple[str, ...] = (),
    vary_headers: tuple[str, ...] = (),
) -> HttpResponse:
    """Serve `build()`'s data from the cache, or build, store and serve it.

    `build` returns ``(data, max_age)``: `max_age` caps how long the data is
    true for (e.g. until a helpline opens or closes), None for "until the
    content changes". `vary_on` adds request-derived values to the key (e.g.
    the country chosen from Accept-Language); `vary_headers` names the
    request headers they came from, for the Vary header.
    """
    timeout = settings.API_CACHE_TIMEOUT
    key = response_cache_key(request, vary_on=vary_on) if timeout > 0 else ""
    entry = cache.get(key) if key else None
    if entry is not None:
        return _finish(request, entry, vary=vary_headers, hit=True)

    data, max_age = build()
    body = JSONRenderer().render(data)
    entry = {
        "body": body,
        "etag": f'"{hashlib.sha256(body).hexdigest()[:40]}"',
        "last_modified": int(time.time()),
    }
    if key:
        ttl = timeout if max_age is None else max(1, min(timeout, max_age))
        cache.set(key, entry, timeout=ttl)
    return _finish(request, entry, vary=vary_headers, hit=False)
