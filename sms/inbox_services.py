"""What helpline staff do in the conversation inbox: claim or assign a
conversation, write an internal note, answer the person, mark it handled.

A conversation is one `Sender` (one number on one channel, see sms.models).
Each action is one function taking the staff member, and each leaves an
entry in Wagtail's audit log naming them (sms.audit.record: the texter's id,
never the number or the words).

A staff reply goes through the same pipeline as the automatic ones: one
`OutboundMessage`, sent by the `send_outbound` task after the transaction
commits, retried by sms.sending, never sent twice. It is never held back by
the per-sender rate limit (that limit is for automatic replies, and staff
replies do not count towards it); it is refused, with the reason, to a person
who opted out, on WhatsApp outside the 24-hour customer service window, and
when it is too long for the channel.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sms import audit, channels, queues, segments, services
from sms.models import (
    Channel,
    ConversationNote,
    ConversationStatus,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    Sender,
)

# Audit-log actions (registered in sms/wagtail_hooks.py); viewing a thread is
# sms.audit.VIEW_CONVERSATION and revealing a number sms.audit.REVEAL_NUMBER.
REPLY = "sms.inbox.reply"
HANDLE = "sms.inbox.handle"
CLAIM = "sms.inbox.claim"
ASSIGN = "sms.inbox.assign"
NOTE = "sms.inbox.note"
ACTIONS = {
    REPLY: ("Reply to a texter", "Replied to a texter"),
    HANDLE: ("Mark a conversation handled", "Marked a texter's conversation handled"),
    CLAIM: ("Claim a conversation", "Claimed a texter's conversation"),
    ASSIGN: ("Assign a conversation", "Assigned a texter's conversation to a colleague"),
    NOTE: ("Note on a conversation", "Wrote an internal note on a texter's conversation"),
}
OUTCOME_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 2000


class InboxError(Exception):
    """An inbox action that cannot be done; the message says why, for staff."""


def new_form_key() -> str:
    """A reply form's one-time key (see OutboundMessage.form_key)."""
    return uuid.uuid4().hex


def _locked(sender: Sender) -> Sender:
    # The same row lock the worker takes while deciding a reply, so a staff
    # action and a new text never interleave.
    return Sender.objects.select_for_update().get(pk=sender.pk)


def conversation_claim(*, sender: Sender, user) -> None:
    """`user` takes the conversation: it shows as theirs ("mine")."""
    conversation_assign(sender=sender, assignee=user, user=user)


def conversation_assign(*, sender: Sender, assignee, user) -> None:
    """Give the conversation to `assignee` (`user` claiming it for themself,
    or passing it to a colleague). A handled conversation opens again."""
    with transaction.atomic():
        locked = _locked(sender)
        locked.assignee, locked.status = assignee, ConversationStatus.CLAIMED
        locked.save(update_fields=["assignee", "status"])
        action = CLAIM if assignee == user else ASSIGN
        audit.record(action=action, user=user, sender=locked, data={"assignee_id": assignee.pk})
    sender.assignee, sender.status = locked.assignee, locked.status


def note_add(*, sender: Sender, user, body: str, kind: str = ConversationNote.Kind.NOTE) -> ConversationNote:
    """An internal note, shown between the messages; never sent."""
    body = body.strip()
    if not body:
        raise InboxError("Write the note first.")
    if len(body) > NOTE_MAX_LENGTH:
        raise InboxError(f"A note is at most {NOTE_MAX_LENGTH} characters.")
    note = ConversationNote.objects.create(sender=sender, kind=kind, body=body, author=user)
    if kind == ConversationNote.Kind.NOTE:
        audit.record(action=NOTE, user=user, sender=sender, data={"note_id": note.pk})
    return note


def reply_refusal(*, sender: Sender, now=None) -> str:
    """Why staff cannot write to this person now ('' when they can): the
    reply box says it before anyone types."""
    if sender.opted_out:
        return "This person opted out (they texted STOP): nothing can be sent to them until they text START."
    if not channels.in_service_window(
        channel=sender.channel, last_text_at=sender.last_text_at, now=now or timezone.now()
    ):
        return (
            "WhatsApp's 24-hour window since their last message has closed: only an approved "
            "template can be sent to them now (not available here). Their next message opens it again."
        )
    return ""


def reply_length_problem(*, channel: str, body: str) -> str:
    """'' if `body` may be sent on `channel`, else what is wrong: an SMS reply
    keeps within SMS_MAX_SEGMENTS, a WhatsApp one within 1,600 characters."""
    if channel == Channel.WHATSAPP:
        if len(body) > channels.WHATSAPP_MAX_CHARACTERS:
            limit = channels.WHATSAPP_MAX_CHARACTERS
            return f"Too long by {len(body) - limit} characters: WhatsApp takes {limit} at most."
        return ""
    info = segments.analyse(body)
    if info.segments > settings.SMS_MAX_SEGMENTS:
        over = max(info.units - segments.capacity(info.encoding, settings.SMS_MAX_SEGMENTS), 1)
        return (
            f"Too long by {over} characters: {info.encoding} needs {info.segments} segments, "
            f"the limit is {settings.SMS_MAX_SEGMENTS}."
        )
    return ""


def staff_reply_send(*, sender: Sender, user, body: str, form_key: str) -> OutboundMessage:
    """Record a staff member's reply and queue its sending; the same form
    (`form_key`) posted again returns the first reply instead of a second.

    Raises InboxError (nothing recorded, nothing sent) for an opted-out
    person, a closed WhatsApp window, an empty or too long reply.
    """

    with transaction.atomic():
        locked = _locked(sender)
        earlier = OutboundMessage.objects.filter(form_key=form_key).first() if form_key else None
        if earlier is not None:
            return earlier
        refusal = reply_refusal(sender=locked)
        if refusal:
            raise InboxError(refusal + " Nothing was sent.")
        text = body.strip()
        if locked.channel == Channel.SMS:
            text = segments.replace_typography(text)  # as the counter counts it
        if not text:
            raise InboxError("Write the reply first.")
        problem = reply_length_problem(channel=locked.channel, body=text)
        if problem:
            raise InboxError(problem + " Nothing was sent.")
        info = segments.analyse(text)
        outbound = OutboundMessage.objects.create(
            sender=locked,
            channel=locked.channel,
            kind=InboundMessage.Outcome.STAFF_REPLY,
            author=user,
            body=text,
            encoding=info.encoding,
            segments=info.segments,
            form_key=form_key or None,
        )
        # Answered: no longer waiting; an unclaimed conversation is now theirs.
        locked.waiting_since = None
        if locked.status != ConversationStatus.CLAIMED:
            locked.status, locked.assignee = ConversationStatus.CLAIMED, user
        locked.save(update_fields=["waiting_since", "status", "assignee"])
        audit.record(
            action=REPLY,
            user=user,
            sender=locked,
            data={"reply_id": outbound.pk, "channel": locked.channel, "characters": len(text)},
        )
        transaction.on_commit(lambda: queues.reply_send_enqueue(outbound.pk, kind=outbound.kind), robust=True)
    return outbound


def conversation_mark_handled(*, sender: Sender, user, outcome: str) -> ConversationNote:
    """Close the conversation with a short outcome note, and with it the
    person's open crisis follow-ups and flagged texts (their next text is
    read afresh, and opens the conversation again)."""
    outcome = outcome.strip()
    if not outcome:
        raise InboxError("Write a short outcome first (what was done, or why nothing was needed).")
    if len(outcome) > OUTCOME_MAX_LENGTH:
        raise InboxError(f"The outcome is at most {OUTCOME_MAX_LENGTH} characters; use a note for more.")
    with transaction.atomic():
        locked = _locked(sender)
        locked.status, locked.waiting_since = ConversationStatus.HANDLED, None
        locked.save(update_fields=["status", "waiting_since"])
        note = note_add(sender=locked, user=user, body=outcome, kind=ConversationNote.Kind.OUTCOME)
        follow_ups = 0
        for follow_up in FollowUp.objects.filter(sender=locked, handled_at__isnull=True):
            follow_ups += services.follow_up_mark_handled(follow_up=follow_up, user=user)
        flagged = InboundMessage.objects.filter(sender=locked, needs_follow_up=True, handled_at__isnull=True)
        for inbound in flagged:
            services.crisis_mark_handled(inbound=inbound, user=user)
        audit.record(
            action=HANDLE,
            user=user,
            sender=locked,
            data={"note_id": note.pk, "crisis_follow_ups": follow_ups},
        )
    sender.status, sender.waiting_since = locked.status, None
    return note
