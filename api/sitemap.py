"""Every page the website shows, for the frontend's sitemap.xml.

All visible pages of the site (the home page, the topic index, topics,
articles), not only those the API lists alone: the website has a page for
each. Read as plain `Page` rows in tree order, a fixed number of queries
however many pages there are.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site

from api import page_types
from api.pages import public_url


def sitemap_queryset(*, visible: Q) -> QuerySet[Page]:
    """Visible pages of the website, in tree order: the default site's
    pages (`public_url` reads paths from its root), or every page below the
    tree's root when there is no site yet (one query)."""
    root_path = Site.objects.filter(is_default_site=True).values_list("root_page__path", flat=True).first()
    within = Q(path__startswith=root_path) if root_path else Q(depth__gt=1)
    return Page.objects.filter(visible, within).order_by("path")


def last_modified(page: Page) -> dt.datetime | None:
    """When the live version was published (a page made live without a
    revision, e.g. by an import, falls back to its first publication)."""
    return page.last_published_at or page.first_published_at


def sitemap_entry(
    page: Page, *, type_names: dict[int, str], request: HttpRequest | None
) -> dict[str, object]:
    kind = type_names.get(page.content_type_id, page_types.OTHER_PAGE_TYPE)
    return {
        "type": kind,
        "id": page.pk,
        "url": public_url(page.url_path),
        "api_url": page_types.detail_api_url(kind, page.slug, request=request),
        "last_modified": last_modified(page),
    }
