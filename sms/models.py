"""SMS helpline records: senders, messages in and out, keywords, crisis
patterns and examples, crisis follow-ups and staff labels.

Texters' numbers are personal (and health-related) data: a `Sender` keeps the
number Fernet-encrypted for replying and a keyed HMAC for look-ups; nothing
else stores it. Staff see it masked.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.search import index

from cms import phone_numbers
from cms.fields import EncryptedTextField
from sms.matching import RESERVED_KEYWORDS
from sms.text import normalise


class Sender(models.Model):
    """One phone number that has texted us: opt-out state lives here."""

    phone = EncryptedTextField(help_text="E.164 as Twilio sent it, encrypted at rest.")
    phone_hash = models.CharField(max_length=64, unique=True, editable=False)
    country = models.CharField(max_length=2, blank=True, help_text="From the number; blank if unknown.")
    opted_out = models.BooleanField(default=False, db_index=True)
    opted_out_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.masked_phone

    @property
    def masked_phone(self) -> str:
        return phone_numbers.mask(self.phone)


class SmsKeyword(index.Indexed, models.Model):
    """A word people text to get a short answer, e.g. KETAMINE or SIGNS."""

    keyword = models.CharField(max_length=40, unique=True, help_text="One word or short phrase, e.g. SIGNS.")
    aliases = models.CharField(
        max_length=255,
        blank=True,
        help_text="Other words that get the same reply, comma-separated (e.g. K, KET, SPECIAL K).",
    )
    reply = models.TextField(
        blank=True,
        help_text="Plain text for SMS. Leave blank to use the linked topic's SMS summary. "
        "The helpline is appended automatically.",
    )
    topic = models.ForeignKey(
        "cms.TopicPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    show_in_menu = models.BooleanField(default=True, help_text="List it in the reply to unknown messages.")
    is_active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=100, help_text="Lower shows first in the menu.")

    # Admin panels (with the live length counter) are in sms/wagtail_hooks.py.
    search_fields = [index.SearchField("keyword"), index.SearchField("aliases"), index.SearchField("reply")]

    class Meta:
        ordering = ["sort_order", "keyword"]
        verbose_name = "SMS keyword"

    def __str__(self) -> str:
        return self.keyword

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def reply_text(self) -> str:
        if self.reply.strip():
            return self.reply.strip()
        return (self.topic.sms_summary.strip() if self.topic else "") or ""

    def clean(self):
        super().clean()
        self.keyword = " ".join(self.keyword.split()).upper()
        if normalise(self.keyword).upper() in RESERVED_KEYWORDS:
            raise ValidationError({"keyword": f"{self.keyword} is reserved for opt-out and help."})
        reserved = [alias for alias in self.alias_list if normalise(alias).upper() in RESERVED_KEYWORDS]
        if reserved:
            raise ValidationError({"aliases": f"{', '.join(reserved)}: reserved for opt-out and help."})
        mine = {normalise(term): term for term in [self.keyword, *self.alias_list]}
        for other in SmsKeyword.objects.exclude(pk=self.pk):
            clash = sorted(
                mine[t] for t in {normalise(t) for t in [other.keyword, *other.alias_list]} & mine.keys()
            )
            if clash:
                raise ValidationError({"aliases": f"{', '.join(clash)} already used by {other.keyword}."})
        if not self.reply.strip() and not (self.topic and self.topic.sms_summary.strip()):
            raise ValidationError({"reply": "Write a reply, or link a topic that has an SMS summary."})
        from sms.replies import reply_overflow  # sms.replies reads these models: import late

        overflow = reply_overflow(self.reply_text())
        if overflow:
            field = "reply" if self.reply.strip() else "topic"
            raise ValidationError({field: overflow})


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
        KEYWORD = "keyword", "Keyword"
        FALLBACK = "fallback", "Menu"
        IGNORED_OPTED_OUT = "ignored_opted_out", "Not answered: opted out"
        RATE_LIMITED = "rate_limited", "Not answered: over the limit"
        LOOP = "loop", "Not answered: repeated text (auto-responder?)"

    message_sid = models.CharField(max_length=64, unique=True)
    sender = models.ForeignKey(Sender, on_delete=models.PROTECT, related_name="inbound_messages")
    to_number = models.CharField(max_length=40, help_text="Our number the text was sent to.")
    body = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.PENDING, db_index=True)
    keyword = models.ForeignKey(
        SmsKeyword, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    screening_level = models.CharField(
        max_length=20, choices=ScreeningLevel.choices, default=ScreeningLevel.NONE, db_index=True
    )
    screening_category = models.CharField(max_length=20, choices=ScreeningCategory.choices, blank=True)
    screening_reasons = models.TextField(
        blank=True, help_text="Why the screener decided so, one reason a line."
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

    def __str__(self) -> str:
        return f"{self.message_sid} from {self.sender.masked_phone}"


class OutboundMessage(models.Model):
    """One reply. At most one per inbound message; Twilio's SID, once stored,
    means it was accepted and is never sent again."""

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
    kind = models.CharField(max_length=20, choices=InboundMessage.Outcome.choices)
    body = models.TextField()
    encoding = models.CharField(max_length=8)
    segments = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    twilio_sid = models.CharField(max_length=64, unique=True, null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    send_started_at = models.DateTimeField(null=True, blank=True)
    error_code = models.CharField(max_length=20, blank=True)
    error_message = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.sender.masked_phone} ({self.status})"


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
        return f"{self.get_verdict_display()}: {self.inbound.body[:40]}"
