"""Recording deliveries with the change that caused them, handing them to
Celery after commit, sending one again, and finding the ones whose task
was lost.

Publishing waits for `event_record` only: it reads the subscribed
endpoints and inserts a row each (two queries), and after commit queues one
task per row without the broker's publish retries. If the broker is down,
publishing still succeeds: the rows stay pending and beat's sweep queues
them once the broker is back.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery.exceptions import Retry
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from api.models import WebhookDelivery, WebhookEndpoint
from api.webhooks import sending

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status
# At most this many deliveries are queued again per sweep (a long broker
# outage is caught up over a few sweeps, not in one burst).
SWEEP_BATCH = 500
BROKER_CONNECT_TIMEOUT_SECONDS = 2


def event_record(*, event: str, payload: dict) -> list[int]:
    """Record `payload` for every active endpoint subscribed to `event`, in
    the caller's transaction, and queue the sends after it commits. Returns
    the new delivery ids (none when nobody listens)."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True).only("pk", "events", "is_active")
        if endpoint.wants(event)
    ]
    if not endpoints:
        return []
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint_id=endpoint.pk, event=event, payload=payload, next_attempt_at=now)
        for endpoint in endpoints
    )
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: deliveries_enqueue(ids), robust=True)
    return ids


def deliveries_enqueue(delivery_ids: list[int]) -> int:
    """Queue a first attempt of each delivery; return how many were queued.

    On a connection of its own that neither retries the broker nor waits
    for it longer than BROKER_CONNECT_TIMEOUT_SECONDS (the shared producer
    pool keeps trying for several seconds), and without publish retries:
    with the broker down this fails at once rather than holding up the
    request that published, and the rest are left to the sweep. (Without a
    broker at all, tasks run in-process: each first attempt runs here,
    bounded by the HTTP time-outs.)"""
    from api.tasks import deliver_webhook

    connection = deliver_webhook.app.connection_for_write(
        connect_timeout=BROKER_CONNECT_TIMEOUT_SECONDS, transport_options={"max_retries": 0}
    )
    with connection:
        for queued, delivery_id in enumerate(delivery_ids):
            try:
                deliver_webhook.apply_async(args=(delivery_id, 0), retry=False, connection=connection)
            except Retry:
                # No broker (CELERY_TASK_ALWAYS_EAGER): the first attempt ran
                # here and failed. Its retries need the worker, not this
                # request; the delivery stays pending for beat's sweep.
                continue
            except (BrokerError, OSError) as exc:
                logger.warning(
                    "Broker unavailable (%s): %d webhook deliveries wait for the sweep",
                    exc,
                    len(delivery_ids) - queued,
                )
                return queued
    return len(delivery_ids)


def delivery_resend(*, delivery: WebhookDelivery) -> WebhookDelivery | None:
    """Send a finished delivery again, as a new row with the same message
    id (so a receiver that did handle it can tell). None if it is still
    being sent."""
    if delivery.status not in (Status.DELIVERED, Status.FAILED):
        return None
    again = WebhookDelivery.objects.create(
        endpoint_id=delivery.endpoint_id,
        event=delivery.event,
        message_id=delivery.message_id,
        payload=delivery.payload,
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: deliveries_enqueue([again.pk]), robust=True)
    return again


def stalled_deliveries_requeue() -> dict[str, int]:
    """Queue again deliveries whose task was lost: pending and overdue by
    WEBHOOK_STALLED_AFTER_SECONDS, or claimed by a worker that died mid-send.

    A copy of a task that is only late (a backlog) does no harm: each task
    carries the attempt count it expects, and a copy that finds the count
    moved on does nothing (`sending.delivery_send`)."""
    from api.tasks import deliver_webhook

    now = timezone.now()
    overdue = (
        WebhookDelivery.objects.filter(
            status=Status.PENDING,
            next_attempt_at__lt=now - dt.timedelta(seconds=settings.WEBHOOK_STALLED_AFTER_SECONDS),
        )
        .order_by("next_attempt_at")
        .values_list("pk", "attempts")[:SWEEP_BATCH]
    )
    stale_claims = WebhookDelivery.objects.filter(
        status=Status.SENDING, last_attempt_at__lt=now - sending.STALE_CLAIM_AFTER
    ).values_list("pk", "attempts")[:SWEEP_BATCH]
    queued = {"overdue": 0, "stale_claims": 0}
    for kind, rows in (("overdue", overdue), ("stale_claims", stale_claims)):
        for delivery_id, attempts in rows:
            deliver_webhook.delay(delivery_id, attempts)
            queued[kind] += 1
    if any(queued.values()):
        logger.warning("Re-queued stalled webhook deliveries: %s", queued)
    return queued
