"""GET /api/v1/helplines/ and the country/open-now rules."""

import datetime as dt

import pytest

from api import helplines

pytestmark = pytest.mark.django_db
URL = "/api/v1/helplines/"
MONDAY_1500_UTC = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)
WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]


@pytest.fixture
def at(monkeypatch):
    """Freeze the clock the API reads (after fixtures have saved their rows)."""

    def freeze(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return freeze


def test_lists_helplines_with_opening_hours(api_client, helpline_factory):
    helpline_factory(name="Nine to five", opening_hours=WEEKDAYS_9_TO_5)
    body = api_client.get(URL).json()
    assert body["count"] == 1
    line = body["results"][0]
    assert line["name"] == "Nine to five"
    assert line["opening_hours"][0] == {
        "weekday": 0,
        "weekday_name": "Monday",
        "opens": "09:00",
        "closes": "17:00",
    }
    assert "notes" not in line  # internal


def test_filters_by_country_case_insensitively(api_client, helpline_factory):
    helpline_factory(name="UK line", country="GB")
    helpline_factory(name="US line", country="US")
    names = [h["name"] for h in api_client.get(URL, {"country": "us"}).json()["results"]]
    assert names == ["US line"]


@pytest.mark.parametrize("country", ["GBR", "1", "g"])
def test_invalid_country_is_a_400(api_client, country):
    response = api_client.get(URL, {"country": country})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "country"


def test_open_now_uses_each_helplines_own_time_zone(api_client, helpline_factory, at, settings):
    settings.API_CACHE_TIMEOUT = 0  # the clock moves between requests below
    helpline_factory(name="London", country="GB", time_zone="Europe/London", opening_hours=WEEKDAYS_9_TO_5)
    helpline_factory(
        name="New York", country="US", time_zone="America/New_York", opening_hours=WEEKDAYS_9_TO_5
    )
    helpline_factory(name="Always", country="IE", is_24_7=True)

    at(MONDAY_1500_UTC)  # 15:00 London, 10:00 New York
    assert {h["name"]: h["open_now"] for h in api_client.get(URL).json()["results"]} == {
        "London": True,
        "New York": True,
        "Always": True,
    }
    at(MONDAY_1500_UTC + dt.timedelta(hours=3))  # 18:00 London, 13:00 New York
    assert {h["name"]: h["open_now"] for h in api_client.get(URL).json()["results"]} == {
        "London": False,
        "New York": True,
        "Always": True,
    }


def test_overnight_hours_run_past_midnight(helpline_factory):
    line = helpline_factory(opening_hours=[(4, "20:00", "02:00")], time_zone="Europe/London")  # Friday night
    saturday_1am = dt.datetime(2026, 11, 28, 1, 0, tzinfo=dt.UTC)
    assert line.is_open_at(saturday_1am)
    assert helplines.seconds_until_change([line], now=saturday_1am) == 3600 + 1


def test_seconds_until_change_is_the_next_opening_or_closing(helpline_factory):
    london = helpline_factory(time_zone="Europe/London", opening_hours=WEEKDAYS_9_TO_5)
    new_york = helpline_factory(country="US", time_zone="America/New_York", opening_hours=WEEKDAYS_9_TO_5)
    # Monday 15:00 UTC: London closes at 17:00 UTC, New York at 22:00 UTC.
    assert helplines.seconds_until_change([new_york], now=MONDAY_1500_UTC) == 7 * 3600 + 1
    assert helplines.seconds_until_change([london, new_york], now=MONDAY_1500_UTC) == 2 * 3600 + 1
    # Friday 18:00 London: next is Monday 09:00.
    friday_evening = dt.datetime(2026, 11, 27, 18, 0, tzinfo=dt.UTC)
    assert helplines.seconds_until_change([london], now=friday_evening) == (2 * 24 + 15) * 3600 + 1


def test_24_7_helplines_never_change(helpline_factory):
    assert helplines.seconds_until_change([helpline_factory(is_24_7=True)], now=MONDAY_1500_UTC) is None


@pytest.mark.parametrize(
    ("explicit", "header", "expected"),
    [
        ("us", "en-GB", "US"),
        (None, "en-US,en;q=0.9", "US"),
        (None, "fr,en-IE;q=0.8", "IE"),
        (None, "en", "GB"),
        (None, "zh-Hant-TW", "TW"),
        (None, "", "GB"),
    ],
)
def test_country_for_request(explicit, header, expected):
    assert helplines.country_for_request(explicit=explicit, accept_language=header) == expected


def test_default_country_is_a_setting(settings):
    settings.API_DEFAULT_COUNTRY = "IE"
    assert helplines.country_for_request(explicit=None, accept_language="en") == "IE"
