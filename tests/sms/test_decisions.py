"""The reply decision for ordinary texts, as a pure function: menus, the
conversation's topic and the default topic (the crisis order is tested
through the webhook in test_replies and test_follow_up)."""

import pytest

from sms import decisions
from sms.decisions import Outcome, ReplyKind
from sms.screening import Level, Screening
from sms.understanding.answers import AnswerBook, Conversation, TopicAnswers
from sms.understanding.matcher import Understanding

ANSWERS = AnswerBook(
    topics=(
        TopicAnswers(
            "ketamine", "Ketamine", {"what_is": "K is...", "effects": "K does...", "signs": "Signs..."}
        ),
        TopicAnswers("cocaine", "Cocaine", {"what_is": "Coke is...", "overdose_info": "Too much coke..."}),
    ),
    intent_names={
        "what_is": "what it is",
        "effects": "effects",
        "signs": "signs",
        "overdose_info": "overdose",
    },
    default_topic="ketamine",
)
STATE = decisions.SenderState(opted_out=False, replies_in_window=0, same_text_repeats=0, open_crisis=False)
LIMITS = decisions.Limits(rate_limit_count=10, loop_repeats=3, provider_handles_opt_out=False)
NOTHING = Screening(Level.NONE, None, ())
NEW = Conversation()


def _decide(text, *, topic=None, intent=None, ambiguous=False, conversation=NEW, **kwargs):
    understanding = Understanding(topic, intent, (), ambiguous=ambiguous)
    return decisions.decide(
        text,
        screening=kwargs.get("screening", NOTHING),
        state=kwargs.get("state", STATE),
        limits=LIMITS,
        understanding=understanding,
        conversation=conversation,
        answers=kwargs.get("answers", ANSWERS),
    )


def test_a_question_about_a_named_topic_is_answered():
    decision = _decide("effects of ket", topic="ketamine", intent="effects")

    assert (decision.outcome, decision.topic, decision.intent) == (Outcome.ANSWER, "ketamine", "effects")


def test_a_topic_named_alone_gets_what_it_is():
    assert _decide("coke", topic="cocaine").intent == "what_is"


def test_a_question_naming_no_topic_uses_the_conversations_last_topic():
    decision = _decide("what about overdose", intent="overdose_info", conversation=Conversation("cocaine"))

    assert (decision.topic, decision.intent) == ("cocaine", "overdose_info")
    assert decision.emergency_first_line  # overdose answers lead with the emergency number


def test_with_no_topic_in_the_conversation_the_default_topic_answers():
    assert _decide("SIGNS", intent="signs").topic == "ketamine"


def test_without_a_default_topic_a_topicless_question_gets_the_general_menu():
    answers = AnswerBook(topics=ANSWERS.topics, intent_names=ANSWERS.intent_names, default_topic=None)

    decision = _decide("signs", intent="signs", answers=answers)

    assert (decision.outcome, decision.menu) == (Outcome.MENU, ())


def test_an_ambiguous_text_gets_the_menu_never_a_guess():
    decision = _decide("what about it", ambiguous=True, conversation=Conversation("cocaine"))

    assert (decision.outcome, decision.reply) == (Outcome.MENU, ReplyKind.MENU)
    assert decision.menu == ("what_is", "overdose_info")
    assert not decision.understood


def test_a_question_the_topic_has_no_answer_for_gets_that_topics_menu():
    decision = _decide("signs of coke use", topic="cocaine", intent="signs")

    assert (decision.outcome, decision.topic, decision.menu) == (
        Outcome.MENU,
        "cocaine",
        ("what_is", "overdose_info"),
    )


@pytest.mark.parametrize(("text", "intent"), [("1", "what_is"), ("2", "effects"), (" 3 ", "signs")])
def test_a_number_picks_from_the_menu_just_sent(text, intent):
    menu = Conversation("ketamine", menu_topic="ketamine", menu=("what_is", "effects", "signs"))

    decision = _decide(text, conversation=menu)

    assert (decision.outcome, decision.topic, decision.intent) == (Outcome.ANSWER, "ketamine", intent)


def test_a_number_off_the_menu_or_with_no_menu_gets_the_menu_again():
    menu = Conversation("ketamine", menu_topic="ketamine", menu=("what_is", "effects", "signs"))

    assert _decide("7", conversation=menu).outcome == Outcome.MENU
    assert _decide("2").outcome == Outcome.MENU


@pytest.mark.parametrize("text", ["MENU", "0"])
def test_menu_and_0_show_the_current_topics_menu(text):
    decision = _decide(text, conversation=Conversation("cocaine"))

    assert (decision.outcome, decision.topic, decision.understood) == (Outcome.MENU, "cocaine", True)


def test_an_emergency_beats_an_open_menu():
    menu = Conversation("ketamine", menu_topic="ketamine", menu=("what_is", "effects"))
    emergency = Screening(Level.EMERGENCY, "overdose", ("took too much",))

    decision = _decide("1", conversation=menu, screening=emergency)

    assert decision.outcome == Outcome.CRISIS


def test_yes_from_a_subscribed_sender_is_an_ordinary_text_but_opts_an_opted_out_one_in():
    assert _decide("YES").outcome == Outcome.MENU
    assert _decide("START").outcome == Outcome.OPT_IN
    opted_out = decisions.SenderState(
        opted_out=True, replies_in_window=0, same_text_repeats=0, open_crisis=False
    )
    assert _decide("yes", state=opted_out).outcome == Outcome.OPT_IN
