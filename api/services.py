"""Actions the API performs (HackSoft style: keyword-only, typed)."""

from __future__ import annotations

from cms import phone_numbers
from cms.models import CallbackRequest


def callback_request_create(
    *, name: str, phone_e164: str, preferred_time: str, message: str
) -> CallbackRequest:
    """Store a consented callback request. The number is encrypted by the
    model field and hashed for spotting repeats; it is never logged."""
    return CallbackRequest.objects.create(
        name=name,
        phone=phone_e164,
        phone_hash=phone_numbers.phone_hash(phone_e164),
        preferred_time=preferred_time,
        message=message,
        consent_given=True,
    )
