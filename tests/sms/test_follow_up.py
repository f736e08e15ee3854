"""Every person in danger gets an answer: emergencies past every limit, the
crisis follow-up window, opted-out senders."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from sms.models import FollowUp, InboundMessage, OutboundMessage

pytestmark = pytest.mark.django_db
Outcome = InboundMessage.Outcome


def test_an_emergency_after_ten_replies_in_ten_minutes_is_still_answered(text_in, sms_content, settings):
    settings.SMS_RATE_LIMIT_COUNT = 10
    for number in range(10):
        text_in(f"ketamine {number}")
    assert text_in("ketamine again").outcome == Outcome.RATE_LIMITED

    crisis = text_in("took too many pills")

    assert crisis.outcome == Outcome.CRISIS
    assert crisis.reply.body.startswith("Call 999 now")


def test_an_emergency_repeated_is_answered_past_loop_protection(text_in, sms_content):
    outcomes = [text_in("cant wake my boyfriend up").outcome for _ in range(4)]

    assert outcomes == [Outcome.CRISIS] * 4


def test_later_texts_join_the_follow_up_and_get_the_short_reply_never_the_menu(text_in, sms_content):
    crisis = text_in("i want to end it all")
    later = text_in("are you there")
    other = text_in("what are the signs")
    plea = text_in("please help me")

    assert later.outcome == other.outcome == Outcome.FOLLOW_UP
    assert later.follow_up == other.follow_up == plea.follow_up == crisis.follow_up
    assert later.reply.body.startswith("We've seen your message")
    assert "call 999" in later.reply.body
    assert "reply 1 for" not in later.reply.body and "Signs of regular use" not in other.reply.body
    # A plea is flagged whatever the screener makes of it on its own, and never gets the menu.
    assert plea.outcome in (Outcome.FOLLOW_UP, Outcome.CRISIS)
    assert "999" in plea.reply.body
    assert FollowUp.objects.count() == 1


def test_after_handling_or_the_window_texts_are_read_afresh(text_in, sms_content, settings):
    crisis = text_in("i want to end it all")
    FollowUp.objects.filter(pk=crisis.follow_up_id).update(
        last_message_at=timezone.now() - dt.timedelta(hours=settings.SMS_FOLLOW_UP_WINDOW_HOURS + 1)
    )

    assert text_in("what are the signs").outcome == Outcome.ANSWER


def test_an_opted_out_sender_in_danger_is_flagged_and_alerted_but_not_texted(text_in, sms_content, settings):
    settings.SMS_ONCALL_EMAILS = ["oncall@example.org"]
    text_in("STOP")

    crisis = text_in("shes turning blue")

    assert crisis.outcome == Outcome.IGNORED_OPTED_OUT
    assert crisis.follow_up.level == "emergency"
    assert not OutboundMessage.objects.filter(inbound=crisis).exists()
    assert len(mail.outbox) == 1 and "NOT answered" in mail.outbox[0].body


def test_an_information_question_is_not_flagged_but_leads_with_the_emergency_number(text_in, sms_content):
    inbound = text_in("what happens if you overdose on ket")

    assert inbound.outcome in (Outcome.ANSWER, Outcome.MENU)
    assert inbound.follow_up is None and inbound.screening_level == "none"
    assert inbound.reply.body.startswith("If this is happening now, call 999.\n")


@pytest.mark.parametrize(
    "text",
    ["laughed so hard i cant breathe", "i want to be clean by christmas", "this hangover is killing me"],
)
def test_figures_of_speech_and_quitting_are_not_emergencies(text_in, sms_content, text):
    inbound = text_in(text)

    assert inbound.outcome != Outcome.CRISIS and inbound.follow_up is None


def test_a_concern_is_answered_with_the_crisis_line_and_queued(text_in, sms_content):
    from sms.models import CrisisPattern

    CrisisPattern.objects.create(pattern="feel so low", category="suicide", level="concern")

    inbound = text_in("i feel so low lately")

    assert inbound.outcome == Outcome.CONCERN
    assert "Samaritans" in inbound.reply.body and "call 999" in inbound.reply.body
    assert inbound.follow_up.level == "concern"


def test_processing_an_emergency_query_count(text_in, sms_content, django_assert_max_num_queries):
    from sms.services import inbound_message_process

    inbound = text_in("took too many pills")
    InboundMessage.objects.filter(pk=inbound.pk).update(outcome=Outcome.PENDING, follow_up=None)
    OutboundMessage.objects.all().delete()
    FollowUp.objects.all().delete()

    # No conversation read; the follow-up item created instead.
    with django_assert_max_num_queries(7):
        inbound_message_process(inbound_id=inbound.pk)
