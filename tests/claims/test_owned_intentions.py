"""An intention owned by an actor and spelled out ("la volonté du gouvernement est de …",
"the government's aim is to …") is the actor's commitment to what it aims at; "par"/"by" after
an active verb names no agent (a photo credit, a means), though a partner still acts with it."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text, lang, actor", [
    ("La volonté du gouvernement est de faire progresser ce libre choix.", "fr", "gouvernement"),
    ("L'ambition de la Ville de Lyon est de planter 10 000 arbres.", "fr", "Ville de Lyon"),
    ("The government's aim is to open 1,000 places by 2025.", "en", "government"),
])
def test_an_owned_intention_is_a_commitment(text: str, lang: str, actor: str):
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [(actor, "commitment")]


def test_by_after_an_active_verb_is_a_credit_not_an_agent():
    claims = claims_of("Two cyclists ride in Paris in November 2021 (Photo by AFP)", lang="en")
    assert claims == []


def test_a_partner_of_an_active_verb_still_acts():
    claims = claims_of("La préfecture du Rhône travaille en coopération avec la Ville de Lyon "
                       "pour résoudre le problème.")
    assert {c.actor for c in claims} == {"préfecture du Rhône", "Ville de Lyon"}
