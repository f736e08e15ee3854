"""What a website build reads beside the content: the API index, sync,
sitemap and redirects. Thin, as in `api.views`: `api.sync`, `api.sitemap`
and `api.redirects` read, `api.frontend_serializers` shape.

Sync, the sitemap and redirects go through the response cache like every
content GET: every change they report (publish, unpublish, delete, move,
view restriction, a redirect saved or deleted) also replaces the cache
generation (`api.signals`). The index runs no query at all.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from api import page_types, redirects, sitemap, sync
from api.caching import cached_json_response
from api.frontend_serializers import (
    ApiIndexSerializer,
    RedirectListSerializer,
    RedirectSerializer,
    SitemapEntrySerializer,
    SyncSerializer,
)
from api.pages import visible_q
from api.views import CachedGetMixin, Pagination

# Endpoints listed by the index, by their name in api/urls.py.
INDEX_ENDPOINTS = {
    "topics": "topic-list",
    "articles": "article-list",
    "search": "search",
    "helplines": "helpline-list",
    "callback_requests": "callback-request-create",
    "preview": "preview",
    "sync": "sync",
    "sitemap": "sitemap",
    "redirects": "redirects",
}
PATH_MAX_LENGTH = 2000


class BuildTimePagination(Pagination):
    """The sitemap and redirects are read whole at build time: large pages,
    up to 50,000 entries (what one sitemap file may hold)."""

    page_size = 1000
    max_page_size = 50_000

    def page_size_limits(self) -> tuple[int, int]:
        return BuildTimePagination.page_size, BuildTimePagination.max_page_size


# --- index --------------------------------------------------------------------


@extend_schema(responses={200: ApiIndexSerializer})
class ApiIndexView(APIView):
    """Where everything is: each endpoint, the OpenAPI schema and the docs.
    JSON for programs; a browser asking for HTML gets DRF's page of it."""

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def get(self, request):
        def link(name: str) -> str:
            return request.build_absolute_uri(reverse(f"api:{name}"))

        data = {
            "title": settings.SPECTACULAR_SETTINGS["TITLE"],
            "version": "v1",
            "endpoints": {key: link(name) for key, name in INDEX_ENDPOINTS.items()},
            "schema": link("schema"),
            "docs": link("docs"),
            "redoc": link("redoc"),
        }
        return Response(ApiIndexSerializer(data).data)


# --- sync ---------------------------------------------------------------------


def _sync_cursor(request) -> sync.Cursor | None:
    text = request.query_params.get("cursor")
    if text is None:
        return None
    try:
        return sync.cursor_decode(text)
    except sync.InvalidCursor:
        raise ValidationError(
            {"cursor": ["Not a cursor this API handed out. Start a full sync again without `cursor`."]},
            code="invalid_cursor",
        ) from None


def _sync_page_size(request) -> int:
    text = request.query_params.get("page_size")
    if text is None:
        return sync.SYNC_PAGE_SIZE
    if not text.isdigit() or not 1 <= int(text) <= sync.SYNC_MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"Use a whole number from 1 to {sync.SYNC_MAX_PAGE_SIZE}."]})
    return int(text)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "cursor",
            {"type": "string", "minLength": 1, "maxLength": 400},
            description="`next_page_cursor` or `next_sync_cursor` from an earlier answer. "
            "Without it: a first, full sync.",
        ),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": sync.SYNC_MAX_PAGE_SIZE},
            description=f"Items and tombstones per page (default {sync.SYNC_PAGE_SIZE}).",
        ),
    ],
    responses={200: SyncSerializer},
)
class SyncView(APIView):
    """Keep a copy of every topic and article up to date.

    First call without `cursor`: everything shown, a page at a time. Follow
    `next_page_cursor` until an answer has `next_sync_cursor` instead, and
    keep that. Next time, call with it: `items` are pages created or changed
    since (store them by `type` and `id`; `api_url` has the whole page),
    `deleted` are pages no longer shown: unpublished, deleted, made private
    or moved somewhere private (drop them; ignore ids you never had). Again
    follow `next_page_cursor` to the end and keep the new `next_sync_cursor`.
    A page changed just before a cursor was made may come again: storing it
    twice is harmless. A 400 on `cursor` means: start again without one."""

    def get(self, request):
        cursor = _sync_cursor(request)
        page_size = _sync_page_size(request)

        def build():
            result = sync.sync_page(cursor=cursor, visible=visible_q(), page_size=page_size)
            type_names = page_types.type_names(sync.SYNC_MODELS)
            data = {
                "items": [
                    sync.sync_item(page, type_names=type_names, request=request) for page in result.items
                ],
                "deleted": result.deleted,
                "next_page_cursor": result.next_page_cursor,
                "next_sync_cursor": result.next_sync_cursor,
            }
            return SyncSerializer(data).data, None

        return cached_json_response(request, build=build)


# --- sitemap ------------------------------------------------------------------


class SitemapView(CachedGetMixin, generics.ListAPIView):
    """Every page the website shows, in tree order: public URL, type and
    when it last changed."""

    serializer_class = SitemapEntrySerializer
    pagination_class = BuildTimePagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database
            return Page.objects.none()
        return sitemap.sitemap_queryset(visible=self.visible)

    def get_serializer(self, *args, **kwargs):
        if not args:  # schema generation
            return super().get_serializer(*args, **kwargs)
        type_names = page_types.type_names()
        entries = [
            sitemap.sitemap_entry(page, type_names=type_names, request=self.request) for page in args[0]
        ]
        return self.get_serializer_class()(entries, *args[1:], **kwargs)


# --- redirects ----------------------------------------------------------------


@extend_schema(
    parameters=[
        OpenApiParameter(
            "path",
            {"type": "string", "minLength": 1, "maxLength": PATH_MAX_LENGTH, "pattern": r"^[^\x00]*$"},
            description="A path the website was asked for, e.g. `/old-page/?a=1`: answers its "
            "redirect, or 404. Without it: every redirect, a page at a time.",
        ),
        OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="List form: page number."),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": BuildTimePagination.max_page_size},
            description=f"List form: results per page (default {BuildTimePagination.page_size}).",
        ),
    ],
    responses={
        200: PolymorphicProxySerializer(
            component_name="RedirectAnswer",
            serializers=[RedirectSerializer, RedirectListSerializer],
            resource_type_field_name=None,
        )
    },
)
class RedirectView(APIView):
    """The redirects editors made in Wagtail: one path's (`?path=`), or all
    of them to preload at build time."""

    def get(self, request):
        path = request.query_params.get("path")
        if path is not None and (not path or "\x00" in path or len(path) > PATH_MAX_LENGTH):
            raise ValidationError(
                {"path": [f"Give a path of up to {PATH_MAX_LENGTH} characters, without NUL."]}
            )

        def build():
            if path is None:
                paginator = BuildTimePagination()
                found = paginator.paginate_queryset(
                    redirects.redirect_queryset(visible=visible_q()), request, view=self
                )
                results = RedirectSerializer([_redirect_data(r) for r in found], many=True).data
                return paginator.get_paginated_response(results).data, None
            redirect = redirects.redirect_find(path=path, visible=visible_q())
            if redirect is None:
                raise NotFound("No redirect for this path.")
            return RedirectSerializer(_redirect_data(redirect)).data, None

        return cached_json_response(request, build=build)


def _redirect_data(redirect) -> dict[str, object]:
    return {
        "old_path": redirect.old_path,
        "target_url": redirects.redirect_target_url(redirect),
        "is_permanent": redirect.is_permanent,
    }
