"""Helpline validation and opening hours."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from cms.models import Helpline

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(year, month, day, hour, minute=0, tz=LONDON):
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)


def test_office_hours_in_the_helplines_own_time_zone(helpline_factory):
    # 2026-11-23 is a Monday.
    line = helpline_factory(opening_hours=[(0, "09:00", "17:00")])
    assert not line.is_24_7
    assert line.is_open_at(at(2026, 11, 23, 9))
    assert not line.is_open_at(at(2026, 11, 23, 17))
    assert not line.is_open_at(at(2026, 11, 24, 10))  # Tuesday
    # 08:30 in New York is 13:30 in London.
    assert line.is_open_at(at(2026, 11, 23, 8, 30, tz=zoneinfo.ZoneInfo("America/New_York")))


def test_overnight_window_runs_into_the_next_day(helpline_factory):
    line = helpline_factory(opening_hours=[(4, "20:00", "02:00")])  # Friday night
    assert line.is_open_at(at(2026, 11, 27, 23))
    assert line.is_open_at(at(2026, 11, 28, 1, 59))
    assert not line.is_open_at(at(2026, 11, 28, 2))
    assert not line.is_open_at(at(2026, 11, 27, 19))


def test_24_7_is_always_open(helpline_factory):
    assert helpline_factory(is_24_7=True).is_open_at(at(2026, 12, 25, 3))


def test_clean_rejects_unknown_time_zone_and_no_contact_route():
    line = Helpline(name="x", country="gb", time_zone="Mars/Olympus", phone_number="1")
    with pytest.raises(ValidationError) as excinfo:
        line.full_clean()
    assert "time_zone" in excinfo.value.message_dict
    line = Helpline(name="x", country="gb", time_zone="Europe/London")
    with pytest.raises(ValidationError, match="at least a phone number"):
        line.full_clean()
    line.website = "https://example.org"
    line.full_clean()
    assert line.country == "GB"
