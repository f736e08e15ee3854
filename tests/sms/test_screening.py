"""The crisis screener: the issue's examples, the pattern language, and the
gate on the held-out corpus (deterministic: the same code and corpus always
give the same figures)."""

import pytest

from sms import decisions
from sms.models import InboundMessage, ScreeningCategory
from sms.screening import Category, Level, ScreeningContext, compile_rule, screen
from sms.screening.evaluation import (
    MAX_FALSE_ALARM_RATE,
    MIN_RECALL,
    evaluate,
    load_corpus,
)
from sms.screening.patterns import PatternError, compile_pattern

EMERGENCIES = [
    ("i want to end it all", Category.SUICIDE),
    ("kms", Category.SUICIDE),
    ("my mates fitting on the floor", Category.MEDICAL),
    ("shes turning blue", Category.MEDICAL),
    ("took too many pills", Category.OVERDOSE),
    ("he is breathing really slow", Category.MEDICAL),
    ("everyone would be better off without me", Category.SUICIDE),
    ("no point anymore", Category.SUICIDE),
    ("want to sleep and not wake up", Category.SUICIDE),
    ("wrote my note", Category.SUICIDE),
    ("got the pills ready", Category.SUICIDE),
    ("hes unconsious", Category.MEDICAL),
    ("im sucidal", Category.SUICIDE),
]


@pytest.mark.parametrize(("text", "category"), EMERGENCIES)
def test_people_in_danger_are_recognised_however_they_write(text, category):
    result = screen(text)

    assert result.level == Level.EMERGENCY
    assert result.category == category
    assert result.reasons


def test_someone_else_unresponsive_after_ketamine():
    result = screen("cant wake my boyfriend up he did a lot of ketamine")

    assert result.level == Level.EMERGENCY
    assert any("can not wake" in reason for reason in result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "laughed so hard i cant breathe",
        "i want to be clean by christmas",
        "this hangover is killing me",
        "dying to know",
        "my phone died",
        "had suicidal thoughts years ago, doing well now",
        "i want to end my ket use",
        "can ket kill you",
    ],
)
def test_not_fooled(text):
    assert screen(text).level == Level.NONE


def test_an_information_question_is_not_an_emergency_but_says_what_it_asks_about():
    result = screen("what happens if you overdose on ket")

    assert result.level == Level.NONE
    assert result.asks_about == Category.OVERDOSE


def test_typos_are_forgiven_in_risk_words_only_and_said():
    assert "'unconsious' read as 'unconscious'" in screen("hes unconsious").reasons
    assert screen("my dads cooking is to die for").level == Level.NONE


def test_a_built_in_match_the_model_is_sure_is_ordinary_is_set_aside_but_never_an_editors():
    text = "that jacket is a proper good fit on you"
    context = ScreeningContext(
        rules=(compile_rule(category="medical", pattern="fit on", origin="editors"),),
    )

    result = screen(text)

    assert result.level == Level.NONE
    assert any("built-in pattern" in reason for reason in result.reasons)
    assert "the statistical model is sure it is ordinary" in result.reasons[-1]
    assert screen(text, context=context).level == Level.EMERGENCY


def test_editor_patterns_and_examples_extend_the_screener():
    context = ScreeningContext(
        # A code word a partner service tells people to text.
        rules=(compile_rule(category="medical", pattern="code purple", unless=("lol",), origin="editors"),),
        examples={"the usual thing is happening again": (Level.EMERGENCY, Category.MEDICAL)},
    )

    assert screen("code purple at the tent", context=context).level == Level.EMERGENCY
    assert screen("code purple lol", context=context).level == Level.NONE
    assert screen("The usual thing is happening AGAIN", context=context).category == Category.MEDICAL
    assert screen("code purple at the tent").level == Level.NONE
    assert screen("the usual thing is happening again").level == Level.NONE


@pytest.mark.parametrize("serious", ["not joking", "dead serious", "fr", "no joke"])
def test_a_laugh_does_not_set_a_match_aside_when_the_text_says_it_is_serious(serious):
    context = ScreeningContext(
        rules=(compile_rule(category="medical", pattern="code purple", unless=("lol",), origin="editors"),)
    )

    result = screen(f"code purple lol {serious}", context=context)

    assert result.level == Level.EMERGENCY
    assert any("would set aside" in reason and serious in reason for reason in result.reasons)
    assert screen("code purple lol", context=context).level == Level.NONE


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("", "empty"),
        ("... wake", "cannot start or end"),
        ("a ... ... b", "Two '...'"),
        ("@nobody", "Unknown word class"),
        ("can't", "is not a word"),
        ("ab*", "too short"),
        ("a || b", "an alternative is empty"),
    ],
)
def test_bad_patterns_say_why(source, message):
    with pytest.raises(PatternError, match=message):
        compile_pattern(source, classes={"other": ("he",)})


def test_choices_stored_in_the_database_match_the_screener():
    assert set(ScreeningCategory.values) == {category.value for category in Category}
    assert {outcome.value for outcome in decisions.Outcome} <= set(InboundMessage.Outcome.values)


def test_the_corpus_is_big_enough_and_the_halves_do_not_overlap():
    tuning, heldout = load_corpus("tuning"), load_corpus("heldout")
    everything = tuning + heldout

    assert sum(item.level == "emergency" for item in everything) >= 300
    assert sum(item.is_ordinary for item in everything) >= 300
    assert not {item.text.lower() for item in tuning} & {item.text.lower() for item in heldout}


def test_the_shipped_model_was_trained_on_the_current_tuning_half():
    from sms.screening import statistical

    assert statistical.trained_on() == statistical.corpus_fingerprint(), (
        "tuning.txt changed: retrain with statistical.write_model() (see sms/screening/statistical.py)"
    )


# The gate: MIN_RECALL and MAX_FALSE_ALARM_RATE on the held-out half,
# never tuned on. Met after round 23 (look 32): recall 276/280 = 0.986, false
# alarms 10/348 = 0.029, at the edge (11 would fail). Until then `make test`
# held false alarms to the figure reached (11 or 12 after each of rounds 16 to
# 22), rather than tune them back on held-out texts.


def test_the_held_out_half_meets_the_gate():
    report = evaluate(load_corpus("heldout"), name="heldout")
    # Figures only, never the held-out texts: `manage.py sms_screen_eval --split heldout` lists them.
    figures = (
        f"held-out recall {report.recall.hits}/{report.recall.total}, false alarms "
        f"{report.false_alarms.hits}/{report.false_alarms.total} "
        f"(gate: {MIN_RECALL} and {MAX_FALSE_ALARM_RATE})"
    )

    assert report.recall.rate >= MIN_RECALL, figures
    assert report.false_alarms.rate <= MAX_FALSE_ALARM_RATE, figures
