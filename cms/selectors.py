"""Reads over the content model (HackSoft style: keyword-only, typed)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms.models import ArticlePage, TopicPage

REVIEW_DUE_WITHIN_DAYS = 30

# How urgent an article's clinical review is: the "Reviews due" report and the
# reminder emails tell these apart (an overdue article is already past the
# date its medical reviewer vouched for; a due-soon one can still be planned).
OVERDUE = "overdue"
DUE_SOON = "due_soon"
UNSCHEDULED = "unscheduled"
NOT_DUE = "not_due"
REVIEW_URGENCY_LABELS = {OVERDUE: "Overdue", DUE_SOON: "Due soon", UNSCHEDULED: "No review date"}


def review_urgency(
    *, next_review_due: dt.date | None, today: dt.date, within_days: int = REVIEW_DUE_WITHIN_DAYS
) -> str:
    """OVERDUE (the date has passed), DUE_SOON (today or within `within_days`),
    UNSCHEDULED (no date) or NOT_DUE."""
    if next_review_due is None:
        return UNSCHEDULED
    if next_review_due < today:
        return OVERDUE
    if next_review_due <= today + dt.timedelta(days=within_days):
        return DUE_SOON
    return NOT_DUE


def review_urgency_condition(urgency: str, *, today: dt.date, within_days: int = REVIEW_DUE_WITHIN_DAYS) -> Q:
    """The filter on ArticlePage for one urgency (not NOT_DUE)."""
    cutoff = today + dt.timedelta(days=within_days)
    return {
        OVERDUE: Q(next_review_due__lt=today),
        DUE_SOON: Q(next_review_due__gte=today, next_review_due__lte=cutoff),
        UNSCHEDULED: Q(next_review_due__isnull=True),
    }[urgency]


def articles_due_for_review(
    *, today: dt.date | None = None, within_days: int = REVIEW_DUE_WITHIN_DAYS
) -> QuerySet[ArticlePage]:
    """Live articles whose next review is past, due within `within_days`, or
    never scheduled; the most overdue first."""
    cutoff = (today or timezone.localdate()) + dt.timedelta(days=within_days)
    return (
        ArticlePage.objects.live()
        .filter(Q(next_review_due__lte=cutoff) | Q(next_review_due__isnull=True))
        .select_related("medical_reviewer", "author")
        .order_by("next_review_due", "title")
    )


# The "Clinical review" section of the article editor (a MultiFieldPanel in
# ArticlePage.content_panels): Wagtail names a panel's <section> from its tab
# and heading, and opens the tab and scrolls there when the URL ends with it.
REVIEW_FIELDS_ANCHOR = "panel-child-content-clinical_review-section"


def article_review_fields_path(*, article_id: int) -> str:
    """The admin edit page of an article, opened at its review fields."""
    return reverse("wagtailadmin_pages:edit", args=[article_id]) + "#" + REVIEW_FIELDS_ANCHOR


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
