import csv

import phonenumbers
import pytest

from sms.emergency_numbers import (
    CSV_PATH,
    INTERNATIONAL_CRISIS_DIRECTORY,
    EmergencyNumbers,
    emergency_numbers_for,
)

REQUIRED = {
    "AU": ("000",),
    "IE": ("112", "999"),
    "FR": ("112", "15"),
    "NZ": ("111",),
    "IN": ("112",),
    "CA": ("911",),
    "ZA": ("10111", "112"),
    "BR": ("192",),
    "US": ("911",),
    "GB": ("999", "112"),
}


def csv_rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_csv_names_its_sources():
    comments = [line for line in CSV_PATH.read_text(encoding="utf-8").splitlines() if line.startswith("#")]

    assert any("Sources" in line for line in comments)
    assert csv_rows()[0].keys() == {"country", "name", "numbers", "notes"}


def test_every_phonenumbers_region_has_an_entry():
    regions = set(phonenumbers.SUPPORTED_REGIONS) - {"001"}

    missing = sorted(region for region in regions if emergency_numbers_for(region) is None)

    assert missing == []


def test_no_duplicate_country_rows():
    countries = [row["country"] for row in csv_rows()]

    assert len(countries) == len(set(countries))


def test_every_row_is_complete_and_every_number_is_digits_only():
    for row in csv_rows():
        assert len(row["country"]) == 2 and row["country"].isupper(), row
        assert row["name"].strip(), row
        numbers = row["numbers"].split("/")
        assert numbers and all(number.isdigit() for number in numbers), row
        assert len(numbers) == len(set(numbers)), row


@pytest.mark.parametrize(("country", "numbers"), sorted(REQUIRED.items()))
def test_required_countries(country, numbers):
    entry = emergency_numbers_for(country)

    assert entry is not None
    assert entry.numbers == numbers


@pytest.mark.parametrize("country", [None, "", "   ", "ZZ", "XX", "001", "GBR", "United Kingdom"])
def test_unknown_or_blank_is_none(country):
    assert emergency_numbers_for(country) is None


def test_lookup_is_case_insensitive():
    assert emergency_numbers_for("au") == emergency_numbers_for("AU")
    assert emergency_numbers_for(" gb ").country == "GB"
    assert emergency_numbers_for("Nz").name == "New Zealand"


def test_dial_text():
    assert emergency_numbers_for("AU").dial_text == "000"
    assert emergency_numbers_for("IE").dial_text == "112 or 999"
    assert EmergencyNumbers("XX", "Test", ("1", "2", "3")).dial_text == "1 or 2"


def test_international_directory():
    assert INTERNATIONAL_CRISIS_DIRECTORY == "findahelpline.com"
