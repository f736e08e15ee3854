"""Reading a text's commands: the compliance keywords (STOP, START, HELP),
the menu's (MENU or 0, and 1 to 9 to pick an option). Questions are read by
`sms.understanding`, danger by `sms.screening`.

Pure functions over plain strings, after `sms.text.normalise` (accents
dropped, case folded, punctuation turned into spaces).
"""

from __future__ import annotations

from sms.text import normalise

# CTIA / Twilio default opt-out, opt-in and help keywords (single-word texts).
OPT_OUT_KEYWORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
OPT_IN_KEYWORDS = frozenset({"START", "YES", "UNSTOP"})
# Opts in only someone opted out; from anyone else it answers a question.
OPT_IN_ONLY_WHEN_OPTED_OUT = frozenset({"YES"})
HELP_KEYWORDS = frozenset({"HELP", "INFO"})
RESERVED_KEYWORDS = OPT_OUT_KEYWORDS | OPT_IN_KEYWORDS | HELP_KEYWORDS

OPT_OUT, OPT_IN, HELP = "opt_out", "opt_in", "help"


def compliance_keyword(text: str, *, opted_out: bool) -> str | None:
    """OPT_OUT, OPT_IN or HELP for a single-word compliance text, else None.

    Exact words only (after case and punctuation): "Stop." opts out,
    "please don't stop" does not; a fuzzy STOP would be a false opt-out.
    YES opts in only a sender who is opted out.
    """
    words = normalise(text).upper().split()
    if len(words) != 1:
        return None
    word = words[0]
    if word in OPT_OUT_KEYWORDS:
        return OPT_OUT
    if word in OPT_IN_KEYWORDS and (opted_out or word not in OPT_IN_ONLY_WHEN_OPTED_OUT):
        return OPT_IN
    if word in HELP_KEYWORDS:
        return HELP
    return None


MENU_WORDS = frozenset({"MENU", "0", "OPTIONS"})


def is_menu_request(text: str) -> bool:
    """MENU or 0 (alone): show the numbered menu again."""
    return normalise(text).upper() in MENU_WORDS


def menu_choice(text: str) -> int | None:
    """1 to 9 for a text that is only that digit ("2", " 3. "), else None."""
    word = normalise(text)
    return int(word) if len(word) == 1 and word in "123456789" else None
