"""Celery tasks: thin, take ids, call one service each."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from sms import client, recovery, sending, services


# A database hiccup while deciding the reply: try again (processing is
# idempotent and nothing has been sent yet), with backoff and jitter.
@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
)
def process_inbound(inbound_id: int) -> None:
    services.inbound_message_process(inbound_id=inbound_id)


@shared_task(
    bind=True,
    acks_late=True,
    soft_time_limit=sending.SEND_TIME_LIMIT_SECONDS - 5,
    time_limit=sending.SEND_TIME_LIMIT_SECONDS,
)
def send_outbound(self, outbound_id: int) -> None:
    max_retries = settings.SMS_SEND_MAX_RETRIES
    countdown = sending.retry_countdown(retries=self.request.retries)
    try:
        sending.outbound_message_send(
            outbound_id=outbound_id, final_attempt=self.request.retries >= max_retries, retry_in=countdown
        )
    except client.SendError as exc:
        raise self.retry(exc=exc, countdown=countdown, max_retries=max_retries) from exc


@shared_task(
    acks_late=True,
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=8,
)
def alert_on_call(inbound_id: int) -> None:
    services.oncall_alert_send(inbound_id=inbound_id)


@shared_task(
    acks_late=True,
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=8,
)
def alert_reply_failed(outbound_id: int) -> None:
    services.reply_failure_alert_send(outbound_id=outbound_id)


@shared_task(acks_late=True)
def requeue_stalled_messages() -> None:
    recovery.stalled_work_requeue()
