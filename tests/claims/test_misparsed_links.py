"""Acts the parser mislabels. A verb the tagger read as a noun after its subject and a
clitic that only stands before a verb ("la gendarmerie en dénombrent": ``preverbal_clitics``)
is the verb (extractor/claims/actions.py); an agent ("par l'Agence") hanging on a passive
verb is that verb's agent whatever label the link got, not the agent of the nearest action
noun ("signalés en rupture de stock par": extractor/claims/predicates.py)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


def test_a_verb_read_as_a_noun_after_its_subject_and_a_clitic_is_the_verb() -> None:
    claims = claims_of("La police nationale et la gendarmerie en dénombrent un peu moins de "
                       "76 500.", lang="fr")
    assert {(c.actor, c.kind) for c in claims} == {("police nationale", "assessment"),
                                                   ("gendarmerie", "assessment")}


def test_a_noun_after_a_body_and_en_stays_a_noun() -> None:
    claims = claims_of("La Ville de Lyon en charge de la propreté a lancé un plan.", lang="fr")
    assert [(c.actor, c.action) for c in claims] == [("Ville de Lyon", "launch")]


def test_an_agent_on_a_passive_verb_is_its_agent_over_an_action_noun_between() -> None:
    claims = claims_of("En 2023, près de 5 000 médicaments ont été signalés en rupture de "
                       "stock par l'Agence nationale de sécurité du médicament, contre 3 761 "
                       "en 2022.", lang="fr")
    assert [(c.actor, c.action, c.construction) for c in claims] == [
        ("Agence nationale de sécurité du médicament", "report", "agent")]


def test_an_agent_of_an_act_noun_stays_the_noun_s() -> None:
    claims = claims_of("La signature, par le ministère de la Santé, d'une convention avec "
                       "l'ARS a eu lieu lundi.", lang="fr")
    # a guard: the noun's agent was found before and still is (the partner signs too)
    assert ("ministère de la Santé", "sign") in {(c.actor, c.action) for c in claims}


def test_a_titled_agent_after_an_adjunct_is_the_passive_verb_s_agent() -> None:
    claims = claims_of("Le plan doit être annoncé dans la soirée par la ministre Bérangère "
                       "Couillard.", lang="fr")
    assert [(c.actor, c.action, c.kind) for c in claims] == [
        ("Bérangère Couillard", "announce", "commitment")]


def test_the_titled_agent_of_a_light_verb_is_its_noun_s() -> None:
    claims = claims_of("L'annonce en a été faite jeudi en début d'après-midi par la ministre "
                       "de la fonction publique Annick Girardin.", lang="fr")
    # a guard: the announcement is the act, not "faire"
    assert [(c.actor, c.action) for c in claims] == [("Annick Girardin", "announce")]


def test_a_relative_clause_hung_on_a_verb_of_promise_is_not_what_is_promised() -> None:
    """"qui n'a pas évolué" qualifies the index; the parser hung it on "engagé" as its
    complement clause, which made the promise a negated statement of "évoluer"."""
    (claim,) = claims_of("Le gouvernement s'était engagé à un dégel de ce point d'indice, qui "
                         "n'a pas évolué depuis 2010.", published="2024-05-02")
    assert (claim.actor, claim.kind, claim.action) == ("gouvernement", "commitment", "commit")
    (claim,) = claims_of("La Ville de Lyon a rappelé le point d'indice, qui n'a pas évolué "
                         "depuis 2010.", published="2024-05-02")
    assert (claim.kind, claim.object) == ("statement", "le point")


def test_a_source_noun_after_its_verb_is_its_object_unless_a_verb_of_saying_inverts_it() -> None:
    # "rapport" hung on "lu" as a subject: the journalists read it, the Court did nothing
    assert claims_of("Les journalistes n'avaient pas encore lu le rapport de la Cour des "
                     "comptes sur le coût de la politique.", lang="fr") == []
    claims = claims_of("« Les dépenses ont doublé », souligne le rapport de la Cour des "
                       "comptes.", lang="fr")
    # a guard: a report that speaks after its verb of saying is still the Court's
    assert [(c.actor, c.kind) for c in claims] == [("Cour des comptes", "assessment")]


@pytest.mark.parametrize(("text", "action"), [
    ("La municipalité de Magny entend, si tout va bien, inaugurer la nouvelle cour en avril.",
     "inaugurate"),
    ("La Région Bretagne compte, d'ici la fin de l'année, ouvrir trois nouveaux lycées.", "open"),
])
def test_an_infinitive_after_an_aside_is_the_will_verb_s_complement(text: str,
                                                                    action: str) -> None:
    # the parser hung the infinitive on the aside's verb ("va"): the promise is its act
    claims = claims_of(text, lang="fr")
    assert [(c.kind, c.action) for c in claims] == [("commitment", action)]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("En 2023, près de 5 000 médicaments ont été signalés en « rupture de stock » ou en « risque "
     "de rupture » par l'Agence nationale de sécurité du médicament.", "fr",
     "Agence nationale de sécurité du médicament"),
    ("In 2023, nearly 5,000 medicines were reported as out of stock or at risk of shortage by "
     "the ANSM, the national medicines agency.", "en", "ANSM"),
])
def test_a_passive_agent_hung_on_a_noun_between_does_the_participle_before_it(
        text: str, lang: str, actor: str) -> None:
    # the parser hangs "par l'Agence" on "rupture", "by the ANSM" on "shortage"
    assert [(c.actor, c.construction, c.amount) for c in claims_of(text, lang=lang)] == [
        (actor, "agent", 5000)]


def test_an_agent_of_an_act_s_noun_does_not_do_the_participle_before_it() -> None:
    # guard: "la gestion des crèches par la Ville" is no publishing by the Ville
    text = "Le rapport publié mardi porte sur la gestion des crèches par la Ville de Lyon."
    assert not any(c.action == "publish" for c in claims_of(text))
