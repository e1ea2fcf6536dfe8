"""Actors named again without their name: a pronoun after a body introduced by its
lower-case head, a council's seat noun that says or counts, an audit body's members."""

from __future__ import annotations

import pytest

from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from tests.claims.test_named_errors import claims_of, doc_of


@pytest.mark.parametrize(("text", "actor", "action"), [
    ("L'association Emmaüs a dénoncé la fermeture du centre. Elle demande 3 millions "
     "d'euros.", "Emmaüs", "request"),
    ("Le collectif Riverains 18 a dénoncé la fermeture. Il réclame une aide.",
     "Riverains 18", "request"),
])
def test_a_pronoun_continues_a_body_its_head_noun_introduced(text: str, actor: str,
                                                             action: str) -> None:
    claims = claims_of(text)
    assert [(c.actor, c.action) for c in claims if c.quote.startswith(("Elle", "Il"))] == [
        (actor, action)]


@pytest.mark.parametrize(("text", "lang", "said"), [
    ("La mairie de Dijon ouvre dix classes. La ville dénombre dix ouvertures de classe.",
     "fr", "La ville dénombre"),
    ("The city of Lyon extends its low-emission zone. The city said that the zone would "
     "grow.", "en", "The city said"),
])
def test_a_council_named_by_its_seat_noun_says_and_counts(text: str, lang: str,
                                                          said: str) -> None:
    doc = doc_of(text, lang)
    bodies = [m for m in extract_mentions(doc, parse_batch([doc])[0])
              if m.type == "Organization" and m.source == "metonymy"]
    assert [m.text for m in bodies] == [said.split()[1]]
    assert [c for c in claims_of(text, lang=lang) if c.quote.startswith(said)]


@pytest.mark.parametrize(("text", "lang", "body"), [
    ("La Cour des comptes a publié un rapport. Les magistrats recommandent de supprimer le "
     "dispositif.", "fr", "Cour des comptes"),
    ("L'Inspection générale des affaires sociales a publié son rapport. « Seules deux salles "
     "ont ouvert », écrivent les rapporteurs.", "fr", "Inspection générale des affaires sociales"),
    ("The Court of Audit published a report. The auditors urged the government to cut its "
     "spending.", "en", "Court of Audit"),
])
def test_an_audit_bodys_members_speak_for_it(text: str, lang: str, body: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.start > text.index(".")]
    assert [(c.actor, c.kind) for c in claims] == [(body, "assessment")]


def test_members_of_a_body_that_audits_nothing_are_no_one() -> None:
    text = ("La préfecture a reçu les maires. Les magistrats ont ouvert une enquête sur "
            "les comptes.")
    assert not [c for c in claims_of(text) if c.quote.startswith("Les magistrats")]


@pytest.mark.parametrize(("text", "person"), [
    ("Carole Delga, présidente de la Région Occitanie, a présenté un plan. La présidente du "
     "conseil régional a assuré que les travaux débuteraient en 2025.", "Carole Delga"),
    ("Paul Vergès, président de la Région Réunion, a reçu une lettre. Le président de la "
     "collectivité a lu intégralement le courrier.", "Paul Vergès"),
    ("Le maire de Marseille, Jean-Claude Gaudin, a reçu deux rapports. Deux documents que le "
     "maire de la ville conteste, dénonçant des inexactitudes.", "Jean-Claude Gaudin"),
])
def test_a_title_recalls_its_holder_by_another_name_of_the_body(text: str,
                                                                person: str) -> None:
    second = text.index(". ") + 2
    assert [c.actor for c in claims_of(text) if c.start >= second] == [person]


def test_an_unnamed_holder_of_a_body_named_by_its_generic_noun_is_that_body() -> None:
    text = "Emmaüs a dénoncé la fermeture. La présidente de l'association a demandé une aide."
    assert [(c.actor, c.action) for c in claims_of(text) if c.start > 30] == [
        ("Emmaüs", "request")]


@pytest.mark.parametrize("quote", ["« Nous ne lâcherons rien »", "« Inacceptable »"])
def test_a_short_quotation_opening_its_sentence_before_its_verb_is_speech(quote: str) -> None:
    text = f"Carole Delga a présenté un plan. {quote}, a-t-elle martelé."
    assert [(c.actor, c.kind) for c in claims_of(text) if c.start > 30] == [
        ("Carole Delga", "statement")]


def test_a_short_quotation_inside_a_sentence_is_no_speech_of_its_own() -> None:
    text = "Carole Delga a présenté un plan. Elle juge ces chiffres « disproportionnés »."
    claims = [c for c in claims_of(text) if c.start > 30]
    assert len(claims) <= 1 and all(c.action != "state" for c in claims)


@pytest.mark.parametrize("text", [
    "La Région Bretagne a lancé le projet en 2020 et a été critiquée pour son coût.",
    "Rennes Métropole a adopté son plan. Sa stratégie remonte à 2014 et elle n'a pas été "
    "consultée.",
])
def test_a_verb_joined_to_an_act_that_the_actor_undergoes_is_not_its_act(text: str) -> None:
    assert [c.action for c in claims_of(text)] in (["launch"], ["adopt"])


@pytest.mark.parametrize("cue", ["selon l'élue", "selon l'élue socialiste"])
def test_an_attribution_to_a_generic_title_names_the_person_it_continues(cue: str) -> None:
    text = (f"Johanna Rolland, maire de Nantes, a répondu aux critiques. Les crédits seront "
            f"votés en juin, {cue}.")
    assert [c.actor for c in claims_of(text) if c.start > 58] == ["Johanna Rolland"]


@pytest.mark.parametrize(("text", "actors"), [
    ("Il faut attendre les crédits qu'alloueront la Région Bretagne et le Département du "
     "Finistère.", ["Département du Finistère", "Région Bretagne"]),
    ("Le plan reprend les engagements qu'annoncera l'État en juin.", ["État"]),
])
def test_the_subject_after_the_verb_of_an_object_relative_acts(text: str,
                                                               actors: list[str]) -> None:
    claims = claims_of(text)
    assert sorted(c.actor for c in claims) == actors
    assert {c.kind for c in claims} == {"commitment"}


def test_an_office_holder_named_after_what_qualifies_the_office_speaks() -> None:
    text = ("\"C'est ahurissant\", s'est ému le vice-président de la Région Bretagne chargé des "
            "transports, Patrick Mignola.")
    assert [c.actor for c in claims_of(text)] == ["Patrick Mignola"]


def test_a_clause_after_the_office_is_no_qualifier_of_it() -> None:
    text = "La directrice de l'ARS Bretagne a annoncé 12 centres, a indiqué Elise Noguera."
    assert "ARS Bretagne" in {c.actor for c in claims_of(text)}


@pytest.mark.parametrize("text", [
    "Aux côtés de l'État, la Région Occitanie a initié un contrat de filière.",
    "De concert avec l'État, la Région Occitanie a signé un contrat de filière.",
])
def test_a_fronted_partner_does_the_act_with_the_subject(text: str) -> None:
    assert sorted(c.actor for c in claims_of(text)) == ["Région Occitanie", "État"]


@pytest.mark.parametrize(("text", "actors"), [
    ("Les agents sont appelés à la grève par trois syndicats, FO, la CGT et la CFDT.",
     ["CFDT", "CGT", "FO"]),
    ("Le texte a été signé par plusieurs associations, Emmaüs et la Fondation Abbé Pierre.",
     ["Emmaüs", "Fondation Abbé Pierre"]),
])
def test_agents_listed_after_their_plural_noun_each_act(text: str, actors: list[str]) -> None:
    assert sorted(c.actor for c in claims_of(text)) == actors


def test_an_adverb_after_par_lists_no_agent() -> None:
    claims = claims_of("Par ailleurs, IDFM alerte sur la formation des agents.")
    assert [(c.actor, c.kind) for c in claims] == [("IDFM", "statement")]


@pytest.mark.parametrize(("text", "lang"), [
    ("L'État va-t-il enfin améliorer la distribution de l'eau en Guadeloupe ?", "fr"),
    ("Will the city council finally fund the new shelter?", "en"),
])
def test_the_writers_own_question_asserts_no_claim(text: str, lang: str) -> None:
    assert not claims_of(text, lang=lang)


def test_a_quoted_question_is_still_its_speakers_words() -> None:
    claims = claims_of("« L'État va-t-il enfin payer ? », s'interroge Anne Hidalgo.")
    assert [c.actor for c in claims] == ["Anne Hidalgo"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le collectif RPPRAC n'a toutefois pas signé l'accord.", "fr"),
    ("The CGT union did not sign the agreement.", "en"),
])
def test_an_act_not_done_is_no_achievement(text: str, lang: str) -> None:
    assert {c.kind for c in claims_of(text, lang=lang)} == {"statement"}


@pytest.mark.parametrize(("text", "kind"), [
    ("« Le retour à la normale prendra du temps », a prévenu le préfet Jean Dupont.",
     "statement"),
    ("« Les augmentations conduiront à une hausse des factures », a averti Anne Martin.",
     "statement"),
    ("« La collectivité apportera des subventions », a précisé Sophie Queriaud.",
     "commitment"),
    ("« Cette somme renforcera les réseaux d'eau », a déclaré Bérangère Couillard.",
     "commitment"),
])
def test_a_quoted_future_of_a_thing_no_one_provides_is_a_forecast(text: str, kind: str) -> None:
    assert {c.kind for c in claims_of(text)} == {kind}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Un rapport publié lundi par l'association Vélo Solidaire montre une forte hausse des "
     "accidents. Dans son bilan annuel, l'association constate un doublement des pistes. "
     "Les aménagements « restent trop lents dans les petites villes », observe-t-elle.",
     "fr", "Vélo Solidaire"),
    ("A report released on Monday by the charity Shelter Scotland shows a rise in evictions. "
     "In its annual review, the charity finds a doubling of cases. Councils are “struggling "
     "to keep up”, it said.", "en", "Shelter Scotland"),
])
def test_a_pronoun_continues_a_body_a_generic_noun_took_up(text: str, lang: str,
                                                           actor: str) -> None:
    """The body was named only as an agent; its generic noun ("l'association") is then the
    subject the pronoun continues."""
    last = text.rsplit(". ", 1)[1]
    assert [c.actor for c in claims_of(text, lang=lang) if c.quote == last] == [actor]


def test_a_generic_noun_takes_up_the_body_named_with_it() -> None:
    """"l'association" is the association just named, not the former acronym after it (of
    another gender: "elle" could not continue it)."""
    text = ("Une étude publiée par l'Association des petites villes (ex APVF) révèle une "
            "hausse. Dans son panorama, l'association constate un doublement des caméras. Les "
            "dépenses « augmentent chaque année », observe-t-elle.")
    assert [c.actor for c in claims_of(text) if c.quote.startswith(("Dans", "Les"))] == [
        "Association des petites villes"] * 2


def test_a_bare_title_never_stands_for_a_person_of_the_other_gender() -> None:
    """"la ministre" is not the minister named last when he is a man: it is the woman just
    named without her title."""
    text = ("« Le budget sera multiplié par quatre », a indiqué Catherine Vautrin lors d'un "
            "colloque, en présence du ministre du Logement Patrick Martin. « C'est un "
            "changement d'approche », a poursuivi la ministre.")
    assert [c.actor for c in claims_of(text) if "poursuivi" in c.quote] == ["Catherine Vautrin"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Nathalie Durand préside la métropole depuis 2020. « Ils sont au pouvoir depuis 1989 ! » "
     "souligne un élu d'opposition.", "fr"),
    ("Après Jean Martin et Paul Leroy, Nathalie Durand en est la présidente depuis 2020. "
     "« Ils sont au pouvoir depuis 1989, soit plus de trente ans ! » souligne un élu "
     "d'opposition rennais.", "fr"),
    ("Mayor Jane Smith opened the school. “They have been in power since 1989!” said an "
     "opposition councillor.", "en"),
])
def test_an_indefinite_title_names_no_one(text: str, lang: str) -> None:
    assert not [c for c in claims_of(text, lang=lang) if "1989" in c.quote]


def test_a_relative_pronoun_after_a_bracketed_acronym_acts() -> None:
    """"(Acnusa), laquelle étudiera …": the authority's act, both verbs of it."""
    claims = claims_of("Les dossiers ont été transmis à l'Autorité de régulation des "
                       "transports (ART), laquelle étudiera les litiges et délivrera les "
                       "sanctions.")
    assert sorted((c.actor, c.action) for c in claims) == [
        ("Autorité de régulation des transports", "etudier"),
        ("Autorité de régulation des transports", "issue")]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("La Fédération des usagers a publié jeudi un bilan. Selon ses calculs, 203 manquements "
     "ont été constatés depuis avril.", "fr", "Fédération des usagers"),
    ("The regulator Ofcom published a review on Thursday. According to its count, 203 "
     "breaches were recorded since April.", "en", "Ofcom"),
])
def test_one_s_own_figures_after_an_attribution_word_are_one_s_words(text: str, lang: str,
                                                                      actor: str) -> None:
    last = text.rsplit(". ", 1)[1]
    assert [c.actor for c in claims_of(text, lang=lang) if c.quote == last] == [actor]


def test_one_s_entourage_speaks_for_others() -> None:
    text = "Le ministre Jean Dupont a démenti. Selon son entourage, il serait candidat."
    assert not [c for c in claims_of(text) if c.quote.startswith("Selon")]


@pytest.mark.parametrize(("text", "action"), [
    # the tagger reads "fixera" as an infinitive before "chaque année": its form is a future
    ("Par ce dispositif, la préfecture de l'Hérault fixera chaque année par arrêté un "
     "loyer de référence.", "fixer"),
    # "s'engager" promises whatever its tense, even when what it promises is no act
    ("Le gouvernement s'était engagé à ne plus avoir aucun enfant à la rue.", "commit"),
])
def test_the_written_form_and_the_reflexive_promise_give_the_kind(text: str,
                                                                  action: str) -> None:
    assert [(c.action, c.kind) for c in claims_of(text)] == [(action, "commitment")]


def test_a_transitive_engager_starts_works() -> None:
    (claim,) = claims_of("La Région avait engagé des travaux de rénovation en 2020.")
    assert claim.kind == "achievement"


@pytest.mark.parametrize(("text", "lang"), [
    ("A Valence, l'église a brûlé en mai. La commune a déjà avancé 33 000 euros pour les "
     "travaux.", "fr"),
    ("In Valence, the church burnt down in May. The town has already advanced 33,000 euros "
     "for the works.", "en"),
])
def test_a_council_named_by_its_seat_noun_acts_by_any_verb_but_a_place_s(text: str,
                                                                         lang: str) -> None:
    second = text.index(". ") + 2
    assert [c.actor for c in claims_of(text, lang=lang) if c.start >= second] == [
        text[second:].split()[1]]


def test_a_seat_noun_ready_to_act_is_its_council() -> None:
    """An adjective with its copula that governs the act: "est prête à racheter"."""
    text = ("Le maire de Plouisy a publié une annonce. Pour retrouver un pharmacien, la commune "
            "est prête à racheter les locaux.")
    second = text.index(". ") + 2
    assert [(c.actor, c.kind) for c in claims_of(text) if c.start >= second] == [
        ("commune", "commitment")]


def test_a_seat_noun_whose_verb_the_parser_read_as_a_noun_is_its_council() -> None:
    """"la commune recherche un pharmacien": the parser makes ``recherche`` a noun with a
    subject and no copula, a verb it misread."""
    doc = doc_of("Le maire de Plouisy a publié une annonce. Depuis, la commune recherche un "
                 "pharmacien.")
    assert [(m.type, m.key) for m in extract_mentions(doc, parse_batch([doc])[0])
            if m.text == "commune"] == [("Organization", "org:ville de plouisy")]


def test_a_seat_noun_counting_its_inhabitants_is_the_place() -> None:
    text = "A Valence, l'église a brûlé en mai. La commune compte 64 000 habitants."
    second = text.index(". ") + 2
    assert not [c for c in claims_of(text) if c.start >= second]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Bruno Bernard, président de la Métropole de Lyon, a présenté quatre projets de métro. "
     "L'écologiste a ensuite annoncé une consultation.", "fr", "Bruno Bernard"),
    ("Patrick Baghdassarian, the mayor of Saint-Georges, welcomed the bill. The elected "
     "representative announced a new camp site for travellers.", "en", "Patrick Baghdassarian"),
])
def test_a_politician_s_epithet_stands_for_the_person_the_text_goes_on_about(
        text: str, lang: str, actor: str) -> None:
    last = text.rsplit(". ", 1)[1]
    assert {(c.actor, c.action) for c in claims_of(text, lang=lang) if c.quote == last} == {
        (actor, "announce")}


def test_a_bare_title_with_a_participle_beside_it_is_its_holder() -> None:
    claims = claims_of("La ministre de la Culture Jeanne Morel veut réformer le dispositif. La "
                       "ministre, ralliée à la majorité, propose d'en finir avec la subvention.")
    assert "Jeanne Morel" in [c.actor for c in claims if "propose" in c.quote]
