"""Query-string filters (django-filter, so drf-spectacular documents them).

`q` is not here: it goes through Wagtail search and decides the default
order (relevance), see `api.views.ArticleListView`.
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django.core.validators import RegexValidator, validate_unicode_slug
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from rest_framework.exceptions import ValidationError
from wagtail.models import Page

from api.helplines import COUNTRY_RE
from cms.models import ArticlePage, Helpline, TopicPage

ARTICLE_ORDERINGS = ("title", "first_published_at", "last_published_at", "last_reviewed")


class ArticleFilter(django_filters.FilterSet):
    topic = django_filters.CharFilter(
        method="filter_topic", validators=[validate_unicode_slug], help_text="Topic slug, e.g. `ketamine`."
    )
    tag = django_filters.CharFilter(
        field_name="tags__slug", validators=[validate_unicode_slug], help_text="Tag slug.", distinct=True
    )
    modified_since = django_filters.IsoDateTimeFilter(
        method="filter_modified_since",
        help_text="ISO 8601 date-time: articles (re)published at or after it, for incremental sync.",
    )
    ordering = django_filters.OrderingFilter(
        fields=ARTICLE_ORDERINGS,
        help_text="Default: relevance with `q`, else `-last_published_at`.",
    )

    class Meta:
        model = ArticlePage
        fields: list[str] = []

    def filter_modified_since(self, queryset: QuerySet, name: str, value: dt.datetime) -> QuerySet:
        # In UTC first: PostgreSQL refuses offsets beyond +-15:59 that ISO 8601
        # (and Python) allow, and some far-past instants do not exist in UTC.
        try:
            value = value.astimezone(dt.UTC)
        except OverflowError:
            raise ValidationError({"modified_since": ["Out of range."]}, code="invalid") from None
        return queryset.filter(last_published_at__gte=value)

    def filter_topic(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The parent's path is the article's path minus one step; a subquery
        # keeps this inside the list's single query.
        parent = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        return queryset.filter(Exists(TopicPage.objects.filter(slug=value, path=parent)))


class HelplineFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(
        method="filter_country",
        validators=[RegexValidator(COUNTRY_RE, "Use a two-letter country code, e.g. GB.")],
        help_text="ISO 3166-1 alpha-2 code, e.g. GB (any case).",
    )

    class Meta:
        model = Helpline
        fields: list[str] = []

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(country=value.upper())
