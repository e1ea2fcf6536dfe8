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
