"""Benchmark-only URLs (config.settings.bench): the shipped URLs, plus
Wagtail's API v2 and a bare `JsonResponse`, so `make bench` measures our API
against them in the same run. Never included by config.urls.

Wagtail's API serves the fields a model lists in `api_fields`; ours lists
none, so they are given here, for articles: the body and what sits beside
it, so both APIs serve the same page with its body.
"""

from django.http import JsonResponse
from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.models import ArticlePage
from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as shipped_urlpatterns

ArticlePage.api_fields = [
    APIField("standfirst"),
    APIField("body"),
    APIField("tags"),
    APIField("last_reviewed"),
    APIField("next_review_due"),
]

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)


def json_floor(request):
    """The least a JSON endpoint costs here: Django, our middleware, gunicorn."""
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench/floor/", json_floor),
    path("bench/wagtail/v2/", wagtail_api.urls),
    *shipped_urlpatterns,
]
