"""Quantities: counted things that are not money, dates, durations, ratios or ranks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.mentions.money import find_money
from extractor.mentions.quantities import find_quantities, singular
from tests.conftest import ROOT


def _found(text: str, lang: str, exclude: tuple = ()) -> list[tuple]:
    return [(m.value, m.unit) for m in find_quantities(text, lang, exclude)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("80 nouvelles places d'hébergement pérennes", "fr", [(80.0, "place")]),
        ("(700 à 800 consommateurs précaires)", "fr", [((700.0, 800.0), "user")]),
        ("entre 150 et 200 personnes", "fr", [((150.0, 200.0), "person")]),
        ("plus de 2.500 entrées en un mois", "fr", [(2500.0, "entry")]),
        ("(10 équipes de maraudes quotidiennes)", "fr", [(10.0, "team")]),
        ("Ainsi, 89 « cuisines » de transformation", "fr", [(89.0, "kitchen")]),
        (
            "Ces 4 objectifs sont déclinés en 33 actions concrètes",
            "fr",
            [(4.0, "objective"), (33.0, "action")],
        ),
        ("50 lits d'hôpital", "fr", [(50.0, "bed")]),
        ("portant à **152** le nombre de places d'hébergement", "fr", [(152.0, "place")]),
        ("plus de 1000 procédures concernant le crack", "fr", [(1000.0, "procedure")]),
        (
            "1000 procédures ont été traitées, 420 ont donné lieu à des injonctions, "
            "et 420 à des défèrements.",
            "fr",
            [(1000.0, "procedure"), (420.0, "procedure"), (420.0, "procedure")],
        ),
        (
            "89 cuisines démantelées en 4 ans, dont 26 en 2025.",
            "fr",
            [(89.0, "kitchen"), (26.0, "kitchen")],
        ),
        ("deux équipes et trois nouvelles structures", "fr", [(2.0, "team"), (3.0, "structure")]),
        ("2 millions d'usagers", "fr", [(2e6, "user")]),
        ("une dizaine de personnes", "fr", [(10.0, "person")]),
        ("12 gymnases ouverts", "fr", [(12.0, "gymnase")]),
        ("150 to 200 people", "en", [((150.0, 200.0), "person")]),
        ("between 150 and 200 people", "en", [((150.0, 200.0), "person")]),
        ("Today there would be 700 800 crack consumers.", "en", [((700.0, 800.0), "user")]),
        ("by opening around 400 places", "en", [(400.0, "place")]),
        (
            "of the six planned rest areas, only two were open",
            "en",
            [(6.0, "rest area"), (2.0, "rest area")],
        ),
        ("1,300 police officers and 25 new beds", "en", [(1300.0, "officer"), (25.0, "bed")]),
        ("12 gyms opened", "en", [(12.0, "gym")]),
        ("3 facilities", "en", [(3.0, "facility")]),
        # the first plural noun is the counted head, not a noun of the next clause
        ("The two mayors promised new shelters", "en", [(2.0, "mayor")]),
        ("Three regions opened 200 subsidised housing units", "en",
         [(3.0, "region"), (200.0, "dwelling")]),
    ],
)
def test_find_quantities(text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("87 % des usagers", "fr"),
        ("87 pour cent des usagers", "fr"),
        ("soit 19 sur les 33 engagées en juin 2021", "fr"),
        ("1 sur 5 usagers", "fr"),
        ("démantelées en 4 ans", "fr"),
        ("des passages 7 jours sur 7", "fr"),
        ("admis en six mois", "fr"),
        ("dans les 18<sup>ème</sup>, 19<sup>ème</sup> et 20<sup>ème</sup> arrondissements", "fr"),
        ("Emmanuel Grégoire, 1^{er} adjoint", "fr"),
        ("le 18ème arrondissement et le XIXe", "fr"),
        ("01 82 52 40 25 / pref-communication@paris.gouv.fr", "fr"),
        ("T 01 42 98 55 62", "fr"),
        ("[@Prefet75_IDF](https://twitter.com/Prefet75_IDF)", "fr"),
        ("à 14h30 puis à 15 h", "fr"),
        ("en 2019 dans la lutte", "fr"),
        ("une équipe dédiée", "fr"),
        ("le 27 mai 2019", "fr"),
        ("over three years", "en"),
        ("in five years’ time", "en"),
        ("nine months later, 1 in 5 users", "en"),
        ("the 19th arrondissement", "en"),
        ("87% of users", "en"),
        ("at 10:30 am", "en"),
        ("in 2019 there were", "en"),
        ("2000 Paris", "fr"),
        # a French count in millions takes "de" before its noun: an adjective is none
        ("et 20 millions supplémentaires pour les familles", "fr"),
    ],
)
def test_not_quantities(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def test_exclude_skips_money_and_date_spans() -> None:
    text = "3 millions d'euros et 80 places"
    assert _found(text, "fr") == [(80.0, "place")]
    assert _found(text, "fr", exclude=((22, 31),)) == []


def test_spans_point_into_the_text() -> None:
    text = "Il y a 80 nouvelles places et 700 à 800 consommateurs."
    for m in find_quantities(text, "fr"):
        assert text[m.start : m.end] == m.text
    assert [m.text for m in find_quantities(text, "fr")] == [
        "80 nouvelles places",
        "700 à 800 consommateurs",
    ]


@pytest.mark.parametrize(
    ("noun", "lang", "expected"),
    [
        ("facilities", "en", "facility"),
        ("boxes", "en", "box"),
        ("children", "en", "child"),
        ("hôpitaux", "fr", "hôpital"),
        ("gymnases", "fr", "gymnase"),
        ("lieux", "fr", "lieu"),
    ],
)
def test_singular(noun: str, lang: str, expected: str) -> None:
    assert singular(noun, lang) == expected


@given(st.text(), st.sampled_from(["fr", "en", "xx"]))
def test_never_raises(text: str, lang: str) -> None:
    found = find_quantities(text, lang)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


CORPUS = ROOT / "corpus"
EXPECTED = {
    "000": (
        "fr",
        {
            (80.0, "place"),
            (72.0, "place"),
            (152.0, "place"),
            (60.0, "place"),
            (68.0, "place"),
            (33.0, "action"),
            (4.0, "objective"),
        },
    ),
    "001": ("fr", {(33.0, "action"), ((700.0, 800.0), "user")}),
    "002": ("fr", {(2500.0, "entry"), (50.0, "bed"), (52.0, "user")}),
    "003": (
        "fr",
        {
            (10.0, "team"),
            (3.0, "structure"),
            (700.0, "place"),
            (226.0, "user"),
            (89.0, "kitchen"),
            (26.0, "kitchen"),
            (1000.0, "procedure"),
            (420.0, "procedure"),
        },
    ),
    "004": (
        "en",
        {((700.0, 800.0), "user"), (400.0, "place"), (6.0, "rest area"), (2.0, "rest area")},
    ),
}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.stem[:3]) for p in sorted(CORPUS.glob("*.txt"))]
)
def test_corpus_documents(path: Path) -> None:
    lang, expected = EXPECTED[path.stem[:3]]
    text = path.read_text(encoding="utf-8")
    taken = [(m.start, m.end) for m in find_money(text, lang)]
    found = find_quantities(text, lang, taken)
    assert {(m.value, m.unit) for m in found} == expected


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("La loi concerne onze villes et leurs quartiers.", "fr", 11),
    ("Le plan couvre treize quartiers.", "fr", 13),
    ("A joint committee of seven deputies will meet.", "en", 7),
    ("Ten voluntary departments will test it.", "en", 10),
])
def test_a_number_in_words_counts_any_plural_noun(text: str, lang: str, value: int) -> None:
    assert [v for v, *_ in _found(text, lang)] == [value]


@pytest.mark.parametrize(("text", "lang"), [
    ("Il est venu deux fois à Marseille.", "fr"),
    ("Au cours des trois dernières années, le plan a changé.", "fr"),
    ("The plan has two phases.", "en"),
    ("Un plan a été lancé.", "fr"),
])
def test_a_number_in_words_before_no_counted_thing_is_none(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def test_of_is_no_link_inside_a_word_and_police_are_counted_officers() -> None:
    found = [(m.value, m.unit) for m in find_quantities(
        "One thousand officers and a hundred officers; a thousand police and gendarmes.", "en")]
    assert found == [(1000.0, "officer"), (100.0, "officer"), (1000.0, "officer")]
    assert [(m.value, m.unit) for m in find_quantities("un millier d'agents", "fr")] == [
        (1000.0, "officer")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("La Région ouvrira trois nouveaux lycées en 2027.", 3, "high school"),
    ("Plus de 200 sinistrés ont été relogés.", 200, "disaster victim"),
    ("La métropole compte 12 universités.", 12, "university"),
    ("Quelque 40 municipalités ont signé la charte.", 40, "municipality"),
])
def test_a_noun_ending_as_a_participle_is_counted_when_listed(text: str, value: float,
                                                              unit: str) -> None:
    assert [(m.value, m.unit) for m in find_quantities(text, "fr")] == [(value, unit)]


def test_a_participle_after_a_number_counts_nothing() -> None:
    # guard: "-és" still reads as a participle when no unit lists the word
    assert find_quantities("Au total, 30 examinés et 12 rejetés.", "fr") == []
