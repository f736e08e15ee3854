import pytest

from sms import matching
from sms.matching import normalise


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("  What are the SIGNS?! ") == "what are the signs"
    assert normalise("KÉTAMINE") == "ketamine"
    assert normalise("can't") == "cant"
    assert normalise("self-harm") == "self harm"


@pytest.mark.parametrize("word", sorted(matching.OPT_OUT_KEYWORDS))
def test_each_opt_out_keyword(word):
    assert matching.compliance_keyword(word, opted_out=True) == matching.OPT_OUT
    assert matching.compliance_keyword(f" {word.lower()}. ", opted_out=False) == matching.OPT_OUT


@pytest.mark.parametrize("word", ["START", "yes", "Unstop"])
def test_opt_in_keywords(word):
    assert matching.compliance_keyword(word, opted_out=True) == matching.OPT_IN


@pytest.mark.parametrize("word", ["HELP", "info", "Help!"])
def test_help_keywords(word):
    assert matching.compliance_keyword(word, opted_out=True) == matching.HELP


@pytest.mark.parametrize(
    "text", ["please don't stop", "stop it now", "stpo", "stopping", "helpful", "end it"]
)
def test_compliance_keywords_are_single_exact_words(text):
    assert matching.compliance_keyword(text, opted_out=True) is None


@pytest.mark.parametrize("text", ["MENU", "menu", " Menu. ", "0", "options"])
def test_menu_requests(text):
    assert matching.is_menu_request(text)


@pytest.mark.parametrize("text", ["menu please", "00", "o", "the menu was wrong", ""])
def test_other_texts_are_not_menu_requests(text):
    assert not matching.is_menu_request(text)


@pytest.mark.parametrize(("text", "choice"), [("1", 1), (" 3. ", 3), ("9", 9), ("2!", 2)])
def test_menu_choices(text, choice):
    assert matching.menu_choice(text) == choice


@pytest.mark.parametrize("text", ["0", "10", "12", "1 2", "one", "i took 2", ""])
def test_other_texts_are_not_menu_choices(text):
    assert matching.menu_choice(text) is None


def test_yes_opts_in_only_a_sender_who_is_opted_out():
    assert matching.compliance_keyword("Yes", opted_out=False) is None
    assert matching.compliance_keyword("START", opted_out=False) == matching.OPT_IN
