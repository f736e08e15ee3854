"""Sending one webhook delivery: claim it, sign it, POST it, record the answer.

Signed per Standard Webhooks (https://www.standardwebhooks.com/) with the
`standardwebhooks` package: headers `webhook-id` (the same on every attempt
of a message), `webhook-timestamp` and `webhook-signature`, so a receiver
verifies with any of its client libraries:
``Webhook(secret).verify(body, headers)``.

A 2xx answer delivers it. Anything else (an error, a time-out, a redirect,
another status) is retried with exponential backoff and jitter, up to
WEBHOOK_MAX_ATTEMPTS attempts, except 410 Gone, which the spec defines as
"stop sending": the endpoint is turned off.

Each task carries the number of attempts made when it was queued. The row
is claimed (PENDING -> SENDING) only if that number still holds, so a
second copy of a task (the sweep re-queued it while the first was only
late) does nothing. No database lock or transaction is held during the
HTTP call.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from urllib.parse import urlsplit

import requests
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook

from api.models import WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status
USER_AGENT = "helpline-webhooks/1"
# The task is killed after SEND_TIME_LIMIT_SECONDS; a SENDING claim older
# than that (plus a margin) belongs to a worker that died mid-send.
SEND_TIME_LIMIT_SECONDS = 30
STALE_CLAIM_AFTER = dt.timedelta(seconds=SEND_TIME_LIMIT_SECONDS + 5)
# How much of a failing answer's body the log keeps.
ERROR_BODY_CHARS = 120


class RetryLater(Exception):  # noqa: N818 - an instruction, not an error
    """The attempt failed; the task retries in `countdown` s, expecting `attempts`."""

    def __init__(self, *, countdown: int, attempts: int):
        super().__init__(f"retry in {countdown}s")
        self.countdown = countdown
        self.attempts = attempts


def retry_delay(*, attempts: int) -> int | None:
    """Seconds before the next attempt after `attempts` failed ones, or None
    when they are spent. Exponential from WEBHOOK_RETRY_BACKOFF_SECONDS,
    capped at WEBHOOK_RETRY_BACKOFF_MAX_SECONDS, half of it random (so many
    deliveries to one endpoint that came back do not all retry at once)."""
    if attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        return None
    ceiling = min(
        settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS,
        settings.WEBHOOK_RETRY_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0),
    )
    return max(1, round(ceiling / 2 + random.uniform(0, ceiling / 2)))  # noqa: S311 - jitter, not a secret


def body_of(delivery: WebhookDelivery) -> str:
    """The exact text that is signed and sent (the same on every attempt)."""
    return json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False)


def signed_headers(*, secret: str, message_id: str, body: str) -> dict[str, str]:
    """Standard Webhooks headers for one attempt (the timestamp is now)."""
    timestamp = dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id=message_id, timestamp=timestamp, data=body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def _claim(delivery_id: int, after_attempts: int) -> WebhookDelivery | None:
    """Lock the row and mark it SENDING, or None if this task must not send it."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.attempts != after_attempts:
            return None  # gone with its endpoint, or this task copy is out of date
        if delivery.status == Status.SENDING:
            if delivery.last_attempt_at and delivery.last_attempt_at > now - STALE_CLAIM_AFTER:
                return None  # another worker is sending it right now
        elif delivery.status != Status.PENDING:
            return None
        if not delivery.endpoint.is_active:
            delivery.status, delivery.last_error = Status.FAILED, "Not sent: the endpoint is turned off."
            delivery.save(update_fields=["status", "last_error"])
            return None
        delivery.status = Status.SENDING
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "attempts", "last_attempt_at", "next_attempt_at"])
        return delivery


def delivery_send(*, delivery_id: int, after_attempts: int) -> None:
    """Make one attempt at a delivery the task found with `after_attempts`
    attempts made. Raises RetryLater when it failed and has attempts left."""
    delivery = _claim(delivery_id, after_attempts)
    if delivery is None:
        return
    endpoint = delivery.endpoint
    body = body_of(delivery)
    try:
        response = requests.post(
            endpoint.url,
            data=body.encode(),
            headers=signed_headers(secret=endpoint.secret, message_id=delivery.message_id, body=body),
            timeout=(settings.WEBHOOK_CONNECT_TIMEOUT_SECONDS, settings.WEBHOOK_READ_TIMEOUT_SECONDS),
            allow_redirects=False,
            stream=True,  # read at most a snippet of the answer
        )
    except (requests.RequestException, SoftTimeLimitExceeded) as exc:
        error = f"{type(exc).__name__}: {exc}"
        _record_failure(delivery, status_code=None, error=_without_query(error, endpoint.url))
        return
    except Exception as exc:
        # A bug or misconfiguration: record it rather than leave the claim
        # hanging, then fail loudly.
        delivery.status, delivery.last_error = Status.FAILED, f"{type(exc).__name__}: {exc}"[:255]
        delivery.save(update_fields=["status", "last_error"])
        raise
    with response:
        status_code = response.status_code
        snippet = "" if response.ok else _snippet(response)
    if 200 <= status_code < 300:
        delivery.status, delivery.response_status_code = Status.DELIVERED, status_code
        delivery.delivered_at, delivery.last_error = timezone.now(), ""
        delivery.save(update_fields=["status", "response_status_code", "delivered_at", "last_error"])
    elif status_code == 410:
        _endpoint_gone(delivery, endpoint)
    else:
        _record_failure(delivery, status_code=status_code, error=f"HTTP {status_code} {snippet}".strip())


def _without_query(text: str, url: str) -> str:
    """Errors quote the URL; its query string may hold a token (e.g. a
    revalidation secret), which the log and the admin must not show."""
    query = urlsplit(url).query
    return text.replace(query, "...") if query else text


def _snippet(response: requests.Response) -> str:
    try:
        raw = response.raw.read(ERROR_BODY_CHARS, decode_content=True) or b""
    except (requests.RequestException, OSError, SoftTimeLimitExceeded):
        return ""
    return " ".join(raw.decode(errors="replace").split())


def _endpoint_gone(delivery: WebhookDelivery, endpoint: WebhookEndpoint) -> None:
    """410 Gone: the receiver asks not to be sent anything more."""
    delivery.status, delivery.response_status_code = Status.FAILED, 410
    delivery.last_error = "HTTP 410 Gone: the endpoint was turned off, as the receiver asked."
    delivery.save(update_fields=["status", "response_status_code", "last_error"])
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False)
    logger.warning("Webhook endpoint %s answered 410 Gone: turned off", endpoint.pk)


def _record_failure(delivery: WebhookDelivery, *, status_code: int | None, error: str) -> None:
    """Store what went wrong; raise RetryLater if there are attempts left."""
    delivery.response_status_code, delivery.last_error = status_code, error[:255]
    delay = retry_delay(attempts=delivery.attempts)
    fields = ["status", "response_status_code", "last_error", "next_attempt_at"]
    if delay is None:
        delivery.status = Status.FAILED
        delivery.save(update_fields=fields)
        logger.error(
            "Webhook delivery %s failed after %d attempts: %s", delivery.pk, delivery.attempts, error
        )
        return
    delivery.status = Status.PENDING
    delivery.next_attempt_at = timezone.now() + dt.timedelta(seconds=delay)
    delivery.save(update_fields=fields)
    logger.warning("Webhook delivery %s: %s; retry in %ss", delivery.pk, error, delay)
    raise RetryLater(countdown=delay, attempts=delivery.attempts)
