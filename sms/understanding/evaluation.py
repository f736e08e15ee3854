"""Measuring the matcher on labelled texts: accuracy and every miss.

The corpus (`corpus/tuning.txt`, `corpus/heldout.txt`) is plain text, one
`TOPIC/INTENT | text` a line (see the files' headers). The tuning half is
what the intent model learnt from and the matcher's built-in examples, so
its figures flatter; the held-out half is two other writers, never tuned on.
A text is right when both its topic and its intent are ("other" is right
when the matcher finds no intent). `python manage.py sms_intent_eval`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sms.corpus import CorpusError, labelled_lines
from sms.understanding.matcher import OTHER, Understanding, UnderstandingContext, understand

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SPLITS = ("tuning", "heldout")
MIN_ACCURACY = 0.95
NO_TOPIC = "none"


@dataclass(frozen=True)
class LabelledText:
    topic: str  # a topic's slug, or NO_TOPIC
    intent: str  # an intent's slug, or OTHER
    text: str
    source: str


def load_corpus(split: str) -> list[LabelledText]:
    items = []
    for label, message, source in labelled_lines(CORPUS_DIR / f"{split}.txt"):
        topic, _, intent = label.partition("/")
        if not topic or not intent:
            raise CorpusError(f"{source}: expected 'TOPIC/INTENT | text'")
        items.append(LabelledText(topic, intent, message, source))
    return items


@dataclass
class Report:
    name: str
    total: int = 0
    right: int = 0
    topic_right: int = 0
    intent_right: int = 0
    ambiguous: int = 0
    confident_and_wrong: int = 0
    by_intent: Counter = field(default_factory=Counter)
    by_intent_right: Counter = field(default_factory=Counter)
    misses: list[tuple[LabelledText, Understanding]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def passes_gate(self) -> bool:
        return self.accuracy >= MIN_ACCURACY


def evaluate(items: Iterable[LabelledText], *, context: UnderstandingContext, name: str) -> Report:
    report = Report(name=name)
    for item in items:
        result = understand(item.text, context=context)
        topic_ok = (result.topic or NO_TOPIC) == item.topic
        intent_ok = (result.intent or OTHER) == item.intent
        report.total += 1
        report.topic_right += topic_ok
        report.intent_right += intent_ok
        report.right += topic_ok and intent_ok
        report.ambiguous += result.ambiguous
        report.by_intent[item.intent] += 1
        report.by_intent_right[item.intent] += topic_ok and intent_ok
        if not (topic_ok and intent_ok):
            report.misses.append((item, result))
            if result.intent and not intent_ok:
                report.confident_and_wrong += 1
    return report


def format_report(report: Report) -> str:
    gate = "meets" if report.passes_gate else "FAILS"
    lines = [
        f"== {report.name} ==",
        f"accuracy (topic and intent right): {report.right}/{report.total} = {report.accuracy:.3f}"
        f"  (gate >= {MIN_ACCURACY}) {gate}",
        f"topic right: {report.topic_right}/{report.total}; "
        f"intent right: {report.intent_right}/{report.total}",
        f"ambiguous (menu): {report.ambiguous}; an intent given and wrong: {report.confident_and_wrong}",
        "by intent:",
        *(
            f"  {intent:14} {report.by_intent_right[intent]}/{count}"
            for intent, count in sorted(report.by_intent.items())
        ),
        f"misses ({len(report.misses)}):",
        *(
            f"  [{item.source}] {item.topic}/{item.intent} -> {result.summary()}: {item.text!r}\n"
            f"      why: {'; '.join(result.reasons)}"
            for item, result in report.misses
        ),
    ]
    return "\n".join(lines)
