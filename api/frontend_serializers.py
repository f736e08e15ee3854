"""Shapes of the endpoints a frontend builds with: sync, sitemap, redirects
and the API index.

The data is built as plain dicts (`api.sync`, `api.sitemap`,
`api.redirects`); these serializers format it (dates as ISO 8601) and are
what the OpenAPI schema describes.
"""

from __future__ import annotations

from rest_framework import serializers

from api import page_types

SYNC_TYPE_CHOICES = ["topic", "article"]
PAGE_TYPE_CHOICES = [*page_types.PAGE_TYPES.values(), page_types.OTHER_PAGE_TYPE]


class SyncItemSerializer(serializers.Serializer):
    """A topic or article created or changed since the cursor (or shown, in
    a first sync)."""

    type = serializers.ChoiceField(choices=SYNC_TYPE_CHOICES)
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField(help_text="The page on the website.")
    api_url = serializers.URLField(help_text="The whole page in this API.")
    last_published_at = serializers.DateTimeField(allow_null=True)


class SyncDeletedSerializer(serializers.Serializer):
    """A page no longer shown: unpublished, deleted, made private or moved
    somewhere private. Drop it; ignore ids you never had."""

    type = serializers.ChoiceField(choices=SYNC_TYPE_CHOICES)
    id = serializers.IntegerField()


class SyncSerializer(serializers.Serializer):
    items = SyncItemSerializer(many=True)
    deleted = SyncDeletedSerializer(many=True)
    next_page_cursor = serializers.CharField(
        allow_null=True,
        help_text="More of this sync: call again with `?cursor=` this. Null on the last page.",
    )
    next_sync_cursor = serializers.CharField(
        allow_null=True,
        help_text="On the last page only: keep it, and call with `?cursor=` it next time "
        "to get what changed since.",
    )


class SitemapEntrySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=PAGE_TYPE_CHOICES)
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The page on the website.")
    api_url = serializers.URLField(
        allow_null=True, help_text="The page in this API (topics and articles; null for other pages)."
    )
    last_modified = serializers.DateTimeField(
        allow_null=True, help_text="When the live version was published."
    )


class RedirectSerializer(serializers.Serializer):
    old_path = serializers.CharField(
        help_text="Normalised as Wagtail does: no trailing slash, query parameters sorted."
    )
    target_url = serializers.CharField(
        help_text="A page on the website (absolute), or the link the editor entered."
    )
    is_permanent = serializers.BooleanField(help_text="true: answer 301 (or 308); false: 302 (or 307).")


class RedirectListSerializer(serializers.Serializer):
    """A page of redirects (the list form, without `path`)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = RedirectSerializer(many=True)


class ApiEndpointsSerializer(serializers.Serializer):
    topics = serializers.URLField()
    articles = serializers.URLField()
    search = serializers.URLField()
    helplines = serializers.URLField()
    callback_requests = serializers.URLField()
    preview = serializers.URLField()
    sync = serializers.URLField()
    sitemap = serializers.URLField()
    redirects = serializers.URLField()


class ApiIndexSerializer(serializers.Serializer):
    title = serializers.CharField()
    version = serializers.CharField()
    endpoints = ApiEndpointsSerializer()
    schema = serializers.URLField(help_text="The OpenAPI 3 document.")
    docs = serializers.URLField(help_text="Swagger UI.")
    redoc = serializers.URLField(help_text="Redoc.")
