"""SMS and WhatsApp addresses, WhatsApp's 24-hour window and its length limit."""

import datetime as dt

import pytest

from sms import channels

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("whatsapp:+447911123456", ("whatsapp", "+447911123456")),
        ("WhatsApp:+447911123456", ("whatsapp", "+447911123456")),
        (" whatsapp: +44 7911 123456 ", ("whatsapp", "+44 7911 123456")),
        ("+447911123456", ("sms", "+447911123456")),
        ("82111", ("sms", "82111")),
        ("", ("sms", "")),
    ],
)
def test_split_address(raw, expected):
    assert channels.split_address(raw) == expected


def test_address_adds_the_prefix_for_whatsapp_only_once():
    assert channels.address("whatsapp", "+447911123456") == "whatsapp:+447911123456"
    assert channels.address("whatsapp", "whatsapp:+447911123456") == "whatsapp:+447911123456"
    assert channels.address("sms", "+447911123456") == "+447911123456"


@pytest.mark.parametrize(
    ("channel", "last_text_at", "open_"),
    [
        ("sms", None, True),
        ("sms", NOW - dt.timedelta(days=30), True),
        ("whatsapp", None, False),
        ("whatsapp", NOW - dt.timedelta(hours=23, minutes=59), True),
        ("whatsapp", NOW - dt.timedelta(hours=24), False),
        ("whatsapp", NOW - dt.timedelta(days=3), False),
    ],
)
def test_the_whatsapp_service_window_is_24_hours_from_their_last_message(channel, last_text_at, open_):
    assert channels.in_service_window(channel=channel, last_text_at=last_text_at, now=NOW) is open_


def test_the_window_closes_24_hours_after_their_last_message():
    last = NOW - dt.timedelta(hours=2)
    assert channels.service_window_closes_at(channel="whatsapp", last_text_at=last) == last + dt.timedelta(
        hours=24
    )
    assert channels.service_window_closes_at(channel="sms", last_text_at=last) is None


def test_truncate_to_characters_keeps_the_suffix_and_cuts_at_a_word():
    body = "word " * 400  # 2,000 characters
    suffix = "\nFRANK: call 0300 123 6600"

    text = channels.truncate_to_characters(body, suffix=suffix, max_characters=1600)

    assert len(text) <= 1600
    assert text.endswith("word..." + suffix)
    assert channels.truncate_to_characters("short", suffix=suffix, max_characters=1600) == "short" + suffix
