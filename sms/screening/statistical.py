"""A second opinion for texts the patterns miss: a small linear model.

The patterns (`lexicon`) are precise but only know the phrasings someone
wrote down; people in crisis find new ones. This model scores a text's
plain words (the screener's corrected words) on word 1-2-grams and
character 3-5-grams, learnt from the tuning half of the corpus
(`corpus/tuning.txt`) by multinomial logistic regression: one class per
crisis category plus "none".

At run time it is pure Python over a shipped weights file (`model.json`,
no scikit-learn, no network): features are counted, weighted
(1 + log tf) * idf, L2-normalised and dotted with each class's weights.
It is deterministic, and it explains itself: `Opinion.top` holds the
n-grams that pushed the score up most.

The screener asks it twice: when no pattern matched, it believes the model
above `THRESHOLD` and outside the frames that make a text ordinary (a
question asking for information, a past event, a figure of speech); when
only built-in patterns matched, a model all but sure the text is ordinary
(below `SURE_ORDINARY`) sets the match aside. See `sms.screening.screener`.

Retrain after changing the tuning corpus (needs scikit-learn, a
development tool only):

    PYTHONPATH=. .venv/bin/python -c "from sms.screening import statistical; statistical.write_model()"

and recheck the thresholds below on opinions the model gives texts it was
not trained on (`out_of_fold_screening`, a few minutes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sms import linear_model

MODEL_PATH = Path(__file__).resolve().parent / "model.json"
NONE = "none"
# Probability of "some crisis category" above which the model's opinion
# counts. Chosen on the whole screener with the model trained without the
# batch it was scored on (leave one writer's batch out; the round-3
# writers, whom no pattern had seen): 0.75 caught 22 more of their 452
# emergencies than 0.85 for 1 more false alarm in 465; lower thresholds
# traded recall for false alarms about one for one.
THRESHOLD = 0.75
# Crisis probability below which the model overrules a built-in pattern's
# match. Chosen on writers' texts that neither the patterns nor the model had
# seen: on one set of three writers 0.05 set aside 9 of the patterns' 24
# false alarms and none of their catches; on the next three, 0.15 set aside
# 17 of 41 and lost no emergency (0.2 lost one).
SURE_ORDINARY = 0.15
# Crisis probability at or above which a built-in pattern's match stands
# even inside a frame that would make it ordinary (a question, an "if", a
# past event: "been clean 9 months, relapsed last night and i'd rather be
# dead"). Chosen leaving each of the last six writers' batches out of the
# model's training: 0.9 caught 4 more of 2,838 emergencies and raised no
# false alarm in 2,982; on three more writers nothing had seen, 4 more of
# 360 and none in 477.
SURE_CRISIS = 0.9
# All three rechecked after round 15 with `out_of_fold_screening` (5 folds,
# 15,777 tuning texts): as shipped, recall 6766/6920 = 0.978 and false alarms
# 196/7956 = 0.025. SURE_CRISIS 0.95 would lose 8 emergencies for 18 false
# alarms; SURE_ORDINARY 0.3, 30 for 29; THRESHOLD 0.85, 82 for 37. A missed
# emergency costs more than a false alarm, so none of them is worth it.
# C (inverse regularisation) 20, from 10, after round 21: out of fold on the
# tuning half, 11 fewer of 8,335 emergencies caught and 28 fewer false alarms
# in 10,461 (before round 21's texts: the same recall and 27 fewer); on round
# 21's and 22's writers, unseen, 2 fewer of 461 caught and 3 fewer false alarms
# in 557. C 5 raised 34 more false alarms out of fold; C 40 and word
# 1-3-grams did no better on round 21's writers; character 2-6-grams, min_df 1
# and WordLlama's sentence embeddings (weights inside its PyPI package) added
# to the features did worse out of fold.
SETTINGS = linear_model.Settings(word_sizes=(1, 2), char_sizes=(3, 5), min_df=2, c=20.0, balanced=True)
# Shorter texts ("n", "od") are left to the patterns: too little to go on.
MIN_WORDS = 3


def features(plain_words: list[str]) -> list[str]:
    """Word 1-2-grams and character 3-5-grams (`sms.text.ngrams`)."""
    return SETTINGS.features(plain_words)


@dataclass(frozen=True)
class Opinion:
    probability: float  # that the text is a crisis of some category
    category: str  # the most likely crisis category
    top: tuple[str, ...]  # the n-grams that pushed hardest towards it


@cache
def _model() -> linear_model.LinearModel | None:
    return linear_model.LinearModel.load(MODEL_PATH)


def opinion(plain_words: list[str]) -> Opinion | None:
    """The model's opinion of a text, or None without a model file."""
    model = _model()
    if model is None or len(plain_words) < MIN_WORDS:
        return None
    scored = model.score(features(plain_words))
    if scored is None:
        return None
    crisis = {name: p for name, p in scored.probabilities.items() if name != NONE}
    category = max(crisis, key=crisis.get)
    return Opinion(
        probability=sum(crisis.values()), category=category, top=model.explain(scored, category, NONE)
    )


# --- Training (development only: needs scikit-learn) -----------------------------


def _tuning_path() -> Path:
    from sms.screening.evaluation import CORPUS_DIR

    return CORPUS_DIR / "tuning.txt"


def corpus_fingerprint() -> str:
    return linear_model.fingerprint(_tuning_path())


def trained_on() -> str | None:
    model = linear_model.LinearModel.load(MODEL_PATH)
    return model.trained_on if model else None


def _training_data():
    from sms.screening.evaluation import EMERGENCY, load_corpus
    from sms.screening.screener import plain_words

    items = load_corpus("tuning")
    texts = [plain_words(item.text) for item in items]
    labels = [item.category if item.level == EMERGENCY else NONE for item in items]
    return items, texts, labels


def cross_validate(folds: int = 5, threshold: float = THRESHOLD) -> str:
    """Out-of-fold figures for the model on its own: how it would do on
    texts it has not seen."""
    from sklearn.model_selection import StratifiedKFold

    items, texts, labels = _training_data()
    crisis = [label != NONE for label in labels]
    flagged = [False] * len(items)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for train_rows, test_rows in splitter.split(texts, labels):
        train_texts, train_labels = [texts[i] for i in train_rows], [labels[i] for i in train_rows]
        vectoriser, classifier = linear_model.fit(train_texts, train_labels, SETTINGS)
        none_column = list(classifier.classes_).index(NONE)
        probabilities = classifier.predict_proba(vectoriser.transform([texts[i] for i in test_rows]))
        for row, p in zip(test_rows, probabilities, strict=True):
            flagged[row] = 1 - p[none_column] >= threshold
    hits = sum(f and c for f, c in zip(flagged, crisis, strict=True))
    alarms = sum(f and not c for f, c in zip(flagged, crisis, strict=True))
    return (
        f"model alone, {folds}-fold, threshold {threshold}: recall {hits}/{sum(crisis)}, "
        f"flags on non-emergency texts {alarms}/{len(crisis) - sum(crisis)}"
    )


def out_of_fold_screening(grid: dict[str, tuple[float, ...]], folds: int = 5) -> str:
    """The whole screener on the tuning half, each text given the opinion
    of a model trained without it (`folds`-fold), for every combination of
    the thresholds in `grid` (e.g. {"THRESHOLD": (0.75, 0.85)}): how the
    thresholds trade recall for false alarms on texts the model has not
    seen. (The patterns have seen them all, so both figures flatter them.)"""
    import itertools
    import sys
    from unittest import mock

    from sklearn.model_selection import StratifiedKFold

    from sms.screening.evaluation import evaluate

    items, texts, labels = _training_data()
    unseen: dict[tuple[str, ...], Opinion] = {}
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for train_rows, test_rows in splitter.split(texts, labels):
        vectoriser, classifier = linear_model.fit(
            [texts[i] for i in train_rows], [labels[i] for i in train_rows], SETTINGS
        )
        probabilities = classifier.predict_proba(vectoriser.transform([texts[i] for i in test_rows]))
        for row, p in zip(test_rows, probabilities, strict=True):
            crisis = {name: q for name, q in zip(classifier.classes_, p, strict=True) if name != NONE}
            unseen[tuple(texts[row])] = Opinion(sum(crisis.values()), max(crisis, key=crisis.get), ())

    def unseen_opinion(plain_words: list[str]) -> Opinion | None:
        if len(plain_words) < MIN_WORDS:
            return None
        return unseen.get(tuple(plain_words)) or shipped_opinion(plain_words)

    shipped_opinion, this_module = opinion, sys.modules[__name__]
    lines = []
    for values in itertools.product(*grid.values()):
        thresholds = dict(zip(grid, values, strict=True))
        with mock.patch.multiple(this_module, opinion=unseen_opinion, **thresholds):
            report = evaluate(items, name="tuning, out of fold")
        lines.append(
            ", ".join(f"{name} {value}" for name, value in thresholds.items())
            + f": recall {report.recall.hits}/{report.recall.total}, "
            f"false alarms {report.false_alarms.hits}/{report.false_alarms.total}"
        )
    return "\n".join(lines)


def write_model() -> None:
    """Retrain on the tuning half and replace `model.json`."""
    _, texts, labels = _training_data()
    contents = linear_model.weights_file(
        texts,
        labels,
        SETTINGS,
        about="weights for sms.screening.statistical: retrain with statistical.write_model()",
        source=_tuning_path(),
    )
    linear_model.write(MODEL_PATH, contents)
    _model.cache_clear()
