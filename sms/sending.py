"""Sending one reply, exactly once, and recording what Twilio says about it.

`outbound_message_send` claims the record (PENDING -> SENDING) in its own
transaction before calling Twilio, and stores the SID the moment Twilio
accepts. So a retried or re-delivered task (acks_late re-delivers after a
worker dies) finds either a SID (done: nothing to do) or a claim. A fresh
claim means another worker is mid-call: leave it. A claim older than the
task time limit means a worker died between calling Twilio and recording
the answer; Twilio may have sent it, so rather than risk a duplicate we mark
it failed and flag the conversation for a person to check.

Retries (`retry_delay`) are short and many: a Twilio outage of several
minutes is ridden out, and a reply goes within seconds of Twilio answering
again (5 s at most for a crisis reply, SMS_SEND_RETRY_BACKOFF_MAX for
others), until SMS_SEND_RETRY_WINDOW_SECONDS after it was written.

A reply that cannot be sent (its retries spent, Twilio refusing it, or its
outcome unknown) is flagged for follow-up; when it was a crisis reply,
on-call staff are emailed too (`services.reply_failure_alert_send`).
"""

from __future__ import annotations

import datetime as dt
import logging

from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.phone_numbers import mask_phone_numbers_in
from sms import client, queues, services
from sms.models import InboundMessage, OutboundMessage
from sms.queues import CRISIS_REPLY_KINDS

logger = logging.getLogger(__name__)

Status = OutboundMessage.Status
RETRY_BACKOFF_FACTOR_SECONDS = 2
CRISIS_RETRY_BACKOFF_MAX_SECONDS = 5
# A send is one HTTP call with a 10 s time-out (client.HTTP_TIMEOUT_SECONDS);
# the task is killed after SEND_TIME_LIMIT_SECONDS. A claim older than that,
# plus a margin, belongs to a worker that died mid-send.
SEND_TIME_LIMIT_SECONDS = 30
STALE_CLAIM_AFTER = dt.timedelta(seconds=SEND_TIME_LIMIT_SECONDS + 5)

# Twilio status callbacks can arrive out of order; never move backwards.
_STATUS_RANK = {
    Status.PENDING: 0,
    Status.SENDING: 1,
    Status.ACCEPTED: 2,
    Status.QUEUED: 3,
    Status.SENT: 4,
    Status.DELIVERED: 5,
    Status.UNDELIVERED: 5,
    Status.FAILED: 5,
}
CALLBACK_STATUSES = {"accepted", "queued", "sending", "sent", "delivered", "undelivered", "failed"}


def retry_delay(*, retries: int, age: dt.timedelta, crisis: bool) -> int | None:
    """Seconds before the next attempt (exponential, full jitter, capped), or
    None when the reply has had its chances: SMS_SEND_MAX_RETRIES retries, or
    older than SMS_SEND_RETRY_WINDOW_SECONDS."""
    if (
        retries >= settings.SMS_SEND_MAX_RETRIES
        or age.total_seconds() >= settings.SMS_SEND_RETRY_WINDOW_SECONDS
    ):
        return None
    cap = settings.SMS_SEND_RETRY_BACKOFF_MAX
    if crisis:
        cap = min(cap, CRISIS_RETRY_BACKOFF_MAX_SECONDS)
    return get_exponential_backoff_interval(
        factor=RETRY_BACKOFF_FACTOR_SECONDS, retries=retries, maximum=cap, full_jitter=True
    )


class RetryLater(Exception):  # noqa: N818 - an instruction, not an error
    """The send failed in a way worth retrying; the task retries in `countdown` s."""

    def __init__(self, countdown: int):
        super().__init__(f"retry in {countdown}s")
        self.countdown = countdown


def _claim(outbound_id: int) -> OutboundMessage | None:
    """Lock the record and mark it SENDING, or return None if it must not be sent."""
    with transaction.atomic():
        outbound = (
            OutboundMessage.objects.select_for_update(of=("self",))
            .select_related("sender", "inbound")
            .get(pk=outbound_id)
        )
        if outbound.twilio_sid or outbound.status not in (Status.PENDING, Status.SENDING):
            return None
        if outbound.status == Status.SENDING:
            if outbound.send_started_at and outbound.send_started_at > timezone.now() - STALE_CLAIM_AFTER:
                return None  # another worker is sending it right now
            outbound.status = Status.FAILED
            outbound.error_code = "lost"
            outbound.error_message = (
                "Worker stopped mid-send; not re-sent to avoid a duplicate. Check Twilio."
            )
            outbound.save()
            _send_failed(outbound, "Reply may not have been sent (worker stopped)")
            logger.error("Outbound %s: worker stopped mid-send; flagged, not re-sent", outbound.pk)
            return None
        if outbound.sender.opted_out and outbound.kind != InboundMessage.Outcome.OPT_OUT:
            outbound.status, outbound.error_message = Status.FAILED, "Sender opted out before sending."
            outbound.save()
            return None
        outbound.status = Status.SENDING
        outbound.attempts += 1
        outbound.send_started_at = timezone.now()
        outbound.save()
        return outbound


def inbound_message_answer(*, inbound_id: int) -> None:
    """Decide the reply to a stored text and send it at once, from the
    worker that decided it: one task a text rather than a second one for the
    send (make bench: each task costs the worker and Redis a few ms), and
    the reply goes before this worker reads another text. A send worth
    retrying is retried by `send_outbound` from the queue of its kind (a
    crisis reply's is the crisis queue); a reply whose worker died before
    sending it is sent again by the re-delivered task, or queued by
    `sms.recovery.stalled_work_requeue`."""
    outbound = services.inbound_message_process(inbound_id=inbound_id)
    if outbound is None or outbound.status != Status.PENDING:
        return
    try:
        outbound_message_send(outbound_id=outbound.pk)
    except RetryLater as later:
        queues.reply_send_enqueue(outbound.pk, kind=outbound.kind, countdown=later.countdown, retries=1)


def outbound_message_send(*, outbound_id: int, retries: int = 0) -> None:
    """Send one recorded reply (`retries` earlier attempts failed). Raises
    RetryLater when it should be retried (429, 5xx, connection) and has
    chances left; the record then says when the next attempt is due."""
    outbound = _claim(outbound_id)
    if outbound is None:
        return
    try:
        result = client.send(to=outbound.sender.phone, body=outbound.body, channel=outbound.channel)
    except client.SendError as exc:
        _record_send_error(outbound, exc, retries=retries)
        return
    except Exception as exc:
        # A bug or misconfiguration: record it rather than leave the claim
        # hanging (and never retry: Twilio may have the message), then fail loudly.
        outbound.status, outbound.error_message = Status.FAILED, _masked(f"{type(exc).__name__}: {exc}")
        outbound.save(update_fields=["status", "error_message", "updated_at"])
        _send_failed(outbound, "Reply may not have been sent (unexpected error)")
        raise
    outbound.twilio_sid = result.sid or None
    outbound.status = result.status if result.status in Status.values else Status.ACCEPTED
    outbound.error_code = outbound.error_message = ""
    outbound.save(update_fields=["twilio_sid", "status", "error_code", "error_message", "updated_at"])


def _masked(error: str) -> str:
    """An error text as it may be stored and logged: Twilio's name the
    number (21211: "The 'To' number +44... is not a valid phone number")."""
    return mask_phone_numbers_in(error)[:255]


def _send_failed(outbound: OutboundMessage, reason: str) -> None:
    """A reply that will not be sent (or may not have been): a person must
    look. The text is flagged; a crisis reply also alerts on-call."""
    if outbound.inbound_id:
        InboundMessage.objects.filter(pk=outbound.inbound_id).update(
            needs_follow_up=True, follow_up_reason=reason[:255]
        )
    if outbound.kind in CRISIS_REPLY_KINDS:
        from sms.tasks import alert_reply_failed

        transaction.on_commit(lambda: alert_reply_failed.delay(outbound.pk), robust=True)


def _record_send_error(outbound: OutboundMessage, exc: client.SendError, *, retries: int) -> None:
    """Store the error; raise RetryLater when the task should retry."""
    outbound.error_code, outbound.error_message = exc.code, _masked(str(exc))
    delay = None
    if exc.retryable:
        delay = retry_delay(
            retries=retries,
            age=timezone.now() - outbound.created_at,
            crisis=outbound.kind in CRISIS_REPLY_KINDS,
        )
    if delay is not None:
        outbound.status = Status.PENDING
        outbound.next_attempt_at = timezone.now() + dt.timedelta(seconds=delay)
        outbound.save(
            update_fields=["status", "error_code", "error_message", "next_attempt_at", "updated_at"]
        )
        logger.warning("Outbound %s: %s; will retry in %ss", outbound.pk, outbound.error_message, delay)
        raise RetryLater(delay) from exc
    outbound.status = Status.FAILED
    outbound.save(update_fields=["status", "error_code", "error_message", "updated_at"])
    if exc.code == str(client.OPTED_OUT_ERROR_CODE):
        services.sender_opt_out(sender=outbound.sender)
        logger.info("Outbound %s: recipient unsubscribed at Twilio (21610); opted out", outbound.pk)
        return
    logger.error("Outbound %s failed: %s", outbound.pk, outbound.error_message)
    if exc.code == client.UNKNOWN_OUTCOME:
        _send_failed(outbound, "Reply may not have been sent (no answer from Twilio)")
    else:
        _send_failed(outbound, f"Reply could not be sent ({outbound.error_message})")


def outbound_status_update(*, sid: str, status: str, error_code: str = "") -> bool:
    """Apply a Twilio status callback. False for an unknown SID or status."""
    status = status.lower()
    if status not in CALLBACK_STATUSES:
        return False
    status = Status.SENDING if status == "sending" else status
    with transaction.atomic():
        outbound = OutboundMessage.objects.select_for_update().filter(twilio_sid=sid).first()
        if outbound is None:
            return False
        if _STATUS_RANK.get(status, 0) < _STATUS_RANK.get(outbound.status, 0):
            return True
        outbound.status = status
        if error_code:
            outbound.error_code = error_code[:20]
        outbound.save(update_fields=["status", "error_code", "updated_at"])
    if error_code == str(client.OPTED_OUT_ERROR_CODE):
        services.sender_opt_out(sender=outbound.sender)
    return True
