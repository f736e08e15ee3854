"""What the screener knows, one module a concern: word classes and the risk
words it forgives typos in (`words`), the built-in crisis patterns
(`rules_*`, with their shared exceptions in `exceptions`), and the frames
that make a match not an emergency, or one all the same (`frames`).

Every entry is written in plain words (`sms.text.words` has already spelt
out txt-speak) in the pattern language of `sms.screening.patterns`. Editors
add patterns in the admin with the same syntax and classes.

Built-in patterns are numbered in the order of `BUILT_IN_RULES` (the reasons
name "built-in pattern N"), so new ones go at the end of `rules_rounds`.
"""

from __future__ import annotations

from sms.screening.lexicon import rules_added, rules_first, rules_rounds
from sms.screening.lexicon.frames import (
    ABOUT_A_TOPIC,
    ACUTE,
    ASKER,
    CONDITIONALS,
    EMBEDDED_QUESTION,
    EVER,
    INFORMATION_FRAMES,
    INTENT,
    KNOWN_NOW,
    LAUGHS,
    MEDICAL_FIGURES,
    MODEL_UNLESS,
    NOT_A_QUESTION,
    NOT_AGAIN,
    NOT_ASKING,
    PEOPLE_NOW,
    PERSONAL_NOW,
    PRESENT_AGAIN,
    QUESTION_WORDS,
    RESOLVED_FRAMES,
    SAYS_NOW,
    SERIOUS,
    SUPPORT_FRAMES,
)
from sms.screening.lexicon.words import (
    CLASSES,
    JOINED_WORDS,
    MEDICAL,
    NOT_TYPOS,
    OVERDOSE,
    RISK_WORDS,
    SELF_HARM,
    SUICIDE,
)

BUILT_IN_RULES: tuple[tuple, ...] = (*rules_first.RULES, *rules_added.RULES, *rules_rounds.RULES)

__all__ = [
    "ABOUT_A_TOPIC",
    "ACUTE",
    "ASKER",
    "BUILT_IN_RULES",
    "CLASSES",
    "CONDITIONALS",
    "EMBEDDED_QUESTION",
    "EVER",
    "INFORMATION_FRAMES",
    "INTENT",
    "JOINED_WORDS",
    "KNOWN_NOW",
    "LAUGHS",
    "MEDICAL",
    "MEDICAL_FIGURES",
    "MODEL_UNLESS",
    "NOT_AGAIN",
    "NOT_ASKING",
    "NOT_A_QUESTION",
    "NOT_TYPOS",
    "OVERDOSE",
    "PEOPLE_NOW",
    "PERSONAL_NOW",
    "PRESENT_AGAIN",
    "QUESTION_WORDS",
    "RESOLVED_FRAMES",
    "RISK_WORDS",
    "SAYS_NOW",
    "SELF_HARM",
    "SERIOUS",
    "SUICIDE",
    "SUPPORT_FRAMES",
]
