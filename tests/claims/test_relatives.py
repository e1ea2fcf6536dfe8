"""What an actor does in a relative clause of its own, whatever else the sentence makes of
it (a source, a quotation's speaker, an indirect object), and what it does not."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("For Jean Castex, who visited a training centre this morning, apprenticeship is key.",
     "en", "Jean Castex", "visit"),
    ("Pour la Ville de Lyon, qui a ouvert 60 places, le plan est un succès.", "fr",
     "Ville de Lyon", "open"),
    ("« Les propriétaires peuvent recevoir une aide », rappelle la Cour des comptes, qui salue "
     "la mise en place du dispositif.", "fr", "Cour des comptes", "welcome"),
    ("The decree allows the Metropolis of Lyon, which signed the agreement in 2020, to cap "
     "rents.", "en", "Metropolis of Lyon", "sign"),
    # the speaker of a quotation, inverted after the reporting verb: the quotation is how
    # the speaker said it, and the relative clause another act of theirs
    ("« Le texte dénonce la mise en danger de la vie d'autrui », a précisé le maire de Lyon, "
     "qui a annoncé la fermeture du parc.", "fr", "maire de Lyon", "close"),
    ('"The decision protects the residents," said the Mayor of Leeds, who announced the '
     "closure of the park.", "en", "Mayor of Leeds", "close"),
])
def test_an_actor_acts_in_its_own_relative_clause(text: str, lang: str, actor: str,
                                                   action: str) -> None:
    acts = {(c.actor, c.action) for c in claims_of(text, lang=lang, published="2024-03-01")}
    assert (actor, action) in acts


def test_a_relative_clause_whose_object_the_actor_is_is_not_its_act() -> None:
    text = "Le préfet a saisi la Ville de Lyon, que la loi oblige à construire des logements."
    assert not [c for c in claims_of(text) if c.actor == "Ville de Lyon"]


def test_what_an_actor_undergoes_after_its_relative_clause_is_not_its_act() -> None:
    text = ("Rennes Métropole, qui comptait 450 000 habitants en 2019, est dirigée par les "
            "socialistes depuis 1989.")
    assert not [c for c in claims_of(text) if c.actor == "Rennes Métropole"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Mme Valérie Pécresse, qui préside aussi l'autorité régionale des transports "
     "Ile-de-France Mobilités, évalue à 10 milliards d'euros les besoins financiers.", "fr"),
    ("Valérie Pécresse, who also chairs the transport authority Ile-de-France Mobilités, "
     "estimated the needs at 10 billion euros.", "en"),
])
def test_a_body_inside_a_relative_clause_is_not_the_subject_after_it(text: str,
                                                                     lang: str) -> None:
    assert {c.actor for c in claims_of(text, lang=lang)} == {"Valérie Pécresse"}


def test_verbs_joined_in_a_relative_clause_are_each_done() -> None:
    text = ("Tous les bovins devront être abattus, a annoncé la préfecture de l'Ain, qui a "
            "renforcé la surveillance et interdit les mouvements d'animaux dans l'alpage.")
    acts = {(c.action, c.kind) for c in claims_of(text) if c.construction == "subject-relative"}
    assert acts == {("strengthen", "achievement"), ("ban", "achievement")}


@pytest.mark.parametrize(("text", "actor", "action"), [
    ("C'est une enveloppe de 4 millions d'euros que devrait annoncer la Région Bretagne "
     "samedi.", "Région Bretagne", "announce"),
    ("Ce sont les mesures que va présenter le Département du Gers lundi.",
     "Département du Gers", "present"),
])
def test_an_inverted_subject_after_a_modal_and_its_infinitive_in_an_object_relative(
        text: str, actor: str, action: str) -> None:
    claims = claims_of(text)
    assert [(c.actor, c.action, c.kind) for c in claims] == [(actor, action, "commitment")]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Mme Morvan, qui préside aussi le syndicat des transports, évalue à 2 milliards "
     "d'euros les besoins.", "fr", "Morvan"),
    ("La Fédération des cafés, qui rassemble 400 établissements, a dénoncé la taxe.", "fr",
     "Fédération des cafés"),
    ("The Café Federation, which represents 400 owners, criticised the tax.", "en",
     "Café Federation"),
])
def test_a_relative_saying_what_the_actor_heads_or_gathers_is_no_act(text: str, lang: str,
                                                                     actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if actor in c.actor]
    assert claims and not any(c.action in ("chair", "head", "gather", "represent",
                                           "rassembler") for c in claims)
