"""Nothing lost: crisis alerts retry and happen once; work whose task was lost is queued again."""

import datetime as dt
from smtplib import SMTPException

import pytest
from django.core import mail
from django.utils import timezone

from sms import recovery, sending, services
from sms.models import InboundMessage, OutboundMessage
from tests.sms.conftest import new_sid

pytestmark = pytest.mark.django_db

Outcome = InboundMessage.Outcome


@pytest.fixture
def oncall(settings):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]


def _age(model, pk, **fields_minutes_ago):
    """Move a row's timestamps into the past (auto_now fields need update())."""
    model.objects.filter(pk=pk).update(
        **{field: timezone.now() - dt.timedelta(minutes=m) for field, m in fields_minutes_ago.items()}
    )


def test_crisis_alert_is_recorded_and_sent_once(text_in, sms_content, oncall):
    inbound = text_in("I want to die")
    inbound.refresh_from_db()

    assert inbound.oncall_alerted_at is not None
    assert len(mail.outbox) == 1
    assert services.oncall_alert_send(inbound_id=inbound.pk) is False
    assert len(mail.outbox) == 1


def test_crisis_alert_is_retried_until_the_mail_server_takes_it(
    text_in, sms_content, oncall, monkeypatch, eager_retries
):
    real_send_mail, calls = services.send_mail, []

    def flaky_send_mail(**kwargs):
        calls.append(kwargs)
        if len(calls) < 3:
            raise SMTPException("mail server down")
        return real_send_mail(**kwargs)

    monkeypatch.setattr(services, "send_mail", flaky_send_mail)

    inbound = text_in("I want to die")

    inbound.refresh_from_db()
    assert len(calls) == 3
    assert len(mail.outbox) == 1
    assert inbound.oncall_alerted_at is not None


def test_an_undeliverable_crisis_alert_never_blocks_the_reply(
    text_in, sms_content, oncall, monkeypatch, eager_retries
):
    def broken_send_mail(**kwargs):
        raise SMTPException("mail server down")

    monkeypatch.setattr(services, "send_mail", broken_send_mail)

    inbound = text_in("I want to die")

    inbound.refresh_from_db()
    assert inbound.outcome == Outcome.CRISIS
    assert inbound.oncall_alerted_at is None  # left for the sweep
    assert inbound.reply.status == OutboundMessage.Status.LOGGED


def test_stalled_text_is_processed_and_answered_after_requeue(
    sms_content, django_capture_on_commit_callbacks
):
    # Stored by the webhook, but its task never reached a worker.
    with django_capture_on_commit_callbacks(execute=False):
        services.inbound_message_receive(
            message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body="signs"
        )
    stalled = InboundMessage.objects.get()
    assert stalled.outcome == Outcome.PENDING
    _age(InboundMessage, stalled.pk, received_at=5)

    with django_capture_on_commit_callbacks(execute=True):
        queued = recovery.stalled_work_requeue()

    stalled.refresh_from_db()
    assert queued["inbound"] == 1
    assert stalled.outcome == Outcome.ANSWER
    assert stalled.reply.status == OutboundMessage.Status.LOGGED


def test_fresh_pending_work_is_left_alone(sms_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        services.inbound_message_receive(
            message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body="signs"
        )

    assert recovery.stalled_work_requeue() == {"inbound": 0, "outbound": 0, "stale_claims": 0, "alerts": 0}
    assert InboundMessage.objects.get().outcome == Outcome.PENDING


def test_stalled_reply_is_sent_once_and_a_sent_one_never_again(
    sms_content, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        services.inbound_message_receive(
            message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body="signs"
        )
    sent = OutboundMessage.objects.get()
    assert sent.status == OutboundMessage.Status.LOGGED
    # A reply whose send task was lost: pending, its attempt overdue.
    lost = OutboundMessage.objects.create(
        sender=sent.sender, kind=sent.kind, body="lost reply", encoding="GSM-7", segments=1
    )
    _age(OutboundMessage, lost.pk, next_attempt_at=1)
    _age(OutboundMessage, sent.pk, next_attempt_at=1)

    with django_capture_on_commit_callbacks(execute=True):
        queued = recovery.stalled_work_requeue()

    lost.refresh_from_db()
    sent.refresh_from_db()
    assert queued["outbound"] == 1
    assert lost.status == OutboundMessage.Status.LOGGED
    assert lost.attempts == 1
    assert sent.attempts == 1


def test_lost_crisis_alert_is_sent_by_the_sweep(text_in, sms_content, oncall, settings):
    settings.SMS_ONCALL_EMAILS = []  # as if the alert task had been lost
    inbound = text_in("took too much")
    assert inbound.oncall_alerted_at is None
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    _age(InboundMessage, inbound.pk, processed_at=10)

    queued = recovery.stalled_work_requeue()

    inbound.refresh_from_db()
    assert queued["alerts"] == 1
    assert inbound.oncall_alerted_at is not None
    assert len(mail.outbox) == 1


def test_a_retry_that_is_not_due_yet_is_left_alone(sms_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.inbound_message_receive(
            message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body="signs"
        )
    waiting = OutboundMessage.objects.get()
    OutboundMessage.objects.filter(pk=waiting.pk).update(
        status=OutboundMessage.Status.PENDING, next_attempt_at=timezone.now() + dt.timedelta(minutes=5)
    )

    assert recovery.stalled_work_requeue()["outbound"] == 0


def test_a_worker_that_died_mid_send_is_found_by_the_sweep_and_flagged(text_in, sms_content):
    inbound = text_in("signs")
    OutboundMessage.objects.filter(pk=inbound.reply.pk).update(
        status=OutboundMessage.Status.SENDING,
        send_started_at=timezone.now() - sending.STALE_CLAIM_AFTER - dt.timedelta(seconds=1),
    )

    queued = recovery.stalled_work_requeue()

    inbound.refresh_from_db()
    assert queued["stale_claims"] == 1
    assert inbound.reply.status == OutboundMessage.Status.FAILED
    assert inbound.reply.error_code == "lost"
    assert inbound.needs_follow_up


def test_a_send_in_progress_is_not_a_stale_claim(text_in, sms_content):
    inbound = text_in("signs")
    OutboundMessage.objects.filter(pk=inbound.reply.pk).update(
        status=OutboundMessage.Status.SENDING, send_started_at=timezone.now()
    )

    assert recovery.stalled_work_requeue()["stale_claims"] == 0


@pytest.fixture
def private_queue(settings):
    """The queues pointed at queues of this test's own on the test broker
    (Redis), deleted afterwards; yields the one for new texts."""
    from celery import current_app

    from tests.conftest import redis_available, require_service

    require_service(bool(settings.REDIS_URL) and redis_available(), "needs Redis (REDIS_URL) as the broker")
    prefix = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-recovery-{new_sid()[-8:]}"
    settings.TASK_QUEUES = {role: f"{prefix}-{role}" for role in settings.TASK_QUEUES}
    yield settings.TASK_QUEUES["inbound"]
    with current_app.connection_for_write() as connection:
        for name in settings.TASK_QUEUES.values():
            connection.default_channel.queue_delete(name)


def _queue_without_running(task_name: str, pk: int, *, role: str = "inbound") -> None:
    """Put a task in the broker's queue: send_task ignores eager mode (and says so)."""
    import warnings

    from celery import current_app
    from django.conf import settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        current_app.send_task(task_name, args=[pk], queue=settings.TASK_QUEUES[role])


def test_waiting_tasks_counts_what_is_in_the_queue(private_queue):
    assert recovery.waiting_tasks() == 0
    for pk in (1, 2, 3):
        _queue_without_running("sms.tasks.process_inbound", pk)
    # Replies count too, crisis or not; housekeeping does not.
    _queue_without_running("sms.tasks.send_outbound", 4, role="replies")
    _queue_without_running("sms.tasks.send_outbound", 5, role="crisis")
    _queue_without_running("sms.tasks.apply_retention", 6, role="housekeeping")

    assert recovery.waiting_tasks() == 5


def test_overdue_texts_that_may_all_still_be_queued_are_not_queued_again(
    private_queue, sms_content, django_capture_on_commit_callbacks
):
    # A backlog: both texts' tasks wait in the broker, behind others.
    with django_capture_on_commit_callbacks(execute=False):
        for body in ("signs", "effects"):
            services.inbound_message_receive(
                message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body=body
            )
    for inbound in InboundMessage.objects.all():
        _queue_without_running("sms.tasks.process_inbound", inbound.pk)
        _age(InboundMessage, inbound.pk, received_at=1)

    assert recovery.stalled_work_requeue()["inbound"] == 0

    # The broker restarted empty: the texts cannot be in it any more.
    with recovery.current_app.connection_for_write() as connection:
        connection.default_channel.queue_purge(private_queue)

    with django_capture_on_commit_callbacks(execute=True):
        queued = recovery.stalled_work_requeue()

    assert queued["inbound"] == 2
    assert set(InboundMessage.objects.values_list("outcome", flat=True)) == {Outcome.ANSWER}


def test_the_sweep_is_a_few_indexed_queries(django_assert_num_queries, settings):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]

    # Overdue texts, overdue replies, stale claims, unalerted crises, failed crisis replies.
    with django_assert_num_queries(5):
        recovery.stalled_work_requeue()
