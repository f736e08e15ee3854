"""Text from outside (Twilio, the public API) as it can be stored.

PostgreSQL refuses NUL in text, and the other C0 and C1 control characters
only confuse whoever reads the text later (the admin, logs). They are
dropped, so anything sent can be stored as it was meant; tab, newline and
carriage return stay.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def storable(value: str) -> str:
    """`value` without control characters (tab, newline and CR kept)."""
    return _CONTROL.sub("", value)
