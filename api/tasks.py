"""Celery tasks of the API app: thin, take ids, call one service each."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from api.webhooks import outbox, sending


@shared_task(
    bind=True,
    acks_late=True,
    soft_time_limit=sending.SEND_TIME_LIMIT_SECONDS - 5,
    time_limit=sending.SEND_TIME_LIMIT_SECONDS,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
)
def deliver_webhook(self, delivery_id: int, after_attempts: int = 0) -> None:
    # How often and how long to retry is sending's decision (retry_delay);
    # the database hiccups of autoretry_for are retried before any attempt.
    try:
        sending.delivery_send(delivery_id=delivery_id, after_attempts=after_attempts)
    except sending.RetryLater as later:
        raise self.retry(
            args=(delivery_id, later.attempts), countdown=later.countdown, max_retries=None
        ) from later


@shared_task(acks_late=True)
def requeue_stalled_webhook_deliveries() -> None:
    outbox.stalled_deliveries_requeue()
