"""A court's refusal or condemnation is its ruling, a thing done (an achievement); the same
verb by an elected official or an audit court is a position or a finding."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Lundi, le tribunal administratif de Rennes a rejeté le recours de l'association.", "fr",
     "reject"),
    ("The Rennes administrative court dismissed the appeal on Monday.", "en", "dismiss"),
])
def test_a_court_s_refusal_is_its_ruling(text: str, lang: str, action: str) -> None:
    assert [(c.action, c.kind) for c in claims_of(text, lang=lang)] == [(action, "achievement")]


@pytest.mark.parametrize("text", [
    "Le maire de Lyon Jean Dupont a rejeté la proposition.",
    "La Cour des comptes rejette les arguments de la ville de Nice.",
])
def test_anyone_else_s_refusal_is_a_position(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["statement"]
