import pytest

from sms import matching
from sms.matching import KeywordCandidate, keyword_match, normalise

CANDIDATES = [
    KeywordCandidate(1, "ketamine", 10),
    KeywordCandidate(1, "k", 10),
    KeywordCandidate(1, "ket", 10),
    KeywordCandidate(1, "special k", 10),
    KeywordCandidate(1, "ketamin", 10),
    KeywordCandidate(2, "signs", 20),
    KeywordCandidate(2, "symptoms", 20),
    KeywordCandidate(3, "effects", 30),
    KeywordCandidate(4, "treatment", 40),
]


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("  What are the SIGNS?! ") == "what are the signs"
    assert normalise("KÉTAMINE") == "ketamine"
    assert normalise("can't") == "cant"
    assert normalise("self-harm") == "self harm"


@pytest.mark.parametrize("word", sorted(matching.OPT_OUT_KEYWORDS))
def test_each_opt_out_keyword(word):
    assert matching.compliance_keyword(word) == matching.OPT_OUT
    assert matching.compliance_keyword(f" {word.lower()}. ") == matching.OPT_OUT


@pytest.mark.parametrize("word", ["START", "yes", "Unstop"])
def test_opt_in_keywords(word):
    assert matching.compliance_keyword(word) == matching.OPT_IN


@pytest.mark.parametrize("word", ["HELP", "info", "Help!"])
def test_help_keywords(word):
    assert matching.compliance_keyword(word) == matching.HELP


@pytest.mark.parametrize(
    "text", ["please don't stop", "stop it now", "stpo", "stopping", "helpful", "end it"]
)
def test_compliance_keywords_are_single_exact_words(text):
    assert matching.compliance_keyword(text) is None


@pytest.mark.parametrize(
    ("text", "keyword_id"),
    [
        ("KETAMINE", 1),
        ("ketamine", 1),
        ("K", 1),
        ("ket", 1),
        ("Special K", 1),
        ("special-k?", 1),
        ("KETAMIN", 1),
        ("ketamien", 1),  # transposition
        ("katamine", 1),
        ("what are the signs?", 2),
        ("What are the SIGNS of k use", 2),  # the longer, more specific word wins over "k"
        ("sings", 2),
        ("sign", 2),
        ("symptons", 2),
        ("side effect", 3),
        ("tell me about treatmnet", 4),
    ],
)
def test_keyword_and_alias_matching(text, keyword_id):
    assert keyword_match(text, CANDIDATES) == keyword_id


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "kettle",
        "signal",
        "ok",
        "weekend",
        "thanks",
        "kit",
        "keto",
        "design",
        "treat yourself",
        "",
        "??",
    ],
)
def test_unrelated_words_do_not_match(text):
    assert keyword_match(text, CANDIDATES) is None
