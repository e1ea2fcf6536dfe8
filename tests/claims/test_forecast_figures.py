"""A figure a speaker puts on what is to come is their commitment with that figure, not a
statement without one (ANNOTATION.md: "a figure an actor forecasts for its own plan";
extractor/claims/forecasts.py, read by claims/record.make_claim)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "amount"), [
    ("Marie Dupont a affirmé que la part de la Région serait de 80 millions d'euros.", 80e6),
    ("« Quelque 12 000 foyers seront concernés », a précisé Marie Dupont.", 12000),
])
def test_a_figure_said_of_what_will_be_is_the_speaker_s_commitment(text: str,
                                                                   amount: float) -> None:
    (claim,) = [c for c in claims_of(text) if c.actor == "Marie Dupont"]
    assert (claim.kind, claim.amount) == ("commitment", amount)


def test_a_figure_said_of_what_was_done_stays_words() -> None:
    # guard: a past figure told is a statement, the act told is the doer's
    claims = claims_of("Marie Dupont a rappelé que la Région avait dépensé 3 millions d'euros.")
    (said,) = [c for c in claims if c.actor == "Marie Dupont"]
    assert said.kind == "statement"


def test_a_figure_refused_is_no_commitment() -> None:
    # guard: "ne serait pas de 80 M€" denies the figure
    claims = claims_of("Marie Dupont a affirmé que la part de la Région ne serait pas de 80 "
                       "millions d'euros.")
    assert not any(c.kind == "commitment" for c in claims if c.actor == "Marie Dupont")


@pytest.mark.parametrize(("text", "lang", "speaker", "amount"), [
    ("« C'est 100.000 euros pour le département », reconnaît Paul Lemoine.", "fr",
     "Paul Lemoine", 100000),
    ("Ce qui représente un coup de pouce de 650 millions d'euros, a précisé Marie Dupont.", "fr",
     "Marie Dupont", 650e6),
    ('"That is 40,000 euros for the town," said Peter Jones.', "en", "Peter Jones", 40000),
])
def test_the_one_sum_a_statement_names_is_its_figure(text: str, lang: str, speaker: str,
                                                     amount: float) -> None:
    (claim,) = [c for c in claims_of(text, lang) if c.actor == speaker]
    assert claim.amount == amount


def test_a_statement_naming_two_sums_takes_neither() -> None:
    # guard: which of two sums is the point of the words is not known
    claims = claims_of("« Nous avons mis 3 millions d'euros, et la Région 2 millions », a "
                       "déclaré Paul Lemoine.")
    (said,) = [c for c in claims if c.actor == "Paul Lemoine"]
    assert said.amount is None


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("The plan, which was drawn up by the Ministry of Labour, aims to get 100,000 young "
     "people into work.", "en", "Ministry of Labour"),
    ("Le plan, qui a été élaboré par la Région Bretagne, vise à former 20 000 jeunes.", "fr",
     "Région Bretagne"),
])
def test_a_relative_clauses_act_takes_no_figure_of_the_main_clause(text: str, lang: str,
                                                                     actor: str) -> None:
    (claim,) = [c for c in claims_of(text, lang) if c.actor == actor]
    assert claim.amount is None


@pytest.mark.parametrize(("text", "lang", "amount"), [
    ("Depuis 2021, la Région Bretagne a accompagné 300 entreprises, pour un montant total de "
     "45 millions d'euros.", "fr", 45e6),
    ("The Brittany Region has backed 300 firms, for a total of €45 million.", "en", 45e6),
])
def test_a_sum_named_as_the_amount_is_the_acts_figure(text: str, lang: str,
                                                      amount: float) -> None:
    claims = [c for c in claims_of(text, lang) if c.kind != "statement"]
    assert claims and all(c.amount == amount for c in claims)


def test_without_an_amount_mark_the_count_acted_on_is_the_figure() -> None:
    # guard: "a accompagné 300 entreprises" alone bears on the 300
    (claim,) = claims_of("La Région Bretagne a accompagné 300 entreprises.")
    assert claim.amount == 300
