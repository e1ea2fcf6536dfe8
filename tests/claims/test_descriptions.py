"""Actors named by a description rather than a name, and acts named by a noun phrase:
"l'institution a adopté", "the municipality headed by X plans to", "gave the green light"."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Bordeaux Métropole a présenté son bilan. Un deuxième plan vient d'être adopté par "
     "l'institution.", "fr", "Bordeaux Métropole", "adopt"),
    ("La Ville de Nice a voté son budget. La collectivité prévoit de recruter 50 policiers "
     "municipaux.", "fr", "Ville de Nice", "recruit"),
    ("Action Logement signed a deal with the city on Monday. The organisation plans to build "
     "300 homes in 2025.", "en", "Action Logement", "build"),
    ("Anthony Borré defended the new bonuses on Wednesday. The elected official also "
     "recruited 50 new officers.", "en", "Anthony Borré", "recruit"),
])
def test_a_definite_generic_noun_stands_for_the_actor_the_text_is_about(
        text: str, lang: str, actor: str, action: str) -> None:
    second = text.split(". ", 1)[1]
    claims = [c for c in claims_of(text, lang=lang, published="2024-12-12")
              if second in c.quote]
    assert (actor, action) in [(c.actor, c.action) for c in claims]


def test_a_plural_generic_noun_is_a_group_not_the_last_body() -> None:
    text = ("La Ville de Nice a voté son budget. Les élus ont voté contre la motion.")
    assert not [c for c in claims_of(text) if "motion" in c.quote]


def test_a_generic_noun_in_a_quotation_is_the_speakers_word() -> None:
    text = ("Didier Lambert, directeur général de l'ARS Occitanie, a déclaré que l'agence "
            "« ne pouvait pas tout financer ».")
    assert [c.actor for c in claims_of(text)] == ["Didier Lambert"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("La Ville de Nice a voté son budget. La municipalité dirigée par Christian Estrosi "
     "prévoit d'étendre son réseau de caméras en 2025.", "fr", "municipalité"),
    ("Nice City Council voted its budget on Wednesday. The municipality headed by Christian "
     "Estrosi, at the forefront of this security tool, plans to further expand its video "
     "surveillance system in 2025.", "en", "municipality"),
])
def test_a_participle_describing_the_subject_is_not_its_act(text: str, lang: str,
                                                           actor: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-12-12")
    (claim,) = [c for c in claims if c.actor == actor]
    assert (claim.kind, claim.action, claim.date) == ("commitment", "extend", "2025")


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Prime Minister Jean Castex gave the green light on Wednesday to the mayor of Paris for "
     "new reception sites.", "en", "approve"),
    ("Le Premier ministre Jean Castex a donné mercredi son feu vert à la maire de Paris pour "
     "de nouveaux lieux d'accueil.", "fr", "approve"),
])
def test_a_light_verb_with_an_idiom_names_its_act(text: str, lang: str, action: str) -> None:
    (claim,) = [c for c in claims_of(text, lang=lang) if c.actor == "Jean Castex"]
    assert claim.action == action


def test_according_to_her_is_the_body_the_text_continues() -> None:
    text = ("La préfecture de la Gironde annonce la fermeture de deux centres d'hébergement. "
            "Selon elle, 150 personnes seront relogées d'ici juin.")
    claims = [c for c in claims_of(text) if "Selon elle" in c.quote]
    assert [c.actor for c in claims] == ["préfecture de la Gironde"]


def test_a_subordinate_clauses_subject_does_not_take_over_the_pronoun() -> None:
    text = ("Le maire de Montpellier, Michaël Delafosse, souhaite que l'État participe au "
            "financement du tramway. Il a écrit au Premier ministre.")
    claims = [c for c in claims_of(text) if "écrit" in c.quote]
    assert [c.actor for c in claims] == ["Michaël Delafosse"]


def test_a_body_described_in_a_relative_clause_or_by_its_study_is_the_body() -> None:
    text = ("L'association Villes de France publie son panorama des polices municipales. "
            "L'association, qui regroupe des villes moyennes, précise que les budgets varient. "
            "L'étude note aussi une hausse des effectifs.")
    claims = [c for c in claims_of(text) if "publie" not in c.quote]
    assert len(claims) == 2 and {c.actor for c in claims} == {"association Villes de France"}


def test_a_partner_after_list_items_that_are_no_actor() -> None:
    text = ("Une première réunion avait eu lieu avec les services de l'État, Action Logement et "
            "la Métropole de Lyon le 19 mai.")
    met = {c.actor for c in claims_of(text, published="2019-06-10") if c.action == "meet"}
    assert {"Action Logement", "Métropole de Lyon"} <= met


def test_a_place_named_for_its_council_commits_as_the_council() -> None:
    (claim,) = claims_of("La Corrèze veut salarier 10 généralistes dans un centre de santé.",
                         published="2018-11-29")
    assert (claim.actor, claim.kind, claim.action, claim.amount) == (
        "Corrèze", "commitment", "salarier", 10)


def test_a_generic_noun_subject_carries_the_actor_on_to_a_pronoun() -> None:
    text = ("L'association Villes de France publie son panorama des polices municipales. "
            "L'association constate une hausse des effectifs. Les dépenses de vidéo-protection "
            "« occupent une part de plus en plus importante au fil des années », observe-t-elle.")
    claims = [c for c in claims_of(text, published="2013-10-10") if "observe" in c.quote]
    assert [c.actor for c in claims] == ["association Villes de France"]


@pytest.mark.parametrize(("text", "claimed"), [
    ("Lille City Council voted its budget on Monday. It will also fund two new shelters.", True),
    ("Lille City Council voted its budget on Monday. It takes years to build a shelter.", False),
])
def test_it_stands_for_the_body_the_text_continues(text: str, claimed: bool) -> None:
    second = [c for c in claims_of(text, lang="en", published="2024-02-01")
              if c.quote.startswith("It")]
    assert [c.actor for c in second] == (["Lille City Council"] if claimed else [])


def test_a_bare_said_adds_no_claim_to_what_the_actor_did_in_the_sentence() -> None:
    text = ("The city council of Lille wants to install 300 more cameras in 2025, it explained "
            "on Wednesday.")
    claims = claims_of(text, lang="en", published="2024-12-12")
    assert "state" not in [c.action for c in claims]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Le maire de Lyon, Grégory Doucet, a pris position contre le projet.", "fr", "state"),
    ("Paris Mayor Anne Hidalgo hit out at the government on Monday.", "en", "attack"),
    ("Paris Mayor Anne Hidalgo took aim at the government on Monday.", "en", "criticise"),
])
def test_a_set_phrase_of_speaking_out_is_a_statement(text: str, lang: str, action: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, lang=lang)] == [("statement", action)]
