"""The API's documentation pages, served so that a browser showing them asks
no host but ours: docs must work on an air-gapped network, and a visit to
them should tell no third party who is reading.

Swagger UI and Redoc come from drf-spectacular-sidecar (SPECTACULAR_SETTINGS,
served as our own static files) and our redoc template drops the Google
Fonts links drf-spectacular's has. One request is left that no setting can
stop: Redoc's sidebar attribution ("API docs by Redocly") loads its logo from
cdn.redoc.ly, and Redoc has no option to turn that off. So the Redoc page
loads the sidecar's bundle through `redoc_bundle`, which blanks that one
URL. An <img> with an empty src fetches nothing and fires its error event,
on which Redoc drops the image and keeps the attribution as a text link.

tests/browser/test_offline_pages.py records every request Chromium makes on
these pages; it is what notices a sidecar upgrade that reaches out anew.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition, require_safe
from drf_spectacular.views import SpectacularRedocView

SIDECAR_REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOC_REMOTE_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# The bundle's URL carries its content hash, so browsers may keep it for good.
IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Bundle:
    content: bytes
    etag: str


@functools.cache
def offline_redoc_bundle() -> Bundle:
    """The sidecar's Redoc bundle with the remote logo blanked (read once per
    process: it is about a megabyte and changes only with the package)."""
    path = finders.find(SIDECAR_REDOC_BUNDLE)
    if path is None:
        raise FileNotFoundError(f"{SIDECAR_REDOC_BUNDLE} not found: is drf_spectacular_sidecar installed?")
    content = Path(path).read_bytes().replace(REDOC_REMOTE_LOGO.encode(), b"")
    return Bundle(content=content, etag=hashlib.sha256(content).hexdigest()[:16])


@gzip_page
@require_safe
@condition(etag_func=lambda request: offline_redoc_bundle().etag)
def redoc_bundle(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(offline_redoc_bundle().content, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = IMMUTABLE_CACHE_CONTROL
    return response


class OfflineRedocView(SpectacularRedocView):
    """drf-spectacular's Redoc page, loading Redoc through `redoc_bundle`."""

    def _redoc_standalone(self) -> str:
        return f"{reverse('api:redoc-bundle')}?v={offline_redoc_bundle().etag}"
