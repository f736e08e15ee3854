"""The inbox's reads (sms.inbox_selectors): open crisis first, the filters,
a number found by its hash, one thread in order, and the live refresh's
version."""

from __future__ import annotations

import pytest

from cms import phone_numbers
from sms import inbox_selectors, inbox_services, sending
from sms.models import Sender
from tests.sms.conftest import GB_NUMBER, US_NUMBER
from tests.sms.privacy_helpers import make_staff

pytestmark = pytest.mark.django_db
OTHER_GB = "+447700900456"
CRISIS = "I took too much ketamine and my friend is not waking up"


@pytest.fixture
def staff(db):
    return make_staff("view_inboundmessage", "change_inboundmessage")


def _get(number: str, channel: str = "sms") -> Sender:
    return Sender.objects.get(phone_hash=phone_numbers.phone_hash(number), channel=channel)


def _numbers(queryset) -> list[str]:
    return [f"{sender.channel}:{sender.phone}" for sender in queryset]


def test_open_crisis_comes_first_then_the_others_by_latest_text(text_in, sms_content, staff):
    text_in("ketamine effects", sender=GB_NUMBER)
    text_in(CRISIS, sender=OTHER_GB)
    text_in("hello", sender=US_NUMBER)
    text_in("ketamine signs", sender=f"whatsapp:{GB_NUMBER}")
    handled = _get(US_NUMBER)
    inbox_services.conversation_mark_handled(sender=handled, user=staff, outcome="Answered")

    assert _numbers(inbox_selectors.conversation_list()) == [
        f"sms:{OTHER_GB}",
        f"whatsapp:{GB_NUMBER}",
        f"sms:{GB_NUMBER}",
    ]
    everyone = inbox_selectors.conversation_list(status=inbox_selectors.ALL)
    assert _numbers(everyone)[-1] == f"sms:{US_NUMBER}"  # handled last
    assert [sender.crisis_level for sender in everyone] == ["emergency", None, None, None]


def test_the_filters(text_in, sms_content, staff):
    text_in(CRISIS, sender=OTHER_GB)
    text_in("hello", sender=GB_NUMBER)
    text_in("hello", sender=f"whatsapp:{US_NUMBER}")
    mine = _get(GB_NUMBER)
    inbox_services.conversation_claim(sender=mine, user=staff)

    assert _numbers(inbox_selectors.conversation_list(channel="whatsapp")) == [f"whatsapp:{US_NUMBER}"]
    assert _numbers(inbox_selectors.conversation_list(level="emergency")) == [f"sms:{OTHER_GB}"]
    assert _numbers(inbox_selectors.conversation_list(level="concern")) == []
    assert f"sms:{OTHER_GB}" not in _numbers(inbox_selectors.conversation_list(level="none"))
    assert _numbers(inbox_selectors.conversation_list(status="claimed")) == [f"sms:{GB_NUMBER}"]
    assert _numbers(inbox_selectors.conversation_list(status="open", mine=staff)) == []
    assert _numbers(inbox_selectors.conversation_list(mine=staff)) == [f"sms:{GB_NUMBER}"]


def test_a_full_number_typed_any_way_finds_both_channels_by_its_hash(text_in, sms_content):
    text_in("hello", sender=GB_NUMBER)
    text_in("hello", sender=f"whatsapp:{GB_NUMBER}")
    text_in("hello", sender=OTHER_GB)

    found = inbox_selectors.conversation_list(number="07700 900123", status=inbox_selectors.ALL)

    assert sorted(_numbers(found)) == [f"sms:{GB_NUMBER}", f"whatsapp:{GB_NUMBER}"]
    assert list(inbox_selectors.conversation_list(number="not a number")) == []


def test_the_thread_is_texts_replies_and_notes_in_order(text_in, sms_content, staff):
    first = text_in(CRISIS)
    sender = first.sender
    note = inbox_services.note_add(sender=sender, user=staff, body="Calling them back")
    second = text_in("thank you")

    items = inbox_selectors.thread(sender=sender)

    assert [(entry.kind, entry.item.pk) for entry in items] == [
        ("text", first.pk),
        ("reply", first.reply.pk),
        ("note", note.pk),
        ("text", second.pk),
        ("reply", second.reply.pk),
    ]


def test_the_thread_costs_three_queries(text_in, sms_content, staff, django_assert_num_queries):
    sender = text_in(CRISIS).sender
    text_in("still here")
    inbox_services.note_add(sender=sender, user=staff, body="note")

    with django_assert_num_queries(3):
        inbox_selectors.thread(sender=sender)


def test_the_version_changes_with_anything_the_thread_shows(text_in, sms_content, staff):
    sender = text_in("hello").sender
    sender.outbound_messages.update(twilio_sid="SMdelivered")
    seen = {inbox_selectors.thread_version(sender_id=sender.pk)}

    assert inbox_selectors.thread_version(sender_id=sender.pk) in seen  # stable while nothing changes
    for change in (
        lambda: text_in("again"),
        lambda: inbox_services.note_add(sender=sender, user=staff, body="a note"),
        lambda: inbox_services.conversation_claim(sender=sender, user=staff),
        lambda: sending.outbound_status_update(sid="SMdelivered", status="delivered"),
    ):
        change()
        version = inbox_selectors.thread_version(sender_id=sender.pk)
        assert version not in seen
        seen.add(version)


def test_the_dashboard_lists_open_crisis_conversations_only(text_in, sms_content, staff):
    text_in(CRISIS, sender=OTHER_GB)
    text_in("hello", sender=GB_NUMBER)

    assert _numbers(inbox_selectors.open_crisis_conversations()) == [f"sms:{OTHER_GB}"]
    inbox_services.conversation_mark_handled(sender=_get(OTHER_GB), user=staff, outcome="Safe")
    assert inbox_selectors.open_crisis_conversations() == []


def test_only_inbox_staff_can_be_assigned(staff, django_user_model):
    django_user_model.objects.create_user("editor-only", password="x")
    inactive = make_staff("view_inboundmessage")
    inactive.is_active = False
    inactive.save()

    assert list(inbox_selectors.staff_members()) == [staff]
