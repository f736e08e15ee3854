"""Nothing lost: crisis alerts retry and happen once; work whose task was lost is queued again."""

import datetime as dt
from smtplib import SMTPException

import pytest
from django.core import mail
from django.utils import timezone

from sms import services
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
        queued = services.stalled_messages_requeue()

    stalled.refresh_from_db()
    assert queued["inbound"] == 1
    assert stalled.outcome == Outcome.ANSWER
    assert stalled.reply.status == OutboundMessage.Status.LOGGED


def test_fresh_pending_work_is_left_alone(sms_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        services.inbound_message_receive(
            message_sid=new_sid(), from_number="+447700900123", to_number="+447700900000", body="signs"
        )

    assert services.stalled_messages_requeue() == {"inbound": 0, "outbound": 0, "alerts": 0}
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
    # A reply whose send task was lost: pending, last touched long ago.
    lost = OutboundMessage.objects.create(
        sender=sent.sender, kind=sent.kind, body="lost reply", encoding="GSM-7", segments=1
    )
    stale_minutes = settings.SMS_SEND_RETRY_BACKOFF_MAX // 60 + 5
    _age(OutboundMessage, lost.pk, updated_at=stale_minutes)
    _age(OutboundMessage, sent.pk, updated_at=stale_minutes)

    with django_capture_on_commit_callbacks(execute=True):
        queued = services.stalled_messages_requeue()

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

    queued = services.stalled_messages_requeue()

    inbound.refresh_from_db()
    assert queued["alerts"] == 1
    assert inbound.oncall_alerted_at is not None
    assert len(mail.outbox) == 1
