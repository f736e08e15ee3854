"""Inbox actions (sms.inbox_services): a staff reply goes through the
outbound pipeline once, is never held back by the rate limit, is refused to
an opted-out person and outside WhatsApp's window; claiming, assigning,
notes and handling, each audited; a new text reopens a handled conversation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from sms import inbox_services
from sms.models import ConversationNote, FollowUp, InboundMessage, OutboundMessage, Sender
from tests.sms.conftest import GB_NUMBER
from tests.sms.privacy_helpers import make_staff

pytestmark = pytest.mark.django_db
STAFF = ("view_inboundmessage", "change_inboundmessage")
WHATSAPP_FROM = f"whatsapp:{GB_NUMBER}"


@pytest.fixture
def staff(db):
    user = make_staff(*STAFF)
    user.first_name, user.last_name = "Sam", "Staff"
    user.save()
    return user


def _sender(channel: str = "sms") -> Sender:
    return Sender.objects.get(channel=channel)


def _entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def _reply(sender, staff, body="We're here. Are you safe right now?", form_key=None, capture=None):
    with capture(execute=True):
        return inbox_services.staff_reply_send(
            sender=sender, user=staff, body=body, form_key=form_key or inbox_services.new_form_key()
        )


def test_a_staff_reply_is_one_record_sent_once_from_our_number(
    text_in, sms_content, staff, twilio_backend, django_capture_on_commit_callbacks
):
    text_in("i cant cope anymore")
    sender = _sender()
    before = len(twilio_backend.messages())
    key = inbox_services.new_form_key()

    first = _reply(sender, staff, form_key=key, capture=django_capture_on_commit_callbacks)
    again = _reply(sender, staff, form_key=key, capture=django_capture_on_commit_callbacks)  # posted twice

    assert again.pk == first.pk
    outbound = OutboundMessage.objects.get(kind=InboundMessage.Outcome.STAFF_REPLY)
    assert (outbound.author, outbound.inbound, outbound.channel) == (staff, None, "sms")
    assert outbound.twilio_sid and outbound.status == OutboundMessage.Status.QUEUED
    [sent] = twilio_backend.messages()[before:]
    assert (sent.form["From"], sent.form["To"], sent.form["Body"]) == (
        "+15005550006",
        GB_NUMBER,
        "We're here. Are you safe right now?",
    )
    [entry] = _entries(inbox_services.REPLY)
    assert entry.user == staff and entry.object_id == str(sender.pk)
    assert "7700900123" not in str(entry.data) and "safe" not in str(entry.data)


def test_a_staff_reply_is_never_held_back_by_the_rate_limit_nor_counts_towards_it(
    text_in, sms_content, staff, settings, django_capture_on_commit_callbacks
):
    settings.SMS_RATE_LIMIT_COUNT = 1
    text_in("ketamine effects")  # the one automatic reply the window allows
    sender = _sender()

    for _ in range(3):
        _reply(sender, staff, capture=django_capture_on_commit_callbacks)
    limited = text_in("ketamine signs")

    assert OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).count() == 3
    assert limited.outcome == InboundMessage.Outcome.RATE_LIMITED  # the automatic limit still holds
    settings.SMS_RATE_LIMIT_COUNT = 2
    assert text_in("ketamine help").outcome == InboundMessage.Outcome.ANSWER  # staff replies not counted


def test_an_opted_out_person_is_not_texted_and_nothing_is_recorded(
    text_in, sms_content, staff, django_capture_on_commit_callbacks
):
    text_in("STOP")
    sender = _sender()

    assert "opted out" in inbox_services.reply_refusal(sender=sender)
    with pytest.raises(inbox_services.InboxError, match="opted out.*Nothing was sent"):
        _reply(sender, staff, capture=django_capture_on_commit_callbacks)

    assert not OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).exists()
    assert not _entries(inbox_services.REPLY)


def test_a_reply_queued_before_the_person_opted_out_is_not_sent(
    text_in, sms_content, staff, twilio_backend, django_capture_on_commit_callbacks
):
    text_in("hello")
    sender = _sender()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        outbound = inbox_services.staff_reply_send(
            sender=sender, user=staff, body="Hi", form_key=inbox_services.new_form_key()
        )
    text_in("STOP")
    before = len(twilio_backend.messages())

    for callback in queued:
        callback()

    outbound.refresh_from_db()
    assert outbound.status == OutboundMessage.Status.FAILED
    assert len(twilio_backend.messages()) == before


def test_an_sms_reply_keeps_to_the_segment_budget(text_in, sms_content, staff, settings):
    settings.SMS_MAX_SEGMENTS = 1
    text_in("hello")

    with pytest.raises(inbox_services.InboxError, match="Too long by 1 characters"):
        inbox_services.staff_reply_send(sender=_sender(), user=staff, body="a" * 161, form_key="k1")

    assert inbox_services.reply_length_problem(channel="sms", body="a" * 160) == ""


def test_a_whatsapp_reply_has_1600_characters_and_goes_on_whatsapp(
    text_in, sms_content, staff, settings, twilio_backend, django_capture_on_commit_callbacks
):
    settings.TWILIO_WHATSAPP_FROM = "+14155238886"
    text_in("hello", sender=WHATSAPP_FROM)
    sender = _sender("whatsapp")
    before = len(twilio_backend.messages())

    with pytest.raises(inbox_services.InboxError, match="WhatsApp takes 1600"):
        inbox_services.staff_reply_send(sender=sender, user=staff, body="a" * 1601, form_key="k2")
    _reply(sender, staff, body="a" * 1600, capture=django_capture_on_commit_callbacks)

    [sent] = twilio_backend.messages()[before:]
    assert (sent.form["From"], sent.form["To"]) == ("whatsapp:+14155238886", WHATSAPP_FROM)
    assert sent.form["Body"] == "a" * 1600


def test_whatsapp_replies_are_refused_outside_the_24_hour_window(
    text_in, sms_content, staff, django_capture_on_commit_callbacks
):
    text_in("hello", sender=WHATSAPP_FROM)
    sender = _sender("whatsapp")
    Sender.objects.filter(pk=sender.pk).update(last_text_at=timezone.now() - dt.timedelta(hours=25))
    sender.refresh_from_db()

    assert "only an approved template" in inbox_services.reply_refusal(sender=sender)
    with pytest.raises(inbox_services.InboxError, match="24-hour window"):
        _reply(sender, staff, capture=django_capture_on_commit_callbacks)
    assert not OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).exists()

    text_in("are you there?", sender=WHATSAPP_FROM)  # their message opens it again
    sender.refresh_from_db()
    assert inbox_services.reply_refusal(sender=sender) == ""


def test_a_reply_answers_the_waiting_person_and_claims_an_open_conversation(
    text_in, sms_content, staff, django_capture_on_commit_callbacks
):
    text_in("hello")
    sender = _sender()
    assert sender.waiting_since is not None and sender.status == "open"

    _reply(sender, staff, capture=django_capture_on_commit_callbacks)

    sender.refresh_from_db()
    assert sender.waiting_since is None
    assert (sender.status, sender.assignee) == ("claimed", staff)


def test_claim_and_assign_are_audited(text_in, sms_content, staff):
    colleague = make_staff(*STAFF)
    text_in("hello")
    sender = _sender()

    inbox_services.conversation_claim(sender=sender, user=staff)
    inbox_services.conversation_assign(sender=sender, assignee=colleague, user=staff)

    sender.refresh_from_db()
    assert (sender.status, sender.assignee) == ("claimed", colleague)
    assert [entry.user for entry in _entries(inbox_services.CLAIM)] == [staff]
    [assigned] = _entries(inbox_services.ASSIGN)
    assert (assigned.user, assigned.data["assignee_id"]) == (staff, colleague.pk)


def test_a_note_is_stored_encrypted_and_never_sent(text_in, sms_content, staff):
    from django.db import connection

    text_in("hello")
    note = inbox_services.note_add(sender=_sender(), user=staff, body="Mentioned a partner who hits them")

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM sms_conversationnote WHERE id = %s", [note.pk])
        [raw] = cursor.fetchone()
    assert "partner" not in raw
    assert not OutboundMessage.objects.filter(kind=InboundMessage.Outcome.STAFF_REPLY).exists()
    with pytest.raises(inbox_services.InboxError):
        inbox_services.note_add(sender=_sender(), user=staff, body="   ")


def test_handling_takes_an_outcome_and_closes_the_crisis_follow_up(text_in, sms_content, staff):
    text_in("I took too much ketamine and my friend is not waking up")
    sender = _sender()
    with pytest.raises(inbox_services.InboxError, match="outcome"):
        inbox_services.conversation_mark_handled(sender=sender, user=staff, outcome=" ")

    inbox_services.conversation_mark_handled(sender=sender, user=staff, outcome="Called 999 with them")

    sender.refresh_from_db()
    assert (sender.status, sender.waiting_since) == ("handled", None)
    follow_up = FollowUp.objects.get()
    assert follow_up.handled_at is not None and follow_up.handled_by == staff
    note = ConversationNote.objects.get()
    assert (note.kind, note.body, note.author) == ("outcome", "Called 999 with them", staff)
    [entry] = _entries(inbox_services.HANDLE)
    assert entry.user == staff and entry.data["crisis_follow_ups"] == 1


def test_a_new_text_reopens_a_handled_conversation(text_in, sms_content, staff):
    text_in("hello")
    sender = _sender()
    inbox_services.conversation_claim(sender=sender, user=staff)
    inbox_services.conversation_mark_handled(sender=sender, user=staff, outcome="Answered")

    later = text_in("me again")

    sender.refresh_from_db()
    assert (sender.status, sender.assignee) == ("open", None)
    assert sender.last_text_at == later.received_at and sender.waiting_since == later.received_at


def test_a_new_text_keeps_a_claimed_conversation_with_its_staff_member(text_in, sms_content, staff):
    first = text_in("hello")
    sender = _sender()
    inbox_services.conversation_claim(sender=sender, user=staff)

    text_in("me again")

    sender.refresh_from_db()
    assert (sender.status, sender.assignee) == ("claimed", staff)
    assert sender.waiting_since == first.received_at  # waiting since the first unanswered text


def test_what_one_staff_reply_costs_in_queries(
    text_in, sms_content, staff, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    text_in("hello")
    sender = _sender()

    # Savepoint, lock, form key, insert, the conversation, the audit entry
    # (content type, two checks, insert), release: 10 (9 once content types are cached).
    with django_capture_on_commit_callbacks(execute=False) as queued, django_assert_max_num_queries(10):
        inbox_services.staff_reply_send(sender=sender, user=staff, body="Hello", form_key="cost")
    # The send task: the claim (its transaction, the locked read, the
    # update), then what Twilio answered: 5.
    with django_assert_max_num_queries(5):
        for callback in queued:
            callback()
    assert OutboundMessage.objects.get(form_key="cost").status == "logged"
