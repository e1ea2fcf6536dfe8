"""Bodies named without their place ("l'ARS", "le préfet de région", "la CAF", "le
Département", "the regional health agency") are those of the place the text is about, not
Paris's: short texts about Bordeaux, Lille, Lyon, Marseille and Paris written for these tests
(tests/fixtures/local/), in French and English."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractor import iris
from extractor.graph.resolve import Resolver
from extractor.mentions.area_names import official_area
from extractor.mentions.find import extract_mentions
from extractor.mentions.institutions import find_institutions, find_references, seat_key
from extractor.mentions.seats import containing
from extractor.nlp.models import parse_batch
from extractor.records import Document, Mention
from tests.mentions.test_unseen_kinds import _mentions

LOCAL = Path(__file__).resolve().parents[1] / "fixtures" / "local"


def _keys(text: str, lang: str) -> dict[str, set[str]]:
    """Surface → the keys of its organisation mentions."""
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   published="2025-03-12")
    out: dict[str, set[str]] = {}
    for m in extract_mentions(doc, parse_batch([doc])[0]):
        if m.type == "Organization" and m.key:
            out.setdefault(m.text, set()).add(m.key)
    return out


def _fixture(name: str, lang: str) -> dict[str, set[str]]:
    return _keys((LOCAL / name).read_text(encoding="utf-8"), lang)


def test_a_text_about_bordeaux_names_the_bodies_of_gironde_and_nouvelle_aquitaine():
    keys = _fixture("bordeaux_fr.txt", "fr")
    assert keys["agence régionale de santé"] == {"reg:ars-nouvelle-aquitaine"}
    assert keys["ARS"] == {"reg:ars-nouvelle-aquitaine"}
    assert keys["préfet de région"] == {"org:prefecture de la region nouvelle-aquitaine"}
    assert keys["CAF"] == {"org:caf de la gironde"}
    assert keys["Département"] == {"org:conseil departemental de la gironde"}


def test_an_english_text_about_lille_names_the_bodies_of_hauts_de_france():
    keys = _fixture("lille_en.txt", "en")
    assert keys["regional health agency"] == {"reg:ars-hauts-de-france"}
    assert keys["ARS"] == {"reg:ars-hauts-de-france"}
    assert keys["regional prefect"] == {"org:prefecture de la region hauts-de-france"}
    assert keys["prosecutor's office"] == {"org:parquet de lille"}


def test_a_text_about_lyon_names_the_rhone_prefecture_and_its_regional_chamber():
    keys = _fixture("lyon_fr.txt", "fr")
    # "la Préfecture, Action Logement et …" lists bodies: no title before a name
    assert keys["Préfecture"] == {"org:prefecture du rhone"}
    assert keys["chambre régionale des comptes"] == keys["CRC"] == {
        "org:chambre regionale des comptes auvergne-rhone-alpes"}


def test_an_english_text_about_marseille_names_its_police_prefecture_and_region():
    keys = _fixture("marseille_en.txt", "en")
    assert keys["police prefect"] == {"org:prefecture des bouches-du-rhone"}
    assert keys["regional health agency"] == {"reg:ars-provence-alpes-cote-d-azur"}
    assert keys["Region"] == {"reg:region-provence-alpes-cote-d-azur"}


def test_a_text_about_paris_keeps_the_paris_bodies():
    keys = _fixture("paris_fr.txt", "fr")
    assert keys["ARS"] == {"reg:ars-idf"}
    assert keys["préfecture de région"] == {"reg:prefecture-idf"}
    assert keys["préfet de police"] == {"reg:prefecture-de-police"}
    assert keys["CRC"] == {"reg:crc-idf"}
    assert keys["CAF"] == {"org:caf de paris"}


def test_the_place_of_the_sentence_wins_over_an_earlier_one():
    keys = _keys("À Lille, l'ARS a ouvert deux lits. À Bordeaux, l'ARS a fermé un service.",
                  "fr")
    assert keys["ARS"] == {"reg:ars-hauts-de-france", "reg:ars-nouvelle-aquitaine"}


def test_a_text_naming_no_place_keys_the_body_by_its_kind_alone():
    keys = _keys("L'ARS a publié la liste des services d'urgence fermés la nuit.", "fr")
    assert keys["ARS"] == {"org:ars"}


def test_every_written_form_of_an_area_gives_one_key():
    def key(text: str, lang: str) -> str:
        return find_institutions(text, lang)[0].key
    assert key("the Gironde prefecture", "en") == key("la préfecture de la Gironde", "fr") \
        == "org:prefecture de la gironde"
    assert key("Brittany Region", "en") == key("la Région Bretagne", "fr") == \
        "org:region bretagne"
    assert key("la Région Paca", "fr") == "org:region provence-alpes-cote d'azur"
    assert official_area("Nord", "") == ("Nord", "du")
    assert official_area("Vienne", "de") == ("Vienne", "de")  # as written


def test_a_place_lies_in_its_city_department_and_region():
    street = dict(containing("paris-18e"))
    assert (street["city"].id, street["department"].id, street["region"].id) == (
        "paris", "paris", "ile-de-france")
    lyon = dict(containing("lyon"))
    assert (lyon["department"].id, lyon["region"].id) == ("rhone", "auvergne-rhone-alpes")
    assert "department" not in dict(containing("villeurbanne"))  # no prefecture
    assert seat_key("Agence régionale de santé {place}", "Île-de-France") == "reg:ars-idf"
    assert seat_key("Métropole {place}", "Lyon") == "reg:metropole-de-lyon"
    assert seat_key("Métropole {place}", "Fort-de-France") is None  # known ones only


@pytest.mark.parametrize(("text", "lang"), [
    ("Il s'est rendu ensuite à la préfecture pour un dîner.", "fr"),
    ("The minister had dinner at the prefecture.", "en"),
])
def test_the_building_after_a_locative_word_is_no_reference(text, lang):
    assert find_references(text, lang) == []


def test_a_localised_acronym_stays_its_document_s_body_across_documents():
    def caf(doc: str, key: str) -> Mention:
        return Mention(document=doc, type="Organization", text="CAF", start=0, end=3, key=key,
                       source="registry:acronym")
    bordeaux = caf("b.txt", "org:caf de la gironde")
    paris = [caf("p.txt", "org:caf de paris"), caf("q.txt", "org:caf de paris")]
    resolver = Resolver()
    for mention in [bordeaux, *paris]:
        resolver.add([mention])
    assert resolver.settled([bordeaux])
    assert resolver.resolve(bordeaux).value == iris.entity("caf-de-la-gironde")
    assert resolver.resolve(paris[0]).value == iris.entity("caf-de-paris")


@pytest.mark.parametrize(("text", "lang", "surface", "key"), [
    ("L'ARS Paca a fermé deux services.", "fr", "ARS Paca", "reg:ars-provence-alpes-cote-d-azur"),
    ("L'ARS d'Occitanie a répondu.", "fr", "ARS d'Occitanie", "reg:ars-occitanie"),
    ("The Brittany Regional Health Agency said so.", "en", "Brittany Regional Health Agency",
     "reg:ars-bretagne"),
    ("La Région Sud financera le projet.", "fr", "Région Sud",
     "reg:region-provence-alpes-cote-d-azur"),
    ("Le conseil régional de Bretagne a voté.", "fr", "conseil régional de Bretagne",
     "reg:region-bretagne"),
    ("La Collectivité de Corse a voté.", "fr", "Collectivité de Corse", "reg:region-corse"),
])
def test_regional_agencies_and_councils_have_one_id_in_every_form(text, lang, surface, key):
    # the grammar's key of a council is its registry id's name ("org:region bretagne")
    assert {Resolver().entity_id(k) for k in _keys(text, lang)[surface]} == {key[4:]}


@pytest.mark.parametrize(("text", "lang", "surface", "key"), [
    ("Selon la Drees, le nombre de bénéficiaires a augmenté.", "fr", "Drees", "reg:drees"),
    ("La Fondation pour le logement des défavorisés et Emmaüs ont alerté le Défenseur des "
     "droits.", "fr", "Défenseur des droits", "reg:defenseur-des-droits"),
    ("France Nature Environnement (FNE) a saisi le Conseil d'État.", "fr", "FNE",
     "reg:france-nature-environnement"),
    ("The Court of Justice of the European Union ruled against France.", "en",
     "Court of Justice of the European Union", "reg:cour-de-justice-de-l-union-europeenne"),
    ("La CPME et l'U2P ont signé.", "fr", "U2P", "reg:u2p"),
    ("Terra Nova et l'Institut Montaigne publient une note.", "fr", "Institut Montaigne",
     "reg:institut-montaigne"),
])
def test_bodies_any_policy_news_names_are_known(text, lang, surface, key):
    assert _keys(text, lang)[surface] == {key}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le droit au logement opposable reste mal appliqué.", "fr"),
    ("Les jeunes agriculteurs peinent à s'installer.", "fr"),
    ("Les aides au logement baisseront en 2025.", "fr"),
])
def test_names_that_are_common_phrases_are_no_mentions_in_lower_case(text, lang):
    assert _keys(text, lang) == {}


def test_a_text_naming_no_place_is_about_the_place_the_other_documents_name():
    def org(doc: str, text: str, key: str) -> Mention:
        return Mention(document=doc, type="Organization", text=text, start=0, end=len(text),
                       key=key, source="registry:name")
    placed = [org("a.txt", "ARS", "reg:ars-idf"), org("b.txt", "ARS", "reg:ars-idf"),
              org("c.txt", "ARS", "reg:ars-occitanie")]
    placeless = org("d.txt", "Regional Health Agency", "org:ars")
    resolver = Resolver()
    assert not resolver.settled([placeless])  # written once the other documents are read
    for mention in [*placed, placeless]:
        resolver.add([mention])
    assert resolver.resolve(placeless).value == iris.entity("ars-idf")
    alone = Resolver()
    alone.add([placeless])
    assert alone.resolve(placeless).value == iris.entity("ars")


def test_a_text_naming_no_place_among_documents_on_several_places_stays_generic():
    def org(doc: str, text: str, key: str) -> Mention:
        return Mention(document=doc, type="Organization", text=text, start=0, end=len(text),
                       key=key, source="registry:name")
    # one document naming its chamber five times does not make it every text's chamber
    placed = [[org("a.txt", "CRC", "org:chambre regionale des comptes pays de la loire")] * 5,
              [org("b.txt", "CRC", "org:chambre regionale des comptes bretagne")],
              [org("c.txt", "CRC", "org:chambre regionale des comptes auvergne-rhone-alpes")]]
    placeless = org("d.txt", "Chambre régionale des comptes", "org:chambre regionale des comptes")
    resolver = Resolver()
    for mentions in [*placed, [placeless]]:
        resolver.add(mentions)
    assert resolver.resolve(placeless).value == iris.entity("chambre-regionale-des-comptes")


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("À Rennes, l'éclairage reste allumé. C'est en revanche le cas à Vannes, dans le "
     "Morbihan. Depuis lundi, un électricien reprogramme les lampadaires. Grâce à cette "
     "extinction, la mairie espère réduire sa facture de 10 %.", "fr", "org:ville de vannes"),
    ("In Rennes the street lights stay on. In Nantes they have been switched off. "
     "Since Monday an electrician has been reprogramming the lamps. The town hall hopes to "
     "cut its bill by 10%.", "en", "org:ville de nantes"),
])
def test_a_bare_council_is_the_city_the_passage_names_last(text: str, lang: str,
                                                           key: str) -> None:
    """Of several cities, the one named last in the sentence or the three before is the one
    a bare "la mairie", "the town hall" stands for; the text's first city is not."""
    assert set().union(*_keys(text, lang).values()) == {key}


def test_a_bare_council_far_from_any_city_names_none() -> None:
    text = ("À Rennes, l'éclairage reste allumé. C'est le cas à Vannes. Les lampadaires "
            "s'éteignent à minuit. Ils se rallument à cinq heures. Les habitants sont "
            "partagés. Les commerçants aussi. Enfin, la mairie espère réduire sa facture.")
    assert _keys(text, "fr") == {}


def test_a_city_named_inside_a_longer_place_name_is_not_the_passage_s_city() -> None:
    text = ("À Magny-les-Hameaux, les cours d'école sont végétalisées. Le Parc naturel "
            "régional de la Haute Vallée de Chevreuse a aidé pour les études. La Ville a "
            "travaillé avec les parents.")
    ville = [m for m in _mentions(text, "fr") if m.text == "Ville"]
    assert [m.key for m in ville] == ["org:ville de magny-les-hameaux"]


def test_a_lower_case_cour_before_a_name_is_a_yard_not_a_court() -> None:
    text = "La végétalisation de la cour Corot est finie ; la cour d'appel de Douai a statué."
    assert [m.text for m in _mentions(text, "fr") if m.type == "Organization"] == [
        "cour d'appel de Douai"]


@pytest.mark.parametrize(("text", "lang", "written"), [
    ("La cour administrative d'appel de Nantes a annulé le permis.", "fr",
     "cour administrative d'appel de Nantes"),
    ("The Nantes administrative court of appeal annulled the permit.", "en",
     "Nantes administrative court of appeal"),
])
def test_an_administrative_court_of_appeal_of_any_city(text: str, lang: str,
                                                       written: str) -> None:
    found = [m for m in _mentions(text, lang) if m.type == "Organization"]
    assert [(m.text, m.key) for m in found] == [
        (written, "org:cour administrative d'appel de nantes")]
