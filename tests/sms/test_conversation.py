"""A conversation through the webhook: the numbered menu, the last topic and
the default topic are kept per sender, expire, and never get in the way of a
crisis or of STOP."""

import datetime as dt

import pytest

from cms.models import TopicPage
from sms.models import InboundMessage, SmsSettings
from tests.conftest import _add_page
from tests.sms.conftest import ANSWERS, US_NUMBER, publish_answers

pytestmark = pytest.mark.django_db
Outcome = InboundMessage.Outcome
COCAINE_SIGNS = "Signs of a cocaine problem: nosebleeds, needing more."


@pytest.fixture
def cocaine(topic_index_page, sms_content):
    page = _add_page(
        topic_index_page, TopicPage(title="Cocaine", slug="cocaine", other_names="Coke, Charlie, Blow")
    )
    publish_answers(page, {"signs": COCAINE_SIGNS, "effects": "Cocaine effects: alert, then a comedown."})
    return page


def test_a_number_picks_from_the_menu_just_sent(text_in, sms_content):
    menu = text_in("hello")
    assert menu.menu == ["what_is", "effects", "signs", "getting_help"]

    picked = text_in("3")

    assert picked.outcome == Outcome.ANSWER
    assert picked.intent.slug == "signs"
    assert picked.reply.body.startswith(ANSWERS["signs"])
    # The menu is used up: a second number gets the menu again.
    assert text_in("2").outcome == Outcome.MENU


def test_the_menu_expires(text_in, sms_content, settings):
    text_in("hello")
    InboundMessage.objects.update(
        received_at=InboundMessage.objects.get().received_at - dt.timedelta(hours=2)
    )
    settings.SMS_MENU_WINDOW_MINUTES = 60

    assert text_in("2").outcome == Outcome.MENU


def test_menus_are_per_sender(text_in, sms_content):
    text_in("hello")

    assert text_in("2", sender=US_NUMBER).outcome == Outcome.MENU


def test_a_question_naming_no_drug_is_about_the_last_one_named(text_in, cocaine):
    text_in("what is coke")

    follow_on = text_in("what about the signs")

    assert (follow_on.topic, follow_on.intent.slug) == (cocaine, "signs")
    assert follow_on.reply.body.startswith(COCAINE_SIGNS)


def test_the_last_topic_expires_to_the_default_topic(text_in, cocaine, topic_page, settings):
    text_in("what is coke")
    InboundMessage.objects.update(received_at=InboundMessage.objects.get().received_at - dt.timedelta(days=2))

    later = text_in("what are the signs")

    assert later.topic == topic_page  # the default topic, Ketamine


def test_a_first_text_naming_no_drug_gets_the_default_topics_answer(text_in, cocaine):
    SmsSettings.objects.update(default_topic=cocaine)

    assert text_in("SIGNS").reply.body.startswith(COCAINE_SIGNS)


def test_an_emergency_after_a_menu_gets_the_emergency_reply(text_in, sms_content):
    text_in("hello")

    crisis = text_in("my friend took too much and wont wake up")

    assert crisis.outcome == Outcome.CRISIS
    assert crisis.reply.body.startswith("Call 999 now")


def test_stop_and_help_work_with_a_menu_open(text_in, sms_content):
    text_in("hello")

    assert text_in("HELP").outcome == Outcome.HELP
    assert text_in("STOP").outcome == Outcome.OPT_OUT


def test_yes_from_someone_who_never_opted_out_is_an_ordinary_text(text_in, sms_content):
    inbound = text_in("yes")

    assert inbound.outcome == Outcome.MENU
    assert "resubscribed" not in inbound.reply.body
