"""Crisis screening: does a text say someone is in danger?

`screen(text, context=...)` is a pure function (no database): see
`sms.screening.screener`. Patterns use the small language in
`sms.screening.patterns`; the built-in ones are in `sms.screening.lexicon`.
"""

from sms.screening.patterns import PatternError
from sms.screening.screener import (
    CATEGORY_LABELS,
    Category,
    Level,
    Rule,
    Screening,
    ScreeningContext,
    compile_rule,
    example_key,
    screen,
)

__all__ = [
    "CATEGORY_LABELS",
    "Category",
    "Level",
    "PatternError",
    "Rule",
    "Screening",
    "ScreeningContext",
    "compile_rule",
    "example_key",
    "screen",
]
