"""Measuring the screener on labelled texts: the figures and every mistake.

The corpus (`corpus/tuning.txt`, `corpus/heldout.txt`) is plain text, one
`LABEL | text` a line (see the files' headers). Tune on the tuning half
only. The gate is the held-out half's figures against `MIN_RECALL` and
`MAX_FALSE_ALARM_RATE`, which `make test` asserts
(tests/sms/test_screening.py).
`python manage.py sms_screen_eval` prints both halves.

- recall: emergency texts the screener calls an emergency;
- false-alarm rate: ordinary texts (`none`, `info/...`) it flags at all
  (emergency or concern);
- concern texts are reported (flagged or not), not gated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sms.corpus import CorpusError, labelled_lines
from sms.screening.screener import Level, Screening, screen

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SPLITS = ("tuning", "heldout")
MIN_RECALL = 0.98
MAX_FALSE_ALARM_RATE = 0.03

EMERGENCY, CONCERN, INFO, NONE = "emergency", "concern", "info", "none"
_LEVELS = (EMERGENCY, CONCERN, INFO, NONE)


@dataclass(frozen=True)
class LabelledText:
    level: str  # emergency, concern, info or none
    category: str  # "" for none
    text: str
    source: str  # "heldout.txt:12", "staff label 5"

    @property
    def is_ordinary(self) -> bool:
        return self.level in (INFO, NONE)


def parse_label(label: str) -> tuple[str, str]:
    level, _, category = label.strip().partition("/")
    if level not in _LEVELS or (level != NONE and not category):
        raise CorpusError(f"unknown label {label!r}")
    return level, category


def load_corpus(split: str) -> list[LabelledText]:
    items = []
    for label, message, source in labelled_lines(CORPUS_DIR / f"{split}.txt"):
        try:
            level, category = parse_label(label)
        except CorpusError as exc:
            raise CorpusError(f"{source}: {exc}") from None
        items.append(LabelledText(level, category, message, source))
    return items


@dataclass
class Tally:
    total: int = 0
    hits: int = 0

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += int(hit)


@dataclass
class Report:
    name: str
    recall: Tally = field(default_factory=Tally)
    false_alarms: Tally = field(default_factory=Tally)
    concern_flagged: Tally = field(default_factory=Tally)
    category_agrees: Tally = field(default_factory=Tally)
    recall_by_category: dict[str, Tally] = field(default_factory=dict)
    false_alarms_by_category: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[LabelledText, Screening]] = field(default_factory=list)
    false_alarm_items: list[tuple[LabelledText, Screening]] = field(default_factory=list)
    unflagged_concerns: list[tuple[LabelledText, Screening]] = field(default_factory=list)

    @property
    def passes_gate(self) -> bool:
        return self.recall.rate >= MIN_RECALL and self.false_alarms.rate <= MAX_FALSE_ALARM_RATE


def evaluate(
    items: Iterable[LabelledText], *, name: str, screener: Callable[[str], Screening] = screen
) -> Report:
    report = Report(name=name)
    for item in items:
        result = screener(item.text)
        if item.level == EMERGENCY:
            caught = result.level == Level.EMERGENCY
            report.recall.add(caught)
            report.recall_by_category.setdefault(item.category, Tally()).add(caught)
            if caught:
                report.category_agrees.add(result.category == item.category)
            else:
                report.misses.append((item, result))
        elif item.level == CONCERN:
            report.concern_flagged.add(result.is_crisis)
            if not result.is_crisis:
                report.unflagged_concerns.append((item, result))
        else:
            report.false_alarms.add(result.is_crisis)
            report.false_alarms_by_category.setdefault(item.category or "plain", Tally()).add(
                result.is_crisis
            )
            if result.is_crisis:
                report.false_alarm_items.append((item, result))
    return report


def _line(item: LabelledText, result: Screening) -> str:
    label = f"{item.level}/{item.category}" if item.category else item.level
    why = "; ".join(result.reasons) or "nothing matched"
    return f"  [{item.source}] {label} -> {result.level}: {item.text!r}\n      why: {why}"


def format_report(report: Report, *, show_concerns: bool = True) -> str:
    gate = "meets" if report.passes_gate else "FAILS"
    recall, false_alarms = report.recall, report.false_alarms
    lines = [
        f"== {report.name} ==",
        f"recall (emergency -> emergency): {recall.hits}/{recall.total} = {recall.rate:.3f}"
        f"  (gate >= {MIN_RECALL})",
        f"false-alarm rate (ordinary flagged): {false_alarms.hits}/{false_alarms.total} = "
        f"{false_alarms.rate:.3f}  (gate <= {MAX_FALSE_ALARM_RATE})",
        f"concern texts flagged: {report.concern_flagged.hits}/{report.concern_flagged.total}",
        f"category right when caught: {report.category_agrees.hits}/{report.category_agrees.total}",
        f"{gate} the gate",
        "recall by category:",
        *(
            f"  {category:10} {tally.hits}/{tally.total} = {tally.rate:.3f}"
            for category, tally in sorted(report.recall_by_category.items())
        ),
        "false alarms by kind of ordinary text:",
        *(
            f"  {category:10} {tally.hits}/{tally.total} = {tally.rate:.3f}"
            for category, tally in sorted(report.false_alarms_by_category.items())
        ),
        f"misses ({len(report.misses)}):",
        *(_line(item, result) for item, result in report.misses),
        f"false alarms ({len(report.false_alarm_items)}):",
        *(_line(item, result) for item, result in report.false_alarm_items),
    ]
    if show_concerns:
        lines += [
            f"concern texts not flagged ({len(report.unflagged_concerns)}):",
            *(_line(item, result) for item, result in report.unflagged_concerns),
        ]
    return "\n".join(lines)
