"""Past participles the tagger reads as a noun or an adjective under their auxiliary are the
verbs they are; a passive's participle and an adjective after "être" stay states."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "actor", "action", "kind"), [
    ("Hier, la Chambre régionale des comptes a contre-attaqué.",
     "Chambre régionale des comptes", "contre-attaquer", "achievement"),
    ("Son homologue de l'Association des communautés de France, Charles-Eric Lemaignen, "
     "s'est élevé contre la « stigmatisation des collectivités locales ».",
     "Charles-Eric Lemaignen", "protest", "statement"),
])
def test_a_participle_under_its_auxiliary_is_a_verb(text: str, actor: str, action: str,
                                                     kind: str) -> None:
    assert [(c.actor, c.action, c.kind) for c in claims_of(text)] == [(actor, action, kind)]


def test_a_participle_with_its_agent_opening_a_sentence_is_the_agent_s_act() -> None:
    """"Épinglée par la Chambre …": the capitalised participle the tagger read as a noun has
    an agent, which only a verb takes."""
    text = ("Épinglée par la Chambre régionale des comptes, la commune de Vézelay revoit ses "
            "tarifs.")
    assert ("Chambre régionale des comptes", "criticise", "assessment") in {
        (c.actor, c.action, c.kind) for c in claims_of(text)}


@pytest.mark.parametrize("text", [
    "Selon la Ville de Paris, le coût du projet est élevé.",
    "Le maire Jean Dupont assure que la Ville de Paris aurait été contrainte d'agir.",
])
def test_an_adjective_or_a_passive_state_is_no_act(text: str) -> None:
    assert not [c for c in claims_of(text) if c.action.endswith(("élever", "contrainter"))]


def test_a_verb_read_as_a_noun_after_the_subjects_aside_is_its_predicate() -> None:
    text = ("La Ville de Paris, qui fermera la salle fin juin, juge les chiffres de la Cour "
            "excessifs.")
    assert {(c.action, c.kind) for c in claims_of(text)} == {
        ("close", "commitment"), ("assess", "assessment")}
