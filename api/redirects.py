"""Redirects editors create in Wagtail (`wagtail.contrib.redirects`), for a
frontend to honour: looked up one path at a time, or listed to preload at
build time.

The website is one site, so what applies is what Wagtail's own middleware
would apply on the default site: redirects for that site and those for all
sites, a site's own winning over an all-sites one for the same path. Paths
are matched as the middleware matches them (`Redirect.normalise_path`:
trailing slash dropped, query parameters sorted; with the query string
first, then without).

A redirect to a page the API does not show (a draft, unpublished or
private page) is left out: the frontend could only send visitors on to a
"not found". It comes back when the page is published again.
"""

from __future__ import annotations

from urllib.parse import urlparse

from django.db.models import Q, QuerySet
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from api.pages import public_url


def redirect_queryset(*, visible: Q) -> QuerySet[Redirect]:
    """The redirects the website should honour, by old path (one query,
    target pages joined)."""
    default_site = Q(site__is_default_site=True)
    overridden = Redirect.objects.filter(default_site).values("old_path")
    to_shown_page = Q(redirect_page__in=Page.objects.filter(visible).values("pk"))
    to_link = Q(redirect_page__isnull=True) & ~Q(redirect_link="")
    return (
        Redirect.objects.filter(default_site | (Q(site__isnull=True) & ~Q(old_path__in=overridden)))
        .filter(to_shown_page | to_link)
        .select_related("redirect_page")
        .order_by("old_path", "pk")
    )


def redirect_find(*, path: str, visible: Q) -> Redirect | None:
    """The redirect for a path the website was asked for, e.g. "/old/?a=1"
    (one query)."""
    wanted = [Redirect.normalise_path(path)]
    without_query = urlparse(wanted[0]).path
    if without_query != wanted[0]:
        wanted.append(without_query)
    found = {
        redirect.old_path: redirect
        for redirect in redirect_queryset(visible=visible).filter(old_path__in=wanted)
    }
    return next((found[old_path] for old_path in wanted if old_path in found), None)


def redirect_target_url(redirect: Redirect) -> str:
    """Where the website sends the visitor: the page's public URL (with the
    route path the editor gave, if any), or the link as entered."""
    if redirect.redirect_page_id is None:
        return redirect.redirect_link
    url = public_url(redirect.redirect_page.url_path)
    route = redirect.redirect_page_route_path
    return url.rstrip("/") + route if route else url
