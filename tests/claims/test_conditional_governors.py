"""An act under a conditional or future verb that governs it ("pourrait gérer", "n'hésiterait
pas à imposer", "demanderons aux commerçants de respecter") is not done: a commitment."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text", [
    "La Croix-Rouge pourrait gérer le nouveau centre d'hébergement.",
    "Le nouveau centre d'hébergement pourrait être géré par la Croix-Rouge.",
    "La Ville de Lyon pourrait financer la rénovation de trois écoles.",
])
def test_an_act_under_a_conditional_is_a_commitment(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["commitment"]


def test_an_act_done_is_still_done() -> None:
    assert [c.kind for c in claims_of("La Croix-Rouge a géré le centre d'hébergement.")] == [
        "achievement"]


def test_a_present_form_the_tagger_reads_as_a_future_is_no_promise() -> None:
    # "font" of "se font enterrer" is tagged Tense=Fut; no future stem makes it
    text = ("Selon le préfet, Marie Durand, environ 80 % des défunts se font enterrer dans "
            "leur pays d'origine.")
    assert [c.kind for c in claims_of(text)] == ["assessment"]


@pytest.mark.parametrize("text", [
    "La Ville de Lyon fera construire un mur le long du quai.",
    "La Ville de Lyon financera la rénovation de trois écoles.",
])
def test_a_future_stays_a_promise(text: str) -> None:
    assert {c.kind for c in claims_of(text)} == {"commitment"}
