"""SMS and WhatsApp: the two channels Twilio's Messaging API carries for us.

Pure rules, no database. Twilio gives a WhatsApp user's address as
`whatsapp:+447911123456`, and wants the same prefix on both `From` and `To`
of a reply. The number part is an ordinary phone number: it is normalised,
hashed and masked like an SMS number, and the channel is kept beside it.

What differs per channel:
- length: an SMS reply has the segment budget (SMS_MAX_SEGMENTS, see
  sms.segments); a WhatsApp message has WhatsApp's own limit of 1,600
  characters;
- when staff may write: WhatsApp only lets a business send a free-form
  message within 24 hours of the person's last message (the customer
  service window); after that only an approved template may be sent.
"""

from __future__ import annotations

import datetime as dt

from sms import segments
from sms.models import Channel

WHATSAPP_PREFIX = "whatsapp:"
WHATSAPP_MAX_CHARACTERS = 1600
WHATSAPP_SERVICE_WINDOW = dt.timedelta(hours=24)


def split_address(raw: str) -> tuple[str, str]:
    """(channel, number as given) for a Twilio address: `whatsapp:+44...`
    is WhatsApp, anything else SMS."""
    value = (raw or "").strip()
    if value.lower().startswith(WHATSAPP_PREFIX):
        return Channel.WHATSAPP, value[len(WHATSAPP_PREFIX) :].strip()
    return Channel.SMS, value


def address(channel: str, number: str) -> str:
    """The address Twilio wants for `number` on `channel`."""
    if channel == Channel.WHATSAPP and not number.lower().startswith(WHATSAPP_PREFIX):
        return WHATSAPP_PREFIX + number
    return number


def in_service_window(*, channel: str, last_text_at: dt.datetime | None, now: dt.datetime) -> bool:
    """May a free-form (staff) message be sent now? Always for SMS; on
    WhatsApp only within 24 hours of the person's latest message."""
    if channel != Channel.WHATSAPP:
        return True
    return last_text_at is not None and now - last_text_at < WHATSAPP_SERVICE_WINDOW


def service_window_closes_at(*, channel: str, last_text_at: dt.datetime | None) -> dt.datetime | None:
    """When WhatsApp's window for this conversation closes (None for SMS,
    or when the person has not written)."""
    if channel != Channel.WHATSAPP or last_text_at is None:
        return None
    return last_text_at + WHATSAPP_SERVICE_WINDOW


def truncate_to_characters(body: str, *, suffix: str, max_characters: int) -> str:
    """`body` + `suffix` within `max_characters` (`segments.shorten_to_fit`:
    cut at a word, the helpline kept)."""
    shortened = segments.shorten_to_fit(body, suffix=suffix, fits_in=lambda text: len(text) <= max_characters)
    return shortened[:max_characters]
