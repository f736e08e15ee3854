import pytest

from sms import client
from tests.sms.conftest import GB_NUMBER

pytestmark = pytest.mark.django_db


def test_base_url_client_rewrites_scheme_host_and_prefix(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url + "/prefix/"

    result = client.send(to=GB_NUMBER, body="hello")

    [request] = fake_twilio.requests
    assert request.path == f"/prefix/2010-04-01/Accounts/{settings.TWILIO_ACCOUNT_SID}/Messages.json"
    assert result.sid.startswith("SM") and result.status == "queued"


def test_without_base_url_the_sdk_uses_twilio(settings):
    settings.TWILIO_API_BASE_URL = ""

    http_client = client.twilio_client().http_client

    assert not isinstance(http_client, client.BaseUrlHttpClient)


def test_console_backend_records_without_network(settings, caplog):
    settings.SMS_BACKEND = "console"
    settings.TWILIO_API_BASE_URL = "http://127.0.0.1:9"

    with caplog.at_level("INFO", logger="sms.client"):
        result = client.send(to=GB_NUMBER, body="hello there")

    assert result.sid == "" and result.status == "logged"
    assert "+44 77** ***123 (console backend, not sent): 11 characters" in caplog.text
    # What is texted is health data: never in a log.
    assert "hello there" not in caplog.text
    assert "7700900123" not in caplog.text


def test_unknown_backend_is_an_error(settings):
    settings.SMS_BACKEND = "carrier-pigeon"

    with pytest.raises(client.SendError) as error:
        client.send(to=GB_NUMBER, body="x")
    assert not error.value.retryable


def test_a_whatsapp_message_goes_from_the_whatsapp_sender_with_prefixes(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG00000000000000000000000000000000"  # SMS only
    settings.TWILIO_WHATSAPP_FROM = "+14155238886"

    client.send(to=GB_NUMBER, body="hello", channel="whatsapp")

    [request] = fake_twilio.messages()
    assert (request.form["From"], request.form["To"]) == ("whatsapp:+14155238886", f"whatsapp:{GB_NUMBER}")
    assert "MessagingServiceSid" not in request.form


def test_whatsapp_from_may_be_given_with_its_prefix(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    settings.TWILIO_WHATSAPP_FROM = "whatsapp:+14155238886"

    client.send(to=GB_NUMBER, body="hello", channel="whatsapp")

    assert fake_twilio.messages()[0].form["From"] == "whatsapp:+14155238886"


def test_without_a_whatsapp_sender_nothing_is_sent_and_it_is_not_retried(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    settings.TWILIO_WHATSAPP_FROM = ""

    with pytest.raises(client.SendError, match="TWILIO_WHATSAPP_FROM") as raised:
        client.send(to=GB_NUMBER, body="hello", channel="whatsapp")

    assert not raised.value.retryable
    assert fake_twilio.messages() == []


def test_an_sms_still_goes_from_the_sms_sender(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    settings.TWILIO_WHATSAPP_FROM = "+14155238886"

    client.send(to=GB_NUMBER, body="hello")

    [request] = fake_twilio.messages()
    assert (request.form["From"], request.form["To"]) == (settings.TWILIO_FROM_NUMBER, GB_NUMBER)


def test_sends_share_one_client_and_http_session(fake_twilio, settings):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    sessions = []
    original = client.BaseUrlHttpClient.request

    def spy(self, *args, **kwargs):
        sessions.append(self.session)
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(client.BaseUrlHttpClient, "request", spy)
        first = client.send(to=GB_NUMBER, body="one")
        second = client.send(to=GB_NUMBER, body="two")

    assert len(fake_twilio.messages()) == 2
    assert first.sid != second.sid
    assert len(sessions) == 2 and sessions[0] is sessions[1] is not None


def test_a_change_of_settings_gets_a_client_of_its_own(fake_twilio, settings):
    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    before = client.twilio_client()

    settings.TWILIO_AUTH_TOKEN = "another-token"  # noqa: S105

    assert client.twilio_client() is not before
    assert client.twilio_client().password == "another-token"  # noqa: S105


def test_a_forked_process_builds_its_own_client(fake_twilio, settings, monkeypatch):
    import os

    settings.TWILIO_API_BASE_URL = fake_twilio.base_url
    parents = client.twilio_client()

    monkeypatch.setattr(os, "getpid", lambda: -1)

    assert client.twilio_client() is not parents
