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
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
MIN_DF = 2
# Shorter texts ("n", "od") are left to the patterns: too little to go on.
MIN_WORDS = 3
C = 10.0
# Features whose weights are all smaller than this are left out of the
# weights file: they barely move a score, and the file stays small.
PRUNE_BELOW = 0.1


def features(plain_words: list[str]) -> list[str]:
    """Word n-grams ("w:took all") and character n-grams of each word with
    a space either side ("c: ki")."""
    result = []
    low, high = WORD_NGRAMS
    for n in range(low, high + 1):
        result.extend("w:" + " ".join(plain_words[i : i + n]) for i in range(len(plain_words) - n + 1))
    low, high = CHAR_NGRAMS
    for word in plain_words:
        padded = f" {word} "
        for n in range(low, high + 1):
            result.extend("c:" + padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return result


@dataclass(frozen=True)
class Opinion:
    probability: float  # that the text is a crisis of some category
    category: str  # the most likely crisis category
    top: tuple[str, ...]  # the n-grams that pushed hardest towards it


@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    # feature -> (idf, weight per class)
    weights: dict[str, tuple[float, tuple[float, ...]]]


@cache
def _model() -> _Model | None:
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return _Model(
        classes=tuple(data["classes"]),
        intercepts=tuple(data["intercepts"]),
        weights={feature: (idf, tuple(weights)) for feature, (idf, weights) in data["features"].items()},
    )


def opinion(plain_words: list[str]) -> Opinion | None:
    """The model's opinion of a text, or None without a model file."""
    model = _model()
    if model is None or len(plain_words) < MIN_WORDS:
        return None
    counts = Counter(feature for feature in features(plain_words) if feature in model.weights)
    if not counts:
        return None
    values = {feature: (1 + math.log(count)) * model.weights[feature][0] for feature, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
    scores = list(model.intercepts)
    for feature, value in values.items():
        for column, weight in enumerate(model.weights[feature][1]):
            scores[column] += value / norm * weight
    top_score = max(scores)
    exps = [math.exp(score - top_score) for score in scores]
    total = sum(exps)
    probabilities = dict(zip(model.classes, (e / total for e in exps), strict=True))
    crisis = {name: p for name, p in probabilities.items() if name != NONE}
    category = max(crisis, key=crisis.get)
    index, none_index = model.classes.index(category), model.classes.index(NONE)

    def push(feature: str) -> float:
        weights = model.weights[feature][1]
        return values[feature] / norm * (weights[index] - weights[none_index])

    # Word n-grams explain best; character n-grams only when no word helped.
    words_pushing = sorted((f for f in values if f.startswith("w:") and push(f) > 0), key=push, reverse=True)
    pushes = words_pushing or sorted(values, key=push, reverse=True)
    top = tuple(feature[2:].strip() for feature in pushes[:3])
    return Opinion(probability=sum(crisis.values()), category=category, top=top)


# --- Training (development only: needs scikit-learn) -----------------------------


def corpus_fingerprint() -> str:
    """SHA-256 of the tuning half: `model.json` records the one it was
    trained on, and a test fails when the corpus changed without a retrain."""
    from sms.screening.evaluation import CORPUS_DIR

    return hashlib.sha256((CORPUS_DIR / "tuning.txt").read_bytes()).hexdigest()


def trained_on() -> str | None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else {}
    return data.get("tuning_sha256")


def _training_data():
    from sms.screening.evaluation import EMERGENCY, load_corpus
    from sms.screening.screener import plain_words

    items = load_corpus("tuning")
    texts = [plain_words(item.text) for item in items]
    labels = [item.category if item.level == EMERGENCY else NONE for item in items]
    return items, texts, labels


def _fit(texts, labels):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=features, min_df=MIN_DF, sublinear_tf=True)
    matrix = vectoriser.fit_transform(texts)
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    classifier.fit(matrix, labels)
    return vectoriser, classifier


def train() -> dict:
    """Fit on the tuning half and return the weights file's contents."""
    _, texts, labels = _training_data()
    vectoriser, classifier = _fit(texts, labels)
    names = vectoriser.get_feature_names_out()
    return {
        "about": "weights for sms.screening.statistical: retrain with statistical.write_model()",
        "tuning_sha256": corpus_fingerprint(),
        "classes": [str(name) for name in classifier.classes_],
        "intercepts": [round(float(value), 5) for value in classifier.intercept_],
        "features": {
            str(name): [round(float(idf), 4), [round(float(w), 4) for w in classifier.coef_[:, column]]]
            for column, (name, idf) in enumerate(zip(names, vectoriser.idf_, strict=True))
            if abs(classifier.coef_[:, column]).max() >= PRUNE_BELOW
        },
    }


def cross_validate(folds: int = 5, threshold: float = THRESHOLD) -> str:
    """Out-of-fold figures for the model on its own: how it would do on
    texts it has not seen."""
    from sklearn.model_selection import StratifiedKFold

    items, texts, labels = _training_data()
    crisis = [label != NONE for label in labels]
    flagged = [False] * len(items)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for train_rows, test_rows in splitter.split(texts, labels):
        vectoriser, classifier = _fit([texts[i] for i in train_rows], [labels[i] for i in train_rows])
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


def write_model() -> None:
    """Retrain on the tuning half and replace `model.json`."""
    MODEL_PATH.write_text(json.dumps(train(), separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    _model.cache_clear()
