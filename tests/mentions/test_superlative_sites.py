"""A superlative before a type word describes, it names no site: "la plus grande prison
d'Europe" is Europe, no site "prison d'Europe"; "la prison de la Santé" and "la nouvelle
résidence Simone Veil" are named sites; a country of two words ("United States") is no
person (issue 16)."""

from __future__ import annotations

from tests.mentions.test_generalising_entities import _mentions


def _places(text: str) -> set[str]:
    return {m.text for m in _mentions(text, "fr") if m.type == "Place"}


def test_a_superlative_before_a_type_word_names_no_site() -> None:
    places = _places("A Fleury-Mérogis, plus grande prison d’Europe avec plus de 4 300 détenus, "
                     "et au premier port de France, les syndicats manifestent.")
    assert "Europe" in places and "France" in places
    assert not [p for p in places if p.startswith(("prison", "port"))]


def test_a_type_word_opening_a_name_names_a_site() -> None:
    places = _places("La prison de la Santé ferme et la nouvelle résidence Simone Veil ouvre.")
    assert {"prison de la Santé", "résidence Simone Veil"} <= places


def test_a_country_of_two_words_is_no_person() -> None:
    found = _mentions("France has more inmates than Italy and fewer than the United States.",
                      "en")
    assert ("United States", "Place") in {(m.text, m.type) for m in found}
