"""A body acting through its report, study or services; a subject split from its verb by an
auxiliary; a promise of a light verb; reported figures that measure results."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "kind"), [
    ("Le panorama dressé par Villes de France établit par ailleurs un budget moyen de "
     "fonctionnement.", "fr", "Villes de France", "assessment"),
    ("A report by the Court of Audit found that costs had doubled.", "en", "Court of Audit",
     "assessment"),
    ("The Court of Audit's report found delays in the programme.", "en", "Court of Audit",
     "assessment"),
    ("Les services de l'État ont démantelé le camp.", "fr", "État", "achievement"),
])
def test_a_bodys_report_or_services_act_for_the_body(text: str, lang: str, actor: str,
                                                      kind: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [(actor, kind)]


@pytest.mark.parametrize("text", [
    "To do this, Emmanuel Macron had, among other things, promised the creation of 15,000 "
    "additional prison places by 2027.",
    "Emmanuel Macron set an objective in 2017. To do this, he had, among other things, "
    "promised the creation of 15,000 additional prison places by 2027.",
])
def test_a_subject_split_from_its_verb_by_an_auxiliary_still_acts(text: str) -> None:
    claims = [c for c in claims_of(text, lang="en", published="2024-11-10") if c.amount]
    assert [(c.actor, c.kind, c.amount) for c in claims] == [
        ("Emmanuel Macron", "commitment", 15000)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le président Emmanuel Macron veut faire de Marseille une vitrine de son action.", "fr"),
    ("President Emmanuel Macron wants to make Marseille a showcase.", "en"),
])
def test_a_promised_light_verb_is_still_a_promise(text: str, lang: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        ("commitment", "make")]


def test_a_past_decision_to_do_something_vague_is_the_decision() -> None:
    claims = claims_of("The Regional Chamber of Accounts has decided to take stock of the plan.",
                       lang="en")
    assert [c.action for c in claims] != ["take"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Only 4,500 new places have been delivered, according to figures from the Ministry of "
     "Justice.", "en"),
    ("« Le gain énergétique moyen est en hausse de 30 % », a déclaré Olivier Klein.", "fr"),
])
def test_reported_figures_of_results_are_an_assessment(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["assessment"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le conseil d'administration de la SNCF a approuvé le plan.", "fr", "SNCF"),
    ("Un mois après que le comité d'administration de l'Anru a voté de nouvelles règles.",
     "fr", "Anru"),
    ("The board of the Abbé Pierre Foundation approved the plan.", "en",
     "Abbé Pierre Foundation"),
])
def test_a_body_acts_through_its_board(text: str, lang: str, actor: str) -> None:
    assert [c.actor for c in claims_of(text, lang=lang)] == [actor]


def test_a_post_cited_is_its_authors_not_the_platforms() -> None:
    text = ("The idea is to \"do more for those who have less,\" according to a Twitter "
            "posting by the president's office.")
    assert [c.actor for c in claims_of(text, lang="en")] == ["president's office"]


def test_coming_to_show_results_is_an_assessment() -> None:
    text = ("Durant trois jours, le président de la République Emmanuel Macron vient montrer "
            "que les promesses sont tenues.")
    assert [c.kind for c in claims_of(text)] == ["assessment"]


@pytest.mark.parametrize(("text", "kind"), [
    # an admission is the speaker's review of results (tests/claims/test_quoted_verdicts.py)
    ("Didier Migaud admitted this Sunday that the objective cannot be met.", "assessment"),
    ("The Ministry of Housing has warned that it cannot sustain the effort.", "statement"),
])
def test_a_negated_reported_clause_promises_nothing(text: str, kind: str) -> None:
    kinds = [c.kind for c in claims_of(text, lang="en") if c.actor in (
        "Didier Migaud", "Ministry of Housing")]
    assert kinds == [kind]


@pytest.mark.parametrize("verb", ["a souhaité", "veut", "espère"])
def test_a_wished_act_named_by_a_set_phrase_is_promised_not_done(verb: str) -> None:
    # "la mise en place" is one listed act: under a verb of wishing it is wished, whatever
    # the tense of the wish, as "la création" already was
    text = f"La Ville de Lyon {verb} la mise en place d'une allocation de 275 euros."
    assert [(c.actor, c.kind, c.action) for c in claims_of(text)] == [
        ("Ville de Lyon", "commitment", "establish")]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Pascal Brice, président de la Fédération des acteurs de la solidarité (FAS), dénonce un "
     "constat d'échec. Pour le président de la FAS, cette aggravation de la situation est due à "
     "la fermeture de places.", "fr", "Pascal Brice"),
    ("Pascal Brice, president of the Federation of Solidarity Actors (FAS), denounced a "
     "failure. According to the president of the FAS, the situation is due to the closure of "
     "shelters.", "en", "Pascal Brice"),
    # no one named with the office: the body, as the guidelines make an unnamed office-holder
    ("La Fédération des acteurs de la solidarité (FAS) publie son baromètre. Pour le président "
     "de la FAS, cette aggravation de la situation est due à la fermeture de places.", "fr",
     "FAS"),
])
def test_a_source_named_by_an_office_of_a_body_is_its_holder(text: str, lang: str,
                                                             actor: str) -> None:
    last = text.rsplit(". ", 1)[1]
    assert [(c.actor, c.construction) for c in claims_of(text, lang=lang) if c.quote == last] \
        == [(actor, "attribution")]
