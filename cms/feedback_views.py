"""Admin views for reader feedback: the "Article feedback" report (one row
per article with answers, "needs attention" first, sortable, downloadable)
with the newest comments under it, and one article's figures week by week.

Both need the `cms.view_articlefeedback` permission (Editors and Clinical
reviewers have it, see migration 0010). The rules and reads are in
`cms.feedback`; these views only arrange them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from cms import feedback
from cms.models import ArticleFeedback, ArticlePage


def share_text(helpful: int, total: int) -> str:
    """``3 of 4 helpful (75%)``, or a dash without answers."""
    if not total:
        return "—"
    return f"{helpful} of {total} helpful ({round(100 * helpful / total)}%)"


class ShareColumn(Column):
    """Helpful answers out of all answers, from two annotations."""

    def __init__(self, name, *, helpful: str, total: str, **kwargs):
        super().__init__(name, **kwargs)
        self.helpful, self.total = helpful, total

    def get_value(self, instance):
        return share_text(getattr(instance, self.helpful), getattr(instance, self.total))


class AttentionColumn(Column):
    """The `attention` score (cms.feedback) in words."""

    def get_value(self, instance):
        if not instance.recent_total:
            return "No recent answers"
        if instance.attention >= 0.5:
            return f"High: {instance.recent_not_helpful} not helpful"
        if instance.attention >= 0.3:
            return f"Some: {instance.recent_not_helpful} not helpful"
        return "Low"


class ArticleFeedbackReportView(ReportView):
    """Articles readers answered "Was this page helpful?" for."""

    page_title = "Article feedback"
    header_icon = "comment"
    template_name = "cms/reports/article_feedback.html"
    index_url_name = "cms_article_feedback"
    index_results_url_name = "cms_article_feedback_results"
    model = ArticlePage
    permission_policy = ModelPermissionPolicy(ArticleFeedback)
    permission_required = "view"
    paginate_by = 50
    default_ordering = "-attention"
    list_export = [
        "title",
        "feedback_total",
        "feedback_helpful",
        "recent_total",
        "recent_helpful",
        "previous_total",
        "previous_helpful",
        "attention",
        "last_feedback_at",
    ]
    export_headings = {
        "feedback_total": "Answers (all time)",
        "feedback_helpful": "Helpful (all time)",
        "recent_total": f"Answers (last {feedback.FEEDBACK_RECENT_DAYS} days)",
        "recent_helpful": f"Helpful (last {feedback.FEEDBACK_RECENT_DAYS} days)",
        "previous_total": f"Answers ({feedback.FEEDBACK_RECENT_DAYS} days before)",
        "previous_helpful": f"Helpful ({feedback.FEEDBACK_RECENT_DAYS} days before)",
        "attention": "Needs attention (0 to 1)",
        "last_feedback_at": "Latest answer",
    }
    columns = [
        TitleColumn(
            "title",
            label="Article",
            sort_key="title",
            get_url=lambda article: reverse("cms_article_feedback_detail", args=[article.pk]),
        ),
        AttentionColumn("attention", label="Needs attention", sort_key="attention"),
        ShareColumn(
            "recent",
            label=f"Last {feedback.FEEDBACK_RECENT_DAYS} days",
            helpful="recent_helpful",
            total="recent_total",
            sort_key="recent_total",
        ),
        ShareColumn(
            "previous",
            label=f"{feedback.FEEDBACK_RECENT_DAYS} days before",
            helpful="previous_helpful",
            total="previous_total",
            sort_key="previous_total",
        ),
        ShareColumn(
            "all_time",
            label="All time",
            helpful="feedback_helpful",
            total="feedback_total",
            sort_key="feedback_total",
        ),
        DateColumn("last_feedback_at", label="Latest answer", sort_key="last_feedback_at"),
    ]

    def get_base_queryset(self):
        return feedback.articles_with_feedback()

    def order_queryset(self, queryset):
        # Ties (equal scores, equal counts) in a stable order across pages.
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "-last_feedback_at", "pk")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["recent_days"] = feedback.FEEDBACK_RECENT_DAYS
        if not self.results_only:
            context["latest_comments"] = feedback.feedback_latest_comments()
        return context


class ArticleFeedbackDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One article's answers week by week, its reasons and newest comments."""

    template_name = "cms/reports/article_feedback_detail.html"
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not feedback.user_can_view_feedback(request.user):
            raise PermissionDenied
        self.article = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Feedback: {self.article.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cms_article_feedback"), "label": "Article feedback"},
            {"url": "", "label": self.article.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = feedback.article_feedback_figures(article=self.article)
        for week in figures["weeks"]:
            week["text"] = share_text(week["helpful"], week["helpful"] + week["not_helpful"])
        summary = figures["summary"]
        context.update(
            **figures,
            article=self.article,
            summary_text=share_text(summary["helpful"], summary["total"]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
        )
        return context
