"""Constructions where the actor comes after its act: inverted speakers of an unquoted
reported clause, cleft sentences, and partners of a two-sided act."""

from __future__ import annotations

import pytest

from extractor.claims.groups import actor_groups
from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from extractor.records import Document
from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "speaker", "kind"), [
    ("Le dispositif sera étendu à 47 départements d'ici la fin du mois, a annoncé la "
     "ministre du Travail, Catherine Vautrin.", "fr", "Catherine Vautrin", "commitment"),
    ("We will extend the scheme to 47 departments by the end of the month, announced the new "
     "Minister of Labor, Catherine Vautrin, on Thursday.", "en", "Catherine Vautrin",
     "commitment"),
    ("Les travaux ont pris du retard, précise la préfecture du Rhône.", "fr",
     "préfecture du Rhône", "statement"),
])
def test_an_inverted_speaker_owns_the_clause_before_the_comma(text: str, lang: str,
                                                              speaker: str, kind: str) -> None:
    (claim,) = claims_of(text, lang=lang, published="2024-02-01")
    assert (claim.actor, claim.kind) == (speaker, kind)


def test_an_inverted_reporting_verb_is_not_the_subjects_other_act() -> None:
    claims = claims_of("La Ville de Lyon a ouvert trois centres, a indiqué l'adjointe au "
                       "maire, Sandrine Runel.")
    assert sorted((c.actor, c.kind) for c in claims) == [
        ("Sandrine Runel", "statement"), ("Ville de Lyon", "achievement")]


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("C'est l'association Aurore qui coordonne les différents intervenants.", "fr",
     "association Aurore", "coordinate"),
    ("C'est la Ville de Paris qui finance le dispositif.", "fr", "Ville de Paris", "fund"),
    ("It was the City of Lyon that opened the shelter last winter.", "en", "City of Lyon",
     "open"),
])
def test_a_cleft_actor_does_the_relative_clauses_act(text: str, lang: str, actor: str,
                                                     action: str) -> None:
    assert (actor, action) in [(c.actor, c.action) for c in claims_of(text, lang=lang)]


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("La Ville de Melun est la première collectivité qui ouvre un tel centre.", "fr",
     "Ville de Melun", "open"),
    ("La Région Bretagne a été la seule à financer le projet.", "fr", "Région Bretagne",
     "fund"),
    ("The Lyon Metropolis is the first authority to ban old diesel cars.", "en",
     "Lyon Metropolis", "ban"),
])
def test_what_an_actor_is_said_to_be_the_first_to_do_it_does(text: str, lang: str,
                                                               actor: str, action: str) -> None:
    assert (actor, action) in [(c.actor, c.action) for c in claims_of(text, lang=lang)]


def test_a_noun_predicated_of_an_actor_with_no_clause_is_no_act() -> None:
    # guard: "X est la première ville de France" says what X is, no act
    assert claims_of("La Ville de Melun est la première collectivité de la région.") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Valenciennes Métropole a signé avec l'Agence nationale pour la rénovation urbaine la "
     "déclaration d'engagement.", "fr"),
    ("Le plan a été signé en 2019 entre l'État et la Ville de Paris.", "fr"),
    ("The plan was signed in 2019 between the State and the City of Paris.", "en"),
])
def test_both_sides_of_a_signature_sign(text: str, lang: str) -> None:
    signed = [c.actor for c in claims_of(text, lang=lang) if c.action == "sign"]
    assert len(signed) == 2


def test_with_is_no_partner_of_a_one_sided_act() -> None:
    claims = claims_of("La Ville de Lyon a ouvert un centre avec la Croix-Rouge.")
    assert [c.actor for c in claims if c.action == "open"] == ["Ville de Lyon"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Emmanuel Macron spoke on Thursday. Government spending on day care will increase, "
     "Emmanuel Macron said.", "en"),
    ("Anne Hidalgo a visité le centre. Le dispositif sera étendu à trois arrondissements, "
     "Anne Hidalgo a précisé.", "fr"),
])
def test_a_speaker_after_the_comma_owns_the_clause_before(text: str, lang: str) -> None:
    second = text.split(". ", 1)[1]
    (claim,) = [c for c in claims_of(text, lang=lang) if second in c.quote]
    assert claim.kind == "commitment"


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Selon les chiffres de la préfecture de police, 200 agents sont mobilisés chaque jour.",
     "fr", "préfecture de police"),
    ("D'après le dernier rapport de la Cour des comptes, les dépenses ont doublé.", "fr",
     "Cour des comptes"),
    ("Only 4,500 new places have been delivered, according to figures from the Ministry of "
     "Justice.", "en", "Ministry of Justice"),
])
def test_a_source_cited_through_its_figures_or_report(text: str, lang: str,
                                                     source: str) -> None:
    assert source in [c.actor for c in claims_of(text, lang=lang)]


def test_a_possessive_inside_someone_elses_quotation_is_no_claim() -> None:
    text = ("« Huit mois après le début de cet engagement historique de l'État, ma conviction "
            "est plus forte que jamais », souligne Jean Castex.")
    assert [c.actor for c in claims_of(text)] == ["Jean Castex"]


def test_every_party_to_a_meeting_meets() -> None:
    text = ("Une première réunion avait eu lieu avec la Préfecture du Rhône, Action Logement et "
            "la Métropole de Lyon le 3 juin.")
    met = [c for c in claims_of(text, published="2019-06-10") if c.action == "meet"]
    assert len(met) == 3 and {c.kind for c in met} == {"achievement"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("It was an old promise from Emmanuel Macron: to build 15,000 prison places.", "en",
     "Emmanuel Macron"),
    ("C'est l'objectif de la Métropole de Lyon pour 2026.", "fr", "Métropole de Lyon"),
])
def test_a_goal_or_promise_of_an_actor_is_its_commitment(text: str, lang: str,
                                                         actor: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [(actor, "commitment")]


def test_unveiling_a_sum_is_done_and_the_sum_promised() -> None:
    claims = claims_of("Emmanuel Macron unveils €8bn antipoverty push to counter critics",
                       lang="en", published="2018-09-13")
    assert sorted((c.kind, c.action, c.amount) for c in claims) == [
        ("achievement", "unveil", 8e9), ("commitment", "fund", 8e9)]


def test_an_opening_phrase_is_no_reported_clause() -> None:
    text = ("Peu après sa prise de fonction en juillet 2022, le nouveau préfet de police, "
            "Laurent Nuñez, avait promis l'éradication du crack.")
    (claim,) = claims_of(text, published="2023-05-10")
    assert (claim.actor, claim.kind) == ("Laurent Nuñez", "commitment")


def test_a_party_in_brackets_is_no_second_actor() -> None:
    text = ("The precise locations have not yet been chosen, even if Mayor Christian Estrosi "
            "(Horizons) mentioned the hilly areas.")
    assert [c.actor for c in claims_of(text, lang="en")] == ["Christian Estrosi"]


def test_continuing_an_act_is_that_act_not_a_prosecution() -> None:
    claims = claims_of("Les métropoles de Lyon et de Grenoble poursuivent la mise en place de "
                       "leurs zones à faibles émissions.")
    assert claims and {c.action for c in claims} == {"establish"}


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("French President Emmanuel Macron spoke in Paris. The four-year campaign will aid those "
     "trapped by poverty, says the president.", "en", "Emmanuel Macron"),
    ("Le ministre du Travail, Olivier Dussopt, était à Lille. Le dispositif sera étendu à 47 "
     "départements, a précisé le ministre.", "fr", "Olivier Dussopt"),
])
def test_a_bare_title_after_an_inverted_verb_is_its_holder(text: str, lang: str,
                                                           speaker: str) -> None:
    second = text.split(". ", 1)[1]
    (claim,) = [c for c in claims_of(text, lang=lang) if second in c.quote]
    assert (claim.actor, claim.kind) == (speaker, "commitment")


def test_two_titled_persons_joined_both_act() -> None:
    text = ("La préfète de la Loire-Atlantique, Fabienne Buccio, et le maire de Nantes, Johanna "
            "Rolland, ont inauguré jeudi le nouveau centre d'accueil.")
    assert sorted(c.actor for c in claims_of(text)) == ["Fabienne Buccio", "Johanna Rolland"]


@pytest.mark.parametrize(("text", "lang", "actors"), [
    ("The loan was signed on Monday in Lyon by Marc Dubreuil, President of the Lyon "
     "Metropolis, and Claire Fontanel, EIB Vice-President.", "en",
     ["Claire Fontanel", "Marc Dubreuil"]),
    ("Hélène Marchal, présidente du conseil départemental du Gard, Paul Gorin, "
     "vice-président du Département, et Nadia Ferrer, conseillère, ont présenté lundi le "
     "plan collèges.", "fr", ["Hélène Marchal", "Nadia Ferrer", "Paul Gorin"]),
    # a vice-president's title names a body, which is no actor of the list
    ("Hélène Marchal, présidente du conseil départemental du Gard, Paul Gorin, vice-président "
     "de la Région, et Nadia Ferrer, conseillère, ont présenté lundi le plan collèges.", "fr",
     ["Hélène Marchal", "Nadia Ferrer", "Paul Gorin"]),
])
def test_persons_listed_each_with_a_title_after_the_name_all_act(text: str, lang: str,
                                                                 actors: list[str]) -> None:
    # the bodies named in their titles act in nothing; every person of the list acts
    assert sorted({c.actor for c in claims_of(text, lang=lang)}) == actors


def test_a_past_permitting_verb_says_the_act_was_done() -> None:
    (claim,) = claims_of("Lancé en 2021 par la Ville de Rennes, le dispositif a permis "
                         "d'accompagner 1 200 familles.")
    assert (claim.action, claim.kind) == ("launch", "achievement")


@pytest.mark.parametrize(("text", "lang", "author"), [
    ("Dans 73 % des cas, les villes moyennes disposent d'un dispositif de vidéo-protection, "
     "révèle une étude rendue publique lundi par l'association Villes de France.", "fr",
     "Villes de France"),
    ("Spending on the plan doubled in three years, says a report by the Court of Audit "
     "published on Monday.", "en", "Court of Audit"),
])
def test_the_author_of_a_study_after_an_inverted_verb_owns_the_clause(text: str, lang: str,
                                                                      author: str) -> None:
    claims = claims_of(text, lang=lang, published="2013-10-10")
    assert [c.construction for c in claims if author in c.actor] == ["quotation"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Nearly 9,000 people swam in the Rhône this summer, Lyon Mayor Marc Durandet announced "
     "on Wednesday. \"This is excellent news for all our residents!\" added the mayor.", "en"),
    ("La baignade a accueilli 9 000 personnes, a annoncé mercredi Marc Durandet, maire de "
     "Lyon. « C'est une excellente nouvelle pour les Lyonnais », a ajouté le maire.", "fr"),
])
def test_a_bare_title_after_its_holder_was_named_is_the_holder(text: str, lang: str) -> None:
    actors = {c.actor for c in claims_of(text, lang=lang)}
    assert actors == {"Marc Durandet"}


def test_an_office_holder_who_undergoes_the_act_does_nothing() -> None:
    text = ("Le Premier président de la Cour des comptes a été auditionné le 10 janvier par la "
            "commission des finances.")
    assert [c for c in claims_of(text) if "Cour" in c.actor] == []


def test_the_verb_after_a_chain_of_titles_is_the_persons_act() -> None:
    text = ("Paul Girard, préfet de la région Occitanie, préfet de la Haute-Garonne, a signé "
            "l'arrêté lundi.")
    assert [(c.actor, c.action, c.kind) for c in claims_of(text)] == [
        ("Paul Girard", "sign", "achievement")]


@pytest.mark.parametrize(("text", "lang", "published", "actor"), [
    ("Gérald Darmanin a visité le quartier. Le locataire de la place Beauvau a annoncé "
     "l'ouverture de deux commissariats.", "fr", "2023-05-20", "Gérald Darmanin"),
    ("Gabriel Attal met farmers on Thursday. The tenant of Matignon announced new measures "
     "for farmers.", "en", "2024-02-02", "Gabriel Attal"),
])
def test_the_press_periphrasis_of_an_office_is_its_holder(text: str, lang: str,
                                                           published: str, actor: str) -> None:
    second = text.split(". ", 1)[1]
    (claim,) = [c for c in claims_of(text, lang=lang, published=published) if second in c.quote]
    assert (claim.actor, claim.kind) == (actor, "commitment")


@pytest.mark.parametrize(("text", "lang"), [
    ("Dans le recours de la ville de Pantin cité par l'AFP, le maire conteste l'arrêté.", "fr"),
    ("The appeal, quoted by Reuters, challenges the order of the prefect.", "en"),
])
def test_the_press_that_quotes_a_text_does_not_act(text: str, lang: str) -> None:
    assert not [c for c in claims_of(text, lang=lang) if c.actor in ("AFP", "Reuters")]


def test_an_office_named_by_its_seat_is_its_seat_among_the_entities() -> None:
    import hashlib

    from extractor.build.extract import extract_batch
    from extractor.records import Document

    text = ("Le locataire de la place Beauvau a demandé un rapport au préfet. "
            "L'occupant de Matignon doit trancher.")
    doc = Document(id="t.txt", path="t.txt", text=text, lang="fr",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   published="2024-03-01")
    (result,) = extract_batch([doc])
    found = {(m.type, m.text) for m in result.mentions if m.type in ("Organization", "Place")}
    # the place the press names the ministry by; the registry name of the Prime Minister's
    # office; never the periphrasis itself
    assert {("Place", "place Beauvau"), ("Organization", "Matignon")} <= found
    assert not [t for _, t in found if t.startswith(("locataire", "occupant"))]


def test_a_list_of_persons_each_titled_with_an_article_is_one_group() -> None:
    # "Jean Castex, le président, Frédéric Sanaur, le directeur général, et Claude Onesta":
    # each title (with its article) belongs to the name before it; the list goes on after it
    text = ("Jean Castex, le président, Frédéric Sanaur, le directeur général, et Claude "
            "Onesta ont détaillé les politiques de l'agence.")
    doc = Document(id="t.txt", path="t.txt", text=text, lang="fr", sha256="x",
                   media_type="text/plain", published="2019-10-10")
    actors = [m for m in extract_mentions(doc, parse_batch([doc])[0])
              if m.type in ("Person", "Organization")]
    groups = [[m.text for m in g] for g in actor_groups(actors, text, "fr")]
    assert ["Jean Castex", "Frédéric Sanaur", "Claude Onesta"] in groups


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("La ministre de l'Enseignement supérieur Frédérique Vidal a visité le campus. Plus de 2000 "
     "logements sont programmés d'ici 2020, a ainsi détaillé la ministre.", "Frédérique Vidal",
     "statement"),
    ("Jean Dupont, le préfet de l'Orne, a visité le camp. Le camp sera fermé en mai, a "
     "également précisé Jean Dupont.", "Jean Dupont", "commitment"),
])
def test_an_adverb_between_the_auxiliary_and_the_verb_of_an_incise_keeps_its_speaker(
        text: str, speaker: str, kind: str) -> None:
    last = text.split(". ", 1)[1]
    assert [(c.actor, c.construction, c.kind) for c in claims_of(text) if c.quote == last] == [
        (speaker, "quotation", kind)]


@pytest.mark.parametrize(("text", "lang", "partners"), [
    ("Parmi les partenaires figurent la CAF du Nord, la Région Hauts-de-France et l'ARS.", "fr",
     {"CAF du Nord", "Région Hauts-de-France", "ARS"}),
    ("Partners include the Nord CAF, the Hauts-de-France Region and the ARS.", "en",
     {"Nord CAF", "Hauts-de-France Region", "ARS"}),
])
def test_bodies_listed_as_partners_are_each_a_partner(text: str, lang: str,
                                                      partners: set[str]) -> None:
    assert {c.actor for c in claims_of(text, lang=lang) if c.action == "partner"} == partners
