"""What a medium learned is its source's words, not the medium's: "…, a appris France Inter
auprès de la ministre, X" is the minister's; learned from no one named, it is no one's, and
the learning is no act (issue 15)."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_the_clause_a_medium_learned_from_a_named_source_is_the_sources() -> None:
    claims = claims_of("La Région va débloquer 12 millions d'euros pour les lycées, a appris "
                       "France Bleu mardi auprès de la vice-présidente, Claire Masson.")
    actors = {c.actor for c in claims}
    assert "Claire Masson" in actors and "France Bleu" not in actors
    (mine,) = [c for c in claims if c.actor == "Claire Masson"]
    assert (mine.kind, mine.amount) == ("commitment", 12_000_000)


def test_a_clause_a_medium_learned_from_no_one_named_is_no_ones() -> None:
    claims = claims_of("La Région va débloquer 12 millions d'euros pour les lycées, a appris "
                       "France Bleu.")
    assert {c.actor for c in claims} == {"Région"}
    assert not [c for c in claims if c.action == "apprendre"]


def test_an_english_medium_learned_from_a_named_minister() -> None:
    claims = claims_of("The government will release 40 million euros for nursing homes, "
                       "France Bleu learned on Tuesday from the Minister for the Elderly, "
                       "Claire Masson.", "en")
    assert "Claire Masson" in {c.actor for c in claims}


def test_a_medium_that_learned_does_no_act_of_what_it_learned() -> None:
    claims = claims_of("The government will release 40 million euros for nursing homes, "
                       "France Bleu learned on Tuesday.", "en")
    assert "France Bleu" not in {c.actor for c in claims}
    claims = claims_of("Le report de l'échéance a été décidé mardi, a-t-on appris par "
                       "France Bleu.")
    assert "France Bleu" not in {c.actor for c in claims}


def test_a_person_who_learned_of_something_keeps_the_claim() -> None:
    claims = claims_of("Claire Masson, cheffe du Samu, a appris mardi la fermeture nocturne "
                       "des urgences de l'hôpital.")
    assert "Claire Masson" in {c.actor for c in claims}
