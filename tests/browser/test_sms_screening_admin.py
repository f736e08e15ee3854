"""The screener's admin pages as staff use them, in real Chromium."""

import pytest
from playwright.sync_api import expect

from cms.models import Helpline
from sms.models import CrisisPattern, FollowUp, ScreeningLabel
from sms.services import inbound_message_receive

pytestmark = pytest.mark.django_db(transaction=True)


def _text(body: str, sid: str, sender: str = "+447700900123") -> None:
    inbound_message_receive(message_sid=sid, from_number=sender, to_number="+447700900000", body=body)


def test_try_a_text_shows_the_decision_the_reasons_and_the_reply(admin_page):
    admin_page.goto(f"{admin_page.base_url}/admin/sms/screening/try/")
    admin_page.fill("textarea[name=text]", "cant wake my boyfriend up he did a lot of ketamine")
    admin_page.fill("input[name=country]", "AU")
    with admin_page.expect_navigation():
        admin_page.click("button:has-text('Try')")

    expect(admin_page.get_by_role("heading", name="Screening: try a text")).to_be_visible()
    expect(admin_page.get_by_role("heading", name="Emergency: Medical emergency")).to_be_visible()
    expect(admin_page.get_by_text("medical: 'can not wake'")).to_be_visible()
    assert admin_page.inner_text("pre").startswith("Call 000 now")


def test_staff_see_the_crisis_with_its_later_text_label_it_and_mark_it_handled(admin_page):
    Helpline.objects.create(name="Samaritans", country="GB", category="crisis", phone_number="116 123")
    _text("i want to end it all", "SM" + "1" * 32)
    _text("please help me", "SM" + "2" * 32)

    admin_page.goto(f"{admin_page.base_url}/admin/sms/follow-up/")
    row = admin_page.locator("tr", has_text="i want to end it all")
    assert "please help me" in row.inner_text()
    assert "+44 77** ***123" in row.inner_text()

    with admin_page.expect_navigation():
        row.locator("button[value=not_emergency]").first.click()
    expect(admin_page.get_by_text("Labelled: Not an emergency.")).to_be_visible()
    assert ScreeningLabel.objects.get().verdict == "not_emergency"

    admin_page.locator("tr", has_text="i want to end it all").locator(
        "button:has-text('Mark as handled')"
    ).click()
    expect(admin_page.get_by_text("Marked as handled: crisis follow-up")).to_be_visible()
    assert FollowUp.objects.get().handled_at is not None
    assert admin_page.locator("tr", has_text="i want to end it all").count() == 0


def test_a_crisis_pattern_that_cannot_work_is_refused_with_the_reason(admin_page):
    admin_page.goto(f"{admin_page.base_url}/admin/snippets/sms/crisispattern/add/")
    admin_page.fill("input[name=pattern]", "no ... ... pulse")
    admin_page.select_option("select[name=category]", "medical")
    with admin_page.expect_navigation():
        admin_page.get_by_role("button", name="Save").click()

    expect(admin_page.get_by_text("Two '...' in a row")).to_be_visible()
    assert not CrisisPattern.objects.exists()

    admin_page.fill("input[name=pattern]", "no pulse")
    admin_page.get_by_role("button", name="Save").click()
    admin_page.wait_for_url("**/crisispattern/")
    assert CrisisPattern.objects.get().pattern == "no pulse"
