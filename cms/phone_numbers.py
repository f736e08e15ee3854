"""Phone numbers as personal data: normalise, encrypt, hash, mask.

Both `cms` (callback requests) and `sms` (texters) use these helpers, so they
live here: `sms` may import `cms`, never the other way round.

- Stored for sending back: Fernet-encrypted with FIELD_ENCRYPTION_KEY, as is
  every other `cms.fields.EncryptedTextField` (what people text, callback
  names and messages). The setting may hold several comma-separated keys
  while they are rotated: the first encrypts, all decrypt, and
  `manage.py rotate_encryption_keys` moves stored values to the first.
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
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
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


def normalise_received(raw: str, *, region: str | None = None) -> str:
    """E.164 for a number that reached us, or that staff type to find one.

    Like `normalise`, but a number `phonenumbers` calls invalid (new ranges,
    test ranges) of a possible length is kept too: Twilio forwards only
    numbers that reached us, and a data request must find the sender the
    webhook stored under exactly this form. Raises InvalidPhoneNumber
    otherwise (short codes, alphanumeric senders, too short or long).
    """
    try:
        return normalise(raw, region=region)
    except InvalidPhoneNumber:
        pass
    try:
        parsed = phonenumbers.parse(raw or "", region or settings.DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber("Enter a valid phone number.") from exc
    # IS_POSSIBLE only: a five-digit short code is "possible, local only".
    if phonenumbers.is_possible_number_with_reason(parsed) != phonenumbers.ValidationResult.IS_POSSIBLE:
        raise InvalidPhoneNumber("Enter a valid phone number.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def region_of(e164: str, *, default: str | None = None) -> str | None:
    """ISO country code of a number (``GB``); for a number in no known range,
    the main country of its calling code (+44 -> GB); else `default`."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return default
    region = phonenumbers.region_code_for_number(parsed) or phonenumbers.region_code_for_country_code(
        parsed.country_code
    )
    return region if region and region not in ("ZZ", "001") else default


@cache
def _keys(setting: str) -> tuple[Fernet, ...]:
    """FIELD_ENCRYPTION_KEY's keys: one, or several separated by commas,
    newest first. Cached per setting value, so changing the setting (a test,
    a rotation) takes effect."""
    parts = [part.strip() for part in setting.split(",")]
    fernets = []
    for position, key in enumerate(parts, start=1):
        try:
            fernets.append(Fernet(key.encode()))
        except (ValueError, TypeError) as exc:
            which = f"key {position} of {len(parts)} in " if len(parts) > 1 else ""
            raise ImproperlyConfigured(
                f"{which}FIELD_ENCRYPTION_KEY must be a urlsafe base64-encoded 32-byte key "
                "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')."
            ) from exc
    return tuple(fernets)


@cache
def _multi(setting: str) -> MultiFernet:
    return MultiFernet(_keys(setting))


def field_key_count() -> int:
    """How many FIELD_ENCRYPTION_KEY keys are configured; ImproperlyConfigured
    (one line, never the key) when it is unset or a key is malformed."""
    return len(_keys(_require("FIELD_ENCRYPTION_KEY")))


def _primary() -> Fernet:
    """The first key: the one that encrypts."""
    return _keys(_require("FIELD_ENCRYPTION_KEY"))[0]


def _all_keys() -> MultiFernet:
    """Every key, tried in order: the ones that decrypt."""
    return _multi(_require("FIELD_ENCRYPTION_KEY"))


def _require(name: str) -> str:
    value = getattr(settings, name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} is not set.")
    return value


def encrypt(plain: str) -> str:
    """`plain` as a Fernet token under the first FIELD_ENCRYPTION_KEY key."""
    return _primary().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    """A token written under any FIELD_ENCRYPTION_KEY key, in plain."""
    try:
        return _all_keys().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured("Stored value cannot be decrypted with FIELD_ENCRYPTION_KEY.") from exc


def is_encrypted(value: str) -> bool:
    """True when `value` is a token one of the configured keys wrote.

    Tells stored plain text from a token reliably: a token carries a valid
    HMAC under one of our keys, which nothing a person typed does."""
    try:
        _all_keys().decrypt(value.encode())
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str | None:
    """`token` re-encrypted under the first key, or None when it already is
    (so a resumed rotation skips its finished rows after one cheap check).
    The token keeps its original timestamp. ImproperlyConfigured when no
    configured key reads it."""
    try:
        _primary().decrypt(token.encode())
    except InvalidToken:
        pass
    else:
        return None
    try:
        return _all_keys().rotate(token.encode()).decode()
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


# Seven or more digits, optionally led by + (or %2B, as in a form-encoded
# Twilio request) and split by up to two spaces, dots, dashes, brackets or +
# (or a %20): phone-shaped, e.g. "+44 7911 123456", "07911123456",
# "whatsapp:+447911123456", "+1 (415) 555-0100", "From=%2B447911123456".
# Digits glued to letters (Twilio SIDs, hex tokens) don't match. A date
# written with dashes, most IP addresses or epoch seconds do: masking them
# is the safe mistake.
_PHONE_SHAPED = re.compile(r"(?:\+|%2B|(?<![\w+]))\d(?:(?:[\s().+-]{1,2}|%20)?\d){6,}(?!\w)", re.IGNORECASE)
# A UUID (Celery's task ids) is runs of digits split by dashes, so parts of
# it look phone-shaped: UUIDs are set aside before masking and kept whole.
# Only the exact 8-4-4-4-12 hex shape, which no phone number has.
_UUID = re.compile(
    r"(?<![0-9A-Za-z])([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?![0-9A-Za-z])", re.IGNORECASE
)
_NOT_THE_NUMBERS_DIGITS = re.compile(r"%2[0B]|\D", re.IGNORECASE)


def _masked_run(match: re.Match) -> str:
    digits = _NOT_THE_NUMBERS_DIGITS.sub("", match.group())
    return f"[phone ***{digits[-3:]}]"


def mask_phone_numbers_in(text: str) -> str:
    """`text` with every phone-shaped run replaced by ``[phone ***456]``,
    UUIDs left whole."""
    # split() keeps the captured UUIDs: they are the odd pieces.
    pieces = _UUID.split(text)
    return "".join(
        piece if index % 2 else _PHONE_SHAPED.sub(_masked_run, piece) for index, piece in enumerate(pieces)
    )


# Renders a logged exception's traceback the way logging.Formatter does, so
# the filter can mask it before any handler's formatter writes it.
_TRACEBACK_FORMATTER = logging.Formatter()


class PhoneNumberMaskingFilter(logging.Filter):
    """Masks phone-shaped digit runs in every record before it is written.

    The message, and also the traceback and stack of a logged exception: an
    exception's text can name a number (Twilio's error 21211 does), and a
    formatter appends the traceback after filters have run.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            # A log call whose arguments don't fit its message: logging's own
            # error report would print them raw to stderr. Drop them.
            record.msg, record.args = f"{record.msg} [arguments dropped: they did not fit]", None
            message = record.getMessage()
        masked = mask_phone_numbers_in(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACK_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_phone_numbers_in(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_phone_numbers_in(record.stack_info)
        return True
