"""Wagtail admin: "Preview on frontend" opens the website's preview route
with a signed token for the page's latest revision."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from api.preview import preview_url


def preview_on_frontend(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision()
    url = preview_url(revision=revision) if revision else ""
    if not url:
        raise Http404("No revision to preview, or FRONTEND_PREVIEW_URL is not set.")
    return HttpResponseRedirect(url)
