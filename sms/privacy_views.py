"""Admin pages for personal data: one texter's conversation (with "reveal
number"), the subject access export and erasure forms, and the privacy audit
report. The rules live in sms.privacy and sms.audit; these views ask for a
permission, call one of them and show the result.

Every page that shows a texter's texts or number writes an audit entry.
Like every Wagtail admin URL, these responses are `never_cache` (no-store):
a full number or an export stays out of browser and proxy caches.
"""

from __future__ import annotations

import json

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.filters import DateRangePickerWidget, MultipleUserFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from cms import phone_numbers
from sms import audit, privacy
from sms.admin_views import SmsAdminView, TitledBreadcrumbsMixin
from sms.models import Sender

EXPORT_PERMISSION = "sms.export_personal_data"
ERASE_PERMISSION = "sms.erase_personal_data"
REVEAL_PERMISSION = "sms.reveal_number"
CONFIRM_WORD = privacy.CONFIRM_WORD


class NumberForm(forms.Form):
    number = forms.CharField(
        max_length=40,
        label="Phone number",
        help_text="As the person gives it, e.g. +44 7911 123456 (without +, read as a number in the "
        "helpline's default country).",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_number(self) -> str:
        try:
            return phone_numbers.normalise_received(self.cleaned_data["number"])
        except phone_numbers.InvalidPhoneNumber as exc:
            raise forms.ValidationError("Enter a valid phone number.") from exc


class EraseForm(NumberForm):
    confirmation = forms.CharField(
        required=False, label=f"Type “{CONFIRM_WORD}” to delete all of it", max_length=20
    )

    @property
    def confirmed(self) -> bool:
        return privacy.is_confirmed(self.cleaned_data.get("confirmation", ""))


class _PrivacyFormView(PermissionRequiredMixin, TitledBreadcrumbsMixin, FormView):
    raise_exception = True
    header_icon = "lock"


class PersonalDataExportView(_PrivacyFormView):
    """Subject access: everything held about a number, downloaded as JSON."""

    permission_required = EXPORT_PERMISSION
    template_name = "sms/admin/privacy_export.html"
    page_title = "Data requests: export"
    form_class = NumberForm

    def form_valid(self, form):
        document = privacy.personal_data_export(
            number=form.cleaned_data["number"], user=self.request.user, via="admin"
        )
        response = HttpResponse(
            json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        # Never the number in a file name: downloads folders get synced and shared.
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-{timezone.now():%Y%m%d-%H%M%S}.json"'
        )
        return response


class PersonalDataEraseView(_PrivacyFormView):
    """Erasure in two steps: the number shows what is held (counts only),
    then typing the confirmation word deletes it."""

    permission_required = ERASE_PERMISSION
    template_name = "sms/admin/privacy_erase.html"
    page_title = "Data requests: erase"
    form_class = EraseForm

    def form_valid(self, form):
        number = form.cleaned_data["number"]
        if not form.confirmed:
            if form.cleaned_data.get("confirmation"):
                form.add_error("confirmation", f"Type “{CONFIRM_WORD}” to confirm.")
            counts = privacy.personal_data_find(number=number).counts()
            return self.render_to_response(
                self.get_context_data(form=form, counts=counts, nothing_held=not any(counts.values()))
            )
        try:
            erased = privacy.personal_data_erase(number=number, user=self.request.user, via="admin")
        except privacy.ErasureInterrupted as exc:
            messages.error(self.request, str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(self.request, f"Erased: {privacy.describe_counts(erased)}.")
        return redirect("sms_privacy_erase")


class ConversationView(SmsAdminView):
    """One texter's whole conversation: texts, replies, crisis follow-ups and
    any callback requests from the same number. Audited; the number stays
    masked unless revealed (RevealNumberView)."""

    template_name = "sms/admin/privacy_conversation.html"
    revealed_number = ""

    def get_page_title(self):
        return audit.texter_title(self.kwargs["sender_id"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sender = get_object_or_404(Sender, pk=self.kwargs["sender_id"])
        if not self.revealed_number:
            audit.record(
                action=audit.VIEW_CONVERSATION,
                user=self.request.user,
                sender=sender,
                data={"where": "conversation"},
            )
        context.update(
            data=privacy.personal_data_of(sender=sender),
            sender=sender,
            revealed_number=self.revealed_number,
            can_reveal=self.request.user.has_perm(REVEAL_PERMISSION),
        )
        return context


class RevealNumberView(ConversationView):
    """POST only, so a full number is never in a URL, a link or history."""

    permission_required = ("sms.view_inboundmessage", REVEAL_PERMISSION)
    http_method_names = ["post"]

    def post(self, request, sender_id: int):
        sender = get_object_or_404(Sender, pk=sender_id)
        self.revealed_number = privacy.number_reveal(sender=sender, user=request.user)
        return self.render_to_response(self.get_context_data())


# --- The privacy audit report -------------------------------------------------


class PrivacyAuditFilterSet(WagtailFilterSet):
    action = django_filters.MultipleChoiceFilter(label="Action", widget=forms.CheckboxSelectMultiple)
    user = MultipleUserFilter(label="Staff member", widget=forms.CheckboxSelectMultiple)
    timestamp = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["action"].extra["choices"] = [
            choice for choice in log_registry.get_choices() if choice[0] in audit.PRIVACY_ACTIONS
        ]
        self.filters["user"].extra["queryset"] = self.queryset.get_users()


class DetailsColumn(Column):
    """What an entry's data says (where, how much), never a number: the
    entries hold none."""

    def get_value(self, instance):
        return ", ".join(
            f"{key.replace('_', ' ')}: {value}"
            for key, value in instance.data.items()
            if value not in (0, [], "", None)
        )


def may_read_privacy_audit(user) -> bool:
    """Those who answer data requests read who accessed the data."""
    return user.has_perm(EXPORT_PERMISSION) or user.has_perm(ERASE_PERMISSION)


class PrivacyAuditReportView(ReportView):
    """Who viewed or acted on whose personal data, and when."""

    page_title = "Personal data access"
    header_icon = "lock"
    index_url_name = "sms_privacy_audit"
    index_results_url_name = "sms_privacy_audit_results"
    filterset_class = PrivacyAuditFilterSet
    paginate_by = 50
    columns = [
        DateColumn("timestamp", label="When"),
        Column("user_display_name", label="Who"),
        Column("message", label="What"),
        Column("label", label="Whose"),
        DetailsColumn("data", label="Details"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_read_privacy_audit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return audit.privacy_log_entries()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": audit.privacy_log_entries()}
