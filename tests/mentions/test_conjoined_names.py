"""A proper noun coordinated with a body's name is a body, unless a finder read it as a
person or a known place."""

from __future__ import annotations

import pytest

from tests.mentions.test_metonymy import _mentions


@pytest.mark.parametrize(("text", "lang", "name"), [
    # the model's place for a coined word no gazetteer knows
    ("Le CNRS, l'Inserm et Biovanta ont lancé un programme de recherche.", "fr", "Biovanta"),
    ("Keolis and Travexa will run the new tram line.", "en", "Travexa"),
])
def test_a_name_listed_with_a_body_is_a_body(text: str, lang: str, name: str) -> None:
    found = _mentions(text, lang)
    assert [m.type for m in found if m.text == name] == ["Organization"]


@pytest.mark.parametrize(("text", "lang", "name", "kind"), [
    ("Le ministère de la Santé et Jean Dupont ont signé la convention.", "fr", "Jean Dupont",
     "Person"),
    ("La Région Bretagne et Vannes accueillent le salon.", "fr", "Vannes", "Place"),
])
def test_a_listed_person_or_known_place_keeps_its_reading(text: str, lang: str, name: str,
                                                          kind: str) -> None:
    found = _mentions(text, lang)
    assert kind in [m.type for m in found if m.text == name]
    assert not [m for m in found if m.text == name and m.source == "rule:conjoined"]
