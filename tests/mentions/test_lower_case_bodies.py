"""Bodies the press writes in lower case, groupings of communes named by a land word, their
short names, an adverb before a subject in apposition, and a dispatch's dateline, on
sentences of our own."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize("body", [
    "union régionale des professionnels de santé",
    "mission archéologique départementale de l'Aveyron",
    "agence départementale d'information sur le logement de la Somme",
    "direction générale des collectivités locales",
])
def test_a_body_written_in_lower_case_with_its_reach_is_an_organisation(body: str) -> None:
    text = f"Hier, la {body} a publié une étude sur les pharmacies rurales."
    text = text.replace("la union", "l'union").replace("la agence", "l'agence")
    assert ("Organization", body) in _entities(text, "fr")


@pytest.mark.parametrize("text", [
    "La direction de l'entreprise a publié une étude.",  # no adjective of reach: a common noun
    "La commission nationale a voté le texte.",  # no complement: no name
    "Une mission régionale de conseil sera créée.",  # no definite article
])
def test_lower_case_words_without_a_name_s_shape_are_no_body(text: str) -> None:
    assert not any(kind == "Organization" for kind, _ in _entities(text, "fr"))


def test_a_body_in_lower_case_acts() -> None:
    found = claims_of("L'union régionale des professionnels de santé a lancé un appel aux "
                      "médecins retraités.", "fr")
    assert any(c.actor == "union régionale des professionnels de santé" and c.action == "launch"
               for c in found)


@pytest.mark.parametrize(("text", "body", "place"), [
    ("La communauté de communes du Bassin de Trévoux a voté.",
     "communauté de communes du Bassin de Trévoux", "Bassin de Trévoux"),
    ("La communauté de communes de la Vallée de Montjoie a voté.",
     "communauté de communes de la Vallée de Montjoie", "Vallée de Montjoie"),
    ("La communauté de communes Cœur de Brenne a voté.",
     "communauté de communes Cœur de Brenne", "Cœur de Brenne"),
])
def test_a_grouping_named_by_a_land_word_is_whole(text: str, body: str, place: str) -> None:
    found = _entities(text, "fr")
    assert ("Organization", body) in found
    assert ("Place", place) in found


def test_the_grouping_s_short_name_is_the_grouping_the_text_names() -> None:
    found = claims_of("La communauté de communes du Bassin de Trévoux a lancé un plan. Pour "
                      "réduire sa facture, l'intercommunalité a commencé à remplacer ses "
                      "lampadaires.", "fr")
    assert any(c.actor == "intercommunalité" for c in found)


@pytest.mark.parametrize(("text", "lang"), [
    ("Depuis, la commune recherche un pharmacien.", "fr"),
    ("Alors, la ville a changé de méthode.", "fr"),
    ("Since then, the town has changed its plan.", "en"),
])
def test_an_adverb_before_a_subject_in_apposition_is_no_place(text: str, lang: str) -> None:
    assert not any(kind == "Place" for kind, _ in _entities(text, lang))


def test_a_name_before_a_settlement_noun_is_still_a_place() -> None:
    assert ("Place", "Puycalvet") in _entities(
        "Puycalvet, une petite commune rurale, a voté le budget.", "fr")


def test_a_capitalised_common_noun_ends_a_name_only_when_it_is_a_place() -> None:
    # "de la Région" names no place: the assembly is no body of its own, and "la Région"
    # stays the region's council
    found = _entities("Réunie mardi, l'Assemblée plénière de la Région a voté le budget. La "
                      "Région demande 80 millions d'euros à l'État.", "fr")
    assert ("Organization", "Assemblée plénière de la Région") not in found


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Besancon (AFP)\n\nLe gouvernement a présenté un plan pour les jeunes.", "fr", "Besancon"),
    ("Marseille (Reuters) - The government unveiled a plan on Monday.", "en", "Marseille"),
])
def test_a_dispatch_s_dateline_is_a_place(text: str, lang: str, place: str) -> None:
    assert ("Place", place) in _entities(text, lang)


def test_a_line_opening_with_an_unknown_name_and_an_acronym_is_no_dateline() -> None:
    assert not any(kind == "Place" for kind, _ in _entities(
        "Fondation Trucmuche (FTM)\n\nLa fondation a publié un rapport.", "fr"))


@pytest.mark.parametrize(("text", "body"), [
    ("Ce jeudi, le Centre Régional des Oeuvres Universitaires et Scolaires a ouvert une "
     "résidence.", "Centre Régional des Oeuvres Universitaires et Scolaires"),
    ("Ce jeudi, l'Observatoire Départemental des Violences et des Familles a publié son "
     "bilan.", "Observatoire Départemental des Violences et des Familles"),
])
def test_a_body_s_name_in_title_case_is_whole(text: str, body: str) -> None:
    assert ("Organization", body) in _entities(text, "fr")


def test_two_bodies_in_title_case_joined_by_and_are_two() -> None:
    found = _entities("Ce jeudi, l'Agence Régionale de Santé et la Caisse Primaire ont signé.",
                      "fr")
    assert not [name for kind, name in found if kind == "Organization" and " et " in name]
