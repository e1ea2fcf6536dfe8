"""A support verb and its object noun ("rendre hommage", "prendre des mesures", "took
measures") name an act no list knows: the pair is the claim's action, as an unknown verb's
lemma is; not a pair that says what the subject is or undergoes, a reflexive verb of motion
("s'est rendu à"), nor a causative ("a fait compter")."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Emmanuel Macron a rendu hommage aux pompiers.", "fr", "Emmanuel Macron",
     "rendre hommage"),
    ("Le maire de Lyon a pris des mesures d'urgence.", "fr", "maire de Lyon",
     "prendre mesure"),
    ("The Mayor of Leeds made an appeal to residents on Monday.", "en", "Mayor of Leeds",
     "make appeal"),
])
def test_a_support_verb_and_its_noun_are_the_action(text: str, lang: str, actor: str,
                                                    action: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-03-01")
    assert [(c.actor, c.action, c.kind) for c in claims] == [(actor, action, "achievement")]


def test_a_listed_phrase_keeps_its_action() -> None:
    (claim,) = claims_of("Le Département a déjà pris à sa charge l'inventaire du mobilier.")
    assert (claim.actor, claim.action) == ("Département", "fund")


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Lyon fait l'objet d'une enquête.", "fr"),
    ("Le maire de Lyon fait partie du comité.", "fr"),
    ("Le maire de Lyon s'est rendu à la préfecture du Rhône lundi.", "fr"),
    ("La Ville de Lyon a fait compter le nombre de chats errants.", "fr"),
    ("Leeds City Council took note of the report.", "en"),
])
# a guard: these gave no claim before support verbs were read either
def test_pairs_that_name_no_act_of_the_subject(text: str, lang: str) -> None:
    assert not claims_of(text, lang=lang, published="2024-03-01")
