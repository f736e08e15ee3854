"""The crisis screener: one pure function from a text to a decision with reasons.

Technique (chosen by measuring on the corpus in `corpus/`, see
`sms.screening.evaluation`): curated patterns with gaps allowed, over the
text's plain words, with typos forgiven in the risk vocabulary only; then
frames that make a match *not* an emergency: a question asking for
information with nothing happening now, a hypothetical ("if someone ..."),
or a past, resolved event. Deterministic, and every decision says why.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from sms import text
from sms.screening import lexicon
from sms.screening.patterns import Pattern, compile_pattern, joined


class Level(enum.StrEnum):
    EMERGENCY = "emergency"  # danger now
    CONCERN = "concern"  # distress or risk, but not now
    NONE = "none"


class Category(enum.StrEnum):
    OVERDOSE = lexicon.OVERDOSE
    MEDICAL = lexicon.MEDICAL
    SUICIDE = lexicon.SUICIDE
    SELF_HARM = lexicon.SELF_HARM


CATEGORY_LABELS = {
    Category.OVERDOSE: "Overdose or poisoning",
    Category.MEDICAL: "Medical emergency",
    Category.SUICIDE: "Suicidal intent or ideation",
    Category.SELF_HARM: "Self-harm",
}

# When a text matches several categories, the one named first describes it
# best ("took all my pills to end it" is about suicide).
_CATEGORY_ORDER = (Category.SUICIDE, Category.SELF_HARM, Category.OVERDOSE, Category.MEDICAL)
_LEVEL_ORDER = (Level.NONE, Level.CONCERN, Level.EMERGENCY)


@dataclass(frozen=True)
class Rule:
    category: Category
    level: Level
    pattern: Pattern
    unless: tuple[Pattern, ...] = ()  # any of these in the text cancels the match
    requires: tuple[Pattern, ...] = ()  # one of these must be in the text too
    origin: str = "built-in"


@dataclass(frozen=True)
class Screening:
    level: Level
    category: Category | None
    reasons: tuple[str, ...]
    # An information question about a risk ("what happens if you overdose"):
    # not flagged, but the reply leads with the emergency number.
    asks_about: Category | None = None

    @property
    def is_crisis(self) -> bool:
        return self.level != Level.NONE

    def summary(self) -> str:
        """'Emergency: Overdose or poisoning', 'Not a crisis (asks about ...)'."""
        if self.level == Level.NONE:
            about = f" (asks about {CATEGORY_LABELS[self.asks_about].lower()})" if self.asks_about else ""
            return f"Not a crisis{about}"
        category = CATEGORY_LABELS[self.category] if self.category else "uncategorised"
        return f"{self.level.capitalize()}: {category}"


@dataclass(frozen=True)
class ScreeningContext:
    """What editors add: their patterns, and example texts with the decision
    they must get (keyed by `example_key`)."""

    rules: tuple[Rule, ...] = ()
    examples: Mapping[str, tuple[Level, Category | None]] = field(default_factory=dict)


def compile_rule(
    *,
    category: str,
    pattern: str,
    level: str = Level.EMERGENCY,
    unless: tuple[str, ...] = (),
    requires: tuple[str, ...] = (),
    origin: str,
) -> Rule:
    """A Rule from pattern sources; raises PatternError when one is unusable."""
    return Rule(
        category=Category(category),
        level=Level(level),
        pattern=compile_pattern(pattern, classes=lexicon.CLASSES),
        unless=_compile_any(tuple(source for source in unless if source.strip())),
        requires=_compile_any(tuple(source for source in requires if source.strip())),
        origin=origin,
    )


def _compile_any(sources: tuple[str, ...]) -> tuple[Pattern, ...]:
    return tuple(compile_pattern(source, classes=lexicon.CLASSES) for source in sources)


@cache
def _built_in() -> tuple[tuple[Rule, ...], dict[str, tuple[Pattern, ...]]]:
    rules = tuple(
        compile_rule(
            category=category,
            pattern=pattern,
            unless=unless,
            requires=requires[0] if requires else (),
            origin=f"built-in pattern {number}",
        )
        for number, (category, pattern, unless, *requires) in enumerate(lexicon.BUILT_IN_RULES, start=1)
    )
    frames = {
        "information": _compile_any(lexicon.INFORMATION_FRAMES),
        "personal_now": _compile_any(lexicon.PERSONAL_NOW),
        "resolved": _compile_any(lexicon.RESOLVED_FRAMES),
        "present_again": _compile_any(lexicon.PRESENT_AGAIN),
    }
    return rules, frames


@cache
def _misspellings() -> dict[str, str]:
    return {wrong: right for right, wrongs in lexicon.RISK_WORDS.items() for wrong in wrongs}


def _correct(word: str) -> str:
    """`word`, or the risk word it is a typo of."""
    if word in lexicon.RISK_WORDS:
        return word
    known = _misspellings().get(word)
    if known:
        return known
    if len(word) < 6 or not word.isalpha():
        return word
    for risk_word in lexicon.RISK_WORDS:
        if len(risk_word) >= 7 and text.is_close(risk_word, word, allowed=1 if len(risk_word) < 10 else 2):
            return risk_word
    return word


def example_key(message: str) -> str:
    """How an editor's example text is compared with a text: its plain words."""
    return " ".join(_correct(word) for word in text.words(message))


def _first(patterns: tuple[Pattern, ...], line: str):
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return match
    return None


@dataclass(frozen=True)
class _Opening:
    """A question word at the start of a text, quoted like a match."""

    word: str

    def group(self, _index: int) -> str:
        return self.word


def _quote(match) -> str:
    return "'" + match.group(0).strip() + "'"


def screen(message: str, *, context: ScreeningContext | None = None) -> Screening:
    """Screen one text. Pure and deterministic: same text, same context,
    same decision, with the reasons for it."""
    context = context or ScreeningContext()
    rules, frames = _built_in()
    plain = text.words(message)
    corrected = [_correct(word) for word in plain]
    reasons = [f"'{was}' read as '{now}'" for was, now in zip(plain, corrected, strict=True) if was != now]
    line = joined(corrected)

    example = context.examples.get(" ".join(corrected))
    if example is not None:
        level, category = example
        reasons.append(f"the same words as an editors' example labelled {level}")
        return Screening(Level(level), Category(category) if category else None, tuple(reasons))

    hits: list[tuple[Rule, object]] = []
    for rule in (*rules, *context.rules):
        match = rule.pattern.search(line)
        if not match:
            continue
        # A risk word on its own ("od", "suicidal") is alarming; in a longer
        # text it needs something that ties it to a person or to now.
        if rule.requires and len(corrected) > 3 and not _first(rule.requires, line):
            continue
        cancel = _first(rule.unless, line)
        if cancel:
            reasons.append(f"{rule.category} pattern ({rule.origin}) set aside by {_quote(cancel)}")
            continue
        hits.append((rule, match))
    if not hits:
        return Screening(Level.NONE, None, tuple(reasons))

    category = next(c for c in _CATEGORY_ORDER if any(rule.category == c for rule, _ in hits))
    for rule, match in hits:
        reasons.append(f"{rule.category}: {_quote(match)} ({rule.origin})")

    def hypothetical(rule: Rule, match) -> bool:
        # "if someone overdoses", "in case a friend ...": but "if i was gone"
        # is how people say they want to die, not a hypothetical.
        if rule.category in (Category.SUICIDE, Category.SELF_HARM) and about_the_texter(match):
            return False
        before = line[: match.start()].split()[-6:]
        for index, word in enumerate(before):
            if word in lexicon.CONDITIONALS:
                after = (before[index + 1 :] or match.group(0).split())[0]
                if after != "i" or rule.category in (Category.OVERDOSE, Category.MEDICAL):
                    return True
        return False

    def about_the_texter(match) -> bool:
        return bool({"i", "me", "my", "myself"} & set(match.group(0).split()))

    if all(hypothetical(rule, match) for rule, match in hits):
        reasons.append("not an emergency: hypothetical ('if ...')")
        return Screening(Level.NONE, None, tuple(reasons), asks_about=category)
    information = _first(frames["information"], line)
    first_word = next(iter(text.normalise(message).split()), "")  # as typed: "cant" is no question
    if not information and first_word in lexicon.QUESTION_WORDS:
        information = _Opening(first_word)
    personal = _first(frames["personal_now"], line) or any(about_the_texter(match) for _, match in hits)
    if information and not personal:
        reasons.append(f"not an emergency: a question asking for information ({_quote(information)})")
        return Screening(Level.NONE, None, tuple(reasons), asks_about=category)
    resolved = _first(frames["resolved"], line)
    if resolved:
        again = _first(frames["present_again"], line)
        if not again:
            reasons.append(f"not an emergency: past or resolved ({_quote(resolved)})")
            return Screening(Level.NONE, None, tuple(reasons))
        reasons.append(f"past ({_quote(resolved)}) but happening again ({_quote(again)})")
    level = max((rule.level for rule, _ in hits), key=_LEVEL_ORDER.index)
    return Screening(level, category, tuple(reasons))
