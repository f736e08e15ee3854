"""SMS actions: receive a text, decide the reply, opt senders in and out.

The webhook calls `inbound_message_receive` (store only); the worker calls
`inbound_message_process` (decide and record the reply), then
`sms.sending.outbound_message_send`. Each step is safe to run twice.
"""

from __future__ import annotations

import datetime as dt
import logging

import phonenumbers
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cms import phone_numbers
from sms import matching, replies, selectors
from sms.models import InboundMessage, OutboundMessage, Sender, SmsKeyword

logger = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
# The same text this many times inside the rate window looks like an
# auto-responder talking to us: stop answering it.
LOOP_REPEATS = 3


def _number_and_country(raw_number: str) -> tuple[str, str]:
    """E.164 and ISO country for a number as Twilio sent it.

    Twilio only forwards numbers that reached us, so a number `phonenumbers`
    calls invalid (new ranges, test ranges) is still kept, in E.164 when it
    parses, with the country of its calling code (+44 -> GB). Short codes
    and alphanumeric senders are kept as they are, country unknown.
    """
    try:
        number = phone_numbers.normalise(raw_number)
        return number, phone_numbers.region_of(number) or ""
    except phone_numbers.InvalidPhoneNumber:
        pass
    try:
        parsed = phonenumbers.parse(raw_number, None)
    except phonenumbers.NumberParseException:
        return raw_number.strip(), ""
    region = phonenumbers.region_code_for_country_code(parsed.country_code)
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return number, (region if region and region not in ("ZZ", "001") else "")


def sender_get_or_create(*, raw_number: str) -> Sender:
    """The Sender for a number as Twilio sent it."""
    number, country = _number_and_country(raw_number)
    digest = phone_numbers.phone_hash(number)
    sender = selectors.sender_get(phone_hash=digest)
    if sender:
        return sender
    try:
        with transaction.atomic():
            return Sender.objects.create(phone=number, phone_hash=digest, country=country)
    except IntegrityError:  # created by a concurrent request
        return Sender.objects.get(phone_hash=digest)


def inbound_message_receive(*, message_sid: str, from_number: str, to_number: str, body: str) -> bool:
    """Store a text from Twilio and queue its processing after commit.

    Returns False (and does nothing) for a MessageSid already stored: Twilio
    re-delivers when it misses our answer, and that must not reply twice.
    """
    from sms.tasks import process_inbound

    with transaction.atomic():
        sender = sender_get_or_create(raw_number=from_number)
        try:
            with transaction.atomic():
                inbound = InboundMessage.objects.create(
                    message_sid=message_sid, sender=sender, to_number=to_number[:40], body=body
                )
        except IntegrityError:
            logger.info("SMS %s already received; ignoring the duplicate", message_sid)
            return False
        # robust: the text is stored, so Twilio gets its 200 even if the broker
        # hiccups; a stored, unprocessed text shows as "Not processed yet".
        transaction.on_commit(lambda: process_inbound.delay(inbound.pk), robust=True)
    return True


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


def oncall_alert_send(*, inbound_id: int) -> bool:
    """Email on-call staff about a crisis text, once; True if an email went.

    The row lock makes concurrent runs wait; the timestamp is committed only
    after the mail is handed over, so a failed send is retried by the task and
    a lost task by `stalled_messages_requeue`. A worker dying between the two
    may email twice: for a crisis, twice is better than never.
    """
    if not settings.SMS_ONCALL_EMAILS:
        logger.warning("Crisis text %s flagged, but SMS_ONCALL_EMAILS is empty", inbound_id)
        return False
    with transaction.atomic():
        inbound = InboundMessage.objects.select_for_update().get(pk=inbound_id)
        if inbound.oncall_alerted_at is not None:
            return False
        url = settings.PUBLIC_BASE_URL + reverse("sms_crisis_queue")
        answered = (
            "Emergency numbers were sent automatically."
            if inbound.outcome == Outcome.CRISIS
            else f"It was NOT answered ({inbound.get_outcome_display()})."
        )
        # No number and no message text by email: staff read them in the admin.
        send_mail(
            subject=f"[{settings.SMS_PROGRAMME_NAME}] Crisis text needs follow-up",
            message=(
                f"A text received at {inbound.received_at:%Y-%m-%d %H:%M} UTC matched the crisis phrase "
                f"'{inbound.crisis_phrase}'. {answered}\n\n"
                f"Follow it up in the crisis queue: {url}\n"
            ),
            from_email=None,
            recipient_list=settings.SMS_ONCALL_EMAILS,
            fail_silently=False,
        )
        inbound.oncall_alerted_at = timezone.now()
        inbound.save(update_fields=["oncall_alerted_at"])
    return True


def _over_limits(inbound: InboundMessage, *, check_loop: bool = True) -> str | None:
    since = timezone.now() - dt.timedelta(seconds=settings.SMS_RATE_LIMIT_WINDOW_SECONDS)
    if check_loop and selectors.same_text_count_since(inbound=inbound, since=since) >= LOOP_REPEATS - 1:
        return Outcome.LOOP
    if selectors.replies_since(sender=inbound.sender, since=since) >= settings.SMS_RATE_LIMIT_COUNT:
        return Outcome.RATE_LIMITED
    return None


def _decide(inbound: InboundMessage) -> tuple[str, str | None, SmsKeyword | None]:
    """(outcome, reply body or None, keyword) for a stored text. Side effects:
    opt-out state and flags on `inbound`."""
    sender, country = inbound.sender, inbound.sender.country
    provider_confirms = settings.SMS_PROVIDER_HANDLES_OPT_OUT

    compliance = matching.compliance_keyword(inbound.body)
    if compliance == matching.OPT_OUT:
        changed = sender_opt_out(sender=sender)
        # One confirmation, not one per STOP: a repeat would itself be a message after opt-out.
        return Outcome.OPT_OUT, (replies.opt_out_body() if changed and not provider_confirms else None), None
    if compliance == matching.OPT_IN:
        sender_opt_in(sender=sender)
        return Outcome.OPT_IN, (None if provider_confirms else replies.opt_in_body()), None
    if sender.opted_out:
        # No text back (they opted out), but a person still sees a crisis text.
        phrase = matching.crisis_phrase_in(inbound.body, selectors.crisis_phrases())
        if phrase:
            inbound.crisis_phrase = phrase[:80]
            _flag(inbound, f"Crisis phrase: {phrase} (not answered: opted out)")
        return Outcome.IGNORED_OPTED_OUT, None, None
    if compliance == matching.HELP:
        return Outcome.HELP, (None if provider_confirms else replies.help_body()), None

    phrase = matching.crisis_phrase_in(inbound.body, selectors.crisis_phrases())
    if phrase:
        inbound.crisis_phrase = phrase[:80]
        _flag(inbound, f"Crisis phrase: {phrase}")
        # Someone in crisis may well send the same words again: answer them
        # again (no loop check), up to the rate limit.
        limited = _over_limits(inbound, check_loop=False)
        if limited:
            inbound.follow_up_reason += f" ({Outcome(limited).label})"
            return limited, None, None
        return Outcome.CRISIS, replies.crisis_body(country=country), None
    limited = _over_limits(inbound)
    if limited:
        _flag(inbound, Outcome(limited).label)
        return limited, None, None

    keyword_id = matching.keyword_match(inbound.body, selectors.keyword_candidates())
    keyword = SmsKeyword.objects.select_related("topic").filter(pk=keyword_id).first() if keyword_id else None
    if keyword and keyword.reply_text():
        return Outcome.KEYWORD, keyword.reply_text(), keyword
    return Outcome.FALLBACK, replies.fallback_body(), None


def inbound_message_process(*, inbound_id: int) -> OutboundMessage | None:
    """Decide and record the reply to one stored text; queue its sending.

    Runs once per text: a re-delivered task finds it processed and returns
    the reply it already made (queueing it again is harmless, see sending).
    """
    from sms.tasks import alert_on_call, send_outbound

    with transaction.atomic():
        inbound = InboundMessage.objects.select_for_update().select_related("sender").get(pk=inbound_id)
        if inbound.outcome != Outcome.PENDING:
            # Re-delivered (acks_late) after a worker died: if it died between
            # committing the reply and queueing it, queue it now. Sending twice
            # is impossible (see sms.sending), losing the reply is not.
            outbound = OutboundMessage.objects.filter(inbound=inbound).first()
            if outbound and outbound.status == OutboundMessage.Status.PENDING:
                transaction.on_commit(lambda: send_outbound.delay(outbound.pk), robust=True)
            return outbound
        outcome, body, keyword = _decide(inbound)
        inbound.outcome, inbound.keyword, inbound.processed_at = outcome, keyword, timezone.now()
        inbound.save()
        outbound = None
        if body is not None:
            reply = replies.compose(body=body, country=inbound.sender.country)
            outbound = OutboundMessage.objects.create(
                inbound=inbound,
                sender=inbound.sender,
                kind=outcome,
                body=reply.body,
                encoding=reply.info.encoding,
                segments=reply.info.segments,
            )
            transaction.on_commit(lambda: send_outbound.delay(outbound.pk), robust=True)
        if outcome == Outcome.CRISIS or inbound.crisis_phrase:
            # Its own task, after the reply is queued: a mail failure never
            # blocks the reply, and is retried.
            transaction.on_commit(lambda: alert_on_call.delay(inbound.pk), robust=True)
    logger.info("SMS %s: %s", inbound.message_sid, outcome)
    return outbound


def crisis_mark_handled(*, inbound: InboundMessage, user) -> None:
    InboundMessage.objects.filter(pk=inbound.pk, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=user
    )


# A text still unprocessed this long after it arrived lost its task (broker
# down when it was queued, say); a reply still pending this long after its
# last attempt lost its send. Re-queueing is safe: both steps are idempotent.
STALLED_INBOUND_AFTER = dt.timedelta(minutes=2)
STALLED_ALERT_AFTER = dt.timedelta(minutes=5)


def stalled_messages_requeue() -> dict[str, int]:
    """Queue again the work whose task was lost; return what was queued."""
    from sms.tasks import alert_on_call, process_inbound, send_outbound

    now = timezone.now()
    stalled_outbound_after = dt.timedelta(seconds=settings.SMS_SEND_RETRY_BACKOFF_MAX + 120)
    inbound_ids = list(
        InboundMessage.objects.filter(
            outcome=Outcome.PENDING, received_at__lt=now - STALLED_INBOUND_AFTER
        ).values_list("pk", flat=True)
    )
    outbound_ids = list(
        OutboundMessage.objects.filter(
            status=OutboundMessage.Status.PENDING, updated_at__lt=now - stalled_outbound_after
        ).values_list("pk", flat=True)
    )
    alert_ids = (
        list(
            InboundMessage.objects.filter(
                oncall_alerted_at__isnull=True, processed_at__lt=now - STALLED_ALERT_AFTER
            )
            .exclude(crisis_phrase="")
            .values_list("pk", flat=True)
        )
        if settings.SMS_ONCALL_EMAILS
        else []
    )
    for pk in inbound_ids:
        process_inbound.delay(pk)
    for pk in outbound_ids:
        send_outbound.delay(pk)
    for pk in alert_ids:
        alert_on_call.delay(pk)
    if inbound_ids or outbound_ids or alert_ids:
        logger.warning(
            "Re-queued stalled SMS work: %d texts, %d replies, %d crisis alerts",
            len(inbound_ids),
            len(outbound_ids),
            len(alert_ids),
        )
    return {"inbound": len(inbound_ids), "outbound": len(outbound_ids), "alerts": len(alert_ids)}
