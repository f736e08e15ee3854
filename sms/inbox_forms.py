"""The inbox's forms: reply (with the live counter for SMS), note, outcome,
assignment, and the list's filters. Rules live in sms.inbox_services; the
forms only collect what staff typed."""

from __future__ import annotations

from django import forms

from sms import channels, inbox_selectors, inbox_services
from sms.models import Channel, ConversationStatus, ScreeningLevel
from sms.widgets import SmsReplyTextarea


class ReplyForm(forms.Form):
    body = forms.CharField(label="Reply", max_length=channels.WHATSAPP_MAX_CHARACTERS, strip=False)
    form_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, channel: str, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("form_key", inbox_services.new_form_key())
        super().__init__(*args, **kwargs)
        attrs = {"rows": 4, "id": "inbox-reply-body"}
        if channel == Channel.WHATSAPP:
            self.fields["body"].widget = forms.Textarea(
                attrs={**attrs, "maxlength": channels.WHATSAPP_MAX_CHARACTERS, "data-max-characters": "1600"}
            )
            self.fields["body"].help_text = "WhatsApp: up to 1,600 characters, sent as one message."
        else:
            # The SMS answer editor's counter, without the helpline footer: a staff reply goes as written.
            self.fields["body"].widget = SmsReplyTextarea(attrs=attrs, with_footer=False)
            self.fields["body"].help_text = "Sent as written, from the helpline's number."


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Internal note",
        max_length=inbox_services.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only staff see it; it is never sent.",
    )


class HandleForm(forms.Form):
    outcome = forms.CharField(
        label="Outcome",
        max_length=inbox_services.OUTCOME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Called 999 with them; safe, at A&E"}),
        help_text="What was done, in a line. Their next text opens the conversation again.",
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(queryset=None, label="Assign to", empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = inbox_selectors.staff_members()
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False,
        choices=[
            (inbox_selectors.ACTIVE, "Open or claimed"),
            *ConversationStatus.choices,
            (inbox_selectors.ALL, "All"),
        ],
    )
    channel = forms.ChoiceField(required=False, choices=[("", "Any channel"), *Channel.choices])
    level = forms.ChoiceField(
        required=False,
        label="Crisis level",
        choices=[
            ("", "Any level"),
            (ScreeningLevel.EMERGENCY, "Emergency"),
            (ScreeningLevel.CONCERN, "Concern"),
            (inbox_selectors.NO_CRISIS, "No open crisis"),
        ],
    )
    mine = forms.BooleanField(required=False, label="Mine")

    def filters(self, user) -> dict:
        """Keyword arguments for inbox_selectors.conversation_list. (A number
        is searched by POST, never in a URL: see InboxView.)"""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "status": data.get("status") or inbox_selectors.ACTIVE,
            "channel": data.get("channel", ""),
            "level": data.get("level", ""),
            "mine": user if data.get("mine") else None,
        }
