"""The kind of what is reported and decided. Quoted words introduced by a verb of verdict or
finding ("a jugé le tribunal", "observe l'étude") are an assessment, as the same verb with its
subject before it is; by a verb of estimating, only when they give a figure ("« 200
grévistes », estime le syndicat"): an opinion estimated stays a statement
(extractor/claims/quotation_claims.py). An admission ("a reconnu que", "admitted") is the
speaker's review of results, an assessment; a decision taken ("a décidé d'interdire") is an
act done, an achievement (extractor/claims/interpret.py, ``done_when_past``); an office
held ("présidée par X") is no act."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Le contournement routier est annulé faute d'utilité publique, a jugé le tribunal "
     "administratif de Nantes.", "fr", "tribunal administratif de Nantes", "judge"),
    ("« Les dépenses de sécurité occupent une part croissante des budgets », observe "
     "l'association Villes de France.", "fr", "association Villes de France", "observe"),
    ('"The bypass was approved without a proper study of the wetlands," judged the '
     "Administrative Court of Nantes.", "en", "Administrative Court of Nantes", "judge"),
])
def test_a_verdict_quoted_is_an_assessment(text: str, lang: str, actor: str,
                                           action: str) -> None:
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.kind, c.action) for c in claims if c.construction == "quotation"] == [
        (actor, "assessment", action)]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("« La grève sera très suivie, 300 grévistes sont attendus », estime Paul Moreau, "
     "secrétaire du syndicat.", "fr", "Paul Moreau"),
    ('"About 4,000 families will lose their place," estimated Paul Moreau, a union '
     "secretary.", "en", "Paul Moreau"),
])
def test_an_estimate_of_figures_quoted_is_an_assessment(text: str, lang: str,
                                                        actor: str) -> None:
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.kind, c.action) for c in claims if c.construction == "quotation"] == [
        (actor, "assessment", "estimate")]


@pytest.mark.parametrize(("text", "lang"), [
    ("« Ce projet est une faute politique grave », estime Paul Moreau, secrétaire du "
     "syndicat.", "fr"),
    ('"This project is a serious political mistake," estimated Paul Moreau, a union '
     "secretary.", "en"),
])
def test_an_opinion_estimated_stays_a_statement(text: str, lang: str) -> None:
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.kind) for c in claims if c.construction == "quotation"] == [
        ("Paul Moreau", "statement")]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("« Nous n'atteindrons pas l'objectif cette année », a reconnu Paul Moreau, ministre "
     "de la Santé.", "fr", "acknowledge"),
    ("Paul Moreau, ministre de la Santé, a reconnu que l'objectif ne serait pas atteint.",
     "fr", "acknowledge"),
    ("Le ministre Paul Moreau avait admis le 3 mars une « erreur » de prévision.", "fr",
     "admit"),
    ('"We will not reach the target this year," admitted Paul Moreau.', "en", "admit"),
    ("Paul Moreau acknowledged on Monday that the target had been missed.", "en",
     "acknowledge"),
])
def test_an_admission_is_a_review_of_results(text: str, lang: str, action: str) -> None:
    """What one concedes of one's own results or aims is one's review of them (the
    guidelines' assessment), told in a quotation or a clause."""
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        ("Paul Moreau", "assessment", action)]


def test_recognising_a_thing_is_no_admission() -> None:
    claims = claims_of("L'État a reconnu l'état de catastrophe naturelle pour 40 communes.")
    assert [c.kind for c in claims] != ["assessment"]


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Le préfet de police de Paris a décidé d'interdire la manifestation.", "fr",
     "préfet de police de Paris", "ban"),
    ("The municipality of Lyon decided to count the number of its homeless.", "en",
     "municipality of Lyon", "count"),
])
def test_a_decision_taken_is_an_act_done(text: str, lang: str, actor: str, action: str) -> None:
    """A decision taken orders the act: an achievement, as "a dû", "a pu" make one; a
    decision still to come stays a commitment."""
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        (actor, "achievement", action)]
    later = claims_of("Le préfet de police de Paris va décider d'interdire la manifestation.")
    assert [c.kind for c in later] == ["commitment"]


@pytest.mark.parametrize(("text", "lang"), [
    ("La région Occitanie, présidée par Carole Delga, a voté un plan de 25 millions d'euros.",
     "fr"),
    ("Le parti dirigé par Mathilde Panot a publié un communiqué.", "fr"),
    ("The council, chaired by John Smith, approved the plan on Monday.", "en"),
])
def test_holding_an_office_is_no_act(text: str, lang: str) -> None:
    """"présidée par X", "chaired by X": who holds the office, a state, no claim of X's; the
    body's own act stays."""
    actors = [c.actor for c in claims_of(text, lang=lang)]
    assert not {"Carole Delga", "Mathilde Panot", "John Smith"} & set(actors)


@pytest.mark.parametrize("text", [
    "« Les dossiers arrivent », a indiqué Paul Girard, adjoint au maire de Nantes Jeanne "
    "Morel chargé des affaires funéraires.",
    "Le fonds aidera 250 sites, a annoncé le romancier chargé de mission par l'Élysée.",
])
def test_a_person_in_charge_of_a_portfolio_is_no_act(text: str) -> None:
    """"chargé des affaires funéraires": the office a person holds, no one's act."""
    assert not [c for c in claims_of(text) if c.action == "charger"]


def test_charging_someone_with_a_task_is_an_act() -> None:
    claims = claims_of("Le préfet du Gard a chargé la police de fermer le site mardi.")
    assert [c.actor for c in claims] == ["préfet du Gard"]


def test_leading_a_mission_is_an_act() -> None:
    claims = claims_of("La réforme, pilotée par la ministre Agnès Durand, sera votée en juin.")
    assert "Agnès Durand" in [c.actor for c in claims]


@pytest.mark.parametrize(("text", "lang"), [
    ("La préfecture de la Réunion a annoncé la signature d'un protocole contre la vie chère.",
     "fr"),
    ("The Reunion prefecture announced the signing of an agreement on food prices.", "en"),
])
def test_a_signing_announced_is_done(text: str, lang: str) -> None:
    """A signing is announced once it took place (the guidelines: the act of signing is an
    achievement); an opening announced is still a promise."""
    assert [(c.kind, c.action) for c in claims_of(text, lang=lang)] == [("achievement", "sign")]
    opening = claims_of("La préfecture de la Réunion a annoncé l'ouverture d'un gymnase.")
    assert [c.kind for c in opening] == ["commitment"]
