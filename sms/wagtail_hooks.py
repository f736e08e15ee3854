"""Wagtail admin: SMS question types, crisis patterns and examples and canned
replies (snippets), the conversation inbox (list, threads, the dashboard
panel), the SMS activity pages (conversation log, follow-up queue, daily
figures, the screener's "try a text" box and staff labels), one texter's
conversation, the data request forms (export, erase) and the personal data
access report, with their audit-log actions and permissions (sms.audit,
sms.inbox_services, sms.privacy_views)."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.fields import SmsTextField
from cms.models import SmsIntent
from cms.models.pages import CHECK_SMS_TEXT_HOOK
from sms import admin_views, audit, inbox_services, inbox_views, privacy_views, replies
from sms.forms import CrisisPatternForm
from sms.models import CannedReply, CrisisExample, CrisisPattern
from sms.widgets import SmsReplyTextarea

# Every SMS text an editor writes (topics' SMS answers included) gets the
# live segment counter.
register_form_field_override(SmsTextField, override={"widget": SmsReplyTextarea(attrs={"rows": 4})})


@hooks.register(CHECK_SMS_TEXT_HOOK)
def sms_answer_fits(text: str) -> str:
    """Refuse an answer that could never be sent whole with a helpline appended."""
    return replies.reply_overflow(text)


class SmsIntentViewSet(SnippetViewSet):
    model = SmsIntent
    icon = "help"
    menu_label = "Question types"
    list_display = ["name", "slug", "is_builtin", "sort_order"]
    search_fields = ["name", "example_questions"]


class CrisisPatternViewSet(SnippetViewSet):
    model = CrisisPattern
    icon = "warning"
    menu_label = "Crisis patterns"
    list_display = ["pattern", "category", "level", "is_active", "notes"]
    list_filter = ["category", "level", "is_active"]
    search_fields = ["pattern", "notes"]
    edit_handler = ObjectList(
        [
            FieldPanel("pattern"),
            FieldRowPanel([FieldPanel("category"), FieldPanel("level"), FieldPanel("is_active")]),
            FieldPanel("unless"),
            FieldPanel("notes"),
        ],
        base_form_class=CrisisPatternForm,
    )


class CrisisExampleViewSet(SnippetViewSet):
    model = CrisisExample
    icon = "doc-full"
    menu_label = "Crisis examples"
    list_display = ["text", "level", "category", "is_active"]
    list_filter = ["level", "category", "is_active"]
    search_fields = ["text", "notes"]
    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("category"), FieldPanel("is_active")]),
        FieldPanel("notes"),
    ]


class CannedReplyViewSet(SnippetViewSet):
    model = CannedReply
    icon = "comment"
    menu_label = "Canned replies"
    list_display = ["title", "body", "sort_order"]
    search_fields = ["title", "body"]
    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("sort_order")]


class SmsSnippetGroup(SnippetViewSetGroup):
    items = (SmsIntentViewSet, CrisisPatternViewSet, CrisisExampleViewSet, CannedReplyViewSet)
    menu_icon = "mail"
    menu_label = "SMS content"
    menu_name = "sms-content"
    menu_order = 300


register_snippet(SmsSnippetGroup)


@hooks.register("register_admin_urls")
def register_sms_admin_urls():
    return [
        path("sms/inbox/", inbox_views.InboxView.as_view(), name="sms_inbox"),
        path("sms/inbox/<int:sender_id>/", inbox_views.ThreadView.as_view(), name="sms_inbox_thread"),
        path(
            "sms/inbox/<int:sender_id>/live/",
            inbox_views.ThreadLiveView.as_view(),
            name="sms_inbox_thread_live",
        ),
        path("sms/log/", admin_views.ConversationLogView.as_view(), name="sms_conversation_log"),
        path("sms/follow-up/", admin_views.CrisisQueueView.as_view(), name="sms_crisis_queue"),
        path(
            "sms/follow-up/<int:pk>/handled/",
            admin_views.CrisisMarkHandledView.as_view(),
            name="sms_crisis_mark_handled",
        ),
        path("sms/figures/", admin_views.DailyFiguresView.as_view(), name="sms_daily_figures"),
        path(
            "sms/follow-up/item/<int:pk>/handled/",
            admin_views.FollowUpMarkHandledView.as_view(),
            name="sms_follow_up_mark_handled",
        ),
        path("sms/screening/try/", admin_views.TryTextView.as_view(), name="sms_screening_try"),
        path(
            "sms/screening/labels/", admin_views.ScreeningLabelListView.as_view(), name="sms_screening_labels"
        ),
        path(
            "sms/screening/label/<int:pk>/",
            admin_views.ScreeningLabelCreateView.as_view(),
            name="sms_screening_label",
        ),
        path(
            "sms/screening/labels/<int:pk>/promote/",
            admin_views.ScreeningLabelPromoteView.as_view(),
            name="sms_screening_label_promote",
        ),
        path(
            "sms/conversation/<int:sender_id>/",
            privacy_views.ConversationView.as_view(),
            name="sms_conversation",
        ),
        path(
            "sms/conversation/<int:sender_id>/reveal/",
            privacy_views.RevealNumberView.as_view(),
            name="sms_reveal_number",
        ),
        path(
            "sms/privacy/export/", privacy_views.PersonalDataExportView.as_view(), name="sms_privacy_export"
        ),
        path("sms/privacy/erase/", privacy_views.PersonalDataEraseView.as_view(), name="sms_privacy_erase"),
        path(
            "reports/privacy-audit/", privacy_views.PrivacyAuditReportView.as_view(), name="sms_privacy_audit"
        ),
        path(
            "reports/privacy-audit/results/",
            privacy_views.PrivacyAuditReportView.as_view(results_only=True),
            name="sms_privacy_audit_results",
        ),
    ]


class _PermissionMenuItem(MenuItem):
    permission = "sms.view_inboundmessage"

    def __init__(self, *args, permission: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission or self.permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_sms_activity_menu():
    menu = Menu(
        items=[
            _PermissionMenuItem("Inbox", reverse("sms_inbox"), icon_name="mail", order=50),
            _PermissionMenuItem(
                "Follow-up queue", reverse("sms_crisis_queue"), icon_name="warning", order=100
            ),
            _PermissionMenuItem(
                "Conversation log", reverse("sms_conversation_log"), icon_name="list-ul", order=200
            ),
            _PermissionMenuItem("Daily figures", reverse("sms_daily_figures"), icon_name="table", order=300),
            _PermissionMenuItem(
                "Screening: try a text", reverse("sms_screening_try"), icon_name="search", order=400
            ),
            _PermissionMenuItem(
                "Screening: staff labels", reverse("sms_screening_labels"), icon_name="tag", order=500
            ),
            _PermissionMenuItem(
                "Data requests: export",
                reverse("sms_privacy_export"),
                icon_name="download",
                order=600,
                permission=privacy_views.EXPORT_PERMISSION,
            ),
            _PermissionMenuItem(
                "Data requests: erase",
                reverse("sms_privacy_erase"),
                icon_name="bin",
                order=700,
                permission=privacy_views.ERASE_PERMISSION,
            ),
        ]
    )
    return SubmenuMenuItem("SMS activity", menu, name="sms-activity", icon_name="mail", order=310)


class _PrivacyAuditMenuItem(MenuItem):
    def is_shown(self, request):
        return privacy_views.may_read_privacy_audit(request.user)


@hooks.register("register_reports_menu_item")
def register_privacy_audit_menu_item():
    return _PrivacyAuditMenuItem(
        "Personal data access", reverse("sms_privacy_audit"), name="privacy-audit", icon_name="lock", order=60
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    audit.register_actions(actions)
    for action, (label, message) in inbox_services.ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_open_crisis_panel(request, panels):
    """Inbox staff see open crisis conversations and waiting times first."""
    if request.user.has_perm("sms.view_inboundmessage"):
        panels.append(inbox_views.OpenCrisisPanel())


@hooks.register("register_permissions")
def register_privacy_permissions():
    """So administrators can grant them in Settings > Groups."""
    return Permission.objects.filter(
        content_type__app_label="sms",
        codename__in=["export_personal_data", "erase_personal_data", "reveal_number"],
    )
