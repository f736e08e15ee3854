"""Query parameters shared by several views: validation and their OpenAPI
description, kept side by side so they cannot drift apart."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from api import helplines

COUNTRY_PARAMETER = OpenApiParameter(
    "country",
    str,
    description="ISO 3166-1 alpha-2 code whose helplines to show, e.g. GB. "
    "Default: the region of Accept-Language, then API_DEFAULT_COUNTRY.",
    pattern=helplines.COUNTRY_RE.pattern,
)
ACCEPT_LANGUAGE_PARAMETER = OpenApiParameter(
    "Accept-Language", str, OpenApiParameter.HEADER, description="e.g. en-GB: picks GB helplines."
)
Q_MAX_LENGTH = 200
Q_PARAMETER = OpenApiParameter(
    "q",
    {"type": "string", "pattern": r"^[^\x00]*$", "maxLength": Q_MAX_LENGTH},
    description="Search words (Wagtail search).",
)
Q_REQUIRED_PARAMETER = OpenApiParameter(
    "q",
    {"type": "string", "pattern": r"^[^\x00]*[^\s\x00][^\x00]*$", "maxLength": Q_MAX_LENGTH},
    required=True,
    description="Search words.",
)
SLUG_PATTERN = r"^[-\w]+$"
TOPIC_PARAMETER = OpenApiParameter(
    "topic", str, description="Topic slug, e.g. `ketamine`.", pattern=SLUG_PATTERN
)


def search_words(request, *, required: bool) -> str:
    """`?q=`, checked: Postgres full-text search cannot take NUL characters."""
    q = request.query_params.get("q", "").strip()
    if required and not q:
        raise ValidationError({"q": ["This parameter is required."]})
    if "\x00" in q or len(q) > Q_MAX_LENGTH:
        raise ValidationError({"q": [f"Use up to {Q_MAX_LENGTH} characters, without NUL."]})
    return q


def country(request) -> str:
    """The country whose helplines to show: ?country=, Accept-Language, default.
    `request` is Django's or REST framework's (a cache hit is served before
    REST framework runs: `api.views.CachedGetMixin`)."""
    explicit = request.GET.get("country")
    if explicit is not None and not helplines.COUNTRY_RE.match(explicit):
        raise ValidationError({"country": ["Use a two-letter country code, e.g. GB."]})
    return helplines.country_for_request(
        explicit=explicit, accept_language=request.headers.get("Accept-Language", "")
    )
