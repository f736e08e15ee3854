"""Reads over the content model (HackSoft style: keyword-only, typed)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from cms.models import ArticlePage, TopicPage

REVIEW_DUE_WITHIN_DAYS = 30


def articles_due_for_review(
    *, today: dt.date | None = None, within_days: int = REVIEW_DUE_WITHIN_DAYS
) -> QuerySet[ArticlePage]:
    """Live articles whose next review is past, due within `within_days`, or
    never scheduled; the most overdue first."""
    today = today or timezone.localdate()
    cutoff = today + dt.timedelta(days=within_days)
    return (
        ArticlePage.objects.live()
        .filter(Q(next_review_due__lte=cutoff) | Q(next_review_due__isnull=True))
        .select_related("medical_reviewer", "author")
        .order_by("next_review_due", "title")
    )


def articles_overdue_for_review(*, today: dt.date | None = None) -> QuerySet[ArticlePage]:
    """Live articles whose next review date has passed."""
    today = today or timezone.localdate()
    return (
        ArticlePage.objects.live()
        .filter(next_review_due__lt=today)
        .select_related("medical_reviewer")
        .order_by("next_review_due", "title")
    )


def search_query_clean(query: str) -> str:
    """A query safe for every Wagtail search backend: Wagtail's SQLite (FTS5)
    backend passes a double quote through unescaped and the database errors,
    so quotes go; runs of whitespace fold to one space."""
    return " ".join(query.replace('"', " ").split())


def topics_matching_alias(*, query: str) -> QuerySet[TopicPage]:
    """Live topics whose title or one of whose other names is exactly `query`
    (case-insensitive), e.g. "special k" -> Ketamine."""
    ids = [
        topic.pk
        for topic in TopicPage.objects.live().public().only("pk", "title", "other_names")
        if topic.is_called(query)
    ]
    return TopicPage.objects.filter(pk__in=ids)


def content_search(*, query: str, limit: int = 20) -> list[Page]:
    """Published, public topics and articles matching `query`, treating a topic's
    other names as synonyms: when the query is an alias, the topic and its
    articles come first, then ordinary full-text results."""
    query = search_query_clean(query)
    if not query:
        return []
    results: list[Page] = []
    for topic in topics_matching_alias(query=query):
        results.append(topic)
        results.extend(ArticlePage.objects.live().public().child_of(topic).order_by("path"))
    seen = {page.pk for page in results}
    for model in (TopicPage, ArticlePage):
        for page in model.objects.live().public().search(query, operator="and"):
            if page.pk not in seen:
                seen.add(page.pk)
                results.append(page)
    return results[:limit]
