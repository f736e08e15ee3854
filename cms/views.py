"""Admin views: the "Reviews due" report.

Editors open it to find what to review next, so it says what to do: overdue
and due-soon articles carry different tags and advice, each title opens the
article straight at its review fields, the columns sort, and the listing
exports to CSV/XLSX with the same status words.
"""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms.models import ArticlePage
from cms.selectors import (
    DUE_SOON,
    OVERDUE,
    REVIEW_DUE_WITHIN_DAYS,
    REVIEW_URGENCY_LABELS,
    UNSCHEDULED,
    article_review_fields_path,
    articles_due_for_review,
    review_urgency,
    review_urgency_condition,
)

# What an editor does about each kind of row.
NEXT_STEP = {
    OVERDUE: "Review now: check it with the medical reviewer, then update both review dates.",
    DUE_SOON: "Plan the review with the medical reviewer before the due date.",
    UNSCHEDULED: "Set a next review date.",
}


class CalendarDateColumn(Column):
    """A date as a date ("24 Nov 2026"): Wagtail's DateColumn shows relative
    times ("just now"), which reads wrongly for dates in the future."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "j M Y") if value else "—"


class ReviewStatusColumn(StatusTagColumn):
    """ "Overdue by 3 day(s)" as a filled tag, "Due in 12 day(s)" as an outline:
    told apart by their words, not by colour alone."""

    def get_value(self, instance):
        return instance.review_status

    def get_primary(self, instance):
        return instance.review_urgency == OVERDUE


class ReviewsDueFilterSet(WagtailFilterSet):
    urgency = django_filters.ChoiceFilter(
        label="Status",
        choices=list(REVIEW_URGENCY_LABELS.items()),
        empty_label="All",
        method="filter_urgency",
    )

    class Meta:
        model = ArticlePage
        fields: list[str] = []

    def filter_urgency(self, queryset, name, value):
        return queryset.filter(review_urgency_condition(value, today=timezone.localdate()))


def review_status_text(*, urgency: str, next_review_due, today) -> str:
    if urgency == OVERDUE:
        return f"Overdue by {(today - next_review_due).days} day(s)"
    if urgency == DUE_SOON:
        return f"Due in {(next_review_due - today).days} day(s)"
    return REVIEW_URGENCY_LABELS.get(urgency, "Not due")


class ReviewsDueReportView(ReportView):
    """Published articles whose next review is past or due within 30 days."""

    page_title = "Reviews due"
    header_icon = "date"
    template_name = "cms/reports/reviews_due.html"
    index_url_name = "cms_reviews_due"
    index_results_url_name = "cms_reviews_due_results"
    model = ArticlePage
    paginate_by = 50
    filterset_class = ReviewsDueFilterSet
    default_ordering = "next_review_due"
    list_export = [
        "title",
        "medical_reviewer",
        "last_reviewed",
        "next_review_due",
        "review_status",
        "next_step",
    ]
    export_headings = {
        "medical_reviewer": "Medical reviewer",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "review_status": "Status",
        "next_step": "What to do",
    }
    # Anyone who may edit pages may see which ones need review.
    any_permission_required = ["add", "change", "publish"]

    columns = [
        TitleColumn(
            "title",
            label="Article",
            sort_key="title",
            get_url=lambda article: article_review_fields_path(article_id=article.pk),
        ),
        ReviewStatusColumn("review_status", label="Status", sort_key="next_review_due"),
        Column("next_step", label="What to do"),
        Column("medical_reviewer", label="Medical reviewer", sort_key="medical_reviewer__name"),
        CalendarDateColumn("last_reviewed", label="Last reviewed", sort_key="last_reviewed"),
        CalendarDateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
    ]

    def get_base_queryset(self):
        return articles_due_for_review()

    def order_queryset(self, queryset):
        # A stable order within equal keys (several articles due the same day).
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "title", "pk")

    def decorate_paginated_queryset(self, object_list):
        """Give each row its urgency, status words and next step, worked out
        once against one `today` for the table and the export alike."""
        today = timezone.localdate()
        for article in object_list:
            article.review_urgency = review_urgency(next_review_due=article.next_review_due, today=today)
            article.review_status = review_status_text(
                urgency=article.review_urgency, next_review_due=article.next_review_due, today=today
            )
            article.next_step = NEXT_STEP.get(article.review_urgency, "")
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["subtitle"] = f"Past or due within {REVIEW_DUE_WITHIN_DAYS} days"
        context["due_within_days"] = REVIEW_DUE_WITHIN_DAYS
        return context
