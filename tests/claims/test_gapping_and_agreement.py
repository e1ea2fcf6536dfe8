"""Elliptical clauses sharing a funder's verb, the act after a verb of motion, a quotation
named a goal, pronouns that agree with a person's gender, and a surname alone that names
the office-holder of the day."""

from __future__ import annotations

import pytest

from extractor.claims.genders import gender_agrees, person_gender
from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _mentions


@pytest.mark.parametrize(("text", "lang"), [
    ("L'État apportera 300 millions d'euros, la Région Occitanie 100 millions et le "
     "Département de la Haute-Garonne 50 millions.", "fr"),
    ("Le Département de la Haute-Garonne a prévu d'injecter 300 millions d'euros dans le "
     "projet, la Région Occitanie 100 millions et l'État 50 millions.", "fr"),
    ("The State will provide €300 million, the Occitanie Region €100 million and the "
     "Haute-Garonne department €50 million.", "en"),
])
def test_each_actor_of_an_elliptical_clause_funds_its_own_figure(text: str, lang: str) -> None:
    claims = claims_of(text, lang=lang)
    assert sorted(c.amount for c in claims) == [50_000_000, 100_000_000, 300_000_000]
    assert len({c.actor for c in claims}) == 3
    assert {c.kind for c in claims} == {"commitment"}


def test_a_name_with_a_verb_of_its_own_is_no_elliptical_clause() -> None:
    text = "L'État apportera 300 millions d'euros, la Région Occitanie a promis 100 millions."
    assert sorted((c.actor, c.amount) for c in claims_of(text)) == [
        ("Région Occitanie", 100_000_000), ("État", 300_000_000)]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Jean Castex va venir l'officialiser samedi au Capitole.", "fr", "officialiser"),
    ("Le gouvernement veut faire construire 500 logements.", "fr", "build"),
])
def test_the_act_is_the_last_verb_of_a_chain_of_infinitives(text: str, lang: str,
                                                             action: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, lang=lang)] == [("commitment", action)]


def test_a_quotation_named_a_goal_is_a_commitment_whatever_its_figures() -> None:
    text = "Les objectifs du gouvernement : « 100% prévention, 100% détection, 100% solutions »."
    assert [(c.actor, c.kind) for c in claims_of(text)] == [("gouvernement", "commitment")]


@pytest.mark.parametrize(("name", "gender"), [
    ("François Dagnaud", "male"), ("Élisabeth Borne", "female"), ("Marie-Hélène Dupont", "female"),
    ("Jean-Marie Dupont", "male"), ("Dominique Bussereau", None), ("Xyz Dupont", None),
    ("Mme Borne", "female"), ("Mr. Attal", "male"),
])
def test_a_person_s_gender_is_what_the_name_shows(name: str, gender: str | None) -> None:
    assert person_gender(name) == gender


def test_a_pronoun_of_the_other_gender_does_not_stand_for_the_person() -> None:
    assert not gender_agrees("elle", "François Dagnaud", "fr")
    assert gender_agrees("il", "François Dagnaud", "fr")
    assert gender_agrees("she", "Dominique Bussereau", "en")
    text = ("Jean Castex va venir l'officialiser samedi, et elle devrait correspondre aux "
            "attentes des élus.")
    assert [c.action for c in claims_of(text)] == ["officialiser"]


def test_a_surname_alone_is_the_office_holder_of_the_day() -> None:
    text = ("The plan contract was signed in Albi. Regarding mobility, Ms. Borne said she "
            "wanted to continue major projects.")
    keys = {m.key for m in _mentions(text, "en", "2022-12-01") if m.text == "Borne"}
    assert keys == {"per:elisabeth borne"}
    # not before she held an office of the list: a name only
    assert {m.key for m in _mentions(text, "en", "2015-01-01") if m.text == "Borne"} == {
        "per:borne"}


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Paris a annoncé un plan prévoyant la création de 60 places de repos, "
     "l'ouverture d'un centre et le renforcement des maraudes.", "fr"),
    ("The City of Paris announced a plan providing for the creation of 60 rest places and the "
     "opening of a centre.", "en"),
])
def test_each_measure_a_promise_lists_is_a_commitment_with_its_own_figure(
        text: str, lang: str) -> None:
    claims = {c.action: c for c in claims_of(text, lang=lang)}
    assert {"create", "open"} <= set(claims)
    assert claims["create"].kind == claims["open"].kind == "commitment"
    assert claims["create"].amount == 60 and claims["open"].amount is None


@pytest.mark.parametrize(("text", "actors"), [
    ("La CGT (15 %) et FO (30 %) ont annoncé qu'elles signeraient l'accord.", {"CGT", "FO"}),
    ("L'État, le département du Val-d'Oise - pionnier dans ce domaine - et la Ville de Cergy "
     "ont signé un protocole.", {"État", "département du Val-d'Oise", "Ville de Cergy"}),
])
def test_an_aside_between_joined_names_does_not_part_them(text: str, actors: set[str]) -> None:
    assert {c.actor for c in claims_of(text)} == actors
