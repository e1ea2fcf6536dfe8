"""A registry body named by a common noun in lower case ("l'état", "the state") when the noun
heads its own phrase; the same noun meaning a condition is no body."""

from __future__ import annotations

import pytest

from tests.mentions.test_metonymy import _mentions


@pytest.mark.parametrize(("text", "lang"), [
    ("Les élus demandent à l'état une stratégie pour le littoral.", "fr"),
    ("Le bassin, auquel l'état s'est associé, ouvrira en mai.", "fr"),
    ("The state undertakes to extend the fuel aid until March.", "en"),
    ("Union officials said the state had offered to take on the debt.", "en"),
])
def test_the_lower_case_noun_heading_its_phrase_is_the_state(text: str, lang: str) -> None:
    found = [m for m in _mentions(text, lang) if m.type == "Organization"]
    assert [(m.text.lower(), m.key) for m in found] == [
        ("état" if lang == "fr" else "state", "reg:etat")]


@pytest.mark.parametrize(("text", "lang"), [
    ("L'état des finances de la commune est préoccupant.", "fr"),
    ("Les inspecteurs ont constaté l'état réel des écoles.", "fr"),
    ("The state of the rail network worries the unions.", "en"),
    ("The state railway will hire 300 drivers.", "en"),
])
def test_the_noun_meaning_a_condition_names_no_body(text: str, lang: str) -> None:
    assert not [m for m in _mentions(text, lang) if m.key == "reg:etat"]
