"""Which queue a reply is sent from: a crisis reply goes ahead of everything.

The queues and the routes of the other tasks are in the settings
(TASK_QUEUES, CELERY_TASK_ROUTES). A reply's queue depends on what the reply
is, which the task's id alone does not say, so it is chosen here when the
send is queued. A retry stays in the queue it came from (Celery re-sends it
with the same routing key).
"""

from __future__ import annotations

from django.conf import settings

from sms.models import InboundMessage, OutboundMessage

# Replies to someone in crisis, and the follow-up after one (sms.sending).
CRISIS_REPLY_KINDS = (InboundMessage.Outcome.CRISIS, InboundMessage.Outcome.FOLLOW_UP)


def reply_queue(kind: str) -> str:
    """The queue for sending a reply of `kind` (an InboundMessage.Outcome)."""
    return settings.TASK_QUEUES["crisis" if kind in CRISIS_REPLY_KINDS else "replies"]


def sms_queues() -> list[str]:
    """The queues that hold SMS work (texts and replies), most urgent first."""
    return [settings.TASK_QUEUES[role] for role in ("crisis", "replies", "inbound")]


def reply_send_enqueue(outbound: OutboundMessage) -> None:
    """Queue the sending of `outbound` on its queue. Call after commit."""
    from sms.tasks import send_outbound

    send_outbound.apply_async((outbound.pk,), queue=reply_queue(outbound.kind))
