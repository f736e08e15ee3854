"""Wagtail admin: SMS keywords and crisis phrases (snippets), and the SMS
activity pages (conversation log, follow-up queue, daily figures)."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sms import admin_views
from sms.models import CrisisPhrase, SmsKeyword
from sms.widgets import SmsReplyTextarea


class SmsKeywordViewSet(SnippetViewSet):
    model = SmsKeyword
    icon = "mail"
    menu_label = "Keywords"
    list_display = ["keyword", "aliases", "topic", "show_in_menu", "is_active", "sort_order"]
    list_filter = ["is_active", "show_in_menu"]
    search_fields = ["keyword", "aliases", "reply"]
    panels = [
        FieldPanel("keyword"),
        FieldPanel("aliases"),
        FieldPanel("reply", widget=SmsReplyTextarea(attrs={"rows": 5})),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("show_in_menu"), FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]


class CrisisPhraseViewSet(SnippetViewSet):
    model = CrisisPhrase
    icon = "warning"
    menu_label = "Crisis phrases"
    list_display = ["phrase", "is_active", "notes"]
    list_filter = ["is_active"]
    search_fields = ["phrase", "notes"]


class SmsSnippetGroup(SnippetViewSetGroup):
    items = (SmsKeywordViewSet, CrisisPhraseViewSet)
    menu_icon = "mail"
    menu_label = "SMS content"
    menu_name = "sms-content"
    menu_order = 300


register_snippet(SmsSnippetGroup)


@hooks.register("register_admin_urls")
def register_sms_admin_urls():
    return [
        path("sms/log/", admin_views.ConversationLogView.as_view(), name="sms_conversation_log"),
        path("sms/follow-up/", admin_views.CrisisQueueView.as_view(), name="sms_crisis_queue"),
        path(
            "sms/follow-up/<int:pk>/handled/",
            admin_views.CrisisMarkHandledView.as_view(),
            name="sms_crisis_mark_handled",
        ),
        path("sms/figures/", admin_views.DailyFiguresView.as_view(), name="sms_daily_figures"),
    ]


class _PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sms.view_inboundmessage")


@hooks.register("register_admin_menu_item")
def register_sms_activity_menu():
    menu = Menu(
        items=[
            _PermissionMenuItem(
                "Follow-up queue", reverse("sms_crisis_queue"), icon_name="warning", order=100
            ),
            _PermissionMenuItem(
                "Conversation log", reverse("sms_conversation_log"), icon_name="list-ul", order=200
            ),
            _PermissionMenuItem("Daily figures", reverse("sms_daily_figures"), icon_name="table", order=300),
        ]
    )
    return SubmenuMenuItem("SMS activity", menu, name="sms-activity", icon_name="mail", order=310)
