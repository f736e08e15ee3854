"""Reading a text: compliance keywords and editor keywords (the crisis
screener is `sms.screening`).

Pure functions over plain strings (the database reads are in
`sms/selectors.py`), so they are quick to test exhaustively.

Texts are normalised first (`sms.text.normalise`: accents dropped, case
folded, apostrophes removed, other punctuation turned into spaces). Typo
tolerance (`sms.text.is_close`) is bounded by word length and needs the same
first letter, so "ketamien" finds KETAMINE and "sings" finds SIGNS while
short or unrelated words ("kettle", "signal", "ok") find nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sms.text import is_close, normalise

# CTIA / Twilio default opt-out, opt-in and help keywords (single-word texts).
OPT_OUT_KEYWORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
OPT_IN_KEYWORDS = frozenset({"START", "YES", "UNSTOP"})
HELP_KEYWORDS = frozenset({"HELP", "INFO"})
RESERVED_KEYWORDS = OPT_OUT_KEYWORDS | OPT_IN_KEYWORDS | HELP_KEYWORDS

OPT_OUT, OPT_IN, HELP = "opt_out", "opt_in", "help"


def compliance_keyword(text: str) -> str | None:
    """OPT_OUT, OPT_IN or HELP for a single-word compliance text, else None.

    Exact words only (after case and punctuation): "Stop." opts out,
    "please don't stop" does not; a fuzzy STOP would be a false opt-out.
    """
    words = normalise(text).upper().split()
    if len(words) != 1:
        return None
    word = words[0]
    if word in OPT_OUT_KEYWORDS:
        return OPT_OUT
    if word in OPT_IN_KEYWORDS:
        return OPT_IN
    if word in HELP_KEYWORDS:
        return HELP
    return None


def _windows(words: list[str], size: int) -> Iterable[str]:
    for start in range(len(words) - size + 1):
        yield " ".join(words[start : start + size])


@dataclass(frozen=True)
class KeywordCandidate:
    keyword_id: int
    term: str  # normalised keyword or alias
    sort_order: int = 100


def keyword_match(text: str, candidates: Iterable[KeywordCandidate]) -> int | None:
    """Id of the keyword `text` asks for, or None.

    A text that is exactly a keyword or alias wins; otherwise a keyword or
    alias appearing among its words ("what are the signs?"), the longest
    (most specific) first, then by the keyword's sort order. Typos are only
    tolerated for words of four letters or more.
    """
    normalised = normalise(text)
    if not normalised:
        return None
    words = normalised.split()
    best: tuple | None = None
    for candidate in candidates:
        term = candidate.term
        if not term:
            continue
        size = len(term.split())
        if normalised == term:
            rank = (0, 0, -len(term), candidate.sort_order)
        elif any(window == term for window in _windows(words, size)):
            rank = (1, 0, -len(term), candidate.sort_order)
        elif any(is_close(term, window) for window in _windows(words, size)):
            rank = (1, 1, -len(term), candidate.sort_order)
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, candidate.keyword_id)
    return best[1] if best else None
