"""Publish webhooks: where to send them, and a log of every delivery.

A delivery row is written in the same transaction as the change it reports
(an outbox), so a change is never committed without its webhook, and never
reported when it rolls back. Celery sends it after commit; the row records
how that went, and is what the admin's delivery log shows.
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid

from django.contrib import admin
from django.core.validators import URLValidator
from django.db import models

from cms.fields import EncryptedTextField

SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix, not a secret
# Standard Webhooks: a symmetric secret of 24 to 64 random bytes, base64.
SECRET_BYTES = 32
SECRET_MIN_BYTES, SECRET_MAX_BYTES = 24, 64


def webhook_secret_new() -> str:
    """A fresh signing secret in the Standard Webhooks form, ``whsec_<base64>``."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def webhook_message_id_new() -> str:
    """The `webhook-id` of one message: the same on every attempt of it, so
    a receiver can tell a retry from a new event."""
    return f"msg_{uuid.uuid4().hex}"


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", "Page published"
    PAGE_UNPUBLISHED = "page.unpublished", "Page unpublished"
    PAGE_DELETED = "page.deleted", "Page deleted"
    PAGE_MOVED = "page.moved", "Page moved"
    HELPLINE_CHANGED = "helpline.changed", "Helpline changed"
    SMS_ANSWERS_PUBLISHED = "sms_answers.published", "SMS answers published"


def all_events() -> list[str]:
    return list(WebhookEvent.values)


class WebhookEndpoint(models.Model):
    """A URL that is told when published content changes (a frontend's
    revalidation route, a build hook, a cache purger)."""

    name = models.CharField(max_length=100, help_text="What it is, e.g. 'Website revalidation'.")
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Receives a signed JSON POST for each event.",
    )
    secret = EncryptedTextField(
        default=webhook_secret_new,
        help_text="Signs every delivery (Standard Webhooks). Give it to the receiver; "
        "replace it here to rotate it.",
    )
    events = models.JSONField(default=all_events, help_text="The events this endpoint is sent.")
    is_active = models.BooleanField(
        "active", default=True, help_text="Turned off, it is sent nothing, and waiting deliveries stop."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "webhook endpoint"

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.is_active and event in (self.events or [])

    @property
    @admin.display(description="events")
    def events_display(self) -> str:
        labels = dict(WebhookEvent.choices)
        return ", ".join(labels.get(event, event) for event in self.events or []) or "None"


class WebhookDelivery(models.Model):
    """One event for one endpoint, and how sending it went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"  # waiting for its first attempt or a retry
        SENDING = "sending", "Sending"  # a worker is making an attempt
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"  # attempts spent, or the endpoint said stop

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    # A resend keeps the message id (a new row, same `webhook-id`).
    message_id = models.CharField(max_length=40, default=webhook_message_id_new, db_index=True)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status_code = models.PositiveSmallIntegerField("response code", null=True, blank=True)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        permissions = [("resend_webhookdelivery", "Can send a webhook delivery again")]
        indexes = [
            # The sweep: unfinished deliveries by when they are due.
            models.Index(fields=["status", "next_attempt_at"], name="api_webhookdelivery_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()}: {self.subject}"

    @property
    @admin.display(description="about")
    def subject(self) -> str:
        """What the event is about, e.g. 'article 12 (what-is-ketamine)'."""
        kind, pk, slug = (self.payload.get(key) for key in ("type", "id", "slug"))
        return f"{kind} {pk}" + (f" ({slug})" if slug else "")

    @property
    @admin.display(description="payload")
    def payload_json(self) -> str:
        return json.dumps(self.payload, indent=2, ensure_ascii=False)
