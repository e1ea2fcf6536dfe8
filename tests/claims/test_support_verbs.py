"""A support verb and its object noun ("passer commande", "prendre des mesures", "took
measures") name an act no list knows: the pair is the claim's action, as an unknown
verb's lemma is; not a pair that says what the subject is or undergoes, a reflexive verb of
motion ("s'est rendu à"), nor a causative ("a fait compter"). Pairs listed as words or
judgements ("rendre hommage", "paid tribute", "fait le constat") keep their kind."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Le maire de Lyon a passé une commande de masques.", "fr", "maire de Lyon",
     "passer commande"),
    ("Le maire de Lyon a pris des mesures d'urgence.", "fr", "maire de Lyon",
     "prendre mesure"),
    ("Leeds City Council took new measures on Monday.", "en", "Leeds City Council",
     "take measure"),
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


@pytest.mark.parametrize(("text", "lang", "kind", "action"), [
    ("Emmanuel Macron a rendu hommage aux pompiers.", "fr", "statement", "pay tribute"),
    ("The Mayor of Leeds paid tribute to the firefighters.", "en", "statement", "pay tribute"),
    ("The Mayor of Leeds made a statement on Monday.", "en", "statement", "state"),
    ("La Fédération des usagers de la bicyclette fait le constat d'un échec.", "fr",
     "assessment", "observe"),
])
def test_listed_pairs_of_speech_and_judgement_keep_their_kind(text: str, lang: str, kind: str,
                                                             action: str) -> None:
    (claim,) = claims_of(text, lang=lang, published="2024-03-01")
    assert (claim.kind, claim.action) == (kind, action)
