"""Finding lost work and queueing it again, within seconds.

Every step of the pipeline is safe to run twice (processing is idempotent,
a reply is claimed before it is sent and never sent twice), so recovery
can be blunt: beat runs `stalled_work_requeue` every
`SMS_SWEEP_INTERVAL_SECONDS`, and it queues again whatever the database
says is unfinished and overdue. A task can be lost when the broker restarts
empty, when the worker holding it is killed (its unacknowledged task would
come back only after the broker's visibility timeout), or when the broker
was down as the task was queued.

Why a sweep rather than a short visibility timeout: retries wait inside the
worker for their countdown (up to `SMS_SEND_RETRY_BACKOFF_MAX`), still
unacknowledged, so the visibility timeout must outlast the longest one;
a short one would hand every waiting retry to a second worker early. The
sweep asks the database instead, through indexed columns (outcome, status,
next_attempt_at), in five small queries.

Under a healthy burst, texts wait in the queue longer than the grace, and
queueing them again would only add load. So overdue texts and replies are
queued again only when the broker holds fewer waiting tasks than there are
overdue items: then some of them cannot be in it. Once queued again they
are in it, so a worker that is down for a while does not get a pile of
copies. A stale claim (a worker died mid-send) and a lost alert are always
handled: their tasks flag, and never send twice.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from kombu.exceptions import ChannelError

from sms import queues, selectors, sending, services
from sms.models import InboundMessage, OutboundMessage, ScreeningLevel

logger = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
Status = OutboundMessage.Status
SWEEP_TASK = "sms.tasks.requeue_stalled_messages"
_SWEEP_PUBLISHED_KEY = "sms:sweep-published-at"
# An alert's own task retries for minutes (mail server down); the sweep
# steps in only once that is clearly over.
STALLED_ALERT_AFTER = dt.timedelta(minutes=5)


def queue_depths(names: list[str]) -> dict[str, int]:
    """Tasks waiting in each of the broker's queues `names`. Reserved and
    retrying tasks, held by a worker, are not counted."""
    depths = {}
    with current_app.connection_for_read() as connection:
        for name in names:
            try:
                declared = connection.default_channel.queue_declare(queue=name, passive=True)
                depths[name] = declared.message_count
            except ChannelError:  # never declared: nothing was ever queued there
                depths[name] = 0
    return depths


def waiting_tasks() -> int:
    """Tasks waiting in the broker's queues for the SMS tasks (texts and replies)."""
    return sum(queue_depths(queues.sms_queues()).values())


def stalled_work_requeue() -> dict[str, int]:
    """Queue again the work whose task was lost; return what was queued."""
    from sms.tasks import alert_on_call, alert_reply_failed

    now = timezone.now()
    overdue_before = now - dt.timedelta(seconds=settings.SMS_STALLED_AFTER_SECONDS)
    pending_texts = selectors.texts_unprocessed(
        received_before=overdue_before,
        follow_up_since=services.follow_up_since(),
    )
    outbound_ids = list(
        OutboundMessage.objects.filter(status=Status.PENDING, next_attempt_at__lt=overdue_before)
        .order_by("next_attempt_at")
        .values_list("pk", "kind")
    )
    if pending_texts or outbound_ids:
        waiting = waiting_tasks()
        if waiting >= len(pending_texts) + len(outbound_ids):
            pending_texts = outbound_ids = []  # they may all be in the queue still
    stale_claim_ids = list(
        OutboundMessage.objects.filter(
            status=Status.SENDING, send_started_at__lt=now - sending.STALE_CLAIM_AFTER
        ).values_list("pk", "kind")
    )
    alert_ids, failed_reply_ids = [], []
    if settings.SMS_ONCALL_EMAILS:
        alert_ids = list(
            InboundMessage.objects.filter(
                screening_level=ScreeningLevel.EMERGENCY,
                oncall_alerted_at__isnull=True,
                processed_at__lt=now - STALLED_ALERT_AFTER,
            ).values_list("pk", flat=True)
        )
        failed_reply_ids = list(
            OutboundMessage.objects.filter(
                status=Status.FAILED,
                kind__in=sending.CRISIS_REPLY_KINDS,
                failure_alerted_at__isnull=True,
                updated_at__lt=now - STALLED_ALERT_AFTER,
            ).values_list("pk", flat=True)
        )
    for pk, body, follow_up_open in pending_texts:
        queues.inbound_process_enqueue(pk, body, follow_up_open=follow_up_open)
    for pk, kind in [*outbound_ids, *stale_claim_ids]:
        queues.reply_send_enqueue(pk, kind=kind)
    for pk in alert_ids:
        alert_on_call.delay(pk)
    for pk in failed_reply_ids:
        alert_reply_failed.delay(pk)
    queued = {
        "inbound": len(pending_texts),
        "outbound": len(outbound_ids),
        "stale_claims": len(stale_claim_ids),
        "alerts": len(alert_ids) + len(failed_reply_ids),
    }
    if any(queued.values()):
        logger.warning("Re-queued stalled SMS work: %s", queued)
    return queued


# --- What /healthz/ reports ----------------------------------------------------


def sweep_published() -> None:
    """Beat queued a sweep (called from Celery's before_task_publish)."""
    cache.set(_SWEEP_PUBLISHED_KEY, timezone.now().timestamp(), timeout=24 * 60 * 60)


def seconds_since_sweep_published() -> float | None:
    published = cache.get(_SWEEP_PUBLISHED_KEY)
    return round(timezone.now().timestamp() - published, 1) if published else None


def beat_is_silent(silent_for: float | None) -> bool:
    """No sweep queued yet, or none within HEALTH_MAX_BEAT_SILENCE_SECONDS."""
    return silent_for is None or silent_for > settings.HEALTH_MAX_BEAT_SILENCE_SECONDS


def backlog() -> dict:
    """Queue depth, the oldest unprocessed text and unsent reply, and when
    beat last queued a sweep, in seconds (None: nothing of that kind)."""
    now = timezone.now()
    oldest_text = InboundMessage.objects.filter(outcome=Outcome.PENDING).aggregate(at=Min("received_at"))[
        "at"
    ]
    oldest_reply = OutboundMessage.objects.filter(status__in=(Status.PENDING, Status.SENDING)).aggregate(
        at=Min("created_at")
    )["at"]
    all_queues = list(settings.TASK_QUEUES.values())
    return {
        "queues": {name: {"depth": depth} for name, depth in queue_depths(all_queues).items()},
        "oldest_unprocessed_text_seconds": _seconds_since(oldest_text, now),
        "oldest_unsent_reply_seconds": _seconds_since(oldest_reply, now),
        "beat_last_ran_seconds": seconds_since_sweep_published(),
    }


def _seconds_since(moment: dt.datetime | None, now: dt.datetime) -> float | None:
    return round((now - moment).total_seconds(), 1) if moment else None


def backlog_problems(report: dict) -> list[str]:
    """Why the backlog is worth a look, against the HEALTH_* thresholds."""
    limits = (
        ("oldest_unprocessed_text_seconds", settings.HEALTH_MAX_OLDEST_TEXT_SECONDS, "a text has waited {}s"),
        ("oldest_unsent_reply_seconds", settings.HEALTH_MAX_OLDEST_REPLY_SECONDS, "a reply has waited {}s"),
    )
    problems = [message.format(report[key]) for key, limit, message in limits if (report[key] or 0) > limit]
    for name, queue in report["queues"].items():
        if queue["depth"] > settings.HEALTH_MAX_QUEUE_DEPTH:
            problems.append(f"{queue['depth']} tasks waiting in queue {name}")
    beat = report["beat_last_ran_seconds"]
    if beat_is_silent(beat):
        problems.append("beat has not queued a sweep " + ("yet" if beat is None else f"for {beat}s"))
    return problems
