"""Dates: ISO 8601 values, relative words resolved against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.dates import find_dates
from tests.conftest import ROOT


def _values(text: str, lang: str, published: str | None = None) -> list[str]:
    return [m.value for m in find_dates(text, lang, published)]


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        ("Paris, le 27 mai 2019", "fr", None, ["2019-05-27"]),
        ("à partir du 1^{er} juin 2026", "fr", None, ["2026-06-01"]),
        ("à partir du 1er juin 2026", "fr", None, ["2026-06-01"]),
        ("réunis mercredi 6 mai 2026 à l'Hôtel de Ville", "fr", None, ["2026-05-06"]),
        ("en octobre 2022 du dernier camp", "fr", None, ["2022-10"]),
        ("un plan d'actions 2019-2021", "fr", None, ["2019/2021"]),
        ("Mis en place entre 2019 et 2021", "fr", None, ["2019/2021"]),
        ("implemented between 2019 and 2021", "en", None, ["2019/2021"]),
        ("from 2019 to 2021", "en", None, ["2019/2021"]),
        ("en 2025, depuis 2018", "fr", None, ["2025", "2018"]),
        ("launched in 2019", "en", None, ["2019"]),
        ("au titre des années 2020 et 2021", "fr", None, ["2020", "2021"]),
        ("depuis les années 1990", "fr", None, ["1990/1999"]),
        ("since the 1990s", "en", None, ["1990/1999"]),
        ("Crack consumers, September 26, at the Porte", "en", "2021-12-09", ["2021-09-26"]),
        ("on May 6, 2026", "en", None, ["2026-05-06"]),
        ("the 6th of May 2026", "en", None, ["2026-05-06"]),
        ("launched in May 2019", "en", None, ["2019-05"]),
        (" date 2023-07 Le préfet", "fr", None, ["2023-07"]),
        ("le 2021-12-09", "fr", None, ["2021-12-09"]),
        ("le 26/09/2021", "fr", None, ["2021-09-26"]),
        ("on 09/26/2021", "en", None, ["2021-09-26"]),
        ("a présidé ce jour le comité", "fr", "2019-05-27", ["2019-05-27"]),
        ("a dressé jeudi devant la presse", "fr", "2023-07-14", ["2023-07-13"]),
        ("a dressé jeudi devant la presse", "fr", "2023-07-13", ["2023-07-13"]),
        ("said on Wednesday", "en", "2021-12-09", ["2021-12-08"]),
        ("l'ouverture en juin d'un espace", "fr", "2023-07", ["2023-06"]),
        ("opened in June", "en", "2023-07-14", ["2023-06"]),
        ("À la rentrée de septembre, 50 lits", "fr", "2023-07", ["2023-09"]),
        ("since the start of 2020", "en", None, ["2020"]),
        ("Lors de la réunion du 6 mai", "fr", "2026-05-13", ["2026-05-06"]),
        ("Lors de la réunion du 6 mai", "fr", None, ["--05-06"]),
        ("en juin", "fr", None, ["--06"]),
        ("depuis le mois de mars 2026", "fr", None, ["2026-03"]),
        # a day without its year is the one nearest the publication, a weekday agreeing
        ("à partir du lundi 1er janvier", "fr", "2023-12-20", ["2024-01-01"]),
        ("à partir du 1er janvier", "fr", "2023-12-20", ["2024-01-01"]),
        ("dès le 15 novembre", "fr", "2023-12-20", ["2023-11-15"]),
        ("depuis le 15 décembre", "fr", "2024-01-10", ["2023-12-15"]),
        ("on Monday, January 1", "en", "2023-12-20", ["2024-01-01"]),
        ("le mardi 3 janvier", "fr", "2023-02-10", ["2023-01-03"]),
    ],
)
def test_find_dates(text: str, lang: str, published: str | None, expected: list[str]) -> None:
    assert _values(text, lang, published) == expected


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        ("hier, ce matin, aujourd'hui, maintenant", "fr", "2023-07-14"),
        ("à ce jour, rien n'a changé", "fr", "2023-07-14"),
        ("jusqu'à ce jour", "fr", "2023-07-14"),
        ("démantelées en 4 ans, 52 admis en six mois", "fr", "2023-07-14"),
        ("over three years, nine months", "en", "2023-07-14"),
        ("passages 7 jours sur 7", "fr", None),
        ("à 14h30, 01 82 52 40 25", "fr", None),
        ("plus de 2.500 entrées et 1000 procédures", "fr", None),
        ("plus de 2000 personnes, 2000 €", "fr", None),
        ("a dressé jeudi un bilan", "fr", "2023-07"),
        ("chaque jeudi", "fr", "2023-07-14"),
        ("every Thursday", "en", "2023-07-14"),
        ("it may rain in march", "en", "2023-07-14"),
        ("sept personnes", "fr", None),
        ("https://www.example.fr/2021/12/page", "fr", None),
        ("l'an 3000 et 1850 kilos", "fr", None),
    ],
)
def test_not_dates(text: str, lang: str, published: str | None) -> None:
    assert _values(text, lang, published) == []


def test_spans_point_into_the_text() -> None:
    text = "Paris, le 27 mai 2019. Plan 2019-2021, entre 2019 et 2021, ce jour."
    found = find_dates(text, "fr", "2019-05-27")
    assert [m.text for m in found] == ["27 mai 2019", "2019-2021", "entre 2019 et 2021", "ce jour"]
    assert all(text[m.start : m.end] == m.text for m in found)


@given(
    st.text(),
    st.sampled_from(["fr", "en", "xx"]),
    st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
)
def test_never_raises(text: str, lang: str, published: str | None) -> None:
    found = find_dates(text, lang, published)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


CORPUS = ROOT / "corpus"
EXPECTED = {
    "000": (
        "fr",
        "2019-05-27",
        {"2019-05-27", "2019/2021", "2018/2021", "2019", "2020", "2021", "2018-10"},
    ),
    "001": ("fr", "2021-12-09", {"2021-12-09", "2019/2021", "1990/1999", "2021-06", "2019"}),
    "002": ("fr", "2023-07", {"2023-07", "2022-10", "2022-07", "2023-06", "2023-09"}),
    "003": (
        "fr",
        "2026-05-13",
        {"2026-05-13", "2026-05-06", "2019", "2024", "2026-06-01", "2025", "2018", "2026-03"},
    ),
    "004": ("en", "2021-12", {"2019/2021", "2021-09-26", "2019-05", "2019", "2020"}),
}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.stem[:3]) for p in sorted(CORPUS.glob("*.txt"))]
)
def test_corpus_documents(path: Path) -> None:
    lang, published, expected = EXPECTED[path.stem[:3]]
    found = find_dates(path.read_text(encoding="utf-8"), lang, published)
    assert {m.value for m in found} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Depuis le mois de septembre, la préfecture travaille avec la Ville.", "fr", "2021-09"),
    ("En septembre dernier, le camp a été évacué.", "fr", "2021-09"),
    ("En septembre, la Ville ouvrira un centre.", "fr", "2022-09"),
    ("Since September the city has worked with the prefecture.", "en", "2021-09"),
    ("In September the city will open a centre.", "en", "2022-09"),
    ("Depuis janvier, la préfecture travaille avec la Ville.", "fr", "2022-01"),
])
def test_a_month_said_to_be_past_is_of_the_year_before_when_it_comes_later(
        text: str, lang: str, expected: str) -> None:
    (found,) = find_dates(text, lang, "2022-02-10")
    assert found.value == expected
