"""Wagtail admin pages for SMS activity: conversation log (read-only),
crisis follow-up queue, daily figures. Numbers are shown masked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sms import selectors, services
from sms.models import InboundMessage


class _SmsAdminView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "sms.view_inboundmessage"
    raise_exception = True
    header_icon = "mail"


def _conversations(queryset, request, per_page: int = 50):
    queryset = queryset.select_related("sender", "keyword", "reply", "handled_by")
    return Paginator(queryset, per_page).get_page(request.GET.get("p"))


class ConversationLogView(_SmsAdminView):
    template_name = "sms/admin/conversation_log.html"
    page_title = "SMS conversation log"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = InboundMessage.objects.all()
        outcome = self.request.GET.get("outcome", "")
        if outcome in InboundMessage.Outcome.values:
            queryset = queryset.filter(outcome=outcome)
        context.update(
            page=_conversations(queryset, self.request),
            outcomes=InboundMessage.Outcome.choices,
            current_outcome=outcome,
        )
        return context


class CrisisQueueView(_SmsAdminView):
    template_name = "sms/admin/crisis_queue.html"
    page_title = "SMS follow-up queue"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_handled = self.request.GET.get("handled") == "1"
        queryset = InboundMessage.objects.filter(needs_follow_up=True, handled_at__isnull=not show_handled)
        context.update(page=_conversations(queryset, self.request), show_handled=show_handled)
        return context


class CrisisMarkHandledView(PermissionRequiredMixin, View):
    permission_required = "sms.change_inboundmessage"
    raise_exception = True

    def post(self, request, pk: int):
        inbound = get_object_or_404(InboundMessage, pk=pk, needs_follow_up=True)
        services.crisis_mark_handled(inbound=inbound, user=request.user)
        messages.success(request, f"Marked as handled: text from {inbound.sender.masked_phone}.")
        return redirect("sms_crisis_queue")


class DailyFiguresView(_SmsAdminView):
    template_name = "sms/admin/daily_figures.html"
    page_title = "SMS daily figures"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(days=selectors.daily_figures(days=14), top_keywords=selectors.top_keywords(days=14))
        return context
