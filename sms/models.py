"""SMS helpline records: senders, messages in and out, keywords, crisis phrases.

Texters' numbers are personal (and health-related) data: a `Sender` keeps the
number Fernet-encrypted for replying and a keyed HMAC for look-ups; nothing
else stores it. Staff see it masked.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms import phone_numbers
from cms.fields import EncryptedTextField
from sms.matching import RESERVED_KEYWORDS, normalise


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


class CrisisPhrase(models.Model):
    """Words that suggest immediate danger; matching texts get emergency
    numbers at once and are flagged for a person to follow up."""

    phrase = models.CharField(
        max_length=80, unique=True, help_text="e.g. 'took too much'. Case and punctuation don't matter."
    )
    is_active = models.BooleanField(default=True)
    notes = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("phrase"), FieldPanel("is_active"), FieldPanel("notes")]

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase


class InboundMessage(models.Model):
    """A text someone sent us, stored before anything else happens."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Not processed yet"
        OPT_OUT = "opt_out", "Opted out"
        OPT_IN = "opt_in", "Opted back in"
        HELP = "help", "Help"
        CRISIS = "crisis", "Crisis"
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
    crisis_phrase = models.CharField(max_length=80, blank=True)
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
