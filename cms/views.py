"""Admin views: the "Reviews due" report."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms.models import ArticlePage
from cms.selectors import REVIEW_DUE_WITHIN_DAYS, articles_due_for_review


class CalendarDateColumn(Column):
    """A date as a date ("24 Nov 2026"): Wagtail's DateColumn shows relative
    times ("just now"), which reads wrongly for dates in the future."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "j M Y") if value else "—"


class ReviewStatusColumn(Column):
    def get_value(self, instance):
        due = instance.next_review_due
        if due is None:
            return "No review date"
        today = timezone.localdate()
        if due < today:
            return f"Overdue by {(today - due).days} day(s)"
        return f"Due in {(due - today).days} day(s)"


class ReviewsDueReportView(ReportView):
    """Published articles whose next review is past or due within 30 days."""

    page_title = "Reviews due"
    header_icon = "date"
    index_url_name = "cms_reviews_due"
    index_results_url_name = "cms_reviews_due_results"
    model = ArticlePage
    paginate_by = 50
    list_export = ["title", "medical_reviewer", "last_reviewed", "next_review_due"]
    export_headings = {"medical_reviewer": "Medical reviewer", "next_review_due": "Next review due"}
    # Anyone who may edit pages may see which ones need review.
    any_permission_required = ["add", "change", "publish"]

    columns = [
        TitleColumn(
            "title", label="Article", get_url=lambda a: reverse("wagtailadmin_pages:edit", args=[a.pk])
        ),
        Column("medical_reviewer", label="Medical reviewer"),
        CalendarDateColumn("last_reviewed", label="Last reviewed"),
        CalendarDateColumn("next_review_due", label="Next review due"),
        ReviewStatusColumn("status", label="Status"),
    ]

    def get_queryset(self):
        return articles_due_for_review()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["subtitle"] = f"Past or due within {REVIEW_DUE_WITHIN_DAYS} days"
        return context
