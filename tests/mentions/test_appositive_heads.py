"""A lower-case head before a body's name is no part of it ("l'association Vélo-Cité"), the
name ending with a department's number when it has one ("Espérer 95"), which counts nothing;
a head that names the body with its area stays ("l'agence Rhône-Méditerranée-Corse")."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _entities, _mentions


@pytest.mark.parametrize(("text", "name"), [
    ("Selon l'association Roule-Cité, la ville doit investir dans les pistes.", "Roule-Cité"),
    ("L'association Solidaires 92 gère l'accueil de jour depuis 2019.", "Solidaires 92"),
    ("Le collectif Riverains 18 a manifesté devant la mairie.", "Riverains 18"),
])
def test_the_name_after_a_lower_case_head_is_the_body(text: str, name: str) -> None:
    assert ("Organization", name) in _entities(text, "fr")
    assert not any(m.type in ("Quantity", "Place") and m.text in name
                   for m in _mentions(text, "fr"))


def test_a_figure_after_a_name_is_no_part_of_it() -> None:
    found = _entities("L'association Aurélia 75 000 euros de dons.", "fr")
    assert not any("75" in t for _, t in found)


def test_a_word_of_a_hyphenated_name_is_no_anaphor_of_it() -> None:
    text = ("L'association Roule-Cité réclame des parkings. Le vélo doit-il sauver les "
            "commerces du centre ?")
    assert [c for c in claims_of(text) if "sauver" in c.quote] == []


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Les ministres ont visité le site d'Arvento, groupe industriel détenu par l'État.", "fr",
     "Arvento"),
    ("Le Collectif Bleu, collectif à l'origine de la grève, n'a pas signé l'accord.", "fr",
     "Collectif Bleu"),
    ("The ministers visited Arvento, a French defence group, on Thursday.", "en", "Arvento"),
])
def test_a_name_described_by_a_body_s_head_in_apposition_is_a_body(text: str, lang: str,
                                                                    name: str) -> None:
    assert ("Organization", name) in _entities(text, lang)


def test_a_place_described_as_a_city_stays_a_place() -> None:
    assert not any(t == "Vierzon" for k, t in _entities(
        "Vierzon, ville du Cher, accueille le festival.", "fr") if k == "Organization")


def test_a_person_described_by_a_title_stays_a_person() -> None:
    found = _entities("Responding, Jean Dupont, the chairman of the association, noted gaps.",
                      "en")
    assert ("Organization", "Jean Dupont") not in found


def test_a_head_after_a_hyphen_is_no_head() -> None:
    # "sous-préfecture": the town that is the seat of a sub-prefecture, not the prefecture
    found = _entities("Montargis, la sous-préfecture du Loiret, a été inondée.", "fr")
    assert not any(t == "Organization" for t, _ in found)
    assert ("Place", "Loiret") in found
