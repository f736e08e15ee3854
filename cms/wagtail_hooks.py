"""Admin registrations: snippets (bakerydemo-style SnippetViewSets) and the
"Reviews due" report."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, UpdatedAtColumn
from wagtail.log_actions import log
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from cms.feedback import user_can_view_feedback
from cms.feedback_views import ArticleFeedbackDetailView, ArticleFeedbackReportView
from cms.fields import EncryptedTextField
from cms.models import CallbackRequest, ClinicalReviewTask, Helpline, Person
from cms.models.workflow import APPROVE_LABELS
from cms.review_views import ArticlePageViewSet
from cms.spreadsheet_views import (
    KINDS,
    HelplineIndexView,
    SpreadsheetImportView,
    SpreadsheetsIndexView,
    spreadsheet_export,
)
from cms.views import ReviewsDueReportView


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "credentials"]
    search_fields = ["name", "role", "credentials"]


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = "Helplines"
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "name",
        "organisation",
        "country",
        "category",
        "phone_number",
        "is_24_7",
        UpdatedAtColumn(),
    ]
    list_filter = ["country", "category", "is_emergency", "is_24_7"]
    search_fields = ["name", "organisation", "phone_number"]
    # Download and import as a spreadsheet, in the listing's "more" menu.
    index_view_class = HelplineIndexView


class NoCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied("Callback requests come from the public form only.")


# Opening one callback request shows the person's name, number and message:
# an audit-log entry says who opened which, when (titled by id, never the
# name). sms's personal data access report lists these with its own entries.
CALLBACK_REQUEST_VIEW = "cms.callback_request.view"


class AuditedCallbackEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(
            self.object,
            CALLBACK_REQUEST_VIEW,
            user=request.user,
            title=f"Callback request #{self.object.pk}",
        )
        return response


@hooks.register("register_log_actions")
def register_callback_request_log_actions(actions):
    actions.register_action(
        CALLBACK_REQUEST_VIEW, "View a callback request", "Viewed a callback request (name, number, message)"
    )


class EncryptedFieldsUnsortedIndexView(IndexView):
    """A listing whose encrypted columns offer no sorting: the database holds
    tokens, so sorting by them would give a random order."""

    def _get_custom_column(self, field_name, *args, **kwargs):
        column = super()._get_custom_column(field_name, *args, **kwargs)
        encrypted = {f.name for f in self.model._meta.fields if isinstance(f, EncryptedTextField)}
        if column.sort_key in encrypted:
            column.sort_key = None
        return column


class CallbackRequestViewSet(SnippetViewSet):
    """The admissions team's queue. The phone number is decrypted only on the
    edit view of a single request (to call back), masked everywhere else.
    Name and message are encrypted too: the listing shows them decrypted but
    cannot search or sort by them (filter by status and date instead)."""

    model = CallbackRequest
    icon = "mail"
    menu_label = "Callback requests"
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("masked_phone", label="Phone"),
        "preferred_time",
        Column("get_status_display", label="Status", sort_key="status"),
        DateColumn("created_at", label="Received"),
    ]
    list_filter = ["status", "consent_given", "created_at"]
    # No search: the name, message and number are encrypted.
    index_view_class = EncryptedFieldsUnsortedIndexView
    ordering = ["-created_at"]
    # Requests come from the public API only, never typed in.
    add_view_class = NoCreateView
    edit_view_class = AuditedCallbackEditView
    list_export = ["name", "masked_phone", "preferred_time", "status", "created_at"]
    export_filename = "callback-requests"
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("preferred_time", read_only=True),
                        FieldPanel("consent_given", read_only=True),
                    ]
                ),
                FieldPanel("message", read_only=True),
            ],
            heading="Request",
        ),
        FieldPanel("status"),
    ]


register_snippet(PersonViewSet)
register_snippet(HelplineViewSet)
register_snippet(CallbackRequestViewSet)


@hooks.register("register_admin_urls")
def register_reviews_due_urls():
    return [
        path("reports/reviews-due/", ReviewsDueReportView.as_view(), name="cms_reviews_due"),
        path(
            "reports/reviews-due/results/",
            ReviewsDueReportView.as_view(results_only=True),
            name="cms_reviews_due_results",
        ),
    ]


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due", reverse("cms_reviews_due"), name="reviews-due", icon_name="date", order=50
    )


class CallbackStatusBulkAction(SnippetBulkAction):
    """Select callback requests in the listing and set their status at once."""

    models = [CallbackRequest]
    template_name = "cms/bulk_actions/confirm_callback_status.html"
    new_status: str = ""

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        updated = CallbackRequest.objects.filter(pk__in=[obj.pk for obj in objects]).update(
            status=cls.new_status, updated_at=timezone.now()
        )
        return updated, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} callback request(s): {self.display_name.lower()}."


@hooks.register("register_bulk_action")
class MarkContactedBulkAction(CallbackStatusBulkAction):
    display_name = "Mark contacted"
    action_type = "mark_contacted"
    aria_label = "Mark selected callback requests as contacted"
    new_status = CallbackRequest.Status.CONTACTED


@hooks.register("register_bulk_action")
class MarkClosedBulkAction(CallbackStatusBulkAction):
    display_name = "Mark closed"
    action_type = "mark_closed"
    aria_label = "Mark selected callback requests as closed"
    new_status = CallbackRequest.Status.CLOSED


@hooks.register("register_admin_urls")
def register_spreadsheet_urls():
    return [
        path("spreadsheets/", SpreadsheetsIndexView.as_view(), name="cms_spreadsheets"),
        path(
            "spreadsheets/<slug:kind>/export/<str:file_format>/",
            spreadsheet_export,
            name="cms_spreadsheet_export",
        ),
        path(
            "spreadsheets/<slug:kind>/import/", SpreadsheetImportView.as_view(), name="cms_spreadsheet_import"
        ),
    ]


class SpreadsheetsMenuItem(MenuItem):
    def is_shown(self, request):
        return any(kind.can_export(request.user) or kind.can_import(request.user) for kind in KINDS.values())


@hooks.register("register_settings_menu_item")
def register_spreadsheets_menu_item():
    return SpreadsheetsMenuItem(
        "Spreadsheets", reverse("cms_spreadsheets"), name="spreadsheets", icon_name="table", order=900
    )


# --- "Article feedback" report (cms/feedback_views.py) ---


@hooks.register("register_admin_urls")
def register_article_feedback_urls():
    return [
        path("reports/article-feedback/", ArticleFeedbackReportView.as_view(), name="cms_article_feedback"),
        path(
            "reports/article-feedback/results/",
            ArticleFeedbackReportView.as_view(results_only=True),
            name="cms_article_feedback_results",
        ),
        path(
            "reports/article-feedback/<int:page_id>/",
            ArticleFeedbackDetailView.as_view(),
            name="cms_article_feedback_detail",
        ),
    ]


class ArticleFeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_article_feedback_menu_item():
    return ArticleFeedbackMenuItem(
        "Article feedback",
        reverse("cms_article_feedback"),
        name="article-feedback",
        icon_name="comment",
        order=60,
    )


@hooks.register("register_admin_viewset")
def register_article_page_viewset():
    """Article pages' editor with the clinical review wording (cms.review_views)."""
    return ArticlePageViewSet()


@hooks.register("construct_page_action_menu")
def clinical_review_approve_says_publish_once(menu_items, request, context):
    """Wagtail appends " and Publish" to the final task's approve actions;
    ClinicalReviewTask's own labels already say "Approve and publish"
    (`APPROVE_LABELS`), so its items keep the task's label as given."""
    page = context.get("page")
    task = page.current_workflow_task if page is not None else None
    if not isinstance(task, ClinicalReviewTask):
        return
    for item in menu_items:
        if getattr(item, "name", None) == "approve" and item.label.startswith(APPROVE_LABELS[False]):
            item.label = APPROVE_LABELS[item.launch_modal]


@hooks.register("insert_editor_js")
def editor_keeps_linked_section_in_view():
    """ "Reviews due" links to the review fields' section of the editor; keep
    it in view while the blocks above it render."""
    return format_html('<script src="{}"></script>', static("cms/js/scroll_to_linked_section.js"))
