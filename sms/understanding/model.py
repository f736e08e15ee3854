"""The intent model: which intent a text asks, from its words.

A `sms.linear_model.LinearModel` trained on the tuning half of the corpus
(`corpus/tuning.txt`), with each topic's names replaced by one placeholder
word, so "ket effects" and "effects of coke" teach the same thing. Weights
ship in `intents.json`; retrain after changing the tuning half (needs
scikit-learn, a development tool only):

    PYTHONPATH=. .venv/bin/python -c "from sms.understanding import training; training.write_model()"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sms import linear_model

MODEL_PATH = Path(__file__).resolve().parent / "intents.json"
SETTINGS = linear_model.Settings(word_sizes=(1, 2), char_sizes=(3, 5), min_df=1, c=30.0, balanced=True)


@dataclass(frozen=True)
class Guess:
    intent: str  # an intent's slug, or OTHER
    probability: float
    runner_up: float  # the next most likely intent's probability
    top: tuple[str, ...]  # the n-grams that pushed hardest towards it


@cache
def _model() -> linear_model.LinearModel | None:
    return linear_model.LinearModel.load(MODEL_PATH)


def trained_on() -> str | None:
    model = linear_model.LinearModel.load(MODEL_PATH)
    return model.trained_on if model else None


def guess(plain_words: list[str]) -> Guess | None:
    """The model's guess for words with topic names already replaced, or
    None without a weights file or any known n-gram."""
    model = _model()
    if model is None:
        return None
    scored = model.score(SETTINGS.features(plain_words))
    if scored is None:
        return None
    ranked = sorted(scored.probabilities.items(), key=lambda item: (-item[1], item[0]))
    (intent, probability), (second, runner_up) = ranked[0], ranked[1]
    return Guess(intent, probability, runner_up, model.explain(scored, intent, second))
