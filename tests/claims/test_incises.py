"""French incises invert their subject after any verb ("…, se félicite son président, Olivier
Klein", "…, reprend Anne Souyris"): the words before the comma are the speaker's, even when
the verb is listed nowhere as one of saying, and even when a quotation mark opened them and
none closed them. A reflexive verb after a fronted phrase is no incise."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text, speaker", [
    ("« Nous validons à tour de bras, se félicite son président, Olivier Klein.", "Olivier Klein"),
    ("« Il faudrait aussi des espaces de repos dans les centres, reprend Anne Souyris.",
     "Anne Souyris"),
    ("Les chantiers avancent enfin, s'enorgueillit le maire Jean Dupont.", "Jean Dupont"),
])
def test_an_inverted_incise_names_the_speaker_whatever_its_verb(text: str, speaker: str):
    assert [(c.actor, c.kind) for c in claims_of(text)] == [(speaker, "statement")]


@pytest.mark.parametrize("text", [
    "A ce montant, s’ajoute le co-financement du Conseil régional de Bretagne.",
    "Dans la salle, se tenait le préfet Jean Dupont.",
])
def test_a_fronted_phrase_before_an_inverted_verb_is_no_incise(text: str):
    assert [c for c in claims_of(text) if c.kind == "statement"] == []


def test_english_inverts_only_verbs_of_saying():
    claims = claims_of("The works are finally moving, smiled Mayor Jane Smith.", lang="en")
    assert claims == []


def test_a_list_of_ministers_with_their_portfolios_set_off_by_dashes_all_act():
    text = ("Pas moins de quatre ministres – Elisabeth Moreno (Egalité), Marlène Schiappa "
            "(Citoyenneté), Emmanuelle Wargon (Logement) et Nathalie Elimas (secrétaire d’Etat "
            "chargée de l’Education prioritaire) - ont fait le déplacement à Cergy.")
    visits = {c.actor for c in claims_of(text) if (c.action, c.kind) == ("visit", "achievement")}
    assert visits == {"Elisabeth Moreno", "Marlène Schiappa", "Emmanuelle Wargon",
                      "Nathalie Elimas"}


def test_a_visit_is_an_act_in_either_language():
    (fr,) = claims_of("La visite de la ministre Aurore Bergé à Lille a eu lieu lundi.")
    (en,) = claims_of("Catherine Vautrin's trip to Alsace took place on Monday.", lang="en")
    assert (fr.action, en.action) == ("visit", "visit")


def test_what_is_promised_is_read_in_the_promise_s_own_sentence():
    claims = claims_of("Le maire Jean Dupont a promis 15 millions d'euros. Lors de la visite "
                       "du préfet Paul Martin à Lille, rien n'a été décidé.")
    assert [(c.actor, c.action) for c in claims if c.actor == "Jean Dupont"] == [
        ("Jean Dupont", "promise")]


def test_a_list_ends_with_a_dashed_aside_and_a_member_that_is_no_actor():
    text = ("Le même jour, l’État, le département du Val-d’Oise - pionnier dans ce domaine - et "
            "plusieurs associations ont signé un nouveau protocole.")
    signed = {c.actor for c in claims_of(text) if c.action == "sign"}
    assert signed == {"État", "département du Val-d’Oise"}
