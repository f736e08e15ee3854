"""Wagtail admin pages for SMS activity: conversation log, crisis follow-up
queue, daily figures, and the screener's "try a text" box and staff labels.
Numbers are shown masked; who was shown whose texts goes in the audit log
(sms.audit)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sms import audit, selectors, services
from sms.forms import TryTextForm
from sms.models import FollowUp, InboundMessage, ScreeningCategory, ScreeningLabel


class TitledBreadcrumbsMixin(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        # Wagtail's default is "Home" alone, which then titles every page "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class SmsAdminView(PermissionRequiredMixin, TitledBreadcrumbsMixin, TemplateView):
    permission_required = "sms.view_inboundmessage"
    raise_exception = True
    header_icon = "mail"


def _conversations(queryset, request, per_page: int = 50):
    queryset = queryset.select_related(
        "sender", "topic", "intent", "reply", "handled_by", "screening_label__labelled_by"
    )
    return Paginator(queryset, per_page).get_page(request.GET.get("p"))


class ConversationLogView(SmsAdminView):
    template_name = "sms/admin/conversation_log.html"
    page_title = "SMS conversation log"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = InboundMessage.objects.all()
        outcome = self.request.GET.get("outcome", "")
        if outcome in InboundMessage.Outcome.values:
            queryset = queryset.filter(outcome=outcome)
        page = _conversations(queryset, self.request)
        audit.conversations_viewed(
            senders=[message.sender for message in page], user=self.request.user, where="conversation log"
        )
        context.update(
            page=page,
            outcomes=InboundMessage.Outcome.choices,
            current_outcome=outcome,
            screening_categories=ScreeningCategory.choices,
        )
        return context


class CrisisQueueView(SmsAdminView):
    template_name = "sms/admin/crisis_queue.html"
    page_title = "SMS follow-up queue"
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_handled = self.request.GET.get("handled") == "1"
        messages_in_order = InboundMessage.objects.order_by("received_at").select_related(
            "screening_label__labelled_by"
        )
        follow_ups = list(
            FollowUp.objects.filter(handled_at__isnull=not show_handled)
            .select_related("sender", "handled_by")
            .prefetch_related(Prefetch("messages", queryset=messages_in_order))
            .order_by("-level", "-last_message_at")[:100]
        )
        queryset = InboundMessage.objects.filter(needs_follow_up=True, handled_at__isnull=not show_handled)
        page = _conversations(queryset, self.request)
        audit.conversations_viewed(
            senders=[item.sender for item in follow_ups] + [message.sender for message in page],
            user=self.request.user,
            where="follow-up queue",
        )
        context.update(
            follow_ups=follow_ups,
            page=page,
            show_handled=show_handled,
            screening_categories=ScreeningCategory.choices,
        )
        return context


class CrisisMarkHandledView(PermissionRequiredMixin, View):
    permission_required = "sms.change_inboundmessage"
    raise_exception = True

    def post(self, request, pk: int):
        inbound = get_object_or_404(InboundMessage, pk=pk, needs_follow_up=True)
        services.crisis_mark_handled(inbound=inbound, user=request.user)
        messages.success(request, f"Marked as handled: text from {inbound.sender.masked_phone}.")
        return redirect("sms_crisis_queue")


class FollowUpMarkHandledView(PermissionRequiredMixin, View):
    permission_required = "sms.change_inboundmessage"
    raise_exception = True

    def post(self, request, pk: int):
        follow_up = get_object_or_404(FollowUp.objects.select_related("sender"), pk=pk)
        services.follow_up_mark_handled(follow_up=follow_up, user=request.user)
        messages.success(request, f"Marked as handled: crisis follow-up for {follow_up.sender.masked_phone}.")
        return redirect("sms_crisis_queue")


class TryTextView(SmsAdminView, FormView):
    """The screener and the reply decision on a text typed by an editor:
    nothing is stored or sent."""

    template_name = "sms/admin/screening_try.html"
    page_title = "Screening: try a text"
    header_icon = "search"
    form_class = TryTextForm

    def form_valid(self, form):
        preview = services.reply_preview(
            text=form.cleaned_data["text"], country=form.cleaned_data["country"].upper()
        )
        return self.render_to_response(self.get_context_data(form=form, **preview))


class ScreeningLabelCreateView(PermissionRequiredMixin, View):
    permission_required = "sms.change_inboundmessage"
    raise_exception = True

    def post(self, request, pk: int):
        inbound = get_object_or_404(InboundMessage, pk=pk)
        verdict = request.POST.get("verdict", "")
        category = request.POST.get("category", "")
        if verdict not in ScreeningLabel.Verdict.values or category not in ["", *ScreeningCategory.values]:
            messages.error(request, "Choose 'missed emergency' or 'not an emergency'.")
        else:
            services.screening_label_record(
                inbound=inbound, verdict=verdict, category=category, user=request.user
            )
            messages.success(request, f"Labelled: {ScreeningLabel.Verdict(verdict).label}.")
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "sms_conversation_log"
        return redirect(target)


class ScreeningLabelListView(SmsAdminView):
    template_name = "sms/admin/screening_labels.html"
    page_title = "Screening: staff labels"
    header_icon = "tag"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = ScreeningLabel.objects.select_related("inbound", "labelled_by")
        context["page"] = Paginator(labels, 50).get_page(self.request.GET.get("p"))
        return context


class ScreeningLabelPromoteView(PermissionRequiredMixin, View):
    permission_required = "sms.add_crisisexample"
    raise_exception = True

    def post(self, request, pk: int):
        label = get_object_or_404(ScreeningLabel.objects.select_related("inbound"), pk=pk)
        services.screening_label_promote(label=label)
        messages.success(
            request, "Added as a crisis example: the screener now gives this decision to these words."
        )
        return redirect("sms_screening_labels")


class DailyFiguresView(SmsAdminView):
    template_name = "sms/admin/daily_figures.html"
    page_title = "SMS daily figures"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Stored days as stored, newer ones counted: unchanged when retention deletes old texts.
        context.update(selectors.figures_report(days=14))
        return context
