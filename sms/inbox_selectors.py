"""Reads for the conversation inbox: the list (crisis first), one thread in
order, the dashboard's open crisis conversations, who can be assigned.

A conversation's crisis level is its most urgent unhandled crisis follow-up
(sms.FollowUp): worked out in the query, never stored twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from cms import phone_numbers
from sms.models import (
    CannedReply,
    ConversationNote,
    ConversationStatus,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLevel,
    Sender,
)

# Status filter values beside ConversationStatus's: "active" (the default:
# open or claimed) and "all".
ACTIVE, ALL = "active", "all"
NO_CRISIS = "none"
STAFF_PERMISSION = "view_inboundmessage"


def _level_rank(field: str) -> Case:
    return Case(
        When(**{field: ScreeningLevel.EMERGENCY}, then=Value(0)),
        When(**{field: ScreeningLevel.CONCERN}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def conversations() -> QuerySet[Sender]:
    """Every conversation that has a text, with `crisis_level` (of its
    unhandled follow-ups, '' for none), in the inbox's order: not handled
    first, open crisis first (emergencies, then concerns), then by latest
    text."""
    open_follow_ups = (
        FollowUp.objects.filter(sender=OuterRef("pk"), handled_at__isnull=True)
        .annotate(rank=_level_rank("level"))
        .order_by("rank")
        .values("level")[:1]
    )
    return (
        Sender.objects.filter(last_text_at__isnull=False)
        .annotate(crisis_level=Subquery(open_follow_ups))
        .annotate(
            crisis_rank=_level_rank("crisis_level"),
            handled_rank=Case(
                When(status=ConversationStatus.HANDLED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .select_related("assignee")
        .order_by("handled_rank", "crisis_rank", "-last_text_at", "-pk")
    )


def conversation_list(
    *, status: str = ACTIVE, channel: str = "", level: str = "", mine=None, number: str = ""
) -> QuerySet[Sender]:
    """The inbox, filtered. `number` is a full number as staff type it,
    found by its HMAC (both channels); an invalid one finds nothing."""
    queryset = conversations()
    if status == ACTIVE:
        queryset = queryset.exclude(status=ConversationStatus.HANDLED)
    elif status in ConversationStatus.values:
        queryset = queryset.filter(status=status)
    if channel:
        queryset = queryset.filter(channel=channel)
    if level == NO_CRISIS:
        queryset = queryset.filter(crisis_level__isnull=True)
    elif level:
        queryset = queryset.filter(crisis_level=level)
    if mine is not None:
        queryset = queryset.filter(assignee=mine)
    if number:
        try:
            digest = phone_numbers.phone_hash(phone_numbers.normalise_received(number))
        except phone_numbers.InvalidPhoneNumber:
            return queryset.none()
        queryset = queryset.filter(phone_hash=digest)
    return queryset


def open_crisis_conversations(*, limit: int = 10) -> list[Sender]:
    """For the dashboard: conversations not handled with an open crisis
    follow-up, most urgent first, each with `waiting_since`."""
    return list(
        conversations().exclude(status=ConversationStatus.HANDLED).filter(crisis_level__isnull=False)[:limit]
    )


def conversation_get(*, sender_id: int) -> Sender | None:
    return conversations().filter(pk=sender_id).first()


def other_channels(*, sender: Sender) -> list[Sender]:
    """The same person's conversations on other channels (same number)."""
    return list(Sender.objects.filter(phone_hash=sender.phone_hash).exclude(pk=sender.pk).order_by("channel"))


@dataclasses.dataclass(frozen=True)
class ThreadItem:
    at: dt.datetime
    kind: str  # "text" (from them), "reply" (to them), "note" (staff only)
    item: InboundMessage | OutboundMessage | ConversationNote


def thread(*, sender: Sender) -> list[ThreadItem]:
    """Every text, reply and note of the conversation in order, in three
    queries: texts with how they were read, replies with who wrote them."""
    texts = InboundMessage.objects.filter(sender=sender).select_related(
        "topic", "intent", "screening_label__labelled_by"
    )
    replies = OutboundMessage.objects.filter(sender=sender).select_related("author")
    notes = ConversationNote.objects.filter(sender=sender).select_related("author")
    items = [ThreadItem(text.received_at, "text", text) for text in texts]
    items += [ThreadItem(reply.created_at, "reply", reply) for reply in replies]
    items += [ThreadItem(note.created_at, "note", note) for note in notes]
    # A reply follows its text even when written in the same instant.
    order = {"text": 0, "reply": 1, "note": 2}
    return sorted(items, key=lambda entry: (entry.at, order[entry.kind], entry.item.pk))


def _latest(queryset: QuerySet, field: str) -> Subquery:
    """The largest `field` of the conversation's rows in `queryset`, as a subquery."""
    per_sender = queryset.filter(sender=OuterRef("pk")).values("sender").annotate(latest=Max(field))
    return Subquery(per_sender.values("latest")[:1])


def thread_version(*, sender_id: int) -> str:
    """Changes whenever the thread would show something new (a text, how it
    was read, a reply or its delivery status, a note, a follow-up, the
    conversation's status or assignee), in one query: the live refresh
    sends the thread only then."""
    row = (
        Sender.objects.filter(pk=sender_id)
        .annotate(
            text_id=_latest(InboundMessage.objects, "pk"),
            processed=_latest(InboundMessage.objects, "processed_at"),
            reply=_latest(OutboundMessage.objects, "updated_at"),
            note_id=_latest(ConversationNote.objects, "pk"),
            follow_up=_latest(FollowUp.objects, "last_message_at"),
            handled=_latest(FollowUp.objects, "handled_at"),
        )
        .values_list(
            *("status", "assignee_id", "opted_out", "text_id", "processed"),
            *("reply", "note_id", "follow_up", "handled"),
        )
        .first()
    )
    return hashlib.sha256(repr(row).encode()).hexdigest()[:16]


def waiting_for(sender: Sender, *, now: dt.datetime | None = None) -> dt.timedelta | None:
    """How long the person has been waiting for staff (None: not waiting)."""
    if sender.waiting_since is None or sender.status == ConversationStatus.HANDLED:
        return None
    return (now or timezone.now()) - sender.waiting_since


def staff_members() -> QuerySet:
    """Active users who can work the inbox: whom a conversation can be assigned to."""
    permission = Q(
        groups__permissions__codename=STAFF_PERMISSION, groups__permissions__content_type__app_label="sms"
    ) | Q(user_permissions__codename=STAFF_PERMISSION, user_permissions__content_type__app_label="sms")
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | permission, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def canned_replies() -> list[CannedReply]:
    return list(CannedReply.objects.all())
