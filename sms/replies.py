"""The words of each reply, with the helpline footer, within the segment budget."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from cms.models import Helpline
from sms import segments, selectors


@dataclass(frozen=True)
class Reply:
    body: str
    info: segments.SegmentInfo


def helpline_contact(helpline: Helpline) -> str:
    """'FRANK: call 0300 123 6600 or text 82111 (24/7)'."""
    ways = []
    if helpline.phone_number:
        ways.append(f"call {helpline.phone_number}")
    if helpline.text_number:
        word = f"{helpline.text_keyword} to " if helpline.text_keyword else ""
        ways.append(f"text {word}{helpline.text_number}")
    if not ways and helpline.website:
        ways.append(helpline.website)
    hours = " (24/7)" if helpline.is_24_7 else ""
    return f"{helpline.name}: {' or '.join(ways)}{hours}"


def footer_for(helpline: Helpline | None) -> str:
    return "\n" + segments.replace_typography(helpline_contact(helpline)) if helpline else ""


def compose(*, body: str, country: str | None) -> Reply:
    """`body` then the country's drugs helpline, shortened to fit SMS_MAX_SEGMENTS."""
    footer = footer_for(selectors.drugs_helpline(country=country))
    text = segments.truncate_to_fit(
        segments.replace_typography(body.strip()), suffix=footer, max_segments=settings.SMS_MAX_SEGMENTS
    )
    return Reply(body=text, info=segments.analyse(text))


def opt_out_body() -> str:
    return (
        f"You're unsubscribed from {settings.SMS_PROGRAMME_NAME} and will get no more messages. "
        "Reply START to resubscribe."
    )


def opt_in_body() -> str:
    return (
        f"You're resubscribed to {settings.SMS_PROGRAMME_NAME}. Msg&data rates may apply. "
        "Reply HELP for help, STOP to opt out."
    )


def help_body() -> str:
    return (
        f"{settings.SMS_PROGRAMME_NAME}: free, confidential drug information by text. "
        "Text a word such as KETAMINE or SIGNS. Msg&data rates may apply. Reply STOP to opt out."
    )


def crisis_body(*, country: str | None) -> str:
    emergency, crisis = selectors.crisis_helplines(country=country)
    parts = []
    if emergency and emergency.phone_number:
        parts.append(
            f"Call {emergency.phone_number} now if you or someone with you is in danger, "
            "can't breathe or won't wake up."
        )
    else:
        parts.append("Call your local emergency number now if you or someone with you is in danger.")
    if crisis:
        parts.append(f"To talk to someone any time: {helpline_contact(crisis)}.")
    parts.append("You're not alone.")
    return " ".join(parts)


def fallback_body() -> str:
    words = selectors.menu_keywords()
    menu = ", ".join(words) if words else "KETAMINE"
    return f"Sorry, we didn't recognise that. Text one word: {menu}. Or HELP for help."


def reply_overflow(text: str) -> str:
    """'' if `text` fits with every country's helpline appended, else a
    message saying by how much it is too long (for the admin form)."""
    if not text.strip():
        return ""
    max_segments = settings.SMS_MAX_SEGMENTS
    helplines = selectors.all_drugs_helplines() or [None]
    worst: tuple[int, str, segments.SegmentInfo] | None = None
    for helpline in helplines:
        info = segments.analyse(segments.replace_typography(text.strip()) + footer_for(helpline))
        if info.segments <= max_segments:
            continue
        over = max(info.units - segments.capacity(info.encoding, max_segments), 1)
        if worst is None or over > worst[0]:
            worst = (over, helpline.country if helpline else "", info)
    if worst is None:
        return ""
    over, country, info = worst
    where = f" with the {country} helpline appended" if country else ""
    unit = "characters" if info.encoding == segments.UCS2 else "characters (^{}[]~|\\ and € count as two)"
    return (
        f"Too long by {over} {unit}: {info.encoding}{where} it needs {info.segments} segments, "
        f"the limit is {max_segments}."
    )
