"""Celery tasks: thin, take ids, call one service each."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError

from sms import recovery, retention, sending, services


# A database hiccup while deciding the reply: try again (processing is
# idempotent, and a send is claimed before Twilio is called), with backoff
# and jitter. It sends the reply too: the time limits are the send's.
@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=sending.SEND_TIME_LIMIT_SECONDS - 5,
    time_limit=sending.SEND_TIME_LIMIT_SECONDS,
)
def process_inbound(inbound_id: int) -> None:
    sending.inbound_message_answer(inbound_id=inbound_id)


@shared_task(
    bind=True,
    acks_late=True,
    soft_time_limit=sending.SEND_TIME_LIMIT_SECONDS - 5,
    time_limit=sending.SEND_TIME_LIMIT_SECONDS,
)
def send_outbound(self, outbound_id: int) -> None:
    # How often and how long to retry is sending's decision (retry_delay).
    try:
        sending.outbound_message_send(outbound_id=outbound_id, retries=self.request.retries)
    except sending.RetryLater as later:
        raise self.retry(exc=later.__cause__ or later, countdown=later.countdown, max_retries=None) from later


# On-call emails: retried while the mail server or database is away; each
# sends at most once (the services record when it went).
ALERT_TASK_OPTIONS = {
    "acks_late": True,
    "autoretry_for": (SMTPException, OSError, OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(**ALERT_TASK_OPTIONS)
def alert_on_call(inbound_id: int) -> None:
    services.oncall_alert_send(inbound_id=inbound_id)


@shared_task(**ALERT_TASK_OPTIONS)
def alert_reply_failed(outbound_id: int) -> None:
    services.reply_failure_alert_send(outbound_id=outbound_id)


@shared_task(acks_late=True)
def requeue_stalled_messages() -> None:
    recovery.stalled_work_requeue()


# Daily. A slice of work at a time: when the time budget runs out it queues
# itself again, behind the texts waiting, so a large clean-up never holds a
# worker from replies. Batches are idempotent; a killed run loses nothing.
@shared_task(acks_late=True, soft_time_limit=5 * 60, time_limit=6 * 60)
def apply_retention() -> None:
    report = retention.retention_apply(time_budget=retention.TASK_TIME_BUDGET_SECONDS)
    if not report.finished:
        apply_retention.delay()
