"""Money: isolated amounts and amounts found in running text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.mentions.money import find_money, parse_amount
from extractor.text.numbers import format_number
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,3 M€", "fr", (1300000.0, "EUR")),
        ("1,2M€", "fr", (1200000.0, "EUR")),
        ("3M d'euros", "fr", (3000000.0, "EUR")),
        ("3M d’euros", "fr", (3000000.0, "EUR")),
        ("25 millions d'euros", "fr", (25000000.0, "EUR")),
        ("trois millions d'euros", "fr", (3000000.0, "EUR")),
        ("un million d'euros", "fr", (1000000.0, "EUR")),
        ("2.500 €", "fr", (2500.0, "EUR")),
        ("30 000 €", "fr", (30000.0, "EUR")),
        ("30 k€", "fr", (30000.0, "EUR")),
        ("1,5 Md€", "fr", (1500000000.0, "EUR")),
        ("5 000 USD", "fr", (5000.0, "USD")),
        ("25 million euros", "en", (25000000.0, "EUR")),
        ("€9 million", "en", (9000000.0, "EUR")),
        ("$5m", "en", (5000000.0, "USD")),
        ("£5bn", "en", (5000000000.0, "GBP")),
        ("EUR 5 million", "en", (5000000.0, "EUR")),
        ("1,300 dollars", "en", (1300.0, "USD")),
    ],
)
def test_parse_amount(text: str, lang: str, expected: tuple[float, str]) -> None:
    assert parse_amount(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("9", "en"),
        ("9 million", "en"),
        ("3 M", "fr"),
        ("euros", "fr"),
        ("un euro", "fr"),
        ("$5 meters", "en"),
        ("", "fr"),
    ],
)
def test_parse_amount_rejects(text: str, lang: str) -> None:
    assert parse_amount(text, lang) is None


def _found(text: str, lang: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(m.text, m.value, m.unit, m.per) for m in find_money(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "pour un montant de 1,2M€ annuels, de 80 places",
            "fr",
            [("1,2M€", 1200000.0, "EUR", "year")],
        ),
        (
            "leurs engagements initiaux (3M€ par an) pour atteindre plus de 24M€.",
            "fr",
            [("3M€", 3000000.0, "EUR", "year"), ("24M€", 24000000.0, "EUR", None)],
        ),
        ("Plus de 3M d'euros mobilisés en 2019", "fr", [("3M d'euros", 3000000.0, "EUR", None)]),
        ("un effort d'1M€ de la Ville de Paris", "fr", [("1M€", 1000000.0, "EUR", None)]),
        ("It costs €3m a year.", "en", [("€3m", 3000000.0, "EUR", "year")]),
        ("spent $2 million annually", "en", [("$2 million", 2000000.0, "USD", "year")]),
        ("at 10 euros per dose", "en", [("10 euros", 10.0, "EUR", "dose")]),
        ("soit 10 euros par dose", "fr", [("10 euros", 10.0, "EUR", "dose")]),
        (
            "almost 25 million euros over three years against 9 million registered",
            "en",
            [("25 million euros", 25e6, "EUR", None), ("9 million", 9e6, "EUR", None)],
        ),
        (
            "10 millions d'euros contre 9 millions prévus",
            "fr",
            [("10 millions d'euros", 1e7, "EUR", None), ("9 millions", 9e6, "EUR", None)],
        ),
    ],
)
def test_find_money(text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Paris compte 2 millions d'habitants et 25 millions d'euros.", "fr", [25e6]),
        ("It cost €10 million, for 9 million visitors.", "en", [1e7]),
        ("9 million people live there. It cost €1 million.", "en", [1e6]),
        ("Ils étaient 9 millions. Le plan coûte 3 M€.", "fr", [3e6]),
        ("Tél. 01 82 52 40 25", "fr", []),
        ("87 % des usagers, 33 actions, en 2019", "fr", []),
        ("The 1,300 users in 2019.", "en", []),
    ],
)
def test_bare_numbers_need_a_currency_in_their_sentence(
    text: str, lang: str, expected: list[float]
) -> None:
    assert [m.value for m in find_money(text, lang)] == expected


def test_spans_point_into_the_text() -> None:
    text = "Le 27 mai 2019, 1,3 M€ et 25 millions d'euros, soit 2.500 € par an."
    for m in find_money(text, "fr"):
        assert text[m.start : m.end] == m.text


@given(st.text(), st.sampled_from(["fr", "en", "xx"]))
def test_money_never_raises(text: str, lang: str) -> None:
    assert parse_amount(text, lang) is None or parse_amount(text, lang)
    for m in find_money(text, lang):
        assert text[m.start : m.end] == m.text


@given(st.integers(1, 10**6), st.integers(0, 2))
def test_formatted_amounts_parse_back(n: int, places: int) -> None:
    x = n / 10**places
    fr = parse_amount(f"{format_number(x, 'fr')} M€", "fr")
    en = parse_amount(f"{format_number(x, 'en')} million euros", "en")
    assert fr is not None and fr[0] == pytest.approx(x * 1e6) and fr[1] == "EUR"
    assert en is not None and en[0] == pytest.approx(x * 1e6) and en[1] == "EUR"


CORPUS = ROOT / "corpus"
EXPECTED = {
    "000": ("fr", {(3e6, None), (1.3e6, None), (1.2e6, "year"), (1e6, None)}),
    "001": ("fr", {(3e6, "year"), (24e6, None)}),
    "002": ("fr", set()),
    "003": ("fr", set()),
    "004": ("en", {(25e6, None), (9e6, None)}),
}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.stem[:3]) for p in sorted(CORPUS.glob("*.txt"))]
)
def test_corpus_documents(path: Path) -> None:
    lang, expected = EXPECTED[path.stem[:3]]
    assert {
        (m.value, m.per) for m in find_money(path.read_text(encoding="utf-8"), lang)
    } == expected


@pytest.mark.parametrize(("text", "lang", "span", "value"), [
    ("L'État y consacrera entre 2 et 3 M€ par an.", "fr", "entre 2 et 3 M€", (2e6, 3e6)),
    ("un budget de 2 à 3 millions d'euros", "fr", "de 2 à 3 millions d'euros", (2e6, 3e6)),
    ("soit 2-3 M€", "fr", "2-3 M€", (2e6, 3e6)),
    ("de 500 000 à 1 M€", "fr", "de 500 000 à 1 M€", (5e5, 1e6)),
    ("de 1 M€ à 2 M€", "fr", "de 1 M€ à 2 M€", (1e6, 2e6)),
    ("between 2 and 3 million euros", "en", "between 2 and 3 million euros", (2e6, 3e6)),
    ("from $2m to $3m", "en", "from $2m to $3m", (2e6, 3e6)),
    ("between €2 million and €3 million", "en", "between €2 million and €3 million",
     (2e6, 3e6)),
])
def test_money_ranges(text: str, lang: str, span: str, value: tuple[float, float]) -> None:
    """A range is one amount whose value is (low, high); the low number takes the high
    one's multiplier unless it has its own."""
    found = find_money(text, lang)
    assert [(m.text, m.value) for m in found] == [(span, value)]


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("en 2023 à 3 M€", "fr", "3 M€"),            # a year, not the low end
    ("de 4 à 3 M€", "fr", "3 M€"),               # not lower
    ("pour 300 000 € et 2 M€", "fr", None),      # "et" without "entre": two amounts
    ("le 12 mai, 3 M€", "fr", "3 M€"),
])
def test_not_money_ranges(text: str, lang: str, span: str | None) -> None:
    found = find_money(text, lang)
    assert all(not isinstance(m.value, tuple) for m in found)
    if span:
        assert span in [m.text for m in found]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a multiplier word glued to its digits
        ("Jean Castex is to announce a €8.4billion plan, with €10million for schools.", "en",
         [("€8.4billion", 8.4e9, "EUR"), ("€10million", 1e7, "EUR")]),
        ("Un chèque de 3millions d'euros.", "fr", [("3millions d'euros", 3e6, "EUR")]),
        # a currency's hundredths, valued in the currency
        ("L'aide de 20 centimes par litre de gazole est prolongée.", "fr",
         [("20 centimes", 0.2, "EUR")]),
        ("a cut of 15 euro cents per litre", "en", [("15 euro cents", 0.15, "EUR")]),
        # a bare multiplier in a sentence without amounts takes the text's one currency ...
        ("Le plan coûte 3 M€. Le gouvernement débloque 650 millions pour les Ehpad.", "fr",
         [("3 M€", 3e6, "EUR"), ("650 millions", 6.5e8, "EUR")]),
        # ... and a noun naming what the money is for does not make it a count
        ("Un fonds de 2 M€. L'État a débloqué 42 millions d'aides pour 121 millions "
         "d'investissement.", "fr",
         [("2 M€", 2e6, "EUR"), ("42 millions", 4.2e7, "EUR"), ("121 millions", 1.21e8, "EUR")]),
        # a money noun in a text naming no currency: the language's own
        ("Le gouvernement vient de débloquer 42 millions d'aides.", "fr",
         [("42 millions", 4.2e7, "EUR")]),
        # a writer's range that opens with "entre" and closes with "à"
        ("Le coût est estimé entre 2,2 à 2,7 milliards d'euros.", "fr",
         [("2,2 à 2,7 milliards d'euros", (2.2e9, 2.7e9), "EUR")]),
    ],
)
def test_amounts_in_less_usual_forms(text: str, lang: str,
                                     expected: list[tuple[str, object, str]]) -> None:
    found = [(m.text, m.value, m.unit) for m in find_money(text, lang)]
    assert found == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        # counts, whatever currency the text uses elsewhere
        ("Le plan coûte 3 M€. La ville compte 2 millions d'habitants.", "fr", "2 millions"),
        ("Le plan coûte 3 M€. 12 millions de personnes vivent avec un handicap, dont "
         "1,1 million touche l'allocation.", "fr", "1,1 million"),
        ("Le plan coûte 3 M€. Ils étaient 9 millions.", "fr", "9 millions"),
        ("The plan costs €3m. The city has 2 million residents.", "en", "2 million"),
        # a text with two currencies gives none to a bare number
        ("Le plan coûte 3 M€ et 2 millions de dollars. Le gouvernement débloque 650 millions.",
         "fr", "650 millions"),
    ],
)
def test_counts_in_millions_stay_counts(text: str, lang: str, count: str) -> None:
    assert count in text
    assert not any(m.text.startswith(count) for m in find_money(text, lang))
