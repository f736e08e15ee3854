"""SMS helpline records: senders (one conversation each), messages in and
out (with the conversation's state), staff notes, canned replies, SMS
settings, crisis patterns and examples, crisis follow-ups and staff labels.
The answers themselves are content: topics' SMS answers in `cms`.

A person who texts by SMS and on WhatsApp from the same number is two
`Sender`s, one per channel: two conversations, each with its own opt-out,
rate limit, topic and menu, because consent and Twilio's delivery rules are
per channel. Both rows carry the same `phone_hash`, so a data request by
number finds them both.

Texters' numbers are personal (and health-related) data: a `Sender` keeps the
number Fernet-encrypted for replying and a keyed HMAC for look-ups; nothing
else stores it. Staff see it masked. What people text, the reasons that quote
it and our replies are `EncryptedTextField`s too: figures and filters use
what was derived when the text came in (outcome, topic, intent, screening
level and category), never the text.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from cms import phone_numbers
from cms.fields import EncryptedTextField


class Channel(models.TextChoices):
    """How a person reaches us; both through Twilio's Messaging API."""

    SMS = "sms", "SMS"
    WHATSAPP = "whatsapp", "WhatsApp"


class ConversationStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLAIMED = "claimed", "Claimed"
    HANDLED = "handled", "Handled"


class Sender(models.Model):
    """One phone number on one channel: opt-out state, and the conversation
    staff read and answer in the inbox (its status and who has it)."""

    phone = EncryptedTextField(help_text="E.164 as Twilio sent it, encrypted at rest.")
    phone_hash = models.CharField(max_length=64, editable=False, db_index=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SMS)
    country = models.CharField(max_length=2, blank=True, help_text="From the number; blank if unknown.")
    opted_out = models.BooleanField(default=False, db_index=True)
    opted_out_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The conversation (sms.inbox_services): a new text reopens a handled one.
    status = models.CharField(
        max_length=10, choices=ConversationStatus.choices, default=ConversationStatus.OPEN, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_text_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Their latest text: the inbox's order, and WhatsApp's 24-hour reply window.",
    )
    waiting_since = models.DateTimeField(
        null=True, blank=True, help_text="Their oldest text no staff member has answered or handled yet."
    )

    class Meta:
        # Acting on one person's data as a whole (sms.privacy), audited (sms.audit).
        permissions = [
            ("export_personal_data", "Can export everything held about a phone number"),
            ("erase_personal_data", "Can erase everything held about a phone number"),
            ("reveal_number", "Can reveal a texter's full phone number"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["phone_hash", "channel"], name="sms_sender_one_per_number_and_channel"
            )
        ]

    def __str__(self) -> str:
        return self.masked_phone

    @property
    def masked_phone(self) -> str:
        return phone_numbers.mask(self.phone)


class ScreeningLevel(models.TextChoices):
    EMERGENCY = "emergency", "Emergency (danger now)"
    CONCERN = "concern", "Concern (risk, not now)"
    NONE = "none", "Not a crisis"


class ScreeningCategory(models.TextChoices):
    # The values are sms.screening.Category's (checked by a test).
    OVERDOSE = "overdose", "Overdose or poisoning"
    MEDICAL = "medical", "Medical emergency"
    SUICIDE = "suicide", "Suicidal intent or ideation"
    SELF_HARM = "self_harm", "Self-harm"


class CrisisPattern(models.Model):
    """An editor's crisis pattern, added to the screener's built-in ones.

    Written in the screener's pattern language (see sms/screening/patterns.py);
    checked when saved (the admin form compiles it)."""

    pattern = models.CharField(
        max_length=255,
        unique=True,
        help_text="Words as people text them, e.g. 'can not|will not ... wake'. '...' allows up to four "
        "words in between; a|b for alternatives; word* for any ending; @other for someone else "
        "(my mate, he, she ...), @self for the texter. Write 'can not', not 'cant': "
        "txt-speak is spelt out first.",
    )
    category = models.CharField(max_length=20, choices=ScreeningCategory.choices)
    level = models.CharField(
        max_length=20,
        choices=[c for c in ScreeningLevel.choices if c[0] != ScreeningLevel.NONE],
        default=ScreeningLevel.EMERGENCY,
    )
    unless = models.TextField(
        blank=True,
        help_text="Patterns, one a line, that cancel a match (e.g. 'lol' or 'cut down').",
    )
    is_active = models.BooleanField(default=True)
    notes = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category", "pattern"]

    def __str__(self) -> str:
        return self.pattern

    @property
    def unless_list(self) -> list[str]:
        return [line.strip() for line in self.unless.splitlines() if line.strip()]


class CrisisExample(models.Model):
    """An example text with the decision it must get. The screener gives
    this decision to a text with the same words, and the evaluation scores
    the screener on the examples."""

    text = models.TextField(help_text="As people would text it. Never a real person's number.")
    level = models.CharField(max_length=20, choices=ScreeningLevel.choices)
    category = models.CharField(max_length=20, choices=ScreeningCategory.choices, blank=True)
    is_active = models.BooleanField(default=True)
    notes = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self):
        super().clean()
        if self.level != ScreeningLevel.NONE and not self.category:
            raise ValidationError({"category": "Choose the category of an emergency or concern."})
        if self.level == ScreeningLevel.NONE:
            self.category = ""


class FollowUp(models.Model):
    """One person's crisis, for staff to follow up. Every later text from
    the same person within SMS_FOLLOW_UP_WINDOW_HOURS joins it, until staff
    mark it handled."""

    sender = models.ForeignKey("Sender", on_delete=models.PROTECT, related_name="follow_ups")
    level = models.CharField(max_length=20, choices=ScreeningLevel.choices)
    category = models.CharField(max_length=20, choices=ScreeningCategory.choices, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_message_at = models.DateTimeField()
    handled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["handled_at", "-last_message_at"]
        verbose_name = "crisis follow-up"

    def __str__(self) -> str:
        return f"{self.get_level_display()} from {self.sender.masked_phone}"


class InboundMessage(models.Model):
    """A text someone sent us, stored before anything else happens."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Not processed yet"
        OPT_OUT = "opt_out", "Opted out"
        OPT_IN = "opt_in", "Opted back in"
        HELP = "help", "Help"
        CRISIS = "crisis", "Crisis"
        CONCERN = "concern", "Concern"
        FOLLOW_UP = "follow_up", "Crisis follow-up"
        ANSWER = "answer", "Answer"
        MENU = "fallback", "Menu"
        KEYWORD = "keyword", "Keyword (before SMS answers)"
        IGNORED_OPTED_OUT = "ignored_opted_out", "Not answered: opted out"
        RATE_LIMITED = "rate_limited", "Not answered: over the limit"
        LOOP = "loop", "Not answered: repeated text (auto-responder?)"
        # A reply's kind only: written by a staff member in the inbox.
        STAFF_REPLY = "staff_reply", "Staff reply"

    message_sid = models.CharField(max_length=64, unique=True)
    sender = models.ForeignKey(Sender, on_delete=models.PROTECT, related_name="inbound_messages")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SMS)
    to_number = models.CharField(max_length=40, help_text="Our number the text was sent to.")
    body = EncryptedTextField(blank=True, help_text="What they texted, encrypted at rest.")
    # Set by the webhook (not auto_now_add): a new sender's conversation is
    # created waiting since this very moment, in the same statement.
    received_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING, db_index=True)
    # What the text asked, as the matcher read it (sms.understanding), and
    # the numbered menu its reply offered: the conversation's state.
    topic = models.ForeignKey(
        "cms.TopicPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    intent = models.ForeignKey(
        "cms.SmsIntent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The reasons quote the text's words, so they are encrypted like it.
    understanding_reasons = EncryptedTextField(
        blank=True, help_text="How the text was read, one reason a line; encrypted at rest."
    )
    menu = models.JSONField(
        default=list, blank=True, help_text="The question types the reply offered as options 1, 2, 3..."
    )
    screening_level = models.CharField(
        max_length=20, choices=ScreeningLevel.choices, default=ScreeningLevel.NONE, db_index=True
    )
    screening_category = models.CharField(max_length=20, choices=ScreeningCategory.choices, blank=True)
    screening_reasons = EncryptedTextField(
        blank=True, help_text="Why the screener decided so, one reason a line; encrypted at rest."
    )
    follow_up = models.ForeignKey(
        FollowUp, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    # Operational flags (not answered, send uncertain) for a person to look at.
    needs_follow_up = models.BooleanField(default=False, db_index=True)
    follow_up_reason = models.CharField(max_length=255, blank=True)
    oncall_alerted_at = models.DateTimeField(
        null=True, blank=True, help_text="When on-call staff were emailed about this text."
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        # A sender's recent texts (loop protection on every text, the
        # thread): without it, PostgreSQL reads every text of the window.
        indexes = [models.Index(fields=["sender", "received_at"], name="sms_inbound_sender_received")]

    def __str__(self) -> str:
        return f"{self.message_sid} from {self.sender.masked_phone}"


class OutboundMessage(models.Model):
    """One reply: automatic (at most one per inbound message) or a staff
    member's (`author`, no inbound). Twilio's SID, once stored, means it was
    accepted and is never sent again."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        ACCEPTED = "accepted", "Accepted"
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        UNDELIVERED = "undelivered", "Undelivered"
        FAILED = "failed", "Failed"
        LOGGED = "logged", "Logged (console backend)"

    inbound = models.OneToOneField(
        InboundMessage, null=True, blank=True, on_delete=models.PROTECT, related_name="reply"
    )
    sender = models.ForeignKey(Sender, on_delete=models.PROTECT, related_name="outbound_messages")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SMS)
    kind = models.CharField(max_length=20, choices=InboundMessage.Outcome.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The staff member who wrote it; empty for automatic replies.",
    )
    # The reply form's one-time key: the same form posted twice (a double
    # click, a reload) finds the first record instead of making a second.
    form_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    body = EncryptedTextField(help_text="The reply as sent, encrypted at rest.")
    encoding = models.CharField(max_length=8)
    segments = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    twilio_sid = models.CharField(max_length=64, unique=True, null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    send_started_at = models.DateTimeField(null=True, blank=True)
    # When the send task is due: on creation, then at each scheduled retry.
    # Pending past this (plus a grace) means the task was lost: swept.
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    failure_alerted_at = models.DateTimeField(
        null=True, blank=True, help_text="When on-call staff were emailed that this crisis reply failed."
    )
    error_code = models.CharField(max_length=20, blank=True)
    error_message = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        # A sender's recent replies: the rate limit counts them on every text.
        indexes = [models.Index(fields=["sender", "created_at"], name="sms_outbound_sender_created")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.sender.masked_phone} ({self.status})"


class ConversationNote(models.Model):
    """Staff's own words in a conversation, never sent: an internal note, or
    the outcome written when marking it handled. Encrypted: a note about a
    person in crisis is health data."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        OUTCOME = "outcome", "Handled"

    sender = models.ForeignKey(Sender, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTE)
    body = EncryptedTextField(help_text="Encrypted at rest.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        # Never the words (see ScreeningLabel.__str__).
        return f"{self.get_kind_display()} on texter {self.sender_id}"


class CannedReply(models.Model):
    """A reply staff can start from in the inbox, written by editors."""

    title = models.CharField(max_length=80, unique=True, help_text="What staff pick it by.")
    body = models.TextField(
        max_length=1600,
        help_text="As it will be sent; staff can change it before sending. Keep SMS replies within the "
        "segment budget (the counter in the inbox shows it).",
    )
    sort_order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name_plural = "canned replies"

    def __str__(self) -> str:
        return self.title


class ScreeningLabel(models.Model):
    """A staff member's verdict on how the screener read a text: teaching
    material, shown without numbers, that can become an example."""

    class Verdict(models.TextChoices):
        MISSED_EMERGENCY = "missed_emergency", "Missed emergency"
        NOT_EMERGENCY = "not_emergency", "Not an emergency"

    inbound = models.OneToOneField(InboundMessage, on_delete=models.CASCADE, related_name="screening_label")
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    category = models.CharField(max_length=20, choices=ScreeningCategory.choices, blank=True)
    labelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    labelled_at = models.DateTimeField(auto_now_add=True)
    example = models.ForeignKey(
        CrisisExample,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The screener example this label was promoted to.",
    )

    class Meta:
        ordering = ["-labelled_at"]

    def __str__(self) -> str:
        # Never the text: a str() can end up in a log or an audit entry.
        return f"{self.get_verdict_display()}: text {self.inbound_id}"


@register_setting(icon="mail")
class SmsSettings(BaseGenericSetting):
    """Helpline-wide SMS choices editors make."""

    default_topic = models.ForeignKey(
        "cms.TopicPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Answers a question that names no drug, from someone who has not named one yet "
        "(e.g. a first text of 'signs').",
    )

    panels = [FieldPanel("default_topic")]

    class Meta:
        verbose_name = "SMS settings"


class DailyFigure(models.Model):
    """One finished day's SMS figures as anonymous counts: what the "SMS
    daily figures" report shows for that day. Stored before retention may
    delete any of the day's texts (sms.retention), so the report never
    changes when old rows go."""

    day = models.DateField(unique=True, help_text="A UTC day, as the report groups them.")
    inbound = models.PositiveIntegerField(default=0, help_text="Texts received.")
    replies = models.PositiveIntegerField(default=0, help_text="Replies created.")
    opt_outs = models.PositiveIntegerField(default=0, help_text="Texts that opted out.")
    failed = models.PositiveIntegerField(default=0, help_text="Replies failed or undelivered.")
    crisis = models.PositiveIntegerField(default=0, help_text="Texts answered as a crisis.")
    questions = models.JSONField(
        default=list,
        blank=True,
        help_text="[topic id, question type id, texts] for each pair answered that day.",
    )
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"SMS figures for {self.day}"
