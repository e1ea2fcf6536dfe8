"""A negated promise is a refusal, a statement ("ne signeraient pas"), unless it only says
when ("n'ouvrira pas le centre avant juin", "will not be provided before 2024"); a figure
put forward is an estimate ("avançaient le chiffre de 130"); a union's branch joined to its
confederation by a hyphen is one body ("le SNP-FO", "l'UFAP-UNSA")."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize(("text", "lang"), [
    ("La CFDT a annoncé qu'elle ne signerait pas le nouvel accord salarial.", "fr"),
    ("The CFDT announced that it would not sign the new pay agreement.", "en"),
])
def test_a_negated_promise_is_a_refusal(text: str, lang: str) -> None:
    assert [(c.actor, c.kind, c.negated) for c in claims_of(text, lang=lang)] == [
        ("CFDT", "statement", True)]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Lyon n'ouvrira pas le centre d'accueil avant juin.", "fr"),
    ("The City of Lyon will not open the shelter before June.", "en"),
])
def test_a_negated_date_is_still_a_promise(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["commitment"]


def test_a_figure_put_forward_is_an_estimate() -> None:
    claims = claims_of("Lundi, la CGT avançait le chiffre de 130 établissements touchés.")
    assert [(c.actor, c.kind, c.action) for c in claims] == [("CGT", "assessment", "estimate")]


@pytest.mark.parametrize("name", ["SNP-FO", "UFAP-UNSA", "SNP-Force Ouvrière"])
def test_a_branch_joined_to_its_union_is_one_body(name: str) -> None:
    text = f"Lundi, le {name} a appelé les surveillants à bloquer les prisons."
    assert ("Organization", name) in _entities(text, "fr")


def test_two_known_bodies_joined_are_not_one() -> None:
    assert ("Organization", "SNCF-RATP") not in _entities(
        "La liaison SNCF-RATP sera renforcée en 2025.", "fr")
