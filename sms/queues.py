"""Which queue a text is processed on and a reply sent from: a crisis goes
ahead of everything.

The queues and the routes of the other tasks are in the settings
(TASK_QUEUES, CELERY_TASK_ROUTES). A text's queue depends on what it says,
and a reply's on what the reply is, which the task's id alone does not say,
so both are chosen here when the task is queued. A retry stays in the queue
it came from (Celery re-sends it with the same routing key).
"""

from __future__ import annotations

from django.conf import settings

from sms import selectors
from sms.models import InboundMessage
from sms.screening import screen

# Replies to someone in crisis, and the follow-up after one (sms.sending).
CRISIS_REPLY_KINDS = (InboundMessage.Outcome.CRISIS, InboundMessage.Outcome.FOLLOW_UP)


def reply_queue(kind: str) -> str:
    """The queue for sending a reply of `kind` (an InboundMessage.Outcome)."""
    return settings.TASK_QUEUES["crisis" if kind in CRISIS_REPLY_KINDS else "replies"]


def inbound_queue(body: str, *, follow_up_open: bool = False) -> str:
    """The queue for processing a new text. A text from someone with an open
    crisis follow-up ("please help me", seconds after a crisis text), or one
    the screener calls a crisis, is processed on the crisis queue, ahead of
    every ordinary text waiting: in a burst, a crisis reply queued only at
    sending would first wait behind all of them (make bench: crisis p99
    37 s, as long as any other). The worker decides the reply; this is only
    a head start (about 1 ms of screening). It screens with editors' patterns
    and examples too, as the worker does: editors add them for the crisis
    texts the built-in screener misses, and those must not wait either (one
    cache read while they are unchanged: sms.content_cache)."""
    in_crisis = follow_up_open or screen(body, context=selectors.screening_context()).is_crisis
    return settings.TASK_QUEUES["crisis" if in_crisis else "inbound"]


def inbound_process_enqueue(inbound_id: int, body: str, *, follow_up_open: bool = False) -> None:
    """Queue the processing of a stored text on its queue. Call after commit."""
    from sms.tasks import process_inbound

    process_inbound.apply_async((inbound_id,), queue=inbound_queue(body, follow_up_open=follow_up_open))


def sms_queues() -> list[str]:
    """The queues that hold SMS work (texts and replies), most urgent first."""
    return [settings.TASK_QUEUES[role] for role in ("crisis", "replies", "inbound")]


def reply_send_enqueue(
    outbound_id: int, *, kind: str, countdown: int | None = None, retries: int = 0
) -> None:
    """Queue the sending of reply `outbound_id` on the queue of its `kind`,
    in `countdown` seconds, as attempt `retries` + 1 (the backoff counts
    earlier attempts). Call after commit."""
    from sms.tasks import send_outbound

    send_outbound.apply_async((outbound_id,), queue=reply_queue(kind), countdown=countdown, retries=retries)
