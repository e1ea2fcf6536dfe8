"""A wish for a thing is a position, a statement ("il souhaite une loi"); a wish to do
something, or for an act named by a noun, promises that act (a control verb)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Camille Rivet souhaite une loi de programmation pour les foyers.", "fr", "wish"),
    ("La présidente Camille Rivet espère un geste de l'Etat avant l'hiver.", "fr", "hope"),
    ("Camille Rivet hopes for a quick agreement with the region.", "en", "hope"),
    ("Camille Rivet wishes for a new law on shelters.", "en", "wish"),
])
def test_a_wish_for_a_thing_is_a_statement(text: str, lang: str, action: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        ("Camille Rivet", "statement", action)]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Camille Rivet souhaite ouvrir 200 places d'ici l'hiver.", "fr", "open"),
    ("Camille Rivet espère une inauguration du centre avant la fin de son mandat.", "fr",
     "inaugurate"),
    ("Camille Rivet hopes to open 200 places by the winter.", "en", "open"),
])
def test_a_wish_to_act_promises_the_act(text: str, lang: str, action: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        ("Camille Rivet", "commitment", action)]
