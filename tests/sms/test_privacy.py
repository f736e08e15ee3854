"""Phone numbers never appear in plain text in logs or the admin."""

import io
import logging

import pytest

from sms.models import InboundMessage
from tests.sms.conftest import GB_NUMBER

pytestmark = pytest.mark.django_db
DIGITS = "7700900123"


def test_sms_code_never_logs_a_number(text_in, sms_content, caplog, settings):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    caplog.set_level(logging.DEBUG)

    for body in ["ketamine", "STOP", "START", "hello", "took too much"]:
        text_in(body)

    messages = [record.getMessage() for record in caplog.records]
    assert any("+44 77** ***123" in message for message in messages)  # the console backend, masked
    assert not any(DIGITS in message for message in messages)


def test_the_configured_log_handler_masks_numbers_that_slip_through():
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "name", None) == "console")
    stream = io.StringIO()
    old_stream = handler.setStream(stream)
    try:
        logging.getLogger("sms.test").warning("texted from %s about ketamine", GB_NUMBER)
    finally:
        handler.setStream(old_stream)

    output = stream.getvalue()
    assert "about ketamine" in output
    assert DIGITS not in output
    assert "***123" in output


def test_admin_shows_numbers_masked(admin_client, text_in, sms_content, settings):
    settings.SMS_RATE_LIMIT_COUNT = 0  # flagged, so it shows in the follow-up queue too
    text_in("I took too much")

    for url in ["/admin/sms/log/", "/admin/sms/follow-up/"]:
        page = admin_client.get(url).content.decode()
        assert "+44 77** ***123" in page, url
        assert DIGITS not in page, url


def test_sender_str_is_masked(text_in, sms_content):
    inbound = text_in("ketamine")

    assert str(inbound.sender) == "+44 77** ***123"
    assert DIGITS not in str(InboundMessage.objects.get())
