"""Number parsing and formatting in French and English conventions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.records import Match
from extractor.text.numbers import blocked_spans, format_number, parse_number
from extractor.text.spans import longest_first as resolve_overlaps


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("2.500", "fr", 2500.0),
        ("31 000", "fr", 31000.0),
        ("31\u00a0000", "fr", 31000.0),
        ("31\u202f000", "fr", 31000.0),
        ("1,3", "fr", 1.3),
        ("1 300,5", "fr", 1300.5),
        ("1.234,5", "fr", 1234.5),
        ("0.300", "fr", 0.3),
        ("1,300", "en", 1300.0),
        ("1.3", "en", 1.3),
        ("1,234.5", "en", 1234.5),
        ("1,300,000", "en", 1300000.0),
        ("2.5", "en", 2.5),
        ("1er", "fr", 1.0),
        ("1^{er}", "fr", 1.0),
        ("19th", "en", 19.0),
        ("**152**", "fr", 152.0),
        ("trois", "fr", 3.0),
        ("deux", "fr", 2.0),
        ("vingt et un", "fr", 21.0),
        ("quatre-vingt-dix-sept", "fr", 97.0),
        ("soixante et onze", "fr", 71.0),
        ("deux cents", "fr", 200.0),
        ("trois mille", "fr", 3000.0),
        ("une dizaine", "fr", 10.0),
        ("three", "en", 3.0),
        ("a dozen", "en", 12.0),
        ("two hundred and fifty", "en", 250.0),
        ("1,5 million", "fr", 1500000.0),
        ("-3", "en", -3.0),
    ],
)
def test_parse_number(text: str, lang: str, expected: float) -> None:
    assert parse_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "fr"),
        ("abc", "fr"),
        ("1.2.3", "fr"),
        ("deux", "en"),
        ("three", "fr"),
        ("1e5", "en"),
        ("trois", "de"),
    ],
)
def test_parse_number_rejects(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


def test_format_number_follows_conventions() -> None:
    assert format_number(1300000.5, "fr") == "1 300 000,5"
    assert format_number(1300000.5, "en") == "1,300,000.5"
    assert format_number(-2500, "fr") == "-2 500"


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(0, 3),
    st.sampled_from(["fr", "en"]),
)
def test_format_then_parse_round_trips(n: int, places: int, lang: str) -> None:
    x = n / 10**places
    assert parse_number(format_number(x, lang), lang) == pytest.approx(x)


@given(st.text(), st.sampled_from(["fr", "en", "de"]))
def test_parse_number_never_raises(text: str, lang: str) -> None:
    result = parse_number(text, lang)
    assert result is None or isinstance(result, float)


def test_blocked_spans_cover_phones_urls_and_identifiers() -> None:
    text = "Tél. 01 82 52 40 25 / https://x.fr/2021/12 @Prefet75_IDF"
    spans = blocked_spans(text)
    assert any(text[s:e] == "01 82 52 40 25" for s, e in spans)
    assert any("2021/12" in text[s:e] for s, e in spans)
    assert any(text[s:e].startswith("Prefet75") for s, e in spans)


def test_resolve_overlaps_keeps_longest() -> None:
    a, b, c = Match(0, 4, "abcd", 1), Match(2, 10, "cdefghij", 2), Match(11, 12, "l", 3)
    assert resolve_overlaps([a, c, b]) == [b, c]
