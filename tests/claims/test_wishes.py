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


@pytest.mark.parametrize(("text", "lang", "speaker", "inside"), [
    ("Le maire de Dijon craint que l'Etat impose une solution.", "fr", "maire de Dijon", "Etat"),
    ("Le maire de Dijon souhaite que l'Etat finance le projet.", "fr", "maire de Dijon", "Etat"),
    ("La CGT demande que la préfecture du Rhône ferme le camp et reloge les familles.", "fr",
     "CGT", "préfecture du Rhône"),
    ("The mayor of Dijon fears that the State will impose a solution.", "en",
     "mayor of Dijon", "State"),
])
def test_a_clause_wished_feared_or_asked_for_is_no_act_of_its_subject(
        text: str, lang: str, speaker: str, inside: str) -> None:
    actors = [c.actor for c in claims_of(text, lang=lang)]
    assert speaker in actors and inside not in actors


def test_a_subject_before_the_wishing_verb_keeps_its_own_act() -> None:
    claims = claims_of("La Ville de Dijon, qui souhaite que l'Etat finance le projet, a lancé "
                       "une étude.", lang="fr")
    assert ("Ville de Dijon", "launch") in {(c.actor, c.action) for c in claims}
    assert "Etat" not in {c.actor for c in claims}
