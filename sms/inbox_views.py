"""The conversation inbox in the Wagtail admin: the list, one thread with
its reply box, notes and handling, the live refresh, and the dashboard
panel. Thin: each view asks for a permission, calls sms.inbox_selectors or
sms.inbox_services and shows the result.

Numbers show masked. The list shows no texts, so it needs no audit entry;
a thread does (viewing it, and each refresh that shows something new), as
do replying, handling, claiming, assigning and revealing the number. A full
number is only ever POSTed (the search box, the reveal button), never put
in a URL.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views import View
from wagtail.admin.ui.components import Component

from sms import audit, channels, inbox_selectors, inbox_services, privacy
from sms.admin_views import SmsAdminView
from sms.inbox_forms import AssignForm, HandleForm, InboxFilterForm, NoteForm, ReplyForm
from sms.models import Sender
from sms.privacy_views import REVEAL_PERMISSION, NumberForm

ACT_PERMISSION = "sms.change_inboundmessage"
# The list and the thread ask for changes this often (the issue: at most 15 s).
REFRESH_SECONDS = 10
VERSION_HEADER = "X-Inbox-Version"


def _refresh_attrs(url: str, version: str = "") -> dict:
    return {"url": url, "seconds": REFRESH_SECONDS, "version": version}


class InboxView(SmsAdminView):
    """Every conversation, one row per person and channel, crisis first."""

    template_name = "sms/admin/inbox.html"
    rows_template = "sms/admin/_inbox_rows.html"
    page_title = "Inbox"
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        if request.GET.get("fragment"):
            # The live refresh: the rows only (masked numbers, no texts).
            return HttpResponse(render_to_string(self.rows_template, self._rows_context(), request=request))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        """Search by a full number (POST: the number stays out of URLs and history)."""
        number_form = NumberForm(request.POST)
        number = number_form.cleaned_data["number"] if number_form.is_valid() else None
        return self.render_to_response(self.get_context_data(number_form=number_form, number=number))

    def _rows_context(self, *, number: str | None = None) -> dict:
        filter_form = InboxFilterForm(self.request.GET or None)
        filters = filter_form.filters(self.request.user)
        if number is not None:
            filters = {"status": inbox_selectors.ALL, "number": number}
        rows = inbox_selectors.conversation_list(**filters)
        page = Paginator(rows, 50).get_page(self.request.GET.get("p"))
        return {
            "page": page,
            "now": timezone.now(),
            "filter_form": filter_form,
            "searched": number is not None,
        }

    def get_context_data(self, *, number_form=None, number: str | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self._rows_context(number=number))
        query = self.request.GET.copy()
        query["fragment"] = "1"
        refresh_url = f"{self.request.path}?{query.urlencode()}"
        context.update(
            number_form=number_form or NumberForm(),
            # A searched list is not refreshed: that would need the number in the URL.
            refresh=None if number is not None else _refresh_attrs(refresh_url),
        )
        return context


class ThreadView(SmsAdminView):
    """One conversation: every text and reply in order with how each was
    read and its delivery status, notes between them, and what staff can do."""

    template_name = "sms/admin/inbox_thread.html"
    header_icon = "mail"
    sender: Sender

    def dispatch(self, request, *args, **kwargs):
        sender = inbox_selectors.conversation_get(sender_id=kwargs["sender_id"])
        if sender is None:
            raise Http404("No such conversation.")
        self.sender = sender
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{audit.texter_title(self.sender.pk)}, {self.sender.get_channel_display()}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("sms_inbox"), "label": InboxView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, *, reply_form=None, revealed_number: str = "", **kwargs):
        context = super().get_context_data(**kwargs)
        sender, user = self.sender, self.request.user
        if not revealed_number:  # revealing wrote its own entry
            audit.record(action=audit.VIEW_CONVERSATION, user=user, sender=sender, data={"where": "inbox"})
        context.update(
            _thread_context(sender),
            revealed_number=revealed_number,
            can_act=user.has_perm(ACT_PERMISSION),
            can_reveal=user.has_perm(REVEAL_PERMISSION),
            reply_form=reply_form or ReplyForm(channel=sender.channel),
            note_form=NoteForm(),
            handle_form=HandleForm(),
            assign_form=AssignForm(initial={"assignee": sender.assignee_id or user.pk}),
            canned_replies=inbox_selectors.canned_replies(),
            refresh=_refresh_attrs(
                reverse("sms_inbox_thread_live", args=[sender.pk]),
                inbox_selectors.thread_version(sender_id=sender.pk),
            ),
            other_channels=inbox_selectors.other_channels(sender=sender),
            window_closes_at=channels.service_window_closes_at(
                channel=sender.channel, last_text_at=sender.last_text_at
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        handler = {
            "reply": self._reply,
            "note": self._note,
            "claim": self._claim,
            "assign": self._assign,
            "handle": self._handle,
            "reveal": self._reveal,
        }.get(action)
        if handler is None:
            messages.error(request, "Unknown action.")
            return self._back()
        if action == "reveal":
            if not request.user.has_perm(REVEAL_PERMISSION):
                raise PermissionDenied
        elif not request.user.has_perm(ACT_PERMISSION):
            raise PermissionDenied
        try:
            return handler(request)
        except inbox_services.InboxError as exc:
            messages.error(request, str(exc))
            return self._back()

    def _back(self):
        return redirect("sms_inbox_thread", sender_id=self.sender.pk)

    def _reply(self, request):
        form = ReplyForm(request.POST, channel=self.sender.channel)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(reply_form=form))
        try:
            inbox_services.staff_reply_send(sender=self.sender, user=request.user, **form.cleaned_data)
        except inbox_services.InboxError as exc:
            # Shown with what they wrote, so nothing typed is lost.
            form.add_error("body", str(exc))
            return self.render_to_response(self.get_context_data(reply_form=form))
        messages.success(request, "Reply queued: it goes out within seconds (its status shows below).")
        return self._back()

    def _note(self, request):
        form = NoteForm(request.POST)
        if form.is_valid():
            inbox_services.note_add(sender=self.sender, user=request.user, body=form.cleaned_data["body"])
            messages.success(request, "Note added.")
        else:
            messages.error(request, "Write the note first.")
        return self._back()

    def _claim(self, request):
        inbox_services.conversation_claim(sender=self.sender, user=request.user)
        messages.success(request, "You have this conversation.")
        return self._back()

    def _assign(self, request):
        form = AssignForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Choose a colleague who works the inbox.")
            return self._back()
        assignee = form.cleaned_data["assignee"]
        inbox_services.conversation_assign(sender=self.sender, assignee=assignee, user=request.user)
        messages.success(request, f"Assigned to {assignee.get_full_name() or assignee.get_username()}.")
        return self._back()

    def _handle(self, request):
        form = HandleForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Write a short outcome first (at most 500 characters).")
            return self._back()
        inbox_services.conversation_mark_handled(
            sender=self.sender, user=request.user, outcome=form.cleaned_data["outcome"]
        )
        messages.success(request, "Marked as handled. Their next text opens the conversation again.")
        return redirect("sms_inbox")

    def _reveal(self, request):
        number = privacy.number_reveal(sender=self.sender, user=request.user)
        return self.render_to_response(self.get_context_data(revealed_number=number))


def _thread_context(sender: Sender) -> dict:
    """What the live part of a thread shows: the conversation's state and
    its messages and notes."""
    now = timezone.now()
    return {
        "sender": sender,
        "items": inbox_selectors.thread(sender=sender),
        "waiting": inbox_selectors.waiting_for(sender, now=now),
        "refusal": inbox_services.reply_refusal(sender=sender, now=now),
        "now": now,
    }


class ThreadLiveView(PermissionRequiredMixin, View):
    """The live refresh of a thread: 204 while nothing changed (nothing
    shown, nothing audited), else the live part of the thread (audited)."""

    permission_required = "sms.view_inboundmessage"
    raise_exception = True
    template_name = "sms/admin/_inbox_thread_live.html"

    def get(self, request, sender_id: int):
        version = inbox_selectors.thread_version(sender_id=sender_id)
        if request.GET.get("version") == version:
            return HttpResponse(status=204)
        sender = inbox_selectors.conversation_get(sender_id=sender_id)
        if sender is None:
            raise Http404("No such conversation.")
        audit.record(
            action=audit.VIEW_CONVERSATION,
            user=request.user,
            sender=sender,
            data={"where": "inbox, refreshed"},
        )
        html = render_to_string(self.template_name, _thread_context(sender), request=request)
        response = HttpResponse(html)
        response[VERSION_HEADER] = version
        return response


class OpenCrisisPanel(Component):
    """The dashboard's panel for inbox staff: open crisis conversations and
    how long each person has waited."""

    name = "sms_open_crisis"
    template_name = "sms/admin/_inbox_dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            conversations=inbox_selectors.open_crisis_conversations(limit=10),
            open_count=inbox_selectors.conversation_list().count(),
            now=timezone.now(),
        )
        return context
