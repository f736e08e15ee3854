"""The words of each reply, with the helpline footer, within the segment budget."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from cms.models import Helpline
from sms import channels, segments, selectors
from sms.emergency_numbers import INTERNATIONAL_CRISIS_DIRECTORY, emergency_numbers_for
from sms.models import Channel
from sms.screening import Category


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


def compose(*, body: str, country: str | None, first_line: str = "", channel: str = Channel.SMS) -> Reply:
    """`first_line` (never cut), `body`, then the country's drugs helpline,
    the body shortened to fit SMS_MAX_SEGMENTS (on WhatsApp, which has no
    segments, WhatsApp's limit of 1,600 characters)."""
    footer = footer_for(selectors.drugs_helpline(country=country))
    lead = segments.replace_typography(first_line) + "\n" if first_line else ""
    # Both shorten from the end, so the first line stays whole.
    text = lead + segments.replace_typography(body.strip())
    if channel == Channel.WHATSAPP:
        text = channels.truncate_to_characters(
            text, suffix=footer, max_characters=channels.WHATSAPP_MAX_CHARACTERS
        )
    else:
        text = segments.truncate_to_fit(text, suffix=footer, max_segments=settings.SMS_MAX_SEGMENTS)
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
        "Ask a question, e.g. 'signs of ketamine use', or text MENU. Msg&data rates may apply. "
        "Reply STOP to opt out."
    )


# Emergency replies fit in two segments and give the number within the
# first 70 characters: people in danger read the start, on any phone.
EMERGENCY_MAX_SEGMENTS = 2


@dataclass(frozen=True)
class CrisisContacts:
    number: str | None  # None: the country is unknown
    crisis_line: str  # the sentence giving the crisis line


def crisis_contacts(*, country: str | None) -> CrisisContacts:
    """For `country`, in one query: the number to call (an editors'
    emergency line, else the national table) and its own crisis line, else
    the international directory. Never another country's line."""
    emergency, crisis = selectors.crisis_helplines(country=country)
    if emergency and emergency.phone_number:
        number = emergency.phone_number
    else:
        national = emergency_numbers_for(country)
        number = national.dial_text if national else None
    if crisis:
        line = f"To talk to someone any time: {helpline_contact(crisis)}."
    else:
        line = f"Find a crisis line near you: {INTERNATIONAL_CRISIS_DIRECTORY}"
    return CrisisContacts(number=number, crisis_line=line)


def _call_now(number: str | None, *, who: str) -> str:
    return f"Call {_dial(number)} now if {who}"


def _fit(parts: list[str], *, max_segments: int = EMERGENCY_MAX_SEGMENTS) -> Reply:
    """As many whole parts as fit, in order (the first always)."""
    text = segments.replace_typography(parts[0])
    for part in parts[1:]:
        candidate = f"{text} {segments.replace_typography(part)}"
        if segments.analyse(candidate).segments <= max_segments:
            text = candidate
    return Reply(body=text, info=segments.analyse(text))


def emergency_reply(*, country: str | None, category: str | None) -> Reply:
    """'Call 000 now if ... Find a crisis line ... You're not alone.'"""
    contacts = crisis_contacts(country=country)
    if category in (Category.SUICIDE, Category.SELF_HARM):
        first = _call_now(contacts.number, who="you are in danger or have hurt yourself.")
    else:
        first = _call_now(
            contacts.number, who="you or someone with you can't breathe, won't wake up or is fitting."
        )
    return _fit([first, contacts.crisis_line, "You're not alone."])


def _dial(number: str | None) -> str:
    return number or "your local emergency number"


def follow_up_reply(*, country: str | None) -> Reply:
    contacts = crisis_contacts(country=country)
    first = (
        "We've seen your message and someone will follow it up. "
        f"If you're in danger, call {_dial(contacts.number)} now."
    )
    return _fit([first, contacts.crisis_line])


def concern_reply(*, country: str | None) -> Reply:
    contacts = crisis_contacts(country=country)
    return _fit(
        [
            "Thank you for telling us. You don't have to cope with this alone.",
            contacts.crisis_line,
            f"If you're in danger now, call {_dial(contacts.number)}.",
        ]
    )


def emergency_first_line(*, country: str | None) -> str:
    """Leads an information reply about overdose or danger."""
    return f"If this is happening now, call {_dial(crisis_contacts(country=country).number)}."


def menu_body(*, topic_title: str | None, options: list[str], understood: bool) -> str:
    """'Sorry, we're not sure what you asked. Ketamine: reply 1 for what it
    is, 2 for effects... Or text a question.'"""
    lead = "" if understood else "Sorry, we're not sure what you asked. "
    if not options:
        return f"{lead}Text us a question about a drug, e.g. 'what are the signs of ketamine use'."
    numbered = ", ".join(f"{number} for {name}" for number, name in enumerate(options, start=1))
    about = f"{topic_title}: reply" if topic_title else "Reply"
    return f"{lead}{about} {numbered}. Or text a question (0 for this menu)."


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
