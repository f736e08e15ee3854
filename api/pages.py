"""What is public, and where pages live (public URL and API URL).

`visible_q()` is "live and not under a view restriction", computed once per
call: Wagtail's `.public()` runs a PageViewRestriction query each time it is
used, and an article detail filters several querysets, so callers compute the
condition once (Wagtail's own `live_q()`/`private_q()`) and reuse it to keep
the query budget flat.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
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


def api_url(route: str, slug: str) -> str:
    """Canonical absolute API URL (PUBLIC_BASE_URL, not the request's host,
    so cached bodies are the same whichever host served them)."""
    return settings.PUBLIC_BASE_URL + reverse(f"api:{route}", kwargs={"slug": slug})


def parent_path(page: Page) -> str:
    return page.path[: -page.steplen]
