"""Fixtures for the SMS tests: helplines, SMS answers, signed webhook posts, and
a local fake Twilio API server that the real twilio SDK talks to."""

from __future__ import annotations

import itertools

import pytest
from django.conf import settings
from twilio.request_validator import RequestValidator

from cms.models import Helpline, SmsIntent, TopicSmsAnswer
from cms.models.sms_answers import builtin_intents_ensure
from sms.models import SmsSettings
from tests.sms.fake_twilio import FakeTwilio

INBOUND_PATH = "/sms/twilio/inbound/"
STATUS_PATH = "/sms/twilio/status/"
GB_NUMBER = "+447700900123"
US_NUMBER = "+12025550123"

_sids = itertools.count(1)


def new_sid() -> str:
    return f"SM{next(_sids):032x}"


def sign(path: str, data: dict, *, token: str | None = None, base: str | None = None) -> str:
    url = (base or settings.PUBLIC_BASE_URL) + path
    return RequestValidator(token or settings.TWILIO_AUTH_TOKEN).compute_signature(url, data)


@pytest.fixture
def post_signed(client):
    """POST form data to a webhook with a valid X-Twilio-Signature."""

    def _post(path: str, data: dict, **kwargs):
        return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=sign(path, data), **kwargs)

    return _post


@pytest.fixture
def text_in(post_signed, django_capture_on_commit_callbacks):
    """Send one text through the webhook and run the queued tasks (eagerly)."""

    def _text(body: str, *, sender: str = GB_NUMBER, sid: str | None = None):
        data = {"MessageSid": sid or new_sid(), "From": sender, "To": "+447700900000", "Body": body}
        with django_capture_on_commit_callbacks(execute=True):
            response = post_signed(INBOUND_PATH, data)
        assert response.status_code == 200, response.content
        from sms.models import InboundMessage

        return InboundMessage.objects.select_related("reply").get(message_sid=data["MessageSid"])

    return _text


@pytest.fixture
def helplines(db):
    return {
        "gb_drugs": Helpline.objects.create(
            name="FRANK",
            country="GB",
            category="drugs",
            phone_number="0300 123 6600",
            text_number="82111",
            is_24_7=True,
            sort_order=10,
        ),
        "gb_drugs_second": Helpline.objects.create(
            name="Second GB line", country="GB", category="drugs", phone_number="0800 000 000", sort_order=50
        ),
        "gb_emergency": Helpline.objects.create(
            name="Emergency services",
            country="GB",
            category="emergency",
            is_emergency=True,
            phone_number="999",
            is_24_7=True,
            sort_order=1,
        ),
        "gb_crisis": Helpline.objects.create(
            name="Samaritans", country="GB", category="crisis", phone_number="116 123", is_24_7=True
        ),
        "us_drugs": Helpline.objects.create(
            name="SAMHSA", country="US", category="drugs", phone_number="1-800-662-4357", is_24_7=True
        ),
        "us_emergency": Helpline.objects.create(
            name="Emergency", country="US", category="emergency", is_emergency=True, phone_number="911"
        ),
        "us_crisis": Helpline.objects.create(
            name="988 Lifeline", country="US", category="crisis", phone_number="988", text_number="988"
        ),
    }


# The test topic's published SMS answers (its "what it is" is its SMS summary).
ANSWERS = {
    "signs": "Signs of regular use: needing to wee often, pain, cramps.",
    "effects": "Effects: feeling detached and numb.",
    "getting_help": "Treatment is free and confidential: see your GP.",
}


def publish_answers(topic, answers: dict[str, str]) -> None:
    """Give `topic` these SMS answers (intent slug -> text) and publish it, as
    an approved revision would."""
    builtin_intents_ensure()  # a transactional test may have flushed the migration's
    intents = SmsIntent.objects.in_bulk(list(answers), field_name="slug")
    topic.sms_answers = [TopicSmsAnswer(intent=intents[slug], text=text) for slug, text in answers.items()]
    topic.save_revision().publish()


@pytest.fixture
def answers(topic_page):
    """The Ketamine topic with published SMS answers, and the default topic."""
    publish_answers(topic_page, ANSWERS)
    sms_settings = SmsSettings.load()
    sms_settings.default_topic = topic_page
    sms_settings.save()
    return topic_page


@pytest.fixture
def sms_content(helplines, answers):
    return {"helplines": helplines, "topic": answers}


@pytest.fixture
def fake_twilio():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture
def eager_retries():
    """Let eagerly-run tasks retry in-process (Celery re-applies them at once,
    ignoring the countdown) instead of propagating the Retry exception."""
    from config.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = True


@pytest.fixture
def twilio_backend(settings, fake_twilio, eager_retries):
    """SMS_BACKEND=twilio with the real SDK pointed at the local fake."""
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    return fake_twilio
