"""What is public, and where pages live (public URL and API URL).

Two kinds of URL, from two places:
- `public_url()`: where the frontend website shows a page, always under
  FRONTEND_BASE_URL (it is the frontend's address, whoever asks).
- `absolute_url()` and `api_url()`: this app's own URLs (API, media,
  documents) on the host the request came in on, as DRF builds pagination
  links, so an API reached on another port or name links to itself. With no
  request (webhooks, tasks) they use PUBLIC_BASE_URL. Cached responses are
  keyed by the absolute request URL (`api.caching`), so each host gets its own.

`visible_q()` is "live and not under a view restriction", computed once per
call: Wagtail's `.public()` runs a PageViewRestriction query each time it is
used, and an article detail filters several querysets, so callers compute the
condition once (Wagtail's own `live_q()`/`private_q()`) and reuse it to keep
the query budget flat.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page


def visible_q() -> Q:
    """Live pages outside every private section (one query): what
    `.live().public()` filters by, as a reusable condition."""
    return Page.objects.live_q() & ~Page.objects.private_q()


def page_path(url_path: str) -> str:
    """Public path of a page from its `url_path`.

    One site whose root is the home page: ``/home/ketamine/risks/`` ->
    ``/ketamine/risks/`` (what Wagtail's `page.url` gives, without the
    Site query).
    """
    parts = url_path.split("/", 2)
    return "/" + (parts[2] if len(parts) > 2 else "")


def public_url(url_path: str) -> str:
    """Where the frontend website shows a page."""
    return settings.FRONTEND_BASE_URL + page_path(url_path)


def absolute_url(path: str, *, request: HttpRequest | None = None) -> str:
    """This app's URL for `path` (absolute already: returned as it is, e.g.
    media on a CDN): on the request's host, else on PUBLIC_BASE_URL."""
    if not path.startswith("/") or path.startswith("//"):
        return path
    return request.build_absolute_uri(path) if request is not None else settings.PUBLIC_BASE_URL + path


def api_url(route: str, slug: str, *, request: HttpRequest | None = None) -> str:
    """Absolute URL of an API detail route (`article-detail`, `topic-detail`)."""
    return absolute_url(reverse(f"api:{route}", kwargs={"slug": slug}), request=request)


def parent_path(page: Page) -> str:
    return page.path[: -page.steplen]
