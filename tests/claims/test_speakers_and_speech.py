"""Who said a quotation (a bare title after it; not the subject of the next sentence), what
a pronoun deep in a clause stands for, narrative infinitives, verbs of speech, and what an
announcement announces."""

from __future__ import annotations

import pytest

from extractor.claims.groups import qualifier
from extractor.records import Mention
from tests.claims.test_named_errors import claims_of


def test_a_bare_title_after_a_quotation_is_the_person_last_named_with_it() -> None:
    text = ("Le ministre de l'Intérieur, Christophe Castaner, était à Marseille.\n\n"
            "\"La France ne sera pas le terrain de jeu des trafiquants\", a conclu le ministre.")
    claims = [c for c in claims_of(text, published="2019-09-17") if "trafiquants" in c.quote]
    assert [(c.actor, c.kind, c.object) for c in claims] == [
        ("Christophe Castaner", "statement", None)]


def test_a_quotation_closed_by_its_full_stop_is_not_said_by_the_next_subject() -> None:
    text = ("Un trafic qui s'inspire \"du grand banditisme, voire du terrorisme.\" Pour lutter "
            "contre le fléau, le gouvernement a annoncé, mardi 17 septembre, le lancement d'un "
            "plan d'envergure.")
    claims = claims_of(text, published="2019-09-17")
    assert [(c.actor, c.kind, c.action) for c in claims] == [
        ("gouvernement", "commitment", "launch")]


def test_a_pronoun_deep_in_a_clause_is_the_main_subject() -> None:
    text = ("Elisabeth Borne spoke on Monday. The Minister of Labor, Olivier Dussopt, had "
            "justified this initiative by what he describes as systematic obstruction.")
    actors = {c.actor for c in claims_of(text, lang="en") if "Dussopt" in c.quote}
    assert actors == {"Olivier Dussopt"}


def test_a_narrative_infinitive_continues_the_subject() -> None:
    text = ("Valérie Pécresse a dénoncé les retards du chantier. Et d'alerter : le rapport "
            "révèle un nouveau retard des lignes 16 et 17.")
    claims = [c for c in claims_of(text) if c.quote.startswith("Et d'alerter")]
    assert [(c.actor, c.kind) for c in claims] == [("Valérie Pécresse", "statement")]


@pytest.mark.parametrize(("text", "lang"), [
    ("L'ARS Nouvelle-Aquitaine a évoqué les incertitudes autour de la polyclinique.", "fr"),
    ("Mayor Christian Estrosi mentioned the hilly areas and the popular districts.", "en"),
])
def test_a_verb_of_speech_is_a_statement(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["statement"]


def test_a_pronoun_after_a_sentence_naming_one_person_is_that_person() -> None:
    text = ("Didier Migaud admitted on Sunday that the plan is late. It was an old promise from "
            "Emmanuel Macron, first launched in 2017. To do this, he had promised the creation "
            "of 15,000 additional prison places by 2027.")
    claims = [c for c in claims_of(text, lang="en", published="2024-11-10") if c.amount]
    assert [c.actor for c in claims] == ["Emmanuel Macron"]


def test_the_minister_for_housing_and_urban_affairs_is_the_housing_minister() -> None:
    text = ("Olivier Klein s'est rendu à Lille. Auditionné le 5 juin, le ministre de la Ville et "
            "du Logement avait, lui, affirmé que « deux bénéficiaires sur trois disposaient de "
            "ressources modestes ».")
    claims = [c for c in claims_of(text, published="2023-06-20") if "Auditionné" in c.quote]
    assert [c.actor for c in claims] == ["Olivier Klein"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("The Minister of Justice, Didier Migaud, admitted the delay on Sunday. The minister still "
     "wanted to be active on the issue: “I will make proposals to the Prime Minister so that we "
     "can make up for this delay.”", "en", "Didier Migaud"),
    ("Anne Hidalgo était à Lyon. Elle a conclu : « Nous ouvrirons 300 places d'ici à la fin de "
     "l'année. »", "fr", "Anne Hidalgo"),
])
def test_a_speaker_named_before_the_colon_by_a_title_or_pronoun(text: str, lang: str,
                                                                 actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.construction == "quotation"]
    assert [(c.actor, c.kind) for c in claims] == [(actor, "commitment")]


def test_a_generic_title_after_an_inverted_verb_is_the_last_person_named() -> None:
    text = ("Anthony Borré defended the scheme on Wednesday. The variable part of these bonuses "
            "will also increase, detailed the elected official.")
    claims = [c for c in claims_of(text, lang="en") if "variable" in c.quote]
    assert [(c.actor, c.kind) for c in claims] == [("Anthony Borré", "commitment")]


def test_a_plan_detailed_by_ministers_is_their_act_not_a_reported_clause() -> None:
    text = ("Le Gouvernement lance un plan massif d'investissement détaillé par Jean Castex et "
            "Olivier Véran lors d'un déplacement.")
    kinds = {c.actor: (c.kind, c.action) for c in claims_of(text)}
    assert kinds["Jean Castex"] == ("achievement", "detail")


@pytest.mark.parametrize(("text", "lang"), [
    ("The Minister for the Elderly, Fadila Khattabi, visited a nursing home. State allocations "
     "will increase by 5% in public nursing homes, according to the minister.", "en"),
    ("Le préfet du Nord, Georges-François Leclerc, a visité un centre. Les places d'hébergement "
     "seront portées à 2 000 cet hiver, selon le préfet.", "fr"),
])
def test_a_source_named_by_its_bare_title_promises_what_it_says_will_be(text: str,
                                                                        lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.construction == "attribution"]
    assert [c.kind for c in claims] == ["commitment"]
    assert claims[0].actor in ("Fadila Khattabi", "Georges-François Leclerc")


def test_partners_a_plan_was_drawn_up_with_drew_it_up() -> None:
    text = ("La Ville de Paris souhaiterait en créer plusieurs dans le cadre du plan crack, "
            "élaboré avec la Préfecture de Paris, l'Agence régionale de santé et la Mildeca.")
    drawn = {c.actor: c.kind for c in claims_of(text) if c.action == "draw up"}
    assert "Mildeca" in drawn and set(drawn.values()) == {"achievement"}


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("Selon la Chambre régionale des comptes de Normandie (CRC), la situation reste fragile. "
     "« La commune ne dispose d'aucun plan pluriannuel d'investissement. »", "fr",
     "Chambre régionale des comptes de Normandie"),
    ("The scheme was extended in 2023. But according to the Court of Audit, the results are "
     "mixed. \"The targets were not met in most regions.\"", "en", "Court of Audit"),
])
def test_a_quotation_filling_its_sentence_is_the_source_the_sentence_before_cites(
        text: str, lang: str, speaker: str) -> None:
    quoted = [c for c in claims_of(text, lang=lang) if c.quote[0] in "«\""]
    assert [(c.actor, c.kind) for c in quoted] == [(speaker, "assessment")]
    assert quoted[0].quote.endswith(("»", "\""))  # with its closing mark


def test_a_sentence_may_open_with_a_conjunction_before_its_attribution_cue() -> None:
    text = "Le dispositif a été étendu. Mais pour la Cour des comptes, le bilan reste mitigé."
    claims = [c for c in claims_of(text) if c.construction == "attribution"]
    assert [(c.actor, c.kind) for c in claims] == [("Cour des comptes", "assessment")]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le dispositif a été étendu. D'ailleurs, pour la Cour des comptes, le bilan reste "
     "mitigé.", "fr", "Cour des comptes"),
    ("Le plan a été présenté. Par ailleurs, pour la ministre Dominique Faure, il s'agit "
     "d'un prolongement du programme.", "fr", "Dominique Faure"),
    ("The scheme was extended. Moreover, for the Court of Audit, the results are mixed.", "en",
     "Court of Audit"),
    # a guard: "selon" and "according to" attribute wherever they stand
    ("Le plan a été présenté. En effet, selon la ministre Dominique Faure, il s'agit d'un "
     "prolongement du programme.", "fr", "Dominique Faure"),
])
def test_a_sentence_may_open_with_a_linking_adverb_before_its_attribution_cue(
        text: str, lang: str, actor: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.construction == "attribution"]
    assert [c.actor for c in claims] == [actor]


def test_a_quotation_after_a_sentence_nobody_speaks_in_has_no_speaker() -> None:
    text = ("Police cleared the square on Monday. \"We have nowhere to go tonight, nowhere at "
            "all.\" The council meets in June.")
    assert not [c for c in claims_of(text, lang="en") if "nowhere" in c.quote]


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("La Cour des comptes a publié son rapport sur le dispositif. Soit un montant de 862 "
     "millions d'euros de primes versées, relève l'institution.", "Cour des comptes",
     "assessment"),
    ("Le ministre de l'Intérieur, Gérald Darmanin, était à Marseille lundi. Les effectifs de "
     "police ont doublé en un an dans les quartiers nord, a souligné le ministre.",
     "Gérald Darmanin", "statement"),
    ("La Cour des comptes publie un rapport sévère sur le dispositif. Les aides restent trop "
     "complexes pour les ménages modestes, ajoute-t-elle.", "Cour des comptes", "assessment"),
])
def test_a_subject_after_its_reporting_verb_ending_the_sentence_speaks(
        text: str, speaker: str, kind: str) -> None:
    (claim,) = [c for c in claims_of(text) if c.quote.startswith(("Soit", "Les"))]
    assert (claim.actor, claim.kind) == (speaker, kind)
    assert claim.object is None  # the subject after the verb is no object


@pytest.mark.parametrize(("text", "lang", "actor", "kind"), [
    ("La réforme a été présentée lundi. Un véritable recul social, comme l'avait dénoncé la "
     "CFDT, et une menace pour les plus précaires.", "fr", "CFDT", "statement"),
    ("Le budget du dispositif a doublé en deux ans, rappelle la Cour des comptes.", "fr",
     "Cour des comptes", "assessment"),
])
def test_a_named_actor_after_its_reporting_verb_speaks(text: str, lang: str, actor: str,
                                                       kind: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang) if c.actor == actor] == [kind]


def test_an_english_sentence_opened_by_for_and_an_actor_is_that_actors_view() -> None:
    text = ("For Jean Castex, who visited a training centre in the morning, apprenticeship is "
            "at the heart of the plan.")
    kinds = {(c.construction, c.kind) for c in claims_of(text, lang="en")
             if c.actor == "Jean Castex"}
    assert ("attribution", "statement") in kinds


@pytest.mark.parametrize(("text", "speaker", "medium"), [
    ("« La crise est grave et profonde », a reconnu lundi 25 novembre sur France Inter la "
     "ministre de l'Agriculture Annie Genevard.", "Annie Genevard", "France Inter"),
    ("Le système est coupé et l'hôpital s'est « mis en mode protection », a expliqué sur "
     "BFMTV le ministre de la Santé, François Braun.", "François Braun", "BFMTV"),
    ("Ce qui représente un coup de pouce global de 650 millions, a précisé le ministère des "
     "Solidarités à l'AFP.", "ministère des Solidarités", "AFP"),
    # an impersonal subject: the place it speaks from is the speaker
    ("Un tiers des places ont été créées et « la totalité sera ouverte d'ici la fin de "
     "l'année », assure-t-on au ministère de l'Intérieur.", "ministère de l'Intérieur", None),
])
def test_the_medium_a_speaker_speaks_on_is_no_speaker(text: str, speaker: str,
                                                      medium: str | None) -> None:
    actors = {c.actor for c in claims_of(text)}
    assert speaker in actors
    assert medium not in actors


@pytest.mark.parametrize("text", [
    "La FAGE a publié son indicateur annuel. Pour subvenir à leurs besoins, près d'un "
    "étudiant sur deux exerce une activité rémunératrice, a rappelé l'organisation.",
    # two bodies named before it: the one the text names most often
    "La FAGE a publié son indicateur annuel avec l'Unef. La FAGE compte 300 000 adhérents. "
    "Paul Mayaux a parlé du logement, des transports et des bourses pendant une longue "
    "conférence de presse donnée à Paris mardi matin devant de nombreux journalistes venus "
    "de toute la France pour l'occasion, avec de nombreux chiffres et beaucoup de détails "
    "sur chaque poste de dépense des étudiants. Pour subvenir à leurs besoins, près d'un "
    "étudiant sur deux exerce une activité rémunératrice, a rappelé l'organisation.",
])
def test_a_generic_body_noun_after_the_verb_is_the_body_the_text_is_about(text: str) -> None:
    claims = [c for c in claims_of(text) if "subvenir" in c.quote]
    assert [c.actor for c in claims] == ["FAGE"]


def test_a_word_of_saying_after_the_speaker_names_no_other_speaker() -> None:
    text = ("« Une nouvelle réforme est annoncée, cela ne nous empêchera pas de terminer la "
            "négociation en cours », a fait savoir la CFDT, après l'annonce du Premier ministre "
            "Gabriel Attal mercredi 27 mars.")
    assert [c.actor for c in claims_of(text) if c.construction == "quotation"] == ["CFDT"]


def test_a_pronoun_the_parser_read_as_impersonal_before_a_verb_of_saying_speaks() -> None:
    text = "Emmanuel Macron était à Paris. Il a indiqué que le plan était prêt."
    assert [(c.actor, c.kind) for c in claims_of(text)] == [("Emmanuel Macron", "statement")]


def test_a_party_qualifying_a_title_after_a_quotation_is_not_its_speaker() -> None:
    text = ("La présidente de la région, Carole Delga, a réuni les maires lundi.\n\n"
            "\"Il n'est question ici que de moderniser les lignes que tout le monde attend "
            "depuis dix ans\", a précisé l'élue (PS).")
    claims = [c for c in claims_of(text, published="2022-07-22") if "moderniser" in c.quote]
    # one statement, the incise the parser cut off included in its sentence
    assert [(c.actor, c.kind) for c in claims] == [("Carole Delga", "statement")]
    assert claims[0].quote.endswith("a précisé l'élue (PS).")


@pytest.mark.parametrize(("text", "qualifies"), [
    ("a précisé l'élue (LR).", True),
    ("La présidente LR de la région a voté.", True),
    ("Un candidat RN a voté contre.", True),
    ("Les élus LR ont quitté la salle.", False),  # the party's group acts
    ("Le parti LR a voté contre.", False),
])
def test_a_party_right_after_a_persons_noun_only_says_who_the_person_is(
        text: str, qualifies: bool) -> None:
    at = next(i for i in range(len(text)) if text[i:i + 2] in ("LR", "RN"))
    party = Mention(document="t", type="Organization", text=text[at:at + 2], start=at,
                    end=at + 2, sentence=0)
    assert qualifier(text, party, "fr") is qualifies


def test_an_inverted_pronoun_carries_its_subject_past_a_person_named_as_a_partner() -> None:
    text = ("Manuel Valls a annoncé un fonds d'urgence lundi. \"La solidarité s'impose pour "
            "tous les sinistrés\", a-t-il souligné avant de se rendre à Montargis avec le "
            "ministre de l'Intérieur Bernard Cazeneuve. Il a rencontré des habitants d'un "
            "quartier sinistré.")
    claims = [c for c in claims_of(text, published="2016-06-06") if "rencontré" in c.quote]
    assert [(c.actor, c.action) for c in claims] == [("Manuel Valls", "meet")]


def test_a_bare_title_after_selon_with_its_relative_clause_is_the_person() -> None:
    text = ("Le ministre de la Fonction publique, Stanislas Guerini, a annoncé une hausse du "
            "point d'indice. Cette mesure se chiffre à 7,5 milliards d'euros environ, selon le "
            "ministre qui précise que plus aucun agent ne sera payé au smic.")
    claims = [c for c in claims_of(text, published="2022-06-28") if "chiffre" in c.quote]
    assert {c.actor for c in claims} == {"Stanislas Guerini"}


def test_selon_lui_continues_the_person_the_text_goes_on_about() -> None:
    text = ("François Bayrou a reçu Marylise Léon puis Sophie Binet mardi. \"Je ne peux pas "
            "accepter qu'on se satisfasse d'échouer si près du but\", a déclaré le Premier "
            "ministre depuis Matignon. Selon lui, une voie de passage est encore possible.")
    claims = [c for c in claims_of(text, published="2025-06-25") if "Selon lui" in c.quote]
    assert [(c.actor, c.kind) for c in claims] == [("François Bayrou", "statement")]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("Le maire de Gennevilliers, Patrice Leclerc, a alerté sur la situation du cimetière. "
     "« A ce rythme, dans trois semaines, il sera complet ». La préfecture n'a pas répondu.",
     "fr", "Patrice Leclerc"),
    ("La présidente de l'association, Claire Morvan, a réagi vivement. « Nous ne laisserons "
     "pas faire, quoi qu'il en coûte. » La préfecture n'a pas répondu.", "fr", "Claire Morvan"),
])
def test_a_quotation_of_its_own_is_the_named_holder_s_whose_title_led_in(
        text: str, lang: str, speaker: str) -> None:
    # the lead-in's subject is the title; the name beside it speaks the next sentence's words
    quoted = [c for c in claims_of(text, lang=lang) if c.construction == "quotation"]
    assert [c.actor for c in quoted] == [speaker]
