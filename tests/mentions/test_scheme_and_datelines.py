"""Names that are no actor: a scheme named after its head noun or before it ("le dispositif
Pinel", "the Pinel device", "the Zero Rate Loan"); an official name does not run on over
a preposition of the sentence ("écrit la Cour dans un rapport"); a dateline's separators are
no part of a name."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Le gouvernement supprime le dispositif Duflot et réforme la loi Carrez en 2025.", "fr",
     "Duflot"),
    ("The minister announced the end of the Duflot device and a new housing plan.", "en",
     "Duflot"),
    ("Savings on housing aid, with the abolition of the Scellier device and the overhaul of "
     "the Zero Rate Loan (PTZ), will reach two billion euros.", "en", "Zero Rate Loan"),
])
def test_a_scheme_named_after_someone_is_no_actor(text: str, lang: str, name: str) -> None:
    found = {t for _, t in _entities(text, lang)}
    assert name not in found and "PTZ" not in found


def test_an_official_name_stops_at_a_preposition_of_the_sentence() -> None:
    text = ("La Cour des comptes a publié son rapport. « Les objectifs demeurent incertains », "
            "écrit la Cour dans un rapport publié vendredi.")
    assert not any("rapport" in t for _, t in _entities(text, "fr"))


def test_a_dateline_separator_ends_a_name() -> None:
    text = "Lyon, France | AFP | vendredi 13/09/2024 - La Métropole de Lyon a voté un plan."
    assert not any("|" in t for _, t in _entities(text, "fr"))
