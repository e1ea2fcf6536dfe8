"""Verbs of saying no list names: shown by the clause they introduce, or spoken through a
verb with no act of its own; stands of feeling; a quotation's speaker before its verb."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le maire de Lyon, Grégory Doucet, a fait valoir que la ville avait déjà investi "
     "10 millions d'euros.", "fr", "Grégory Doucet"),
    ("La ministre de la Santé a tenu à rappeler que les hôpitaux restaient ouverts.", "fr",
     "ministre de la Santé"),
    ("The mayor, Martine Aubry, quipped that the State had forgotten Lille.", "en",
     "Martine Aubry"),
    ("Health minister Frédéric Valletoux wanted to stress that the situation remained serious.",
     "en", "Frédéric Valletoux"),
])
def test_a_verb_that_introduces_what_its_subject_says_is_a_statement(
        text: str, lang: str, actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.actor == actor]
    assert [(c.kind, c.action) for c in claims] == [("statement", "state")]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le syndicat SUD Santé s'est alarmé de la fermeture des urgences de nuit.", "fr",
     "SUD Santé"),
    ("Le président de la région, Renaud Muselier, s'est réjoui de cette décision.", "fr",
     "Renaud Muselier"),
    ("The CGT union lambasted the closure of the Cholet plant.", "en", "CGT"),
])
def test_a_stand_of_feeling_is_a_statement(text: str, lang: str, actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if actor in c.actor]
    assert [c.kind for c in claims] == ["statement"]


@pytest.mark.parametrize(("text", "lang"), [
    # knowing is not saying; a promise to see to it is a promise
    ("Le président de la République, Emmanuel Macron, sait qu'il a un bilan à défendre.", "fr"),
    ("Le préfet de l'Hérault va annoncer que les moyens seront renforcés.", "fr"),
])
def test_knowing_and_promising_to_say_are_no_statements(text: str, lang: str) -> None:
    assert "statement" not in [c.kind for c in claims_of(text, lang=lang)]


def test_a_name_after_the_reporting_verb_does_not_speak_the_quotation() -> None:
    text = ("Le président de la Région a ironisé en proposant l'organisation d'un \"référendum "
            "populaire\" le 14 mars 2010, afin de montrer à l'État \"la détermination des "
            "Réunionnais pour la réalisation du tram-train\".")
    speakers = {c.actor for c in claims_of(text, published="2009-12-01")
                if c.construction == "quotation"}
    assert "État" not in speakers


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("La Friche Saint-Sauveur \"is a totem pole that represents the vision of the city of "
     "tomorrow\", judges the candidate LREM Violette Spillebout, ex-director of cabinet of "
     "Mrs. Aubry.", "en", "Violette Spillebout"),
    ("« Cette réforme est une honte pour le pays », estime le député LFI Louis Boyard.", "fr",
     "Louis Boyard"),
    ("Le candidat RN Jordan Bardella a répondu au ministre.", "fr", "Jordan Bardella"),
])
def test_a_party_that_qualifies_the_person_named_after_it_does_not_act(
        text: str, lang: str, person: str) -> None:
    assert {c.actor for c in claims_of(text, lang=lang)} == {person}


def test_a_name_in_an_opening_adjunct_is_not_the_subjects_partner() -> None:
    # "à Anne Hidalgo, le préfet de police": a preposition's object, then the subject; the
    # title after the comma runs into the verb: no role of hers
    text = ("Dans un courrier adressé à Anne Hidalgo, le préfet de police met en garde la maire "
            "de Paris.")
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, published="2024-07-01")] == [
        ("préfet de police", "statement", "warn")]


def test_announcing_a_rise_in_per_cent_is_a_promise_not_a_finding() -> None:
    text = ("En introduction d'une réunion du Conseil national de la transition écologique, la "
            "Première ministre a annoncé une augmentation de 66% du budget de MaPrimeRénov'.")
    claims = [c for c in claims_of(text, published="2023-07-13") if c.actor != "Conseil "
              "national de la transition écologique"]
    assert [(c.kind, c.action) for c in claims] == [("commitment", "increase")]


def test_defending_a_target_in_per_cent_is_a_position_and_an_evaluator_judges() -> None:
    text = ("Michel Sapin a défendu l'objectif de 1,5 % de croissance, niant toute imprudence. "
            "Le Haut conseil des finances publiques s'inquiète de l'hypothèse de croissance.")
    kinds = {c.actor: c.kind for c in claims_of(text, published="2016-09-28")}
    assert kinds == {"Michel Sapin": "statement",
                     "Haut conseil des finances publiques": "assessment"}


def test_a_speaker_announcing_what_others_will_do_promises_it_after_a_light_incise() -> None:
    text = ("« Je vous annonce que dix nouvelles usines vont sortir de terre dans les prochains "
            "mois, partout, de Fos à Bourges », a fait savoir Emmanuel Macron, dans un long "
            "entretien accordé à l'hebdomadaire L'Express.")
    claims = [c for c in claims_of(text, published="2024-05-22") if c.actor == "Emmanuel Macron"]
    assert [(c.kind, c.action, c.amount) for c in claims] == [("commitment", "announce", 10.0)]


@pytest.mark.parametrize(("text", "actor"), [
    ("Les opérations \"place nette XXL\" contre la drogue, annoncées par le Président de la "
     "République Emmanuel Macron ce vendredi 22 mars à Marseille, sont arrivées à Dijon.",
     "Emmanuel Macron"),
    ("Le calendrier de la 3e ligne de métro de Toulouse tel qu'annoncé par Tisséo.", "Tisséo"),
])
def test_the_agent_of_an_announcement_announces(text: str, actor: str) -> None:
    claims = claims_of(text, published="2024-03-25")
    assert [(c.actor, c.kind, c.action, c.construction) for c in claims] == [
        (actor, "commitment", "announce", "agent")]


def test_the_agent_of_a_judgement_after_an_adverb_judges() -> None:
    text = ("Mais même ce dispositif est jugé sévèrement par la Cour des comptes, comme trop "
            "« avantageux » pour certains bénéficiaires.")
    claims = claims_of(text, published="2017-01-10")
    assert [(c.actor, c.kind, c.construction) for c in claims] == [
        ("Cour des comptes", "assessment", "agent")]


def test_words_announced_with_their_shares_are_a_promise() -> None:
    text = ("Le budget du ministère de la Justice augmentera de 5,3% en 2024, soit près de 500 "
            "millions d'euros, a annoncé mercredi le garde des Sceaux, Eric Dupond-Moretti.")
    claims = [c for c in claims_of(text, published="2023-09-27")
              if c.actor == "Eric Dupond-Moretti"]
    assert [(c.kind, c.amount) for c in claims] == [("commitment", 500000000.0)]


def test_each_partner_of_an_act_done_in_partnership_does_it() -> None:
    text = ("Réalisé en concession, ce projet est mené en partenariat entre l'État, la région "
            "Occitanie et le département de la Haute\u2011Garonne.")
    assert sorted((c.actor, c.action) for c in claims_of(text)) == [
        ("département de la Haute\u2011Garonne", "conduct"), ("région Occitanie", "conduct"),
        ("État", "conduct")]


def test_an_auxiliary_read_as_the_verb_leads_over_an_adverbial_to_its_participle() -> None:
    text = "L'Etat n'a pour l'instant promis que 200 millions d'euros par an."
    assert [(c.actor, c.kind, c.amount) for c in claims_of(text)] == [
        ("Etat", "commitment", 200000000.0)]


@pytest.mark.parametrize(("text", "action"), [
    ("Les maires Bertrand Kern et Karine Franclet ont déposé un recours contre l'arrêté.",
     "file"),
    ("L'association Aides a porté plainte contre l'État.", "complain"),
])
def test_filing_an_appeal_or_a_complaint_is_an_act(text: str, action: str) -> None:
    assert {(c.kind, c.action) for c in claims_of(text)} == {("achievement", action)}


def test_a_spokesperson_speaks_for_the_body() -> None:
    text = ("A spokesperson for the Paris prosecutor's office said an investigation had been "
            "opened.")
    assert {c.actor for c in claims_of(text, lang="en")} == {"Paris prosecutor's office"}


def test_an_agent_with_a_capitalised_title_said_what_was_announced_days_before() -> None:
    text = ("The plan includes several measures announced in mid-May by Education Minister "
            "Elisabeth Borne, which unions have criticised.")
    claims = [c for c in claims_of(text, lang="en") if c.actor == "Elisabeth Borne"]
    assert [(c.kind, c.action) for c in claims] == [("commitment", "announce")]


def test_what_a_passive_agent_recalled_is_the_agents_statement() -> None:
    text = ("Le président n'a pas répondu aux demandes d'aides de la ville, en particulier sur "
            "les écoles, rappelées à nouveau par le maire Benoît Payan.")
    claims = [c for c in claims_of(text) if c.actor == "Benoît Payan"]
    assert [(c.kind, c.action) for c in claims] == [("statement", "recall")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Il a parlé. « Non », a répondu Julien Denormandie.", "fr"),
    ("« C’est colossal ! » s’enthousiasme Julien Denormandie, le ministre du Logement.", "fr"),
    ("He spoke. “Not now,” said Julien Denormandie.", "en"),
])
def test_a_short_quotation_with_its_incise_is_a_statement(text: str, lang: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang)] == [
        ("Julien Denormandie", "statement")]


def test_a_short_quoted_name_or_fragment_is_no_statement() -> None:
    text = "Le plan « Logement d'abord » a été lancé par Julien Denormandie."
    assert [(c.kind, c.action) for c in claims_of(text)] == [("achievement", "launch")]
    text = ("La salle, prévue dans le plan de la ville de Paris, ouvrira « début novembre », a "
            "annoncé la mairie.")
    assert "open" in {c.action for c in claims_of(text, published="2024-09-25")}


def test_an_auditors_head_judging_in_a_quotation_assesses() -> None:
    # a judgement, not the head's promise of the reform the quoted words call for
    text = ("« Le système devra être réformé dès cette année, sans attendre », a estimé le "
            "premier président de la Cour des comptes, Pierre Moscovici.")
    assert [(c.actor, c.kind) for c in claims_of(text, published="2025-02-20")] == [
        ("Pierre Moscovici", "assessment")]
