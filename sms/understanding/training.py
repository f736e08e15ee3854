"""Retraining the intent model (development only: needs scikit-learn).

PYTHONPATH=. .venv/bin/python -c "from sms.understanding import training; training.write_model()"
"""

from __future__ import annotations

from sms import linear_model, text
from sms.understanding import builtin, model
from sms.understanding.evaluation import CORPUS_DIR, LabelledText, load_corpus
from sms.understanding.matcher import find_topic

TUNING_PATH = CORPUS_DIR / "tuning.txt"


def training_data(items: list[LabelledText] | None = None) -> tuple[list[list[str]], list[str]]:
    """Each text's plain words, topic names replaced as the matcher does, and its intent."""
    items = load_corpus("tuning") if items is None else items
    texts = [find_topic(text.words(item.text), builtin.DEMO_TOPICS)[1] for item in items]
    return texts, [item.intent for item in items]


def corpus_fingerprint() -> str:
    return linear_model.fingerprint(TUNING_PATH)


def write_model() -> None:
    """Retrain on the tuning half and replace `intents.json`."""
    texts, labels = training_data()
    contents = linear_model.weights_file(
        texts,
        labels,
        model.SETTINGS,
        about="weights for sms.understanding.model: retrain with training.write_model()",
        source=TUNING_PATH,
    )
    linear_model.write(model.MODEL_PATH, contents)
    model._model.cache_clear()
