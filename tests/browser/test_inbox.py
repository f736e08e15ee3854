"""The helpline inbox as staff use it, in real Chromium: a crisis text
arrives through the signed webhook; staff open the inbox, open the thread,
claim it, reply (the real twilio SDK sends it to the local fake Twilio),
see the person's next text appear without reloading, and mark it handled."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cms.models import Helpline
from sms import inbox_views
from sms.models import FollowUp, InboundMessage, OutboundMessage, Sender
from tests.sms.conftest import GB_NUMBER, INBOUND_PATH, new_sid, sign
from tests.sms.fake_twilio import FakeTwilio
from tests.sms.privacy_helpers import make_staff

pytestmark = pytest.mark.django_db(transaction=True)
CRISIS = "i took all my mums pills and i feel like im going to pass out"
REPLY = "I'm Sam from the helpline. Please call 999 now - are you able to?"


@pytest.fixture
def fake_twilio(settings):
    fake = FakeTwilio().start()
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_API_BASE_URL = fake.base_url
    yield fake
    fake.stop()


@pytest.fixture
def text_arrives(reader):
    """POST a signed text to the live server's webhook, as Twilio does."""

    def send(body: str) -> None:
        form = {"MessageSid": new_sid(), "From": GB_NUMBER, "To": "+447700900000", "Body": body}
        response = reader.post(
            INBOUND_PATH, form=form, headers={"X-Twilio-Signature": sign(INBOUND_PATH, form)}
        )
        assert response.status == 200, response.text()

    return send


def test_staff_answer_a_crisis_text_from_the_inbox(sign_in, fake_twilio, text_arrives, monkeypatch):
    monkeypatch.setattr(inbox_views, "REFRESH_SECONDS", 2)  # the page's own interval is 10 s
    Helpline.objects.create(name="Samaritans", country="GB", category="crisis", phone_number="116 123")
    staff = make_staff("view_inboundmessage", "change_inboundmessage")
    text_arrives(CRISIS)
    assert fake_twilio.accepted()[0].form["Body"].startswith("Call 999")  # the automatic emergency reply

    page = sign_in(staff.username, "unused")
    expect(page.get_by_text("Helpline inbox: open crisis conversations")).to_be_visible()  # the dashboard
    page.goto(f"{page.base_url}/admin/sms/inbox/")
    assert page.title().startswith("Inbox")
    row = page.locator("tr", has_text="+44 77** ***123")
    expect(row).to_contain_text("Emergency")
    with page.expect_navigation():
        row.get_by_role("link").click()

    sender = Sender.objects.get()
    assert page.title().startswith(f"Texter #{sender.pk}, SMS")
    expect(page.get_by_text(CRISIS)).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("You have this conversation.")).to_be_visible()
    expect(page.locator(".sms-thread-state")).to_contain_text("Claimed")

    page.fill("#inbox-reply-body", REPLY)
    counter = page.locator(".sms-counter")  # the live segment counter, counting the reply as written
    expect(counter).to_contain_text(f"{len(REPLY)} characters, GSM-7")
    with page.expect_navigation():
        page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Reply queued")).to_be_visible()
    staff_replies = [r for r in fake_twilio.accepted() if r.form["Body"] == REPLY]
    assert len(staff_replies) == 1
    assert (staff_replies[0].form["To"], staff_replies[0].form["From"]) == (GB_NUMBER, "+15005550006")
    expect(page.locator(".sms-thread__reply", has_text=REPLY)).to_contain_text("Queued")

    # Their answer shows up while staff are on the page: no reload.
    page.evaluate("window.notReloaded = true")
    text_arrives("no i cant im scared")
    expect(page.get_by_text("no i cant im scared")).to_be_visible(timeout=15_000)
    assert page.evaluate("window.notReloaded") is True

    page.fill("input[name=outcome]", "Stayed on with them until the ambulance came")
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as handled").click()
    expect(page.get_by_text("Marked as handled.")).to_be_visible()
    expect(page.locator("tr", has_text="+44 77** ***123")).to_have_count(0)

    sender.refresh_from_db()
    assert sender.status == "handled"
    assert FollowUp.objects.get().handled_at is not None
    assert OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).count() == 1
