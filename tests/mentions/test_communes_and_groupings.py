"""Communes of any size the model typed a body, communes after any locative preposition,
and groupings of communes (communautés), on sentences of our own."""

from __future__ import annotations

import pytest

from extractor.mentions.place_cities import city_cands
from tests.mentions.test_unseen_kinds import _entities, _mentions


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("The five-storey block at Soulac-sur-Mer was evacuated.", "en", "Soulac-sur-Mer"),
    ("The mayor of Le Grau-du-Roi in Gard spoke on Monday.", "en", "Le Grau-du-Roi"),
    ("Work started in Treffiagat on Monday.", "en", "Treffiagat"),
])
def test_a_commune_the_model_typed_a_body_is_a_place(text: str, lang: str, place: str) -> None:
    found = _entities(text, lang)
    assert ("Place", place) in found
    assert not any(kind != "Place" and place.split("-")[0] in name for kind, name in found)


@pytest.mark.parametrize(("text", "lang", "places"), [
    ("Les habitants de Quimper et de Saint-Brieuc sont venus.", "fr", {"Quimper", "Saint-Brieuc"}),
    ("The minister travelled from Besançon to Montbéliard.", "en", {"Besançon", "Montbéliard"}),
])
def test_a_commune_after_any_locative_word_is_a_place(text: str, lang: str,
                                                        places: set[str]) -> None:
    assert places <= {name for kind, name in _entities(text, lang) if kind == "Place"}


def test_a_given_name_after_a_preposition_is_no_commune() -> None:
    text = "Il a parlé de Nancy hier, puis de Tourcoing."
    assert [text[c.start:c.end] for c in city_cands(text, "fr")] == ["Tourcoing"]


@pytest.mark.parametrize(("text", "lang", "body"), [
    ("La communauté urbaine de Dunkerque finance le projet.", "fr",
     "communauté urbaine de Dunkerque"),
    ("La communauté d'agglomération du Grand Besançon vote son budget.", "fr",
     "communauté d'agglomération du Grand Besançon"),
    ("The Communauté de communes du Pays Bigouden is in charge.", "en",
     "Communauté de communes du Pays Bigouden"),
    # by its generic name and the town it is named after
    ("L'intercommunalité de Briey a décidé d'éteindre ses lampadaires.", "fr",
     "intercommunalité de Briey"),
])
def test_a_grouping_of_communes_is_a_body(text: str, lang: str, body: str) -> None:
    assert ("Organization", body) in _entities(text, lang)


@pytest.mark.parametrize(("text", "kind"), [
    ("Nacer Meddah préside la chambre. « On travaille sur pièce et sur place, toujours », a "
     "ironisé Nacer Meddah.", "Person"),
    ("Il a vécu à New York avant de rentrer.", "Place"),
])
def test_a_name_the_model_typed_a_place_shaped_as_a_person(text: str, kind: str) -> None:
    names = {name: k for k, name in _entities(text, "fr")}
    assert kind in {names.get("Nacer Meddah"), names.get("New York")}


def test_a_body_named_by_its_acronym_and_an_elided_region_is_that_region_s() -> None:
    text = ("La salle, cofinancée par la Ville et l'Agence régionale de Santé (ARS d’Île-de-"
            "France), sera ouverte à Paris.")
    found = _entities(text, "fr")
    assert ("Place", "ARS") not in found and ("Place", "Île-de-France") in found


@pytest.mark.parametrize(("text", "body", "place"), [
    ("Le projet associe la communauté de communes Sor-et-Agout.",
     "communauté de communes Sor-et-Agout", "Sor-et-Agout"),
    ("La Communauté de communes du Pays Bigouden Sud pilote l'opération.",
     "Communauté de communes du Pays Bigouden Sud", "Pays Bigouden Sud"),
    ("Le maire de Trifouilly-les-Oies a parlé.", "maire de Trifouilly-les-Oies",
     "Trifouilly-les-Oies"),
])
def test_the_place_a_grammar_reads_in_a_bodys_name_is_a_place(text: str, body: str,
                                                              place: str) -> None:
    found = _entities(text, "fr")
    assert ("Organization", body) in found
    assert ("Place", place) in found


def test_the_metropolitan_council_is_the_metropolis_the_text_names() -> None:
    found = _mentions("La Métropole de Rouen a présenté son plan. Le conseil métropolitain a "
                      "adopté le budget en mars.", "fr")
    (council,) = [m for m in found if m.text == "conseil métropolitain"]
    (named,) = [m for m in found if m.text == "Métropole de Rouen"]
    assert (council.type, council.key) == ("Organization", named.key)
