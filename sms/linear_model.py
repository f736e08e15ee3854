"""A small linear text classifier, shipped as a weights file, run in pure Python.

Both readers of texts use one: the crisis screener's second opinion
(`sms.screening.statistical`) and the intent matcher (`sms.understanding`).
Training is multinomial logistic regression over TF-IDF-weighted word and
character n-grams (`sms.text.ngrams`), done with scikit-learn, a development
tool only. At run time the weights file is read once and a text is scored by
counting its n-grams, weighting them (1 + log tf) * idf, L2-normalising and
dotting with each class's weights: no scikit-learn, no network, the same
answer every time, and the n-grams that drove a decision can be named.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sms import text


@dataclass(frozen=True)
class Settings:
    word_sizes: tuple[int, int] = (1, 2)
    char_sizes: tuple[int, int] = (3, 5)
    min_df: int = 2
    c: float = 10.0
    balanced: bool = True
    # Features whose weights are all smaller than this are left out of the
    # weights file: they barely move a score, and the file stays small.
    prune_below: float = 0.1

    def features(self, plain_words: list[str]) -> list[str]:
        return text.ngrams(plain_words, word_sizes=self.word_sizes, char_sizes=self.char_sizes)


@dataclass(frozen=True)
class Scored:
    probabilities: dict[str, float]
    # feature -> its weighted, normalised value in this text
    values: dict[str, float]


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    # feature -> (idf, weight per class)
    weights: dict[str, tuple[float, tuple[float, ...]]]
    trained_on: str | None = None  # SHA-256 of the training file

    @classmethod
    def load(cls, path: Path) -> LinearModel | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            classes=tuple(data["classes"]),
            intercepts=tuple(data["intercepts"]),
            weights={feature: (idf, tuple(weights)) for feature, (idf, weights) in data["features"].items()},
            trained_on=data.get("tuning_sha256"),
        )

    def score(self, features: Sequence[str]) -> Scored | None:
        """Class probabilities for a text's features, or None when the model
        knows none of them."""
        counts = Counter(feature for feature in features if feature in self.weights)
        if not counts:
            return None
        raw = {feature: (1 + math.log(count)) * self.weights[feature][0] for feature, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in raw.values())) or 1.0
        values = {feature: value / norm for feature, value in raw.items()}
        scores = list(self.intercepts)
        for feature, value in values.items():
            for column, weight in enumerate(self.weights[feature][1]):
                scores[column] += value * weight
        top_score = max(scores)
        exps = [math.exp(score - top_score) for score in scores]
        total = sum(exps)
        return Scored(dict(zip(self.classes, (e / total for e in exps), strict=True)), values)

    def explain(self, scored: Scored, towards: str, against: str, *, most: int = 3) -> tuple[str, ...]:
        """The n-grams that pushed hardest from `against` towards `towards`:
        word n-grams when any helped (they explain best), else characters."""
        index, other = self.classes.index(towards), self.classes.index(against)

        def push(feature: str) -> float:
            weights = self.weights[feature][1]
            return scored.values[feature] * (weights[index] - weights[other])

        words = sorted(
            (f for f in scored.values if f.startswith("w:") and push(f) > 0), key=push, reverse=True
        )
        pushes = words or sorted(scored.values, key=push, reverse=True)
        return tuple(feature[2:].strip() for feature in pushes[:most])


def fingerprint(path: Path) -> str:
    """SHA-256 of a training file: the weights file records the one it was
    trained on, and a test fails when it changed without a retrain."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- Training (development only: needs scikit-learn) -----------------------------


def fit(texts: list[list[str]], labels: list[str], settings: Settings):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=settings.features, min_df=settings.min_df, sublinear_tf=True)
    matrix = vectoriser.fit_transform(texts)
    classifier = LogisticRegression(
        C=settings.c, class_weight="balanced" if settings.balanced else None, max_iter=5000
    )
    classifier.fit(matrix, labels)
    return vectoriser, classifier


def weights_file(
    texts: list[list[str]], labels: list[str], settings: Settings, *, about: str, source: Path
) -> dict:
    """Fit and return a weights file's contents."""
    vectoriser, classifier = fit(texts, labels, settings)
    names = vectoriser.get_feature_names_out()
    return {
        "about": about,
        "tuning_sha256": fingerprint(source),
        "classes": [str(name) for name in classifier.classes_],
        "intercepts": [round(float(value), 5) for value in classifier.intercept_],
        "features": {
            str(name): [round(float(idf), 4), [round(float(w), 4) for w in classifier.coef_[:, column]]]
            for column, (name, idf) in enumerate(zip(names, vectoriser.idf_, strict=True))
            if abs(classifier.coef_[:, column]).max() >= settings.prune_below
        },
    }


def write(path: Path, contents: dict) -> None:
    path.write_text(json.dumps(contents, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
