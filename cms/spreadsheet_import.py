"""Import plans: what a spreadsheet would create, change and leave alone.

An import happens in two steps so that nothing is written by surprise:
`*_plan` reads the rows against the database and returns an `ImportPlan`
(per row: created, changed with each field's old and new value, unchanged,
or an error naming the row); the editor reviews it; `*_apply` writes exactly
that plan in one transaction. The plan's `digest` covers every value it
would write and every old value it saw, so the view can refuse to apply a
plan when the database moved between preview and confirmation.

Rows are matched, not replaced: a row that is missing from the file leaves
its helpline or answer alone (nothing is deleted by import).

- Helplines: matched by ``id`` when the column has one, else by country and
  name. A column absent from the file keeps the helpline's value (new
  helplines get the model's default), so a service can send just names,
  countries and numbers.
- SMS answers (`cms.spreadsheet_sms_answers`): matched by topic slug and
  question type; they are saved as a draft of their topic, to go through
  Clinical review like any other edit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import transaction
from phonenumbers import shortnumberinfo
from wagtail.log_actions import log

from cms.models import Helpline, HelplineOpeningHours


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the heading row is 1
    message: str


@dataclass
class RowChange:
    row: int
    label: str
    key: int | str | None  # what the row updates (None: a new object)
    values: dict[str, str]  # the row's values, normalised as export writes them
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (old, new)


@dataclass
class ImportPlan:
    created: list[RowChange] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    unchanged: list[RowChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def can_apply(self) -> bool:
        """All or nothing: one bad row and no row is imported."""
        return not self.errors and bool(self.created or self.changed)

    @property
    def digest(self) -> str:
        """Stable hash of everything the plan would write and every old value it saw."""
        payload = {
            name: [[c.row, c.key, c.values, c.changes] for c in getattr(self, name)]
            for name in ("created", "changed", "unchanged")
        }
        payload["errors"] = [[e.row, e.message] for e in self.errors]
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


class PlanChangedError(Exception):
    """The database changed since the preview: preview again."""


# ---- helplines ---------------------------------------------------------

HELPLINE_COLUMNS = (
    "id",
    "name",
    "organisation",
    "country",
    "category",
    "is_emergency",
    "phone_number",
    "text_number",
    "text_keyword",
    "website",
    "is_24_7",
    "time_zone",
    "opening_hours",
    "cost",
    "languages",
    "referral_disclosure",
    "notes",
    "sort_order",
)
_BOOLEAN_COLUMNS = ("is_emergency", "is_24_7")
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_WEEKDAYS = {label[:3].lower(): value for value, label in HelplineOpeningHours.Weekday.choices}
_WEEKDAY_NAMES = {value: label[:3] for value, label in HelplineOpeningHours.Weekday.choices}


def helpline_row(helpline: Helpline) -> dict[str, str]:
    """A helpline as one spreadsheet row (uses `opening_hours.all()`: prefetch it)."""
    row = {name: str(getattr(helpline, name)) for name in HELPLINE_COLUMNS if name != "opening_hours"}
    for name in _BOOLEAN_COLUMNS:
        row[name] = "yes" if getattr(helpline, name) else "no"
    row["opening_hours"] = opening_hours_text(
        [(h.weekday, h.opens, h.closes) for h in helpline.opening_hours.all()]
    )
    return row


def helpline_export_rows() -> list[dict[str, str]]:
    return [helpline_row(h) for h in Helpline.objects.prefetch_related("opening_hours")]


def opening_hours_text(windows: list[tuple[int, dt.time, dt.time]]) -> str:
    """``Mon 09:00-17:00; Sat 10:00-14:00`` (a window may run past midnight)."""
    return "; ".join(f"{_WEEKDAY_NAMES[day]} {opens:%H:%M}-{closes:%H:%M}" for day, opens, closes in windows)


def opening_hours_parse(text: str) -> list[tuple[int, dt.time, dt.time]]:
    """The reverse of `opening_hours_text`; ValueError naming the bad part."""
    windows = []
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        try:
            day, span = part.split(None, 1)
            opens, closes = (dt.datetime.strptime(t.strip(), "%H:%M").time() for t in span.split("-"))
            windows.append((_WEEKDAYS[day[:3].lower()], opens, closes))
        except (KeyError, ValueError):
            raise ValueError(f"Opening hours: cannot read {part!r}; write e.g. 'Mon 09:00-17:00'.") from None
    return windows


def _phone_is_valid(number: str, country: str) -> bool:
    """A full number, or a short code valid in `country` (999, 116 123, 82111)."""
    try:
        parsed = phonenumbers.parse(number, country)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number_for_region(
        parsed, country
    )


def _normalise_helpline(raw: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The row's values in export form (only the columns the file has) and its problems."""
    values: dict[str, str] = {}
    problems: list[str] = []
    for name in HELPLINE_COLUMNS:
        if name == "id" or name not in raw:
            continue
        value = raw[name].strip()
        if name in _BOOLEAN_COLUMNS:
            if value.lower() not in _TRUE | _FALSE:
                problems.append(f"{name}: write yes or no, not {value!r}.")
            value = "yes" if value.lower() in _TRUE else "no"
        elif name == "country":
            value = value.upper()
            if value not in phonenumbers.SUPPORTED_REGIONS:
                problems.append(f"country: {value!r} is not an ISO country code such as GB or US.")
        elif name == "category":
            by_label = {label.lower(): key for key, label in Helpline.Category.choices}
            value = by_label.get(value.lower(), value.lower())
        elif name == "opening_hours":
            try:
                value = opening_hours_text(opening_hours_parse(value))
            except ValueError as exc:
                problems.append(str(exc))
        elif name == "sort_order" and value == "":
            value = "100"
        values[name] = value
    return values, problems


def _helpline_target(raw: dict[str, str], values: dict[str, str], existing: dict) -> Helpline | None:
    """The helpline a row updates, None for a new one; ValueError when the row names none or several."""
    given_id = raw.get("id", "").strip()
    if given_id:
        try:
            return existing["by_id"][int(given_id)]
        except (KeyError, ValueError):
            raise ValueError(f"id: there is no helpline {given_id!r}; leave id empty to add one.") from None
    key = (values.get("country", ""), values.get("name", "").casefold())
    matches = existing["by_name"].get(key, [])
    if len(matches) > 1:
        raise ValueError(f"{len(matches)} helplines are called {values.get('name')!r} here: give the id.")
    return matches[0] if matches else None


def _apply_values(helpline: Helpline, values: dict[str, str]) -> None:
    for name, value in values.items():
        if name in _BOOLEAN_COLUMNS:
            setattr(helpline, name, value == "yes")
        elif name == "sort_order":
            setattr(helpline, name, int(value) if value.isdigit() else value)
        elif name != "opening_hours":
            setattr(helpline, name, value)


def helpline_plan(rows: list[dict[str, str]]) -> ImportPlan:
    """What importing `rows` would do to the helplines (reads only)."""
    plan = ImportPlan()
    all_helplines = list(Helpline.objects.prefetch_related("opening_hours"))
    existing: dict = {"by_id": {h.pk: h for h in all_helplines}, "by_name": {}}
    for helpline in all_helplines:
        existing["by_name"].setdefault((helpline.country, helpline.name.casefold()), []).append(helpline)
    seen: dict[int, int] = {}
    for number, raw in enumerate(rows, start=2):
        values, problems = _normalise_helpline(raw)
        try:
            target = _helpline_target(raw, values, existing)
        except ValueError as exc:
            plan.errors.append(RowError(number, str(exc)))
            continue
        if target is not None and target.pk in seen:
            problems.append(f"the same helpline as row {seen[target.pk]}.")
        if target is not None:
            seen[target.pk] = number
        old = helpline_row(target) if target else {}
        candidate = _copy(target) if target else Helpline()
        _apply_values(candidate, values)
        problems += _helpline_problems(candidate)
        label = f"{candidate.name or '(no name)'} ({candidate.country or '??'})"
        if problems:
            plan.errors.extend(RowError(number, f"{label}: {problem}") for problem in problems)
            continue
        if target is None:
            plan.created.append(RowChange(number, label, None, values))
            continue
        changes = {name: (old[name], new) for name, new in values.items() if old[name] != new}
        bucket = plan.changed if changes else plan.unchanged
        bucket.append(RowChange(number, label, target.pk, values, changes))
    return plan


def _copy(helpline: Helpline) -> Helpline:
    """An unsaved copy to try the row's values on (the original stays as it was)."""
    return Helpline(**{f.attname: getattr(helpline, f.attname) for f in Helpline._meta.concrete_fields})


def _helpline_problems(candidate: Helpline) -> list[str]:
    problems = []
    try:
        # No unique fields but the id, which the copy shares with its original.
        candidate.full_clean(validate_unique=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            where = "" if name == "__all__" else f"{name}: "
            problems.extend(f"{where}{message}" for message in messages)
    for name in ("phone_number", "text_number"):
        number = getattr(candidate, name)
        known_country = candidate.country in phonenumbers.SUPPORTED_REGIONS
        if number and known_country and not _phone_is_valid(number, candidate.country):
            problems.append(f"{name}: {number!r} is not a valid number in {candidate.country}.")
    return problems


@transaction.atomic
def helpline_apply(*, rows: list[dict[str, str]], digest: str, user) -> ImportPlan:
    """Write the plan the editor saw (`digest`), all rows or none.
    PlanChangedError when the rows now plan differently."""
    list(Helpline.objects.select_for_update().values_list("pk", flat=True))
    plan = helpline_plan(rows)
    if plan.digest != digest or not plan.can_apply:
        raise PlanChangedError
    existing = Helpline.objects.in_bulk([change.key for change in plan.changed])
    for change in [*plan.created, *plan.changed]:
        helpline = Helpline() if change.key is None else existing[change.key]
        _apply_values(helpline, change.values)
        if "opening_hours" in change.values:
            helpline.opening_hours = [
                HelplineOpeningHours(weekday=day, opens=opens, closes=closes)
                for day, opens, closes in opening_hours_parse(change.values["opening_hours"])
            ]
        helpline.save()
        log(helpline, "wagtail.create" if change.key is None else "wagtail.edit", user=user)
    return plan
