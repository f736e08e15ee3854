"""SMS actions: receive a text, decide the reply, opt senders in and out.

The webhook calls `inbound_message_receive` (store only); the worker's
`sms.sending.inbound_message_answer` calls `inbound_message_process` (decide
and record the reply), then sends it. Each step is safe to run twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from cms import phone_numbers
from sms import channels, content_cache, decisions, queues, replies, selectors
from sms.models import (
    Channel,
    ConversationStatus,
    CrisisExample,
    FollowUp,
    InboundMessage,
    OutboundMessage,
    ScreeningLabel,
    ScreeningLevel,
    Sender,
)
from sms.screening import Screening, screen
from sms.understanding.answers import AnswerBook, Conversation
from sms.understanding.matcher import Understanding, understand

logger = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
# The same text this many times inside the rate window looks like an
# auto-responder talking to us: stop answering it.
LOOP_REPEATS = 3


def _number_and_country(raw_number: str) -> tuple[str, str]:
    """E.164 and ISO country for a number as Twilio sent it (without its
    channel prefix).

    Twilio only forwards numbers that reached us, so a number `phonenumbers`
    calls invalid (new ranges, test ranges) is still kept, in E.164 when it
    parses, with the country of its calling code (+44 -> GB). Short codes
    and alphanumeric senders are kept as they are, country unknown.
    """
    try:
        number = phone_numbers.normalise_received(raw_number)
    except phone_numbers.InvalidPhoneNumber:
        return raw_number.strip(), ""
    return number, phone_numbers.region_of(number) or ""


def sender_get_or_create(*, raw_number: str, first_text_at: dt.datetime) -> tuple[Sender, bool]:
    """The Sender for an address as Twilio sent it: `+447911123456` (SMS) or
    `whatsapp:+447911123456`, the number part normalised and hashed alike,
    and whether it is new. It has `has_open_follow_up` (see
    selectors.sender_get). A new one is created with its conversation
    already waiting since its first text, at `first_text_at`."""
    channel, raw = channels.split_address(raw_number)
    number, country = _number_and_country(raw)
    digest = phone_numbers.phone_hash(number)

    def existing() -> Sender | None:
        return selectors.sender_get(phone_hash=digest, channel=channel, follow_up_since=follow_up_since())

    if sender := existing():
        return sender, False
    try:
        with transaction.atomic():
            sender = Sender.objects.create(
                phone=number,
                phone_hash=digest,
                country=country,
                channel=channel,
                last_text_at=first_text_at,
                waiting_since=first_text_at,
            )
    except IntegrityError:  # created by a concurrent request
        return existing(), False
    sender.has_open_follow_up = False
    return sender, True


def inbound_message_receive(*, message_sid: str, from_number: str, to_number: str, body: str) -> bool:
    """Store a text from Twilio and queue its processing after commit.

    Returns False (and does nothing) for a MessageSid already stored: Twilio
    re-delivers when it misses our answer, and that must not reply twice.
    """
    received_at = timezone.now()
    try:
        with transaction.atomic():
            sender, new_sender = sender_get_or_create(raw_number=from_number, first_text_at=received_at)
            # No savepoint of its own (two statements fewer a text): a
            # duplicate rolls back the whole transaction, a sender made for
            # it included.
            inbound = InboundMessage.objects.create(
                message_sid=message_sid,
                sender=sender,
                channel=sender.channel,
                to_number=to_number[:40],
                body=body,
                received_at=received_at,
            )
            if not new_sender:  # a new one was created in the inbox already
                conversation_text_received(sender=sender, at=received_at)
            # robust: the text is stored, so Twilio gets its 200 even if the broker
            # hiccups; a stored, unprocessed text shows as "Not processed yet".
            transaction.on_commit(
                lambda: queues.inbound_process_enqueue(
                    inbound.pk, body, follow_up_open=sender.has_open_follow_up
                ),
                robust=True,
            )
    except IntegrityError:  # the MessageSid is unique
        logger.info("SMS %s already received; ignoring the duplicate", message_sid)
        return False
    return True


def conversation_text_received(*, sender: Sender, at: dt.datetime) -> None:
    """A new text: the conversation moves up the inbox, a handled one opens
    again (for anyone to pick up), and it waits for staff from its oldest
    text they have not answered. One UPDATE; both sides of it read the row
    as it was."""
    handled = Q(status=ConversationStatus.HANDLED)
    Sender.objects.filter(pk=sender.pk).update(
        last_text_at=Greatest(Coalesce(F("last_text_at"), Value(at)), Value(at)),
        status=Case(When(handled, then=Value(ConversationStatus.OPEN)), default=F("status")),
        assignee=Case(When(handled, then=None), default=F("assignee")),
        waiting_since=Coalesce(F("waiting_since"), Value(at)),
    )


def sender_opt_out(*, sender: Sender) -> bool:
    """Mark opted out; True if that changed anything."""
    updated = Sender.objects.filter(pk=sender.pk, opted_out=False).update(
        opted_out=True, opted_out_at=timezone.now()
    )
    sender.opted_out = True
    return bool(updated)


def sender_opt_in(*, sender: Sender) -> bool:
    updated = Sender.objects.filter(pk=sender.pk, opted_out=True).update(opted_out=False, opted_out_at=None)
    sender.opted_out = False
    return bool(updated)


def _flag(inbound: InboundMessage, reason: str) -> None:
    inbound.needs_follow_up = True
    inbound.follow_up_reason = reason[:255]


def _email_on_call_once(
    row_queryset, *, alerted_field: str, compose: Callable[[object], tuple[str, str]]
) -> bool:
    """Email on-call staff about one row, once; True if an email went.

    The row lock makes concurrent runs wait; the timestamp (`alerted_field`)
    is committed only after the mail is handed over, so a failed send is
    retried by the task and a lost task by `sms.recovery.stalled_work_requeue`.
    A worker dying between the two may email twice: for a crisis, twice is
    better than never. `compose(row)` gives the subject and body: no number
    and no message text by email, staff read them in the admin.
    """
    with transaction.atomic():
        row = row_queryset.select_for_update().get()
        if getattr(row, alerted_field) is not None:
            return False
        subject, body = compose(row)
        send_mail(
            subject=f"[{settings.SMS_PROGRAMME_NAME}] {subject}",
            message=body,
            from_email=None,
            recipient_list=settings.SMS_ONCALL_EMAILS,
            fail_silently=False,
        )
        setattr(row, alerted_field, timezone.now())
        row.save(update_fields=[alerted_field])
    return True


def _crisis_queue_url() -> str:
    return settings.PUBLIC_BASE_URL + reverse("sms_crisis_queue")


def oncall_alert_send(*, inbound_id: int) -> bool:
    """Email on-call staff about an emergency text, once; True if an email went."""
    if not settings.SMS_ONCALL_EMAILS:
        logger.warning("Crisis text %s flagged, but SMS_ONCALL_EMAILS is empty", inbound_id)
        return False

    def compose(inbound: InboundMessage) -> tuple[str, str]:
        answered = (
            "The emergency reply was sent automatically."
            if inbound.outcome == Outcome.CRISIS
            else f"It was NOT answered ({inbound.get_outcome_display()})."
        )
        return "Crisis text needs follow-up", (
            f"A text received at {inbound.received_at:%Y-%m-%d %H:%M} UTC was screened as an emergency "
            f"({inbound.get_screening_category_display() or 'uncategorised'}). {answered}\n\n"
            f"Follow it up in the crisis queue: {_crisis_queue_url()}\n"
        )

    return _email_on_call_once(
        InboundMessage.objects.filter(pk=inbound_id), alerted_field="oncall_alerted_at", compose=compose
    )


def reply_failure_alert_send(*, outbound_id: int) -> bool:
    """Email on-call staff that a crisis reply could not be sent (or may not
    have been), once; True if an email went."""
    if not settings.SMS_ONCALL_EMAILS:
        logger.warning("Crisis reply %s failed, but SMS_ONCALL_EMAILS is empty", outbound_id)
        return False

    def compose(outbound: OutboundMessage) -> tuple[str, str]:
        return "Crisis reply NOT sent: contact the person another way", (
            f"The crisis reply queued at {outbound.created_at:%Y-%m-%d %H:%M} UTC could not be sent, or "
            f"may not have been ({outbound.error_code or 'no error code'}: {outbound.error_message}).\n\n"
            f"The text is flagged in the crisis queue: {_crisis_queue_url()}\n"
        )

    return _email_on_call_once(
        OutboundMessage.objects.filter(pk=outbound_id), alerted_field="failure_alerted_at", compose=compose
    )


def follow_up_since() -> dt.datetime:
    """The start of the follow-up window: a crisis follow-up with a text
    after it is still open."""
    return timezone.now() - dt.timedelta(hours=settings.SMS_FOLLOW_UP_WINDOW_HOURS)


def _recent_activity(inbound: InboundMessage) -> selectors.RecentActivity:
    return selectors.recent_activity(
        inbound=inbound,
        since=timezone.now() - dt.timedelta(seconds=settings.SMS_RATE_LIMIT_WINDOW_SECONDS),
        follow_up_since=follow_up_since(),
    )


def _limits() -> decisions.Limits:
    return decisions.Limits(
        rate_limit_count=settings.SMS_RATE_LIMIT_COUNT,
        loop_repeats=LOOP_REPEATS,
        provider_handles_opt_out=settings.SMS_PROVIDER_HANDLES_OPT_OUT,
    )


_LEVEL_RANK = {ScreeningLevel.NONE: 0, ScreeningLevel.CONCERN: 1, ScreeningLevel.EMERGENCY: 2}


def _crisis_follow_up_join(
    *, inbound: InboundMessage, screening: Screening, follow_up: FollowUp | None
) -> FollowUp:
    """`follow_up` (the sender's open one, or a new one) with this text in it."""
    now = timezone.now()
    level = screening.level if screening.is_crisis else ScreeningLevel.CONCERN
    category = screening.category or ""
    if follow_up is None:
        return FollowUp.objects.create(
            sender=inbound.sender, level=level, category=category, last_message_at=now
        )
    follow_up.last_message_at = now
    if _LEVEL_RANK[level] > _LEVEL_RANK[follow_up.level]:  # a concern that became an emergency
        follow_up.level, follow_up.category = level, category or follow_up.category
    else:
        follow_up.category = follow_up.category or category
    follow_up.save(update_fields=["last_message_at", "level", "category"])
    return follow_up


def _reply(
    decision: decisions.Decision,
    *,
    country: str,
    screening: Screening,
    answers: AnswerBook,
    channel: str = Channel.SMS,
):
    kind = decisions.ReplyKind
    if decision.reply == kind.EMERGENCY:
        return replies.emergency_reply(country=country, category=screening.category)
    if decision.reply == kind.FOLLOW_UP:
        return replies.follow_up_reply(country=country)
    if decision.reply == kind.CONCERN:
        return replies.concern_reply(country=country)
    first_line = replies.emergency_first_line(country=country) if decision.emergency_first_line else ""
    if decision.reply == kind.ANSWER:
        text = answers.text(decision.topic, decision.intent)
    elif decision.reply == kind.MENU:
        topic = answers.topic(decision.topic)
        text = replies.menu_body(
            topic_title=topic.title if topic else None,
            options=[answers.intent_names.get(slug, slug) for slug in decision.menu],
            understood=decision.understood,
        )
    else:
        text = {
            kind.OPT_OUT: replies.opt_out_body,
            kind.OPT_IN: replies.opt_in_body,
            kind.HELP: replies.help_body,
        }[decision.reply]()
    return replies.compose(body=text, country=country, first_line=first_line, channel=channel)


@dataclasses.dataclass(frozen=True)
class Reading:
    """How one text was read: screened, understood, and decided."""

    screening: Screening
    understanding: Understanding
    answers: AnswerBook
    decision: decisions.Decision


NOT_READ = Understanding(None, None, ("not read: the reply does not depend on the question",))


def _read(text: str, *, state: decisions.SenderState, conversation: Callable[[], Conversation]) -> Reading:
    """Screen the text (always first), read the question if the reply depends
    on it (`decisions.reads_the_question`), decide."""
    screening = screen(text, context=selectors.screening_context())
    if decisions.reads_the_question(screening, state):
        understanding_context, answers = selectors.sms_content()
        understanding = understand(text, context=understanding_context)
        earlier = conversation()
    else:
        understanding, answers, earlier = NOT_READ, AnswerBook(), Conversation()
    decision = decisions.decide(
        text,
        screening=screening,
        state=state,
        limits=_limits(),
        understanding=understanding,
        conversation=earlier,
        answers=answers,
    )
    return Reading(screening, understanding, answers, decision)


def _decide_and_apply(inbound: InboundMessage) -> Reading:
    """Read the text, decide, and apply the decision's state changes to the
    sender and `inbound` (saved by the caller)."""
    recent = _recent_activity(inbound)
    state = decisions.SenderState(
        opted_out=inbound.sender.opted_out,
        replies_in_window=recent.replies,
        same_text_repeats=recent.same_text_repeats,
        open_crisis=recent.open_follow_up_id is not None,
    )
    reading = _read(
        inbound.body,
        state=state,
        conversation=lambda: selectors.conversation(sender=inbound.sender, exclude=inbound),
    )
    screening, decision = reading.screening, reading.decision
    inbound.screening_level = screening.level
    inbound.screening_category = screening.category or ""
    inbound.screening_reasons = "\n".join(screening.reasons)
    inbound.understanding_reasons = "\n".join(reading.understanding.reasons)
    if decision.opt_change == "out" and not sender_opt_out(sender=inbound.sender):
        # One confirmation, not one per STOP: a repeat would itself be a message after opt-out.
        reading = dataclasses.replace(reading, decision=dataclasses.replace(decision, reply=None))
    elif decision.opt_change == "in":
        sender_opt_in(sender=inbound.sender)
    if decision.join_crisis:
        open_follow_up = (
            FollowUp.objects.get(pk=recent.open_follow_up_id) if recent.open_follow_up_id else None
        )
        inbound.follow_up = _crisis_follow_up_join(
            inbound=inbound, screening=screening, follow_up=open_follow_up
        )
    if decision.flag_reason:
        _flag(inbound, decision.flag_reason)
    return reading


def reply_preview(*, text: str, country: str) -> dict:
    """What a new sender from `country` texting `text` would get: the
    screening, the outcome and the reply. Nothing is stored or sent."""
    state = decisions.SenderState(
        opted_out=False, replies_in_window=0, same_text_repeats=0, open_crisis=False
    )
    reading = _read(text, state=state, conversation=Conversation)
    decision = reading.decision
    reply = None
    if decision.reply is not None:
        reply = _reply(decision, country=country, screening=reading.screening, answers=reading.answers)
    return {"screening": reading.screening, "outcome": Outcome(decision.outcome).label, "reply": reply}


# What processing sets on a text: saving only these leaves its body alone
# (encrypted again on every full save).
PROCESSED_FIELDS = (
    "screening_level",
    "screening_category",
    "screening_reasons",
    "understanding_reasons",
    "needs_follow_up",
    "follow_up_reason",
    "follow_up",
    "outcome",
    "processed_at",
    "topic",
    "intent",
    "menu",
)


def inbound_message_process(*, inbound_id: int) -> OutboundMessage | None:
    """Decide and record the reply to one stored text; return it (None when
    no reply is due). Sending it is the caller's:
    `sms.sending.inbound_message_answer`.

    Runs once per text: a re-delivered task finds it processed and returns
    the reply it already made (sending it again is harmless, see sending).
    """
    from sms.tasks import alert_on_call

    with content_cache.one_version(), transaction.atomic():
        # One text per sender at a time (both rows locked): rate counts and
        # the follow-up item stay consistent.
        inbound = (
            InboundMessage.objects.select_for_update(of=("self", "sender"))
            .select_related("sender")
            .get(pk=inbound_id)
        )
        if inbound.outcome != Outcome.PENDING:
            # Re-delivered (acks_late) after a worker died, perhaps between
            # committing the reply and sending it.
            return OutboundMessage.objects.filter(inbound=inbound).first()
        reading = _decide_and_apply(inbound)
        decision, screening = reading.decision, reading.screening
        inbound.outcome, inbound.processed_at = decision.outcome, timezone.now()
        # The conversation's state for the person's next text (and the log's "why").
        topic = reading.answers.topic(decision.topic)
        inbound.topic_id = topic.pk if topic else None
        inbound.intent_id = reading.answers.intent_ids.get(decision.intent)
        inbound.menu = list(decision.menu)
        inbound.save(update_fields=PROCESSED_FIELDS)
        outbound = None
        if decision.reply is not None:
            reply = _reply(
                decision,
                country=inbound.sender.country,
                screening=screening,
                answers=reading.answers,
                channel=inbound.sender.channel,
            )
            outbound = OutboundMessage.objects.create(
                inbound=inbound,
                sender=inbound.sender,
                channel=inbound.sender.channel,
                kind=decision.outcome,
                body=reply.body,
                encoding=reply.info.encoding,
                segments=reply.info.segments,
            )
        if decision.alert_on_call:
            # Its own task: a mail failure never blocks the reply, and is retried.
            transaction.on_commit(lambda: alert_on_call.delay(inbound.pk), robust=True)
    logger.info("SMS %s: %s (screening: %s)", inbound.message_sid, decision.outcome, screening.level)
    return outbound


def crisis_mark_handled(*, inbound: InboundMessage, user) -> None:
    InboundMessage.objects.filter(pk=inbound.pk, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=user
    )


def follow_up_mark_handled(*, follow_up: FollowUp, user) -> bool:
    """Close a crisis follow-up: the person's next text is read afresh."""
    return bool(
        FollowUp.objects.filter(pk=follow_up.pk, handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=user
        )
    )


def screening_label_record(*, inbound: InboundMessage, verdict: str, category: str, user) -> ScreeningLabel:
    """A staff member's verdict on how the screener read a text (one per text; a new one replaces it)."""
    label, _ = ScreeningLabel.objects.update_or_create(
        inbound=inbound, defaults={"verdict": verdict, "category": category, "labelled_by": user}
    )
    return label


def screening_label_promote(*, label: ScreeningLabel) -> CrisisExample:
    """Turn a staff label into a screener example (idempotent)."""
    if label.example_id:
        return label.example
    missed = label.verdict == ScreeningLabel.Verdict.MISSED_EMERGENCY
    example = CrisisExample.objects.create(
        text=label.inbound.body,
        level=ScreeningLevel.EMERGENCY if missed else ScreeningLevel.NONE,
        category=(label.category or label.inbound.screening_category or "") if missed else "",
        notes=f"Promoted from a staff label ({label.get_verdict_display().lower()}).",
    )
    label.example = example
    label.save(update_fields=["example"])
    return example
