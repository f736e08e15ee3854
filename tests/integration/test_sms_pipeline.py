"""A text's whole journey: signed webhook POST -> PostgreSQL -> Redis -> a
real Celery worker process -> the real twilio SDK -> a local fake Twilio
server, which must receive exactly one message with the expected body."""

from __future__ import annotations

import time

import pytest

from cms.models import Helpline
from sms.models import InboundMessage, OutboundMessage
from tests.integration.conftest import wait_for, worker_sends_to_fake_twilio
from tests.sms.conftest import GB_NUMBER, INBOUND_PATH, new_sid, publish_answers, sign

pytestmark = pytest.mark.django_db(transaction=True)


worker_sends_to_fake_twilio()


def test_a_natural_question_is_answered_once_with_the_approved_text_through_the_worker(
    live_celery, fake, client, topic_page
):
    Helpline.objects.create(
        name="FRANK", country="GB", category="drugs", phone_number="0300 123 6600", is_24_7=True
    )
    publish_answers(
        topic_page, {"signs": "Signs of regular ketamine use: needing to wee often, pain, cramps."}
    )
    # A later draft, not yet approved, is never sent.
    draft = topic_page.get_latest_revision_as_object()
    draft.sms_answers.first().text = "An unreviewed draft."
    draft.save_revision()
    question = "how can i tell if my son is on ket"
    data = {"MessageSid": new_sid(), "From": GB_NUMBER, "To": "+447700900000", "Body": question}
    headers = {"HTTP_X_TWILIO_SIGNATURE": sign(INBOUND_PATH, data)}

    response = client.post(INBOUND_PATH, data, **headers)
    # Twilio re-delivering the same message must not produce a second reply.
    duplicate = client.post(INBOUND_PATH, data, **headers)

    assert response.status_code == duplicate.status_code == 200
    assert response.content.decode().strip().endswith("<Response />")
    outbound = wait_for(lambda: OutboundMessage.objects.filter(twilio_sid__isnull=False).first(), timeout=30)
    time.sleep(1.0)  # room for a wrong second send to arrive
    [message] = fake.messages()
    expected = (
        "Signs of regular ketamine use: needing to wee often, pain, cramps.\nFRANK: call 0300 123 6600 (24/7)"
    )
    assert message.form["Body"] == expected
    assert message.form["To"] == GB_NUMBER
    assert message.form["StatusCallback"] == "https://helpline.test/sms/twilio/status/"
    assert outbound.body == expected
    assert outbound.status == OutboundMessage.Status.QUEUED
    inbound = InboundMessage.objects.get()
    assert inbound.outcome == InboundMessage.Outcome.ANSWER
    assert (inbound.topic_id, inbound.intent.slug) == (topic_page.pk, "signs")


def test_a_retryable_twilio_error_is_retried_by_the_worker(live_celery, fake, client, settings):
    fake.respond(503)
    Helpline.objects.create(name="FRANK", country="GB", category="drugs", phone_number="0300 123 6600")
    data = {"MessageSid": new_sid(), "From": GB_NUMBER, "To": "+447700900000", "Body": "hello"}

    client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    # The first retry waits 0-5 s (full jitter).
    outbound = wait_for(lambda: OutboundMessage.objects.filter(twilio_sid__isnull=False).first(), timeout=30)
    assert len(fake.messages()) == 2
    assert outbound.attempts == 2
    assert outbound.body.startswith("Text us a question about a drug")


def test_a_paraphrased_emergency_gets_the_emergency_reply_and_a_follow_up_through_the_worker(
    live_celery, fake, client
):
    from sms.models import FollowUp

    Helpline.objects.create(name="Samaritans", country="GB", category="crisis", phone_number="116 123")
    body = "my boyf did loads of k n now i cant get him to wake up, hes making a weird snoring noise"
    data = {"MessageSid": new_sid(), "From": GB_NUMBER, "To": "+447700900000", "Body": body}

    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))

    assert response.status_code == 200
    wait_for(lambda: OutboundMessage.objects.filter(twilio_sid__isnull=False).exists(), timeout=30)
    [message] = fake.messages()
    assert message.form["Body"].startswith("Call 999 or 112 now")
    assert "Samaritans: call 116 123" in message.form["Body"]
    inbound = InboundMessage.objects.get()
    assert inbound.outcome == InboundMessage.Outcome.CRISIS
    assert inbound.screening_level == "emergency"
    follow_up = FollowUp.objects.get()
    assert follow_up.level == "emergency" and follow_up.handled_at is None
    assert list(follow_up.messages.all()) == [inbound]
