"""The crisis pattern language: one small syntax for the built-in patterns
and the ones editors write in the admin.

A pattern is words, matched against a text's plain words (`sms.text.words`:
txt-speak already spelt out, so write "can not", not "cant"):

    word          that word
    word*         a word starting with "word" (breath* = breath, breathe, breathing)
    @class        any entry of a word class, e.g. @other (my mate, he, she, my son ...)
    a b|c d       either of the word sequences "a b" or "c d"
    ...           up to four other words in between the parts around it

For example `can not|will not ... wake` matches "cant wake my boyfriend up".
Patterns are compiled to one regular expression over the words joined by
single spaces, so matching is fast and the matched words can be shown as
the reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

GAP = "..."
MAX_GAP_WORDS = 4
_WORD = re.compile(r"^[a-z0-9]+\*?$")
_CLASS = re.compile(r"^@([a-z_]+)$")


class PatternError(ValueError):
    """A pattern an editor wrote cannot be used; the message says why."""


@dataclass(frozen=True)
class Pattern:
    source: str
    regex: re.Pattern

    def search(self, joined_words: str) -> re.Match | None:
        return self.regex.search(joined_words)


def _alternative(word: str) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[a-z0-9]*"
    return re.escape(word)


def _word(word: str, classes: Mapping[str, tuple[str, ...]]) -> str:
    class_match = _CLASS.match(word)
    if class_match:
        name = class_match.group(1)
        if name not in classes:
            known = ", ".join(f"@{known}" for known in sorted(classes))
            raise PatternError(f"Unknown word class @{name}. Known classes: {known}.")
        # Longest entries first, so "my best friend" wins over "my".
        entries = sorted(classes[name], key=len, reverse=True)
        return "(?:" + "|".join(" ".join(_alternative(w) for w in entry.split()) for entry in entries) + ")"
    if not _WORD.match(word):
        raise PatternError(
            f"'{word}' is not a word: use lower-case letters and digits, a * at the end of a word, "
            "| between alternatives, @class or '...'."
        )
    if word.endswith("*") and len(word) < 4:
        raise PatternError(f"'{word}' is too short for a *: give at least three letters before it.")
    return _alternative(word)


def _segment(segment: str, classes: Mapping[str, tuple[str, ...]]) -> str:
    alternatives = [alternative.split() for alternative in segment.split("|")]
    if any(not words for words in alternatives):
        raise PatternError(f"'{segment.strip()}': an alternative is empty (two | in a row, or | at an end).")
    return "(?:" + "|".join(" ".join(_word(w, classes) for w in words) for words in alternatives) + ") "


def compile_pattern(source: str, *, classes: Mapping[str, tuple[str, ...]]) -> Pattern:
    """Compile `source`, or raise PatternError saying what is wrong."""
    cleaned = " ".join((source or "").lower().split())
    if not cleaned:
        raise PatternError("The pattern is empty.")
    segments = [segment.strip() for segment in cleaned.split(GAP)]
    if not segments[0] or not segments[-1]:
        raise PatternError("A pattern cannot start or end with '...'.")
    if any(not segment for segment in segments):
        raise PatternError("Two '...' in a row: one already allows up to four words.")
    gap = rf"(?:[a-z0-9]+ ){{0,{MAX_GAP_WORDS}}}"
    body = gap.join(_segment(segment, classes) for segment in segments)
    # Each segment ends with a space; texts are matched as " w1 w2 ... wn ".
    return Pattern(source=cleaned, regex=re.compile(r"(?<= )" + body))


def joined(words: list[str]) -> str:
    """Words as the compiled patterns expect them: ' w1 w2 ... wn '."""
    return " " + " ".join(words) + " "
