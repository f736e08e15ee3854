"""SMS length arithmetic: GSM-7 or UCS-2, characters and segments.

A message that fits the GSM 03.38 alphabet is sent in GSM-7: 160 septets in
one segment, 153 per segment once split (the rest is the concatenation
header). Extension-table characters (``^{}\\[~]|€`` and form feed) take two
septets and are never split across segments. Anything else forces UCS-2 for
the whole message: 70 UTF-16 code units, 67 per segment when split; a
character outside the BMP (most emoji) is two units and is not split either.

The alphabet comes from the `gsm0338` package (its codec tables) rather than
a hand-typed list. Typographic characters that have a GSM-7 look-alike are
replaced first, so one curly apostrophe pasted from a word processor does not
turn a 2-segment reply into a 4-segment one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from gsm0338.charset import BASIC_CHARACTER_SET, BASIC_CHARACTER_SET_EXTENSION

GSM7 = "GSM-7"
UCS2 = "UCS-2"
SINGLE_LIMIT = {GSM7: 160, UCS2: 70}
PART_LIMIT = {GSM7: 153, UCS2: 67}

# Typographic characters -> their GSM-7 equivalents.
TYPOGRAPHIC_REPLACEMENTS = {
    "\u2018": "'",  # left single quote
    "\u2019": "'",  # right single quote / apostrophe
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",  # prime
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2012": "-",
    "\u2015": "-",
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u2026": "...",  # ellipsis
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u200b": "",  # zero-width space
    "\ufeff": "",
    "\u2022": "-",  # bullet
    "\u00b4": "'",
    "\u02bc": "'",
}


@cache
def _alphabets() -> tuple[frozenset[str], frozenset[str]]:
    # ESCAPE (0x1B) is the prefix for the extension table, not a character to send.
    basic = frozenset(unicodedata.lookup(name) for name in BASIC_CHARACTER_SET.values() if name != "ESCAPE")
    extension = frozenset(unicodedata.lookup(name) for name in BASIC_CHARACTER_SET_EXTENSION.values())
    return basic, extension


def gsm_cost(char: str) -> int | None:
    """Septets for `char` in GSM-7 (1 or 2), None if it is not in the alphabet."""
    basic, extension = _alphabets()
    if char in basic:
        return 1
    if char in extension:
        return 2
    return None


def replace_typography(text: str) -> str:
    """Swap curly quotes, dashes, ellipses and odd spaces for GSM-7 ones."""
    return "".join(TYPOGRAPHIC_REPLACEMENTS.get(char, char) for char in text)


def _units(text: str, encoding: str) -> list[int]:
    if encoding == GSM7:
        return [gsm_cost(char) or 0 for char in text]
    return [len(char.encode("utf-16-le")) // 2 for char in text]


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def encoding_for(text: str) -> str:
    return GSM7 if all(gsm_cost(char) for char in text) else UCS2


def analyse(text: str) -> SegmentInfo:
    """Encoding and segment count of `text` exactly as it would be sent."""
    encoding = encoding_for(text)
    units = _units(text, encoding)
    total = sum(units)
    if total == 0:
        return SegmentInfo(encoding, 0, 0)
    if total <= SINGLE_LIMIT[encoding]:
        return SegmentInfo(encoding, total, 1)
    # Split: fill each part, never splitting a two-unit character.
    limit, segments, used = PART_LIMIT[encoding], 1, 0
    for size in units:
        if used + size > limit:
            segments, used = segments + 1, 0
        used += size
    return SegmentInfo(encoding, total, segments)


def fits(text: str, *, max_segments: int) -> bool:
    return analyse(text).segments <= max_segments


def capacity(encoding: str, max_segments: int) -> int:
    """Units available in `max_segments` (ignoring the no-split rule)."""
    return SINGLE_LIMIT[encoding] if max_segments == 1 else PART_LIMIT[encoding] * max_segments


def shorten_to_fit(body: str, *, suffix: str, fits_in: Callable[[str], bool]) -> str:
    """`body` + `suffix`, shortening `body` at a word boundary (with "...")
    until `fits_in` the whole. The suffix (the helpline) is never cut: it is
    the part of the reply that matters most."""
    full = body + suffix
    if fits_in(full):
        return full
    words = body.split(" ")
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:.-") + "..." + suffix
        if fits_in(candidate):
            return candidate
    return suffix.lstrip()


def truncate_to_fit(body: str, *, suffix: str, max_segments: int) -> str:
    """`body` + `suffix` within `max_segments` SMS segments (`shorten_to_fit`)."""
    return shorten_to_fit(body, suffix=suffix, fits_in=lambda text: fits(text, max_segments=max_segments))
