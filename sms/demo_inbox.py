"""Sample conversations for the inbox, added when `load_demo_content` runs
(via sms.demo): a crisis on SMS waiting for staff, a WhatsApp conversation
the sample SMS staff account has claimed, and one already handled.

Built as rows, never through the pipeline: nothing is sent, whatever
SMS_BACKEND says. Each text is read as the worker would read it
(`services.reply_preview`: screening, outcome, reply). The numbers are in
Ofcom's drama range (+44 7700 900xxx), which no phone has. Idempotent: a
conversation whose first text exists is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms import phone_numbers
from sms import services
from sms.models import (
    Channel,
    ConversationNote,
    ConversationStatus,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLevel,
    Sender,
)

DEMO_STAFF_USERNAME = "demo-sms-staff"
# (number, channel, [(minutes ago, text)], status, outcome note)
DEMO_CONVERSATIONS = [
    (
        "+447700900201",
        Channel.SMS,
        [(6, "i took all my mums pills and i feel like im going to pass out")],
        ConversationStatus.OPEN,
        "",
    ),
    (
        "+447700900202",
        Channel.WHATSAPP,
        [
            (45, "what are the signs of ketamine use"),
            (38, "my brother does it every day and wees all the time"),
        ],
        ConversationStatus.CLAIMED,
        "",
    ),
    (
        "+447700900203",
        Channel.SMS,
        [(300, "how do i help my son stop using k")],
        ConversationStatus.HANDLED,
        "Answered; pointed them to FRANK and their GP.",
    ),
]
_OUTCOMES = {label: value for value, label in InboundMessage.Outcome.choices}


def _demo_sid(number: str, position: int) -> str:
    return f"SMdemo{number[-3:]}{position:02d}"


@transaction.atomic
def load_inbox_demo_conversations() -> int:
    """Add the sample conversations that are missing; returns how many."""
    staff = get_user_model().objects.filter(username=DEMO_STAFF_USERNAME).first()
    added = 0
    now = timezone.now()
    for number, channel, texts, status, outcome in DEMO_CONVERSATIONS:
        if InboundMessage.objects.filter(message_sid=_demo_sid(number, 0)).exists():
            continue
        sender, _ = Sender.objects.get_or_create(
            phone_hash=phone_numbers.phone_hash(number),
            channel=channel,
            defaults={"phone": number, "country": "GB"},
        )
        for position, (minutes_ago, text) in enumerate(texts):
            _add_text(sender, _demo_sid(number, position), text, at=now - dt.timedelta(minutes=minutes_ago))
        first_at = now - dt.timedelta(minutes=texts[0][0])
        sender.last_text_at = now - dt.timedelta(minutes=texts[-1][0])
        sender.status = status
        sender.waiting_since = None if status == ConversationStatus.HANDLED else first_at
        sender.assignee = staff if status != ConversationStatus.OPEN else None
        sender.save()
        if outcome:
            ConversationNote.objects.create(
                sender=sender, kind=ConversationNote.Kind.OUTCOME, body=outcome, author=staff
            )
            FollowUp.objects.filter(sender=sender).update(handled_at=now, handled_by=staff)
        added += 1
    return added


def _add_text(sender: Sender, sid: str, text: str, *, at: dt.datetime) -> None:
    preview = services.reply_preview(text=text, country=sender.country)
    screening, reply = preview["screening"], preview["reply"]
    inbound = InboundMessage.objects.create(
        message_sid=sid,
        sender=sender,
        channel=sender.channel,
        to_number="+447700900000",
        body=text,
        outcome=_OUTCOMES[preview["outcome"]],
        processed_at=at,
        screening_level=screening.level,
        screening_category=screening.category or "",
        screening_reasons="\n".join(screening.reasons),
    )
    InboundMessage.objects.filter(pk=inbound.pk).update(received_at=at)
    if screening.level != ScreeningLevel.NONE:
        follow_up = FollowUp.objects.filter(sender=sender, handled_at__isnull=True).first()
        if follow_up is None:
            follow_up = FollowUp.objects.create(
                sender=sender, level=screening.level, category=screening.category or "", last_message_at=at
            )
        InboundMessage.objects.filter(pk=inbound.pk).update(follow_up=follow_up)
    if reply is not None:
        outbound = OutboundMessage.objects.create(
            inbound=inbound,
            sender=sender,
            channel=sender.channel,
            kind=inbound.outcome,
            body=reply.body,
            encoding=reply.info.encoding,
            segments=reply.info.segments,
            status=OutboundMessage.Status.LOGGED,
        )
        OutboundMessage.objects.filter(pk=outbound.pk).update(created_at=at + dt.timedelta(seconds=2))
