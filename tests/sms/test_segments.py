import pytest

from sms import segments
from sms.segments import GSM7, UCS2, analyse


@pytest.mark.parametrize(
    ("text", "encoding", "segments_expected"),
    [
        ("", GSM7, 0),
        ("a" * 160, GSM7, 1),
        ("a" * 161, GSM7, 2),
        ("a" * 306, GSM7, 2),  # 2 x 153
        ("a" * 307, GSM7, 3),
        ("a" * 459, GSM7, 3),
        ("a" * 460, GSM7, 4),
        ("ł" * 70, UCS2, 1),
        ("ł" * 71, UCS2, 2),
        ("ł" * 134, UCS2, 2),  # 2 x 67
        ("ł" * 135, UCS2, 3),
        ("ł" * 201, UCS2, 3),
        ("ł" * 202, UCS2, 4),
    ],
)
def test_segment_boundaries(text, encoding, segments_expected):
    info = analyse(text)

    assert info.encoding == encoding
    assert info.segments == segments_expected


def test_gsm_accented_letters_in_the_alphabet_stay_gsm7():
    assert analyse("é à ü ñ Ä Ø £ ¥ ¿ §").encoding == GSM7


def test_extension_characters_count_twice():
    assert analyse("€" * 80).units == 160
    assert analyse("€" * 80).segments == 1
    assert analyse("€" * 80 + "a").segments == 2
    assert analyse("[]{}~^|\\").units == 16


def test_extension_character_is_not_split_across_segments():
    # 152 septets then a 2-septet character: 154 would fit 2 parts by count,
    # but the euro cannot straddle the boundary, so part one holds 152.
    text = "a" * 152 + "€" + "a" * 152
    assert analyse(text).units == 306
    assert analyse(text).segments == 3
    assert analyse("a" * 151 + "€" + "a" * 153).segments == 2


def test_emoji_forces_ucs2_and_counts_two_units():
    info = analyse("hi 🙂")

    assert info.encoding == UCS2
    assert info.units == 5
    assert analyse("🙂" * 35).segments == 1
    assert analyse("🙂" * 35 + "a").segments == 2


def test_one_curly_apostrophe_would_switch_to_ucs2_unless_replaced():
    text = "It’s " + "a" * 150
    assert analyse(text).encoding == UCS2
    assert analyse(text).segments == 3

    replaced = segments.replace_typography(text)

    assert replaced == "It's " + "a" * 150
    assert analyse(replaced).encoding == GSM7
    assert analyse(replaced).segments == 1


def test_dashes_quotes_and_ellipsis_are_replaced():
    assert segments.replace_typography("“K” – a drug… — ‘yes’") == "\"K\" - a drug... - 'yes'"


def test_truncate_keeps_the_suffix_and_fits():
    body = " ".join(["word"] * 200)
    suffix = "\nFRANK: call 0300 123 6600"

    result = segments.truncate_to_fit(body, suffix=suffix, max_segments=2)

    assert result.endswith("..." + suffix)
    assert analyse(result).segments == 2
    assert analyse(result + " more words here").segments == 3 or len(result) > 280


def test_truncate_leaves_a_fitting_body_alone():
    assert segments.truncate_to_fit("short", suffix="\nX", max_segments=1) == "short\nX"
