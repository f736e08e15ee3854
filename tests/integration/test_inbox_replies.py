"""Staff replies and WhatsApp through the real pipeline: the admin's reply
box -> PostgreSQL -> Redis -> a real Celery worker -> the real twilio SDK ->
the local fake Twilio, which must receive each message exactly once, with
the right From, To and body. Also prints what one staff reply costs."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from cms.models import Helpline
from sms.models import InboundMessage, OutboundMessage, Sender
from tests.integration.conftest import wait_for, worker_sends_to_fake_twilio
from tests.sms.conftest import GB_NUMBER, INBOUND_PATH, new_sid, sign
from tests.sms.privacy_helpers import make_staff

pytestmark = pytest.mark.django_db(transaction=True)

SMS_FROM = "+15005550006"  # config/settings/test.py's TWILIO_FROM_NUMBER, which the worker uses
WHATSAPP_FROM = "+14155238886"


# The worker learns the WhatsApp sender from its environment too.
worker_sends_to_fake_twilio(TWILIO_WHATSAPP_FROM=WHATSAPP_FROM)


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff("view_inboundmessage", "change_inboundmessage"))
    return client


def _text_in(client, body: str, *, sender: str) -> None:
    data = {"MessageSid": new_sid(), "From": sender, "To": "+447700900000", "Body": body}
    response = client.post(INBOUND_PATH, data, HTTP_X_TWILIO_SIGNATURE=sign(INBOUND_PATH, data))
    assert response.status_code == 200


def _sent(fake, count: int) -> list:
    wait_for(lambda: len(fake.accepted()) >= count, timeout=30)
    time.sleep(1.0)  # room for a wrong extra send to arrive
    return fake.messages()


def _staff_reply(client, sender: Sender, body: str):
    form = {"action": "reply", "body": body, "form_key": new_sid()}
    url = reverse("sms_inbox_thread", args=[sender.pk])
    started = time.monotonic()
    first = client.post(url, form)
    again = client.post(url, form)  # the same form posted twice: still one reply
    assert first.status_code == again.status_code == 302
    return started


def test_a_staff_reply_reaches_twilio_once_from_our_number(live_celery, fake, staff_client):
    Helpline.objects.create(name="Samaritans", country="GB", category="crisis", phone_number="116 123")
    _text_in(staff_client, "i took all my pills and i feel like im going to pass out", sender=GB_NUMBER)
    [emergency] = _sent(fake, 1)
    assert emergency.form["Body"].startswith("Call 999")
    sender = Sender.objects.get()

    started = _staff_reply(staff_client, sender, "I'm Sam from the helpline. Have you called 999?")
    wait_for(lambda: len(fake.accepted()) >= 2, timeout=30, interval=0.02)
    elapsed = time.monotonic() - started

    messages = _sent(fake, 2)
    assert len(messages) == 2
    reply = messages[1]
    assert (reply.form["From"], reply.form["To"], reply.form["Body"]) == (
        SMS_FROM,
        GB_NUMBER,
        "I'm Sam from the helpline. Have you called 999?",
    )
    outbound = OutboundMessage.objects.get(kind=InboundMessage.Outcome.STAFF_REPLY)
    assert outbound.twilio_sid and outbound.attempts == 1
    assert elapsed < 10
    print(f"\nstaff reply: POST to fake Twilio through the worker in {elapsed:.2f} s")  # noqa: T201


def test_a_whatsapp_message_is_answered_on_whatsapp_and_so_is_a_staff_reply(live_celery, fake, staff_client):
    Helpline.objects.create(name="FRANK", country="GB", category="drugs", phone_number="0300 123 6600")
    _text_in(staff_client, "hello", sender=f"whatsapp:{GB_NUMBER}")
    [automatic] = _sent(fake, 1)
    assert (automatic.form["From"], automatic.form["To"]) == (
        f"whatsapp:{WHATSAPP_FROM}",
        f"whatsapp:{GB_NUMBER}",
    )
    assert automatic.form["Body"].startswith("Text us a question about a drug")
    sender = Sender.objects.get(channel="whatsapp")

    _staff_reply(staff_client, sender, "Hi, I'm Sam. What would you like to know?")

    messages = _sent(fake, 2)
    assert len(messages) == 2
    assert (messages[1].form["From"], messages[1].form["To"], messages[1].form["Body"]) == (
        f"whatsapp:{WHATSAPP_FROM}",
        f"whatsapp:{GB_NUMBER}",
        "Hi, I'm Sam. What would you like to know?",
    )
