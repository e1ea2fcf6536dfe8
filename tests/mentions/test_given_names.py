"""A person named "Given Surname" whose given name the gender lists name (a woman's name
missing from the main list: "Aurore", "Rachida", "Ségolène") is a person, and a body whose
registry name is that given name ("Aurore", an association) does not take the person's name;
a medium's lower-case head ("le journal Le Monde") is no part of its name."""

from __future__ import annotations

from extractor.mentions.persons import given_name_found
from tests.mentions.test_generalising_entities import _mentions


def test_a_minister_whose_given_name_is_a_registry_body_is_a_person():
    mentions = _mentions("La ministre des Solidarités Aurore Bergé a promis une aide. "
                         "L'association Aurore gère le centre d'hébergement.", "fr")
    kinds = {(m.text, m.type) for m in mentions}
    assert ("Aurore Bergé", "Person") in kinds
    assert ("association Aurore", "Organization") in kinds
    assert ("Aurore", "Organization") not in kinds



def test_a_medium_s_lower_case_head_is_no_part_of_its_name():
    mentions = _mentions("Selon le journal Le Monde, la ministre a promis une aide. Radio France "
                         "a diffusé l'entretien.", "fr")
    orgs = {m.text for m in mentions if m.type == "Organization"}
    assert {"Le Monde", "Radio France"} <= orgs
    assert "journal Le Monde" not in orgs


def test_a_portfolio_in_a_named_minister_s_title_is_no_city_council():
    mentions = _mentions("L'ANRU, créée par le ministre de la Ville Jean-Louis Borloo en mars "
                         "dernier, réunit les partenaires.", "fr")
    assert [m.text for m in mentions if m.type == "Organization"] == ["ANRU"]


def test_a_given_name_ending_a_hyphenated_place_opens_no_name() -> None:
    text = ("La proposition a été défendue par la députée de Seine-Saint-Denis Fatiha "
            "Keloua-Hachi, avec Jean-Pierre Martin.")
    got = [text[f.start:f.end] for f in given_name_found(text)]
    assert "Denis Fatiha" not in " ".join(got) and "Jean-Pierre Martin" in got


def test_common_given_names_open_persons_the_model_misses() -> None:
    text = ("Thibaud Simphal a répondu mardi. Ségolène Durand et Gwenaëlle Le Gall ont signé "
            "le texte avec Erwan Kerhervé.")
    assert [text[f.start:f.end] for f in given_name_found(text) if f.type == "Person"] == [
        "Thibaud Simphal", "Ségolène Durand", "Gwenaëlle Le Gall", "Erwan Kerhervé"]
