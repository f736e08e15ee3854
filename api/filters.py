"""Query-string filters (django-filter, so drf-spectacular documents them).

`q` is not here: it goes through Wagtail search and decides the default
order (relevance), see `api.views.ArticleListView`.

`tag` takes a tag's slug (`medical-use`, what the API shows beside each
name) or its name in any case (`Medical use`): a frontend may have either.
"""

from __future__ import annotations

import datetime as dt

import django_filters
from django.core.validators import RegexValidator, validate_unicode_slug
from django.db.models import Exists, OuterRef, Q, QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from taggit.models import Tag

from api.helplines import COUNTRY_RE
from cms.models import ArticlePage, ArticlePageTag, Helpline, TopicPage

ARTICLE_ORDERINGS = ("title", "first_published_at", "last_published_at", "last_reviewed")
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length
TAG_PARAMETER = OpenApiParameter(
    "tag",
    {"type": "string", "pattern": r"^[^\x00]*$", "maxLength": TAG_MAX_LENGTH},
    description="A tag's slug (`medical-use`) or its name in any case (`Medical use`).",
)


class ArticleFilter(django_filters.FilterSet):
    topic = django_filters.CharFilter(
        method="filter_topic", validators=[validate_unicode_slug], help_text="Topic slug, e.g. `ketamine`."
    )
    tag = django_filters.CharFilter(
        method="filter_tag",
        max_length=TAG_MAX_LENGTH,  # and, as every form CharField, no NUL
        help_text=TAG_PARAMETER.description,
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

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A subquery rather than a join: no duplicate rows to make distinct,
        # and the list stays one query.
        tagged = ArticlePageTag.objects.filter(content_object=OuterRef("pk")).filter(
            Q(tag__slug=value) | Q(tag__name__iexact=value)
        )
        return queryset.filter(Exists(tagged))

    def filter_topic(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The topic's path first (a small query), then its children by path
        # prefix, which an index serves: matching each article's parent in a
        # subquery instead reads every article in the table.
        topics = TopicPage.objects.filter(slug=value).values_list("path", "depth")
        children = Q(pk__in=[])
        for path, depth in topics:
            children |= Q(path__startswith=path, depth=depth + 1)
        return queryset.filter(children)


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
