"""Sending with the real twilio SDK against a local fake Twilio server."""

import datetime as dt

import pytest
from django.utils import timezone

from sms import sending
from sms.models import InboundMessage, OutboundMessage, Sender
from sms.tasks import send_outbound
from tests.sms.conftest import GB_NUMBER, STATUS_PATH, sign

pytestmark = pytest.mark.django_db
Status = OutboundMessage.Status


def test_reply_is_sent_through_the_twilio_sdk(text_in, sms_content, twilio_backend, settings):
    inbound = text_in("ketamine")

    [request] = twilio_backend.messages()
    assert request.path == f"/2010-04-01/Accounts/{settings.TWILIO_ACCOUNT_SID}/Messages.json"
    assert request.basic_auth_user == settings.TWILIO_ACCOUNT_SID
    assert request.form["To"] == GB_NUMBER
    assert request.form["From"] == settings.TWILIO_FROM_NUMBER
    assert request.form["Body"] == inbound.reply.body
    assert request.form["StatusCallback"] == "https://helpline.test/sms/twilio/status/"
    outbound = OutboundMessage.objects.get()
    assert outbound.twilio_sid.startswith("SM")
    assert outbound.status == Status.QUEUED
    assert outbound.attempts == 1


def test_messaging_service_sid_is_used_when_set(text_in, sms_content, twilio_backend, settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG00000000000000000000000000000000"

    text_in("ketamine")

    [request] = twilio_backend.messages()
    assert request.form["MessagingServiceSid"] == settings.TWILIO_MESSAGING_SERVICE_SID
    assert "From" not in request.form


@pytest.mark.parametrize("failure", [429, 500, 503])
def test_retryable_errors_are_retried_and_sent_once(text_in, sms_content, twilio_backend, failure):
    twilio_backend.respond(failure, failure, 201)

    text_in("ketamine")

    assert len(twilio_backend.messages()) == 3
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.QUEUED
    assert outbound.twilio_sid
    assert outbound.attempts == 3


def test_retries_are_bounded(text_in, sms_content, twilio_backend, settings):
    settings.SMS_SEND_MAX_RETRIES = 2
    twilio_backend.respond(*[500] * 10)

    text_in("ketamine")

    assert len(twilio_backend.messages()) == 3  # first try + 2 retries
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert outbound.twilio_sid is None
    assert "500" in outbound.error_message
    inbound = InboundMessage.objects.get()
    assert inbound.needs_follow_up
    assert inbound.follow_up_reason.startswith("Reply could not be sent")


def test_a_retry_records_when_it_is_due(text_in, sms_content, twilio_backend, monkeypatch):
    monkeypatch.setattr(sending, "retry_delay", lambda **kwargs: 120)
    twilio_backend.respond(500, 201)
    before = timezone.now()

    text_in("ketamine")

    outbound = OutboundMessage.objects.get()
    assert outbound.twilio_sid  # sent by the (eager) retry
    assert outbound.next_attempt_at >= before + dt.timedelta(seconds=120)


def test_a_crisis_reply_that_cannot_be_sent_alerts_on_call_once(
    text_in, sms_content, twilio_backend, settings
):
    from django.core import mail

    from sms import services

    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    settings.SMS_SEND_MAX_RETRIES = 1
    twilio_backend.respond(*[503] * 5)

    inbound = text_in("i want to die")

    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert outbound.failure_alerted_at is not None
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 2  # the crisis alert and the failed reply
    assert any("Crisis reply NOT sent" in subject for subject in subjects)
    assert all(inbound.sender.phone not in message.body for message in mail.outbox)
    assert services.reply_failure_alert_send(outbound_id=outbound.pk) is False
    assert len(mail.outbox) == 2


def test_an_ordinary_reply_that_cannot_be_sent_is_flagged_without_an_alert(
    text_in, sms_content, twilio_backend, settings
):
    from django.core import mail

    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    twilio_backend.respond((400, 21211))

    inbound = text_in("ketamine")

    inbound.refresh_from_db()
    assert inbound.needs_follow_up
    assert mail.outbox == []


@pytest.mark.parametrize(("status", "code"), [(400, 21211), (401, 20003), (404, 20404)])
def test_other_4xx_are_not_retried(text_in, sms_content, twilio_backend, status, code):
    twilio_backend.respond((status, code))

    text_in("ketamine")

    assert len(twilio_backend.messages()) == 1
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert outbound.error_code == str(code)


def test_twilio_error_texts_naming_the_number_are_stored_masked(text_in, sms_content, twilio_backend):
    twilio_backend.respond((400, 21211))

    text_in("ketamine")

    error = OutboundMessage.objects.get().error_message
    assert "21211" in error
    assert "is not a valid phone number" in error
    assert GB_NUMBER not in error
    assert GB_NUMBER[-3:] in error  # masked, as staff see numbers: the last digits only


def test_21610_marks_the_sender_opted_out(text_in, sms_content, twilio_backend):
    twilio_backend.respond((400, 21610))

    text_in("ketamine")

    assert len(twilio_backend.messages()) == 1
    assert Sender.objects.get().opted_out is True
    assert OutboundMessage.objects.get().error_code == "21610"
    # Nothing more is sent to them.
    assert text_in("signs").outcome == InboundMessage.Outcome.IGNORED_OPTED_OUT
    assert len(twilio_backend.messages()) == 1


def test_connection_errors_are_retried(text_in, sms_content, twilio_backend, settings, fake_twilio):
    from tests.sms.fake_twilio import FakeTwilio

    # Nothing listens on the first port: connection refused, then the real fake answers.
    dead = FakeTwilio().start()
    dead_url = dead.base_url
    dead.stop()
    settings.TWILIO_API_BASE_URL = dead_url
    settings.SMS_SEND_MAX_RETRIES = 1

    text_in("ketamine")

    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert outbound.attempts == 2
    assert "connection" in outbound.error_message

    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    OutboundMessage.objects.filter(pk=outbound.pk).update(status=Status.PENDING)
    send_outbound.delay(outbound.pk)
    assert OutboundMessage.objects.get().twilio_sid


def test_a_redelivered_task_does_not_send_twice(text_in, sms_content, twilio_backend):
    text_in("ketamine")
    outbound = OutboundMessage.objects.get()

    send_outbound.delay(outbound.pk)
    send_outbound.apply(args=[outbound.pk], retries=1)

    assert len(twilio_backend.messages()) == 1
    assert OutboundMessage.objects.get().attempts == 1


def test_a_send_in_progress_elsewhere_is_left_alone(text_in, sms_content, twilio_backend):
    twilio_backend.respond(500)
    text_in("ketamine")  # the retry runs eagerly, so force the claim back
    OutboundMessage.objects.update(status=Status.SENDING, twilio_sid=None, send_started_at=timezone.now())
    sent_before = len(twilio_backend.messages())

    send_outbound.delay(OutboundMessage.objects.get().pk)

    assert len(twilio_backend.messages()) == sent_before
    assert OutboundMessage.objects.get().status == Status.SENDING


def test_a_stale_claim_is_flagged_not_resent(text_in, sms_content, twilio_backend):
    inbound = text_in("ketamine")
    OutboundMessage.objects.update(
        status=Status.SENDING, twilio_sid=None, send_started_at=timezone.now() - dt.timedelta(hours=1)
    )

    send_outbound.delay(inbound.reply.pk)

    assert len(twilio_backend.messages()) == 1
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED and outbound.error_code == "lost"
    assert InboundMessage.objects.get().needs_follow_up


def test_a_reply_is_not_sent_after_the_sender_opted_out(
    text_in, sms_content, twilio_backend, django_capture_on_commit_callbacks
):
    from sms.services import inbound_message_process

    inbound = text_in("ketamine")
    OutboundMessage.objects.all().delete()
    InboundMessage.objects.filter(pk=inbound.pk).update(outcome=InboundMessage.Outcome.PENDING)
    reply = inbound_message_process(inbound_id=inbound.pk)
    Sender.objects.update(opted_out=True)
    sending.outbound_message_send(outbound_id=reply.pk)

    assert len(twilio_backend.messages()) == 1  # only the first reply
    assert OutboundMessage.objects.get().status == Status.FAILED


def test_retry_delay_is_exponential_jittered_and_capped(settings):
    settings.SMS_SEND_RETRY_BACKOFF_MAX = 30
    fresh = dt.timedelta(seconds=1)
    for retries in range(12):
        for crisis, cap in ((False, 30), (True, sending.CRISIS_RETRY_BACKOFF_MAX_SECONDS)):
            ceiling = min(cap, sending.RETRY_BACKOFF_FACTOR_SECONDS * 2**retries)
            values = {sending.retry_delay(retries=retries, age=fresh, crisis=crisis) for _ in range(50)}
            assert all(0 <= value <= ceiling for value in values)
    assert len({sending.retry_delay(retries=5, age=fresh, crisis=False) for _ in range(50)}) > 1


def test_retries_ride_out_a_five_minute_outage_then_stop_at_the_window(settings):
    # The defaults: retries enough to outlast a 5-minute Twilio outage (full
    # jitter waits half the ceiling on average)...
    expected_wait = sum(
        min(settings.SMS_SEND_RETRY_BACKOFF_MAX, sending.RETRY_BACKOFF_FACTOR_SECONDS * 2**n) / 2
        for n in range(settings.SMS_SEND_MAX_RETRIES)
    )
    assert settings.SMS_SEND_RETRY_WINDOW_SECONDS >= 5 * 60 and expected_wait >= 2 * 5 * 60
    # ...and no more once the window has passed, or the count is spent.
    late = dt.timedelta(seconds=settings.SMS_SEND_RETRY_WINDOW_SECONDS)
    assert sending.retry_delay(retries=3, age=late, crisis=True) is None
    spent = settings.SMS_SEND_MAX_RETRIES
    assert sending.retry_delay(retries=spent, age=dt.timedelta(0), crisis=False) is None


def test_the_retries_wait_a_backoff_countdown(text_in, sms_content, twilio_backend, monkeypatch):
    countdowns = []

    def spy(method):
        original = getattr(send_outbound, method)

        def spied(*args, **kwargs):
            countdowns.append((method, kwargs.get("countdown"), kwargs.get("retries")))
            return original(*args, **kwargs)

        return spied

    for method in ("apply_async", "retry"):
        monkeypatch.setattr(send_outbound, method, spy(method))
    twilio_backend.respond(429, 429, 201)

    text_in("ketamine")

    # The processing worker's own attempt failed: the first retry is queued
    # as attempt 2; it failed too, and the task retries itself.
    assert [(method, retries) for method, _, retries in countdowns] == [("apply_async", 1), ("retry", None)]
    assert all(isinstance(value, int) and value >= 0 for _, value, _ in countdowns)
    assert OutboundMessage.objects.get().attempts == 3


# --- Status callbacks ----------------------------------------------------------


def _status_post(client, data, signed=True):
    headers = {"HTTP_X_TWILIO_SIGNATURE": sign(STATUS_PATH, data)} if signed else {}
    return client.post(STATUS_PATH, data, **headers)


@pytest.fixture
def sent(text_in, sms_content, twilio_backend):
    text_in("ketamine")
    return OutboundMessage.objects.get()


@pytest.mark.parametrize("status", ["sent", "delivered", "undelivered", "failed"])
def test_status_callback_updates_the_record(client, sent, status):
    response = _status_post(client, {"MessageSid": sent.twilio_sid, "MessageStatus": status})

    assert response.status_code == 200
    assert OutboundMessage.objects.get().status == status


def test_status_callback_does_not_go_backwards(client, sent):
    _status_post(client, {"MessageSid": sent.twilio_sid, "MessageStatus": "delivered"})
    _status_post(client, {"MessageSid": sent.twilio_sid, "MessageStatus": "sent"})

    assert OutboundMessage.objects.get().status == Status.DELIVERED


def test_status_callback_records_error_codes(client, sent):
    _status_post(
        client, {"MessageSid": sent.twilio_sid, "MessageStatus": "undelivered", "ErrorCode": "30003"}
    )

    assert OutboundMessage.objects.get().error_code == "30003"


def test_status_callback_fields_with_control_characters_are_read_as_meant(client, sent):
    response = _status_post(
        client,
        {
            "MessageSid": sent.twilio_sid + "\x00",
            "MessageStatus": "undelivered\x00",
            "ErrorCode": "30003\x00",
        },
    )

    assert response.status_code == 200
    outbound = OutboundMessage.objects.get()
    assert (outbound.status, outbound.error_code) == ("undelivered", "30003")


def test_status_callback_unknown_sid_changes_nothing(client, sent):
    before = OutboundMessage.objects.values().get()

    response = _status_post(client, {"MessageSid": "SM" + "f" * 32, "MessageStatus": "delivered"})

    assert response.status_code == 200
    assert OutboundMessage.objects.values().get() == before


def test_status_callback_needs_a_valid_signature(client, sent):
    data = {"MessageSid": sent.twilio_sid, "MessageStatus": "delivered"}

    assert _status_post(client, data, signed=False).status_code == 403
    bad = client.post(STATUS_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign("/sms/twilio/inbound/", data))
    assert bad.status_code == 403
    assert OutboundMessage.objects.get().status == Status.QUEUED


def test_status_callback_missing_fields(client, sent):
    assert _status_post(client, {"MessageSid": sent.twilio_sid}).status_code == 400


def test_redelivered_processing_sends_a_reply_that_was_never_sent(text_in, sms_content, twilio_backend):
    from sms.tasks import process_inbound

    text_in("ketamine")
    outbound = OutboundMessage.objects.get()
    twilio_backend.requests.clear()
    # As if a worker died after committing the reply but before sending it.
    OutboundMessage.objects.filter(pk=outbound.pk).update(status=Status.PENDING, twilio_sid=None, attempts=0)

    process_inbound.apply(args=[outbound.inbound_id])
    process_inbound.apply(args=[outbound.inbound_id])

    assert len(twilio_backend.messages()) == 1
    assert OutboundMessage.objects.get().twilio_sid
    assert OutboundMessage.objects.count() == 1


def test_a_dropped_connection_after_sending_is_not_retried_but_flagged(text_in, sms_content, twilio_backend):
    from tests.sms.fake_twilio import DROP

    # Twilio got the request but the answer never came: a retry could double-send.
    twilio_backend.respond(DROP)

    inbound = text_in("ketamine")

    assert len(twilio_backend.messages()) == 1
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert outbound.error_code == "unknown"
    inbound.refresh_from_db()
    assert inbound.needs_follow_up
    assert "may not have been sent" in inbound.follow_up_reason


def test_an_unexpected_error_fails_the_record_and_is_not_retried(
    text_in, sms_content, twilio_backend, monkeypatch
):
    from sms import client

    calls = []

    def broken(**kwargs):
        calls.append(kwargs)
        raise RuntimeError("bug")

    monkeypatch.setattr(client, "send", broken)

    inbound = text_in("ketamine")

    assert len(calls) == 1
    outbound = OutboundMessage.objects.get()
    assert outbound.status == Status.FAILED
    assert "RuntimeError" in outbound.error_message
    inbound.refresh_from_db()
    assert inbound.needs_follow_up


def test_processing_is_retried_on_a_database_hiccup(text_in, sms_content, eager_retries, monkeypatch):
    from django.db import OperationalError

    from sms import services

    real = services.inbound_message_process
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(services, "inbound_message_process", flaky)

    inbound = text_in("ketamine")

    assert len(calls) == 2
    assert inbound.outcome == InboundMessage.Outcome.ANSWER
    assert OutboundMessage.objects.count() == 1
