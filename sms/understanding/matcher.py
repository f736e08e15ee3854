"""Understanding an ordinary text: which topic it is about, and what it asks.

`understand(text, context=...)` is a pure function (no database), like the
crisis screener, which always reads a text first (`sms.screening`).

- Topic: a topic's names (its name, street names and other names, one list
  per topic) found among the text's words; multi-word names ("kit kat",
  "horse tranq") as a phrase; typos forgiven in names of five letters or
  more ("ketamin", "cocain"). A text that names no topic gets none: the
  reply decision falls back to the conversation's last topic or the
  helpline's default one.
- Intent: with the topic's names replaced by one placeholder word (so "ket
  effects" and "effects of coke" are the same question), the text is first
  compared with the intents' example questions (character and word n-grams,
  TF-IDF, cosine similarity): one all but identical decides. Otherwise the
  intent model (`sms.understanding.model`, trained on the corpus's tuning
  half) decides when it is sure enough; else the text is ambiguous and gets
  the menu, never a confident wrong answer. An "other" answer (thanks, hello,
  opening hours) is no intent.

Deterministic, and every decision says why: the names found, and the
closest example with its similarity. Chosen by measuring on the corpus in
`corpus/` (see `sms.understanding.evaluation`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from sms import text
from sms.understanding import model

OTHER = "other"  # examples of texts that ask none of the intents
DRUG = "thedrug"  # what a topic's name is replaced with before comparing
# An example at least this similar is the same question: its intent stands
# (how editors' new examples take effect before any retraining).
SAME_QUESTION = 0.8
# The intent model's best guess must be at least this likely, and this much
# likelier than the next, or the text is ambiguous and gets the menu.
MIN_PROBABILITY = 0.35
MIN_MARGIN = 0.05
MIN_TYPO_LENGTH = 5


@dataclass(frozen=True)
class Topic:
    slug: str
    names: tuple[str, ...]  # plain words ("special k", "ketamine"), the first one is shown


def topic_named(slug: str, names: Iterable[str]) -> Topic:
    """A topic whose names are read the way texts are (txt-speak spelt out,
    so the other name "Ket" is found however it is typed)."""
    plain = (" ".join(text.words(name)) for name in names)
    return Topic(slug, tuple(dict.fromkeys(name for name in plain if name)))


@dataclass(frozen=True)
class Example:
    intent: str  # an intent's slug, or OTHER
    text: str


@dataclass(frozen=True)
class Understanding:
    topic: str | None
    intent: str | None  # None: no intent (an "other" text, or ambiguous)
    reasons: tuple[str, ...]
    ambiguous: bool = False

    def summary(self) -> str:
        topic = self.topic or "no topic named"
        intent = self.intent or ("ambiguous" if self.ambiguous else "no intent")
        return f"{topic} / {intent}"


@dataclass(frozen=True)
class UnderstandingContext:
    """The topics with their names, and the example questions of each intent."""

    topics: tuple[Topic, ...] = ()
    examples: tuple[Example, ...] = ()

    @cached_property
    def index(self) -> _ExampleIndex:
        return _ExampleIndex.build(self.examples, self.topics)


@cache
def topic_names(topics: tuple[Topic, ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(name as words, topic slug), longest names first (worked out once per
    set of topics, not once per text)."""
    names = [(tuple(name.split()), topic.slug) for topic in topics for name in topic.names if name.strip()]
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def find_topic(words: list[str], topics: Iterable[Topic]) -> tuple[str | None, list[str], list[str]]:
    """(topic slug or None, the text's words with topic names replaced by
    DRUG, the names found as typed)."""
    names = topic_names(tuple(topics))
    found: list[str] = []
    slugs: list[str] = []
    result: list[str] = []
    position = 0
    while position < len(words):
        for name, slug in names:
            size = len(name)
            window = words[position : position + size]
            if len(window) < size:
                continue
            joined, target = " ".join(window), " ".join(name)
            close = len(target) >= MIN_TYPO_LENGTH and text.is_close(target, joined)
            if joined == target or close:
                found.append(joined)
                slugs.append(slug)
                result.append(DRUG)
                position += size
                break
        else:
            result.append(words[position])
            position += 1
    topic = Counter(slugs).most_common(1)[0][0] if slugs else None
    return topic, result, found


class _ExampleIndex:
    """Example questions as TF-IDF vectors of n-grams, with an inverted index
    so a text is compared only with examples it shares something with."""

    def __init__(self, examples: list[tuple[Example, dict[str, float]]], idf: dict[str, float]):
        self.examples = examples
        self.idf = idf
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for number, (_, vector) in enumerate(examples):
            for feature, weight in vector.items():
                self.postings[feature].append((number, weight))

    @classmethod
    def build(cls, examples: Iterable[Example], topics: Iterable[Topic]) -> _ExampleIndex:
        topics = tuple(topics)
        counted = [(example, _counts(example.text, topics)) for example in examples]
        counted = [(example, counts) for example, counts in counted if counts]
        documents = Counter(feature for _, counts in counted for feature in counts)
        total = len(counted)
        idf = {feature: math.log((1 + total) / (1 + seen)) + 1 for feature, seen in documents.items()}
        return cls([(example, _vector(counts, idf)) for example, counts in counted], idf)

    def best(self, counts: Counter) -> tuple[float, Example] | None:
        """(cosine similarity, example) for the example most like `counts`
        (ties: by intent, then text), or None when none shares a feature.
        Only the best one is used, so the ~1,400 candidates are not sorted,
        and only those tied for it are compared by intent and text."""
        vector = _vector(
            {feature: count for feature, count in counts.items() if feature in self.idf}, self.idf
        )
        totals: dict[int, float] = defaultdict(float)
        for feature, weight in vector.items():
            for number, other in self.postings.get(feature, ()):
                totals[number] += weight * other
        if not totals:
            return None
        top = max(totals.values())
        tied = (self.examples[number][0] for number, score in totals.items() if score == top)
        return top, min(tied, key=lambda example: (example.intent, example.text))


def _plain(message: str, topics: Iterable[Topic]) -> tuple[str | None, list[str], list[str]]:
    return find_topic(text.words(message), topics)


def _example_features(words: list[str]) -> Counter:
    """Word 1-2-grams: enough to know the same question asked again, and
    quick to compare with every example."""
    return Counter(text.ngrams(words, char_sizes=None))


def _counts(message: str, topics: Iterable[Topic]) -> Counter:
    _, words, _ = _plain(message, topics)
    return _example_features(words)


def _vector(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    values = {feature: (1 + math.log(count)) * idf[feature] for feature, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in values.values())) or 1.0
    return {feature: value / norm for feature, value in values.items()}


def understand(message: str, *, context: UnderstandingContext) -> Understanding:
    """The topic and intent of one ordinary text, with the reasons."""
    topic, words, found = _plain(message, context.topics)
    reasons = [f"names {', '.join(repr(name) for name in found)} ({topic})"] if topic else []
    best = context.index.best(_example_features(words))
    if best and best[0] >= SAME_QUESTION:
        score, example = best
        reasons.append(f"the same question as the example {example.text!r} ({example.intent}, {score:.2f})")
        return Understanding(topic, None if example.intent == OTHER else example.intent, tuple(reasons))
    guess = model.guess(words)
    if guess is None:
        reasons.append("no word in it that the intent model knows")
        return Understanding(topic, None, tuple(reasons), ambiguous=True)
    said = (
        f"the intent model: {guess.intent} ({guess.probability:.2f}, from {', '.join(map(repr, guess.top))})"
    )
    if guess.probability < MIN_PROBABILITY or guess.probability - guess.runner_up < MIN_MARGIN:
        reasons.append(f"{said}: not sure enough (next {guess.runner_up:.2f})")
        return Understanding(topic, None, tuple(reasons), ambiguous=True)
    reasons.append(said)
    return Understanding(topic, None if guess.intent == OTHER else guess.intent, tuple(reasons))
