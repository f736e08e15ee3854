"""Callback requests from the public, worked by the admissions team."""

from __future__ import annotations

from django.db import models

from cms import phone_numbers
from cms.fields import EncryptedTextField


class CallbackRequest(models.Model):
    """A request from the public for the admissions team to call back.

    The phone number is stored encrypted, with a keyed hash for spotting
    repeats; staff see it masked in listings. The name and message are
    encrypted too (someone asking about their own or a relative's drug use
    is health data), so they cannot be searched or sorted on.
    """

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        CLOSED = "closed", "Closed"

    name = EncryptedTextField(max_length=120, help_text="Encrypted at rest.")
    phone = EncryptedTextField(help_text="E.164, encrypted at rest.")
    phone_hash = models.CharField(max_length=64, db_index=True, editable=False)
    preferred_time = models.CharField(max_length=120, blank=True)
    message = EncryptedTextField(blank=True, help_text="Encrypted at rest.")
    consent_given = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # Never the name: Wagtail stores str() in its audit log as plain text.
        return f"Callback request {self.pk} ({self.get_status_display()})"

    @property
    def masked_phone(self) -> str:
        return phone_numbers.mask(self.phone)
