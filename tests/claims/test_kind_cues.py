"""The kind from cues beyond tense: goals set, modals in the past, obligations, and the
words a quotation attaches to."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Le gouvernement a fixé l'objectif de 100 000 logements rénovés d'ici 2027.", "fr",
     "fixer"),
    ("La Ville de Lyon s'est donné pour objectif d'ouvrir 300 places.", "fr", "open"),
    ("The ten-year target set by Emmanuel Macron in 2017 was 15,000 prison places.", "en",
     "set"),
])
def test_setting_a_goal_is_a_commitment_whatever_the_tense(text: str, lang: str,
                                                           action: str) -> None:
    claims = [c for c in claims_of(text, lang=lang, published="2024-02-01")
              if c.action == action]
    assert [c.kind for c in claims] == ["commitment"]


def test_an_act_done_with_an_aim_is_done() -> None:
    (claim,) = claims_of("Le gouvernement a lancé sa campagne nationale pour l'été dans "
                         "l'objectif de sensibiliser le public.", published="2025-07-11")
    assert (claim.action, claim.kind) == ("launch", "achievement")


def test_a_modal_in_the_past_says_the_act_was_done() -> None:
    text = ("La métropole de Lyon a présenté sa ZFE. En juin, la métropole a dû revoir à la "
            "baisse son projet d'extension.")
    (claim,) = [c for c in claims_of(text, published="2023-12-15") if "juin" in c.quote]
    assert claim.kind == "achievement"


def test_should_is_a_commitment() -> None:
    text = ("Didier Migaud spoke on Sunday. He should also make proposals to Parliament to "
            "speed up the building of prisons.")
    (claim,) = [c for c in claims_of(text, lang="en") if "proposals" in c.quote]
    assert claim.kind == "commitment"


def test_a_verb_acting_on_a_thing_does_not_introduce_the_quotation_after_it() -> None:
    text = ('Le gouvernement a lancé sa campagne nationale pour l\'été dans l\'objectif de '
            '"sensibiliser le grand public au bon usage des urgences".')
    (claim,) = claims_of(text, published="2025-07-11")
    assert (claim.action, claim.kind) == ("launch", "achievement")


def test_a_negated_obligation_in_a_quotation_promises_nothing() -> None:
    text = ('"We must be protected, we must not be forced into anything," said Agnès '
            'Giannotti, president of the MG France union.')
    assert [c.kind for c in claims_of(text, lang="en")] == ["statement"]


@pytest.mark.parametrize(("text", "lang", "actor", "date"), [
    ("Après un premier plan vélo lancé en octobre 2012 par la métropole, un deuxième vient "
     "d'être adopté par Bordeaux Métropole.", "fr", "Bordeaux Métropole", "2016-12-07"),
    ("The Ministry of Justice admitted on Sunday that the target it set in 2017 cannot be "
     "met.", "en", "Ministry of Justice", "2024-11-10"),
    ("Le ministère de la Santé a présenté un plan d'investissement pour les hôpitaux, dans le "
     "cadre des accords du Ségur signés en juillet 2020.", "fr", "ministère de la Santé",
     "2021-03-09"),
])
def test_a_date_another_predicate_holds_is_not_the_actions(text: str, lang: str, actor: str,
                                                          date: str) -> None:
    claims = [c for c in claims_of(text, lang=lang, published=date) if c.actor == actor]
    assert claims and {c.date for c in claims} == {date}


@pytest.mark.parametrize(("text", "lang"), [
    ("Marseille's mayor Benoît Payan called on the State to fund the renovation of 174 "
     "schools.", "en"),
    ("Le maire de Marseille, Benoît Payan, a appelé l'État à financer la rénovation de 174 "
     "écoles.", "fr"),
])
def test_asking_another_to_act_is_a_statement_of_the_asker(text: str, lang: str) -> None:
    (claim,) = [c for c in claims_of(text, lang=lang) if c.actor == "Benoît Payan"]
    assert (claim.kind, claim.action) == ("statement", "request")


def test_every_act_a_reporting_verb_reports() -> None:
    text = ("The Paris police prefecture said on Tuesday it had dismantled a crack camp and "
            "arrested 12 people.")
    claims = claims_of(text, lang="en")
    assert {(c.action, c.kind) for c in claims} >= {("dismantle", "achievement"),
                                                    ("arrest", "achievement")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Prime Minister Paul Durand has made an announcement of an extra €40 million for "
     "universities.", "en"),
    ("Le ministre Paul Durand a fait l'annonce d'une enveloppe de 40 millions d'euros pour "
     "les universités.", "fr"),
])
def test_an_announcement_made_is_a_promise_whatever_the_tense(text: str, lang: str) -> None:
    (claim,) = [c for c in claims_of(text, lang=lang) if c.amount == 40_000_000]
    assert (claim.actor, claim.kind) == ("Paul Durand", "commitment")


@pytest.mark.parametrize(("text", "lang"), [
    ("La Chambre régionale des comptes (CRC) d'Occitanie a rendu son avis. La CRC ajoute "
     "que « la dette de la commune reste élevée ».", "fr"),
    ("The Court of Audit published its review of the scheme. The Court adds that \"the "
     "targets were missed in most regions\".", "en"),
])
def test_an_auditor_speaking_by_its_short_name_judges(text: str, lang: str) -> None:
    # the short name carries no auditing word; the body it was resolved to does
    said = [c for c in claims_of(text, lang=lang, published="2024-03-01") if "add" in c.quote
            or "ajoute" in c.quote]
    assert said and {c.kind for c in said} == {"assessment"}


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("La Cour des comptes appelle l'État à revoir le financement des crèches.", "fr",
     "assessment"),
    ("The Court of Audit calls on the government to review its funding of nurseries.", "en",
     "assessment"),
    ("La CGT appelle l'État à revoir le financement des crèches.", "fr", "statement"),
])
def test_an_auditors_call_is_its_finding(text: str, lang: str, kind: str) -> None:
    (claim,) = claims_of(text, lang=lang, published="2024-03-01")
    assert claim.kind == kind



@pytest.mark.parametrize(("text", "lang", "acts"), [
    ("Si elle souligne l'apport du dispositif, la Cour des comptes demande aussi des "
     "modifications.", "fr", {"underline", "request"}),
    ("The Court of Audit welcomes the scheme's launch but recommends tighter controls on "
     "spending.", "en", {"welcome", "recommend"}),
])
def test_two_acts_of_an_auditor_in_one_sentence_are_two_assessments(text: str, lang: str,
                                                                     acts: set[str]) -> None:
    claims = claims_of(text, lang=lang, published="2024-03-01")
    assert {c.action for c in claims} == acts and {c.kind for c in claims} == {"assessment"}


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Le maire de Lyon dénonce la fermeture du centre d'accueil.", "fr", "statement"),
    ("La CGT critique le plan du gouvernement.", "fr", "statement"),
    ("Anne Hidalgo welcomed the opening of the new shelter.", "en", "statement"),
    ("The Court of Audit criticised the management of the scheme.", "en", "assessment"),
])
def test_taking_a_stand_is_a_statement_and_an_auditors_stand_its_finding(
        text: str, lang: str, kind: str) -> None:
    (claim,) = claims_of(text, lang=lang, published="2024-03-01")
    assert claim.kind == kind


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Anne Hidalgo a tiré la sonnette d'alarme sur le financement des centres.", "fr", "warn"),
    ("Valérie Pécresse monte au créneau contre la hausse des tarifs.", "fr", "protest"),
    ("Anne Hidalgo hit back on Monday at the minister's remarks.", "en", "retort"),
])
def test_a_set_phrase_of_speaking_out_is_a_statement(text: str, lang: str, action: str) -> None:
    (claim,) = claims_of(text, lang=lang, published="2024-03-01")
    assert (claim.action, claim.kind) == (action, "statement")


@pytest.mark.parametrize(("text", "lang", "actor", "kind"), [
    ("La riposte de la Cour des comptes ne s'est pas fait attendre.", "fr", "Cour des comptes",
     "statement"),
    ("Les recommandations de la Cour des comptes portent sur le financement.", "fr",
     "Cour des comptes", "assessment"),
    ("The FNSEA's request was heard by the government.", "en", "FNSEA", "statement"),
    ("Météo-France's forecasts point to a dry summer.", "en", "Météo-France", "assessment"),
])
def test_words_said_named_by_a_noun_with_their_speaker(text: str, lang: str, actor: str,
                                                        kind: str) -> None:
    claims = [c for c in claims_of(text, lang=lang, published="2024-03-01") if c.actor == actor]
    assert [c.kind for c in claims] == [kind]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Karine Franclet, maire d'Aubervilliers, espère que la décision sera annulée par le "
     "tribunal.", "fr", "Karine Franclet"),
    ("Anne Hidalgo wants the decision to be quashed by the court.", "en", "Anne Hidalgo"),
])
def test_hoping_for_what_others_will_do_is_a_statement_not_a_promise(text: str, lang: str,
                                                                     actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang, published="2024-03-01") if c.actor == actor]
    assert claims and {c.kind for c in claims} == {"statement"}


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Le préfet de l'Ain a assuré que l'opération durera autant que nécessaire.", "fr",
     "commitment"),
    ("The City of Montpellier has said a new transport tax will help fund the scheme.", "en",
     "commitment"),
    # the future of what nobody puts in place is a forecast or an opinion, not a promise
    ("Le préfet de l'Ain a assuré que la crise durera longtemps.", "fr", "statement"),
    ("Interior Minister Gérald Darmanin said inflation will fall next year.", "en",
     "statement"),
])
def test_the_future_of_what_the_speaker_puts_in_place_is_promised(text: str, lang: str,
                                                                  kind: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == [kind]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("« L'objectif est de créer 500 places d'ici la fin de l'année », a précisé le préfet de "
     "l'Ain.", "fr", ("commitment", "create", 500)),
    ('"Our goal is to open 500 new places by the end of the year," said Grégory Doucet.', "en",
     ("commitment", "open", 500)),
    ("« Il y aura 200 policiers supplémentaires dès septembre », a promis le ministre de "
     "l'Intérieur Gérald Darmanin.", "fr", ("commitment", "promise", 200)),
    # a wish introduces words, it promises nothing
    ("« Je suis très fier de cette équipe », a souhaité le ministre de l'Intérieur Gérald "
     "Darmanin.", "fr", ("statement", "state", None)),
])
def test_quoted_goals_and_quoted_promises_are_commitments(
        text: str, lang: str, expected: tuple[str, str, int | None]) -> None:
    assert [(c.kind, c.action, c.amount) for c in claims_of(text, lang=lang)] == [expected]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Signé en janvier 2007, ce document prévoit la participation financière de l'État pour "
     "la construction du tram-train.", "fr", ("État", "commitment", "fund")),
    ("Le texte prévoit des concours financiers de l'Anru à hauteur de 86,7 millions d'euros.",
     "fr", ("Anru", "commitment", "fund")),
    ("Au niveau européen, la stratégie de l'Union européenne prévoit la plantation de 3 "
     "milliards d'arbres d'ici à 2030.", "fr", ("Union européenne", "commitment", "plant")),
    ("The City of Lyon's plan provides for the creation of 300 places.", "en",
     ("City of Lyon", "commitment", "create")),
    ("Le projet de la Région Bretagne prévoit d'embaucher 50 médecins.", "fr",
     ("Région Bretagne", "commitment", "hire")),
])
def test_what_a_bodys_plan_or_funding_provides_for_is_its_promise(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [expected]


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("« Nous devons collectivement nous hisser à la hauteur de ce fléau », a déclaré Gabriel "
     "Attal.", "fr", "statement"),
    ("“We must continue to open up and ensure mobility for all,” said Carole Delga.", "en",
     "statement"),
    # money the speakers must put in, or a conditional, still promises
    ("« Nous devons investir dans le développement du réseau », a indiqué Élisabeth Borne.",
     "fr", "commitment"),
    ("« Nous devrions ouvrir 500 places d'ici l'été », a indiqué Élisabeth Borne.", "fr",
     "commitment"),
])
def test_the_speakers_own_obligation_exhorts_and_promises_no_act(text: str, lang: str,
                                                                 kind: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == [kind]


@pytest.mark.parametrize(("text", "lang"), [
    ("Mardi, l'Assurance maladie a proposé aux médecins une nouvelle convention.", "fr"),
    ("On Tuesday, the Assurance Maladie proposed a new agreement to doctors.", "en"),
])
def test_a_proposal_made_is_a_commitment(text: str, lang: str) -> None:
    kinds = {c.kind for c in claims_of(text, lang, published="2023-02-22")
             if c.action == "propose"}
    assert kinds == {"commitment"}


@pytest.mark.parametrize(("text", "lang", "thing"), [
    ("Le maire de Dijon, François Rebsamen, a fait le point sur les écoles dijonnaises.", "fr",
     "les écoles dijonnaises"),
    ("The Prefect of Police Laurent Nuñez took stock of the operation on Monday.", "en",
     "the operation"),
])
def test_taking_stock_is_an_assessment_of_what_it_bears_on(text: str, lang: str,
                                                          thing: str) -> None:
    (claim,) = claims_of(text, lang, published="2023-09-04")
    assert (claim.kind, claim.action, claim.object) == ("assessment", "review", thing)


def test_a_set_phrase_s_own_words_are_not_its_object() -> None:
    (claim,) = claims_of("Le maire François Rebsamen a tiré la sonnette d'alarme sur le budget.",
                         published="2023-09-04")
    assert (claim.action, claim.object) == ("warn", "le budget")


def test_an_event_that_dates_another_is_no_claim_but_a_promise_still_is() -> None:
    text = ("Deux mois après la création de l'Agence nationale du sport, ses dirigeants ont "
            "présenté leur budget.")
    assert "create" not in {c.action for c in claims_of(text, published="2019-06-24")}
    text = ("Following the promise of Anne Hidalgo to clean up the river, three bathing spots "
            "have opened.")
    assert ("Anne Hidalgo", "commitment") in {
        (c.actor, c.kind) for c in claims_of(text, "en", published="2025-08-27")}


def test_a_fronted_participle_is_not_what_the_subject_promises() -> None:
    text = ("Plus que jamais menacé d'une censure, François Bayrou va tenter d'obtenir un "
            "accord entre les partenaires sociaux.")
    assert [(c.actor, c.kind, c.action) for c in claims_of(text)] == [
        ("François Bayrou", "commitment", "obtain")]


def test_what_an_actor_will_try_to_do_is_the_promised_act() -> None:
    text = "Valérie Pécresse will try to cut the region's deficit by 200 million euros in 2025."
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang="en")] == [
        ("Valérie Pécresse", "commitment", "cut")]


@pytest.mark.parametrize(("text", "kind"), [
    ("La salle de repos, cofinancée par la Ville de Paris et l'Agence régionale de santé, sera "
     "installée rue Riquet.", "commitment"),
    # guard: what is already there was funded
    ("La salle de repos, cofinancée par la Ville de Paris, a été installée rue Riquet.",
     "achievement"),
])
def test_money_for_what_is_still_to_come_is_pledged(text: str, kind: str) -> None:
    funding = [c for c in claims_of(text) if c.action == "fund"]
    assert funding and {c.kind for c in funding} == {kind}


@pytest.mark.parametrize("text", [
    "En trois ans, la Métropole de Rouen aurait déjà planté 90 000 arbres.",
    "Selon nos informations, la Région Bretagne aurait versé 2 millions d'euros en mars.",
])
def test_a_past_act_told_in_the_conditional_of_hearsay_is_done(text: str) -> None:
    # French journalistic conditional: a perfect auxiliary in the conditional, a past act
    # reported without vouching for it; not a promise
    assert {c.kind for c in claims_of(text)} == {"achievement"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Les députés examinent le projet de loi, que la Région Bretagne présente comme un "
     "investissement inédit.", "fr", "Région Bretagne"),
    ("C'est le terme employé par la CGT pour qualifier la réforme.", "fr", "CGT"),
    ("The reform is presented by the Ministry of Health as an alternative to closures.", "en",
     "Ministry of Health"),
])
def test_calling_something_something_is_words_said(text: str, lang: str, actor: str) -> None:
    (claim,) = [c for c in claims_of(text, lang=lang) if c.actor == actor]
    assert (claim.kind, claim.action) == ("statement", "describe")


def test_presenting_a_plan_is_no_description() -> None:
    # guard: without "comme", "présenter" makes a plan public
    (claim,) = claims_of("La Région Bretagne a présenté son plan vélo en mars.")
    assert claim.action == "present"


def test_weighing_an_act_plans_it() -> None:
    (claim,) = claims_of("The Ministry of Health is considering closing two maternity wards.",
                         lang="en")
    assert (claim.kind, claim.action) == ("commitment", "close")


def test_weighing_a_thing_judges_it() -> None:
    # guard: "considered the plan too costly" is the auditor's finding
    (claim,) = claims_of("The Court of Audit considered the plan too costly.", lang="en")
    assert claim.kind == "assessment"


@pytest.mark.parametrize(("text", "action"), [
    ("La Ville de Lyon a planté 300 arbres en 2024.", "plant"),
    ("La Région Bretagne a octroyé une aide aux pêcheurs.", "grant"),
    ("La Métropole de Lyon a démoli l'ancien parking.", "demolish"),
    ("Le Département du Nord revalorisera l'allocation en 2026.", "raise"),
])
def test_a_common_french_verb_of_public_action_is_named_in_english(text: str,
                                                                    action: str) -> None:
    assert action in [c.action for c in claims_of(text)]


def test_a_perfect_infinitive_under_a_future_is_promised() -> None:
    (claim,) = claims_of("D'ici 2027, la SNCF devra avoir remplacé 200 trains.")
    assert (claim.kind, claim.action) == ("commitment", "replace")


def test_a_perfect_infinitive_said_of_oneself_is_done() -> None:
    # guard: "dit avoir ouvert" tells of an act done
    (claim,) = claims_of("La Ville de Lyon dit avoir ouvert 300 places.")
    assert claim.kind == "achievement"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("La volonté de la Région Bretagne d'embaucher 50 médecins se concrétise.", "fr",
     ("Région Bretagne", "commitment", "hire")),
    ("The Brittany Region's decision to close two schools angered parents.", "en",
     ("Brittany Region", "commitment", "close")),
    ("The Brittany Region's plan to hire 50 doctors is moving forward.", "en",
     ("Brittany Region", "commitment", "hire")),
])
def test_an_actors_intention_to_act_is_its_commitment_to_that_act(
        text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)]
