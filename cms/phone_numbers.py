"""Phone numbers as personal data: normalise, encrypt, hash, mask.

Both `cms` (callback requests) and `sms` (texters) use these helpers, so they
live here: `sms` may import `cms`, never the other way round.

- Stored for sending back: Fernet-encrypted with FIELD_ENCRYPTION_KEY.
- Looked up (opt-out state, rate limits, duplicates): keyed HMAC-SHA256 with
  PHONE_HASH_KEY, so equal numbers match without the number being readable.
- Shown to staff: masked, e.g. ``+44 77** ***123``.
- Logged: never; `PhoneNumberMaskingFilter` masks anything number-shaped that
  slips into a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from functools import cache

import phonenumbers
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class InvalidPhoneNumber(ValueError):
    """The text is not a valid, dialable phone number."""


def normalise(raw: str, *, region: str | None = None) -> str:
    """Return `raw` in E.164 (``+447700900123``) or raise InvalidPhoneNumber.

    Numbers without a country code are read in `region` (default
    DEFAULT_PHONE_REGION).
    """
    try:
        parsed = phonenumbers.parse(raw or "", region or settings.DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber("Enter a valid phone number.") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneNumber("Enter a valid phone number.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def region_of(e164: str, *, default: str | None = None) -> str | None:
    """ISO country code of a number (``GB``), or `default` if unknown."""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return default
    return region if region and region != "ZZ" else default


@cache
def _fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode())
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY must be a urlsafe base64-encoded 32-byte key "
            "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
        ) from exc


def _require(name: str) -> str:
    value = getattr(settings, name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} is not set.")
    return value


def encrypt(plain: str) -> str:
    return _fernet(_require("FIELD_ENCRYPTION_KEY")).encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(_require("FIELD_ENCRYPTION_KEY")).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured("Stored value cannot be decrypted with FIELD_ENCRYPTION_KEY.") from exc


def phone_hash(e164: str) -> str:
    """Keyed, stable digest of a normalised number, for look-ups."""
    key = _require("PHONE_HASH_KEY").encode()
    return hmac.new(key, e164.encode(), hashlib.sha256).hexdigest()


def mask(e164: str) -> str:
    """``+447700900123`` -> ``+44 77** ***123``: enough for staff to tell
    numbers apart, not enough to dial."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return "***"
    national = phonenumbers.national_significant_number(parsed)
    if len(national) < 6:
        return f"+{parsed.country_code} ***"
    hidden = len(national) - 5
    first, last = national[:2], national[-3:]
    return f"+{parsed.country_code} {first}{'*' * min(2, hidden)} {'*' * max(hidden - 2, 0)}{last}"


# Seven or more digits, optionally led by + and split by spaces, dots, dashes
# or brackets: phone-shaped. Digits glued to letters (Twilio SIDs) don't
# match; a date written with dashes does, and masking it is the safe mistake.
_PHONE_SHAPED = re.compile(r"(?<![\w+])\+?\d(?:[\s().-]?\d){6,}(?!\w)")


def mask_phone_numbers_in(text: str) -> str:
    def _mask(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group())
        return f"[phone ***{digits[-3:]}]"

    return _PHONE_SHAPED.sub(_mask, text)


class PhoneNumberMaskingFilter(logging.Filter):
    """Masks phone-shaped digit runs in every record before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_phone_numbers_in(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
