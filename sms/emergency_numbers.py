"""The emergency number to give someone in danger, for the country they text from.

A texter in danger must be told the number that works where they are: a UK
"999" is no help in Australia, and "911" goes nowhere in most of Europe.
Someone must never be given another country's number, so the table covers
every region the `phonenumbers` package knows, and an unknown country gets
None, never a guess (a reply can point to the international directory below
instead).

The table is data (sms/data/emergency_numbers.csv, sources named at its top):
`numbers` is the ambulance / medical emergency number to call from a mobile,
the one to give first first.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CSV_PATH = Path(__file__).parent / "data" / "emergency_numbers.csv"

# A free international directory of crisis lines by country, run by ThroughLine.
INTERNATIONAL_CRISIS_DIRECTORY = "findahelpline.com"


@dataclass(frozen=True)
class EmergencyNumbers:
    country: str  # ISO 3166-1 alpha-2, upper case
    name: str
    numbers: tuple[str, ...]  # the one to give first first

    @property
    def dial_text(self) -> str:
        """The first two numbers for a reply: "000" or "112 or 999"."""
        return " or ".join(self.numbers[:2])


@cache
def _table() -> dict[str, EmergencyNumbers]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {
            row["country"]: EmergencyNumbers(row["country"], row["name"], tuple(row["numbers"].split("/")))
            for row in rows
        }


def emergency_numbers_for(country: str | None) -> EmergencyNumbers | None:
    """The entry for an ISO country code (any case), None if unknown or blank."""
    return _table().get((country or "").strip().upper())
