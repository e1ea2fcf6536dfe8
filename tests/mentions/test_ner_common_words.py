"""Organisations the model found though the tagger read their words as common ones; funds,
which are schemes; plural words and words before a name, which are no bodies
(extractor/mentions/ner_names.py, described_names.py), on sentences of our own."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _entities


def test_a_coined_company_name_the_vectors_do_not_know_is_a_body() -> None:
    found = _entities("Les gigafactories d'Envision, de Verkor et de ProLogium débuteront leur "
                      "production en 2025.", "fr")
    assert ("Organization", "Envision") in found


def test_a_coined_name_opening_a_sentence_as_its_subject_is_a_body() -> None:
    assert ("Organization", "Saft") in _entities("Saft a annoncé 200 embauches à Bordeaux.",
                                                 "fr")


def test_a_known_word_opening_a_sentence_is_no_body() -> None:
    # guard: a weekday or a preposition opening a line is known to the vectors
    found = _entities("Mardi, la mairie de Lille a fermé le site.", "fr")
    assert not any(text == "Mardi" for _, text in found)


def test_a_known_word_capitalised_inside_a_sentence_is_no_body_by_itself() -> None:
    # the model's vectors know "transition": a common word, whatever its capital
    assert ("Organization", "Transition") not in _entities(
        "La ministre de la Transition a présenté son plan.", "fr")


@pytest.mark.parametrize(("text", "lang", "fund"), [
    ("Le Fonds vert financera 20 projets, a annoncé le préfet du Doubs.", "fr", "Fonds vert"),
    ("The Just Transition Fund is helping the region, the commissioner said.", "en",
     "Just Transition Fund"),
])
def test_a_fund_is_a_scheme_not_a_body(text: str, lang: str, fund: str) -> None:
    assert ("Organization", fund) not in _entities(text, lang)


@pytest.mark.parametrize("text", [
    "The question of the expulsion of Travellers will return to the National Assembly.",
    # a capitalised name after the comma is a body of its own, no description of the word
    "A ban had been called for by several associations and MPs, the National Federation of "
    "Hunters said.",
    # a head before a name describes that name
    "Most voters favour a ban on Sundays, polling firm IFOP found.",
])
def test_a_plural_word_or_a_word_before_a_name_in_apposition_is_no_body(text: str) -> None:
    orgs = {name for kind, name in _entities(text, "en") if kind == "Organization"}
    assert not orgs & {"Travellers", "MPs", "Sundays"}


def test_a_name_described_in_lower_case_after_it_stays_a_body() -> None:
    assert ("Organization", "Eurenco") in _entities(
        "Eurenco, a French defence group, will invest €500 million in Bergerac.", "en")


@pytest.mark.parametrize("body", ["International Monetary Fund", "World Wildlife Fund",
                                  "European Investment Fund"])
def test_a_fund_that_is_a_body_stays_one(body: str) -> None:
    assert ("Organization", body) in _entities(f"The {body} welcomed the plan on Monday.", "en")


def test_the_name_after_a_head_is_the_body_not_the_word_before_it() -> None:
    found = _entities("Environmental group Robin des Bois has taken the case to court.", "en")
    assert ("Organization", "Robin des Bois") in found
    assert not any(text == "Environmental" for _, text in found)


def test_a_day_after_a_head_is_no_name() -> None:
    # guard: "the Socialist group Tuesday" names no body "Tuesday"
    found = _entities("The Socialist group Tuesday voted against the bill.", "en")
    assert not any(text == "Tuesday" for _, text in found)
