"""SMS understanding: the topic a text names and the intent it asks
(`sms.understanding`), on the issue's examples and the labelled corpus."""

import pytest

from cms.models.sms_answers import BUILTIN_INTENTS
from sms.understanding import builtin, model, training
from sms.understanding.evaluation import MIN_ACCURACY, evaluate, load_corpus
from sms.understanding.matcher import Example, UnderstandingContext, understand


def read(text: str, context: UnderstandingContext | None = None):
    return understand(text, context=context or builtin.context())


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("effects of ketamine", "effects"),
        ("signs of ketamine abuse", "signs"),
        ("how do i know if my son is on k", "signs"),
        ("how do i get off ket", "getting_help"),
        ("rehab?", "getting_help"),
        ("detox", "getting_help"),
        ("what does ket do to u", "effects"),
        ("how can i tell if my bf is on it", "signs"),
        ("is it safe to mix ket and alcohol", "safer_use"),
        ("what does an overdose look like", "overdose_info"),
        ("what even is ketamine", "what_is"),
    ],
)
def test_natural_questions_find_their_intent(text, intent):
    assert read(text).intent == intent


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("horse tranq", "ketamine"),
        ("kit kat effects", "ketamine"),
        ("what is special k", "ketamine"),
        ("is vitamin k addictive", "ketamine"),
        ("ketamin side effects", "ketamine"),
        ("signs my son is on coke", "cocaine"),
        ("what are the signs", None),
    ],
)
def test_topics_are_found_by_any_of_their_names_and_typos(text, topic):
    assert read(text).topic == topic


def test_ordinary_chat_asks_no_intent_and_the_reasons_say_why():
    result = read("thanks so much")

    assert result.intent is None
    assert result.reasons


def test_an_editors_example_question_takes_effect_without_retraining():
    question = "whats the craic with the green pills going round"
    context = UnderstandingContext(
        topics=builtin.DEMO_TOPICS,
        examples=(*builtin.context().examples, Example("safer_use", question)),
    )

    assert read(question).intent != "safer_use"
    result = read(question, context)
    assert result.intent == "safer_use"
    assert "the same question as the example" in result.reasons[-1]


def test_the_corpus_is_big_enough_and_the_halves_do_not_overlap():
    tuning, heldout = load_corpus("tuning"), load_corpus("heldout")

    assert len(tuning) + len(heldout) >= 400
    assert not {item.text.lower() for item in tuning} & {item.text.lower() for item in heldout}
    # The intents are the CMS's built-in question types, and the model learnt them all.
    intents = {*dict(BUILTIN_INTENTS), builtin.OTHER}
    assert {item.intent for item in heldout} == {item.intent for item in tuning} == intents


def test_the_shipped_intent_model_was_trained_on_the_current_tuning_half():
    assert model.trained_on() == training.corpus_fingerprint(), (
        "sms/understanding/corpus/tuning.txt changed: retrain with training.write_model()"
    )


def test_the_held_out_half_meets_the_gate():
    report = evaluate(load_corpus("heldout"), context=builtin.context(), name="heldout")

    # Figures only: `manage.py sms_intent_eval --split heldout` lists the misses.
    assert report.passes_gate, f"held-out accuracy {report.right}/{report.total} (gate {MIN_ACCURACY})"


def test_no_question_menu_or_conversation_ever_turns_an_emergency_into_another_reply():
    """Every emergency text of the safety corpus that the screener flags gets
    the emergency reply, whatever the text seems to ask and with a menu open
    (the screener's own recall is gated in test_screening)."""
    from sms import decisions
    from sms.screening import Level, ScreeningContext, screen
    from sms.screening.evaluation import load_corpus as load_safety_corpus
    from sms.understanding.answers import AnswerBook, Conversation, TopicAnswers

    intents = dict(BUILTIN_INTENTS)
    answers = AnswerBook(
        topics=(TopicAnswers("ketamine", "Ketamine", {intent: "..." for intent in intents}),),
        intent_names=intents,
        default_topic="ketamine",
    )
    menu_open = Conversation("ketamine", menu_topic="ketamine", menu=tuple(intents))
    state = decisions.SenderState(
        opted_out=False, replies_in_window=99, same_text_repeats=5, open_crisis=False
    )
    limits = decisions.Limits(rate_limit_count=10, loop_repeats=3, provider_handles_opt_out=False)
    screening_context, context = ScreeningContext(), builtin.context()
    flagged = 0
    for split in ("tuning", "heldout"):
        for item in load_safety_corpus(split):
            if item.level != "emergency":
                continue
            screening = screen(item.text, context=screening_context)
            if screening.level != Level.EMERGENCY:
                continue
            flagged += 1
            decision = decisions.decide(
                item.text,
                screening=screening,
                state=state,
                limits=limits,
                understanding=understand(item.text, context=context),
                conversation=menu_open,
                answers=answers,
            )
            assert decision.reply == decisions.ReplyKind.EMERGENCY, item.source
    assert flagged > 4500
