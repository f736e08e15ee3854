"""Crisis replies and on-call alerts go first; then other replies; then new
texts; housekeeping last (sms.queues and the settings' CELERY_TASK_ROUTES)."""

from __future__ import annotations

import pytest
from celery import current_app
from django.conf import settings

from sms import queues
from sms.models import InboundMessage
from tests.sms.conftest import GB_NUMBER, new_sid

Outcome = InboundMessage.Outcome
# Another person: a text after a crisis, from the same one, is a follow-up.
OTHER_NUMBER = "+447700900456"


def routed_queue(task_name: str) -> str:
    """The queue Celery routes `task_name` to when no queue is given."""
    return current_app.amqp.router.route({}, task_name)["queue"].name


@pytest.mark.parametrize(
    ("task_name", "role"),
    [
        ("sms.tasks.alert_on_call", "crisis"),
        ("sms.tasks.alert_reply_failed", "crisis"),
        ("sms.tasks.send_outbound", "replies"),
        ("sms.tasks.process_inbound", "inbound"),
        ("sms.tasks.requeue_stalled_messages", "housekeeping"),
        ("sms.tasks.apply_retention", "housekeeping"),
        ("cms.tasks.send_review_reminders", "housekeeping"),
        ("api.tasks.requeue_stalled_webhook_deliveries", "housekeeping"),
    ],
)
def test_tasks_are_routed_to_the_queue_of_their_role(task_name, role):
    assert routed_queue(task_name) == settings.TASK_QUEUES[role]


def test_the_queues_are_four_distinct_ones_most_urgent_first():
    assert list(settings.TASK_QUEUES) == ["crisis", "replies", "inbound", "housekeeping"]
    assert len(set(settings.TASK_QUEUES.values())) == 4


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (Outcome.CRISIS, "crisis"),
        (Outcome.FOLLOW_UP, "crisis"),
        (Outcome.ANSWER, "replies"),
        (Outcome.MENU, "replies"),
        (Outcome.OPT_OUT, "replies"),
        (Outcome.STAFF_REPLY, "replies"),
    ],
)
def test_a_reply_is_sent_from_the_queue_of_its_kind(kind, role):
    assert queues.reply_queue(kind) == settings.TASK_QUEUES[role]


def _record_queues(monkeypatch, task) -> list[tuple[int, str]]:
    """(id, queue) of each time `task` is queued, instead of running it."""
    queued = []
    monkeypatch.setattr(
        task, "apply_async", lambda args, queue, **options: queued.append((args[0], queue)), raising=False
    )
    return queued


@pytest.fixture
def queued_sends(monkeypatch):
    from sms.tasks import send_outbound

    return _record_queues(monkeypatch, send_outbound)


def test_a_reply_is_sent_by_the_worker_that_decided_it_without_queueing(
    text_in, sms_content, twilio_backend, queued_sends
):
    crisis, answer = text_in("i want to die"), text_in("ketamine", sender=OTHER_NUMBER)

    assert queued_sends == []
    assert len(twilio_backend.accepted()) == 2
    assert crisis.reply.twilio_sid and answer.reply.twilio_sid


def test_a_reply_to_retry_is_queued_on_the_queue_of_its_kind(
    text_in, sms_content, twilio_backend, queued_sends
):
    twilio_backend.respond(503, 503)

    crisis, answer = text_in("i want to die"), text_in("ketamine", sender=OTHER_NUMBER)

    assert queued_sends == [
        (crisis.reply.pk, settings.TASK_QUEUES["crisis"]),
        (answer.reply.pk, settings.TASK_QUEUES["replies"]),
    ]


def test_the_sweep_queues_a_lost_crisis_reply_on_the_crisis_queue(
    text_in, sms_content, queued_sends, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from sms import recovery

    crisis, answer = text_in("i want to die"), text_in("ketamine", sender=OTHER_NUMBER)
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    for inbound in (crisis, answer):  # their workers died before sending them
        type(inbound.reply).objects.filter(pk=inbound.reply.pk).update(
            status="pending", twilio_sid=None, next_attempt_at=long_ago
        )

    recovery.stalled_work_requeue()

    assert sorted(queued_sends) == [
        (crisis.reply.pk, settings.TASK_QUEUES["crisis"]),
        (answer.reply.pk, settings.TASK_QUEUES["replies"]),
    ]


@pytest.fixture
def queued_processing(monkeypatch):
    from sms.tasks import process_inbound

    return _record_queues(monkeypatch, process_inbound)


def test_a_text_the_screener_calls_a_crisis_is_processed_on_the_crisis_queue(
    text_in, sms_content, queued_processing
):
    crisis = text_in("cant wake my boyfriend up he did a lot of ketamine")
    ordinary = text_in("what are the effects of ket", sender=OTHER_NUMBER)

    assert queued_processing == [
        (crisis.pk, settings.TASK_QUEUES["crisis"]),
        (ordinary.pk, settings.TASK_QUEUES["inbound"]),
    ]


def test_editors_patterns_and_examples_route_a_text_as_the_worker_reads_it(
    text_in, sms_content, queued_processing
):
    from sms.models import CrisisExample, CrisisPattern

    # Phrasings the built-in screener does not call a crisis: a partner
    # service's code word, and a phrase agreed with one texter.
    CrisisPattern.objects.create(pattern="code purple", category="medical")
    CrisisExample.objects.create(
        text="the usual thing is happening again", level="emergency", category="medical"
    )

    code_word = text_in("CODE PURPLE at the tent")
    agreed = text_in("the usual thing is happening again", sender=OTHER_NUMBER)
    ordinary = text_in("the usual thing is happening at the tent", sender="+447700900789")

    assert queued_processing == [
        (code_word.pk, settings.TASK_QUEUES["crisis"]),
        (agreed.pk, settings.TASK_QUEUES["crisis"]),
        (ordinary.pk, settings.TASK_QUEUES["inbound"]),
    ]


def test_a_text_after_a_crisis_is_processed_on_the_crisis_queue_whatever_it_says(
    text_in, sms_content, monkeypatch
):
    from sms.tasks import process_inbound

    crisis = text_in("i want to die")  # processed: the follow-up is open
    queued = _record_queues(monkeypatch, process_inbound)

    follow_up = text_in("please answer")
    other = text_in("please answer", sender=OTHER_NUMBER)

    assert crisis.outcome == Outcome.CRISIS
    assert queued == [
        (follow_up.pk, settings.TASK_QUEUES["crisis"]),
        (other.pk, settings.TASK_QUEUES["inbound"]),
    ]


def test_the_sweep_queues_a_stalled_crisis_text_on_the_crisis_queue(
    sms_content, queued_processing, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from sms import recovery, services

    with django_capture_on_commit_callbacks(execute=False):  # their tasks were lost
        for number, body in (("+447700900123", "took too many pills"), (OTHER_NUMBER, "ketamine")):
            services.inbound_message_receive(
                message_sid=new_sid(), from_number=number, to_number="+447700900000", body=body
            )
    InboundMessage.objects.update(received_at=timezone.now() - dt.timedelta(minutes=5))

    recovery.stalled_work_requeue()

    crisis, ordinary = InboundMessage.objects.order_by("pk")
    assert sorted(queued_processing) == sorted(
        [(crisis.pk, settings.TASK_QUEUES["crisis"]), (ordinary.pk, settings.TASK_QUEUES["inbound"])]
    )


def test_the_sweep_queues_a_stalled_text_after_a_crisis_on_the_crisis_queue(
    text_in, sms_content, monkeypatch, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from sms import recovery, services
    from sms.tasks import process_inbound

    crisis = text_in("i want to die")  # processed: the follow-up is open
    assert crisis.outcome == Outcome.CRISIS
    queued = _record_queues(monkeypatch, process_inbound)
    with django_capture_on_commit_callbacks(execute=False):  # their tasks were lost
        for number in (GB_NUMBER, OTHER_NUMBER):
            services.inbound_message_receive(
                message_sid=new_sid(), from_number=number, to_number="+447700900000", body="please answer"
            )
    InboundMessage.objects.filter(outcome=Outcome.PENDING).update(
        received_at=timezone.now() - dt.timedelta(minutes=5)
    )

    recovery.stalled_work_requeue()

    follow_up, other = InboundMessage.objects.filter(outcome=Outcome.PENDING).order_by("pk")
    assert sorted(queued) == sorted(
        [(follow_up.pk, settings.TASK_QUEUES["crisis"]), (other.pk, settings.TASK_QUEUES["inbound"])]
    )
