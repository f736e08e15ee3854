"""Helpline reads: by country, which country a request wants, open/closed.

`open_now` is time-dependent, so responses that show it are cached only until
the next opening or closing of any helpline in them (`seconds_until_change`).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation.trans_real import parse_accept_lang_header

from cms.models import Helpline

COUNTRY_RE = re.compile(r"^[A-Za-z]{2}$")


def helpline_list() -> QuerySet[Helpline]:
    """All helplines with their hours; `?country=` is `api.filters.HelplineFilter`."""
    return Helpline.objects.prefetch_related("opening_hours").order_by("country", "sort_order", "name")


def country_from_accept_language(header: str) -> str | None:
    """The region of the most preferred language tag that has one:
    ``"en-GB,en;q=0.8"`` -> ``"GB"``."""
    for tag, _quality in parse_accept_lang_header(header or ""):
        parts = re.split(r"[-_]", tag)
        # Region subtags are two letters; skip scripts ("zh-Hant") and numeric regions.
        for part in parts[1:]:
            if COUNTRY_RE.match(part):
                return part.upper()
    return None


def country_for_request(*, explicit: str | None, accept_language: str) -> str:
    """``?country=`` wins, then the Accept-Language region, then the default."""
    if explicit:
        return explicit.upper()
    return country_from_accept_language(accept_language) or settings.API_DEFAULT_COUNTRY


def _next_change(helpline: Helpline, now: dt.datetime) -> dt.datetime | None:
    if helpline.is_24_7:
        return None
    tz = zoneinfo.ZoneInfo(helpline.time_zone)
    today = now.astimezone(tz).date()
    candidates = []
    for offset in range(-1, 9):
        day = today + dt.timedelta(days=offset)
        for hours in helpline.opening_hours.all():
            if hours.weekday != day.weekday():
                continue
            opens = dt.datetime.combine(day, hours.opens, tzinfo=tz)
            closes_day = day if hours.opens < hours.closes else day + dt.timedelta(days=1)
            closes = dt.datetime.combine(closes_day, hours.closes, tzinfo=tz)
            candidates += [moment for moment in (opens, closes) if moment > now]
    return min(candidates, default=None)


def seconds_until_change(helplines: Iterable[Helpline], *, now: dt.datetime | None = None) -> int | None:
    """Seconds until any of `helplines` opens or closes; None if never."""
    now = now or timezone.now()
    changes = [change for h in helplines if (change := _next_change(h, now)) is not None]
    if not changes:
        return None
    return max(1, int((min(changes) - now).total_seconds()) + 1)
