"""Institutions named by the place they serve, in any city and both languages, written for
these tests (not taken from the corpus or the field set)."""

from __future__ import annotations

import hashlib

import pytest

from extractor.mentions.find import extract_mentions
from extractor.mentions.institutions import find_institutions
from extractor.mentions.ministries import joint_ministries
from extractor.nlp.models import parse_batch
from extractor.records import Document
from tests.mentions.test_unseen_kinds import _entities, _mentions


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[i.start:i.end], i.key) for i in find_institutions(text, lang)]


def test_one_key_per_body_across_forms_and_languages():
    fr = found("La mairie de Lille et le maire de Lille ont signé avec la préfecture du Nord.", "fr")
    en = found("Lille city council and the prefect of the Nord signed.", "en")
    assert ("mairie de Lille", "org:ville de lille") in fr
    assert ("maire de Lille", "org:ville de lille") in fr
    assert ("Lille city council", "org:ville de lille") in en
    assert {k for _, k in fr} >= {"org:prefecture du nord"}


def test_several_bodies_named_at_once_are_one_each():
    fr = found("Les conseils départementaux du Nord et du Pas-de-Calais ont voté.", "fr")
    assert [k for _, k in fr] == ["org:conseil departemental du nord",
                                  "org:conseil departemental du pas-de-calais"]
    en = found("The Lille and Douai courts of appeal ruled on Monday.", "en")
    assert [k for _, k in en] == ["org:cour d'appel de lille", "org:cour d'appel de douai"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Les maires de Vierzon et de Bourges ont écrit au préfet.", "fr",
     [("maires de Vierzon", "org:ville de vierzon"), ("Bourges", "org:ville de bourges")]),
    ("Les préfets du Cher et de l'Indre ont pris un arrêté.", "fr",
     [("préfets du Cher", "org:prefecture du cher"), ("Indre", "org:prefecture de l'indre")]),
    ("The mayors of Vierzon and Bourges wrote to the prefect.", "en",
     [("mayors of Vierzon", "org:ville de vierzon"), ("Bourges", "org:ville de bourges")]),
])
def test_office_holders_named_at_once_are_one_office_each(text: str, lang: str,
                                                          expected: list) -> None:
    assert [x for x in found(text, lang) if x[1] != "org:prefecture"] == expected
    assert all(i.office for i in find_institutions(text, lang) if "Vierzon" in text[i.start:])


def test_a_name_after_an_office_plural_is_no_place_of_it():
    # "France" is a place, "Jacques Pélissard" its holder's name: no coordination
    assert found("Le président des maires de France, Jacques Pélissard, a critiqué.", "fr") == []


def test_a_place_reading_and_a_title_are_not_the_body():
    assert found("Il habite dans la ville de Lille depuis 2019.", "fr") == []
    assert found("La deuxième ville de France attend.", "fr") == []


def test_a_text_about_another_city_gives_its_bodies():
    text = ("La Métropole européenne de Lille et la Ville de Roubaix financeront un centre "
            "d'accueil. Le maire de Roubaix a salué l'accord. La métropole versera 2 M€.")
    doc = Document(id="t.txt", path="t.txt", text=text, lang="fr",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   published="2026-03-02")
    orgs = {(m.text, m.key) for m in extract_mentions(doc, parse_batch([doc])[0])
            if m.type == "Organization"}
    assert ("Ville de Roubaix", "org:ville de roubaix") in orgs
    assert ("maire de Roubaix", "org:ville de roubaix") in orgs
    metropolis = {k for t, k in orgs if "étropole" in t}
    # "la métropole" is the one named, which the registry knows
    assert metropolis == {"reg:metropole-europeenne-de-lille"}


def test_a_name_with_a_particle_is_whole():
    """The small models cut "Le Drian" after "Le" and miss "von der Leyen"; a possessive
    "'s" is no part of the name."""
    for text, lang in [("Jean-Yves Le Drian a annoncé un plan. Charles de Gaulle est cité.", "fr"),
                       ("Ursula von der Leyen said that Jean-Yves Le Drian met Charles de "
                        "Gaulle's heirs.", "en")]:
        doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="x",
                       media_type="text/plain", published="2025-01-01")
        persons = {m.text for m in extract_mentions(doc, parse_batch([doc])[0])
                   if m.type == "Person"}
        assert {"Jean-Yves Le Drian", "Charles de Gaulle"} <= persons
        assert lang == "fr" or "Ursula von der Leyen" in persons


def test_a_name_with_an_arabic_particle_is_whole():
    text = "La ministre du Travail Myriam El Khomri a signé la convention avec Mohamed Ben Ali."
    doc = Document(id="t.txt", path="t.txt", text=text, lang="fr", sha256="x",
                   media_type="text/plain", published="2016-03-01")
    persons = {m.text for m in extract_mentions(doc, parse_batch([doc])[0])
               if m.type == "Person"}
    assert {"Myriam El Khomri", "Mohamed Ben Ali"} <= persons


def test_a_ministry_named_by_portfolios_the_registry_does_not_know_together() -> None:
    text = ("Dans un communiqué le ministère de l’Aménagement du territoire et de la Transition "
            "écologique réaffirme l’attachement de l’État au projet.")
    found = [(text[f.start:f.end], f.key) for f in joint_ministries(text, "fr")]
    assert found == [("ministère de l’Aménagement du territoire et de la Transition écologique",
                      "ministere-de-la-transition-ecologique")]


@pytest.mark.parametrize(("text", "names"), [
    ("Le Fonds paritaire de sécurisation des parcours professionnels (FPSPP) finance les "
     "formations.", {"Fonds paritaire de sécurisation des parcours professionnels", "FPSPP"}),
    ("La Sous-direction de la lutte contre la cybercriminalité (SDLC) enquête.",
     {"Sous-direction de la lutte contre la cybercriminalité", "SDLC"}),
])
def test_an_official_name_written_with_one_capital_and_its_acronym(text: str,
                                                                  names: set[str]) -> None:
    assert names <= {name for kind, name in _entities(text, "fr") if kind == "Organization"}


@pytest.mark.parametrize(("text", "lang", "name", "key"), [
    ("Le tribunal de commerce de Mâcon a autorisé la reprise de la faïencerie.", "fr",
     "tribunal de commerce de Mâcon", "org:tribunal de commerce de macon"),
    ("The Mâcon commercial court approved the takeover.", "en", "Mâcon commercial court",
     "org:tribunal de commerce de macon"),
    ("La chambre d'agriculture de la Gironde a dénoncé le plan.", "fr",
     "chambre d'agriculture de la Gironde", "org:chambre d'agriculture de la gironde"),
    ("La CCI de Lyon a présenté son bilan.", "fr", "CCI de Lyon",
     "org:chambre de commerce et d'industrie de lyon"),
    ("Le conseil de prud'hommes de Nantes a condamné l'entreprise.", "fr",
     "conseil de prud'hommes de Nantes", "org:conseil de prud'hommes de nantes"),
])
def test_courts_and_chambers_of_a_place(text: str, lang: str, name: str, key: str) -> None:
    assert (name, key) in found(text, lang)


@pytest.mark.parametrize(("text", "written", "key"), [
    ("La Région Centre Val-de-Loire recrute des médecins.", "Région Centre Val-de-Loire",
     "org:region centre-val de loire"),
    ("Le département de Seine Saint Denis a voté.", "département de Seine Saint Denis",
     "org:conseil departemental de seine-saint-denis"),
    ("Le conseil départemental des Bouches du Rhône a voté.",
     "conseil départemental des Bouches du Rhône",
     "org:conseil departemental des bouches-du-rhone"),
])
def test_an_area_written_with_spaces_for_hyphens_is_whole(text: str, written: str,
                                                          key: str) -> None:
    assert (written, key) in found(text, "fr")


def test_a_student_services_body_is_named_by_its_city() -> None:
    text = "Le CROUS de Bordeaux a construit 400 logements. Le Crous a aussi rénové 200 chambres."
    mentions = {(m.text, m.key) for m in _mentions(text, "fr")}
    assert ("CROUS de Bordeaux", "org:crous de bordeaux") in mentions
    assert ("Crous", "org:crous de bordeaux") in mentions


def test_a_department_s_fire_service_by_its_name_or_its_code() -> None:
    """"SDIS 63" is the Puy-de-Dôme's, one body with "le SDIS du Puy-de-Dôme"."""
    fr = found("Le SDIS 63 et le SDIS29 ont reçu des camions ; le Service départemental "
               "d'incendie et de secours du Puy-de-Dôme en attend d'autres.", "fr")
    assert [k for _, k in fr] == ["org:sdis du puy-de-dome", "org:sdis du finistere",
                                  "org:sdis du puy-de-dome"]
    assert found("The SDIS 13 sent two planes.", "en") == [("SDIS 13", "org:sdis des bouches-du-rhone")]
    assert found("Le SDIS 99 et le SDIS 2024 ont parlé.", "fr") == []  # no such department


@pytest.mark.parametrize(("text", "lang", "body"), [
    ("La DGAC a publié jeudi un bilan du couvre-feu.", "fr", "DGAC"),
    ("Les dossiers ont été transmis à l'Acnusa.", "fr", "Acnusa"),
    ("The French Civil Aviation Authority said flights would resume.", "en",
     "French Civil Aviation Authority"),
])
def test_national_bodies_of_aviation_news_are_known(text: str, lang: str, body: str) -> None:
    assert ("Organization", body) in _entities(text, lang)


def test_the_places_a_route_joins_are_each_a_place() -> None:
    """"les lignes Aurillac-Paris, Rodez-Paris": Aurillac, Paris, Rodez; a station named after
    two towns in a list of sites stays whole."""
    places = [m.text for m in _mentions(
        "L'État finance les lignes aériennes Aurillac-Paris et Rodez-Paris.", "fr")
        if m.type == "Place"]
    assert places == ["Aurillac", "Paris", "Rodez", "Paris"]
    assert ("Place", "Saint-Denis") in _entities("Le maire de Saint-Denis a visité la ligne.", "fr")


@pytest.mark.parametrize(("text", "places"), [
    # a town whose name has a hyphen keeps it; the article opening a town's name is its own
    ("Les liaisons concernées : Saint-Étienne-Roanne (8 suppressions) et Grenoble.",
     ["Saint-Étienne", "Roanne", "Grenoble"]),
    ("L'État aide aussi la ligne La Rochelle-Poitiers-Lyon depuis 2019.",
     ["La Rochelle", "Poitiers", "Lyon"]),
])
def test_a_route_is_cut_into_the_fewest_known_places(text: str, places: list[str]) -> None:
    assert [m.text for m in _mentions(text, "fr") if m.type == "Place"] == places


@pytest.mark.parametrize(("text", "name"), [
    ("L'Observatoire des nuisances aéroportuaires a publié un rapport.",
     "Observatoire des nuisances aéroportuaires"),  # the adjective tagged a noun
    ("L'Union des syndicats agricoles bretons a publié un rapport.",
     "Union des syndicats agricoles bretons"),
    ("La Société française de colposcopie et de pathologie cervico-vaginale a publié un avis.",
     "Société française de colposcopie et de pathologie cervico-vaginale"),
    ("La communauté de communes du Pays de Questembert a voté la redevance.",
     "communauté de communes du Pays de Questembert"),
])
def test_an_official_name_is_read_to_its_end(text: str, name: str) -> None:
    assert name in {t for kind, t in _entities(text, "fr") if kind == "Organization"}


def test_a_place_ends_an_official_name_before_a_conjunction() -> None:
    text = ("Le Comité régional de conchyliculture de Méditerranée et de partenaires "
            "techniques ont signé.")
    assert "Comité régional de conchyliculture de Méditerranée" in {
        t for kind, t in _entities(text, "fr") if kind == "Organization"}


def test_a_capitalised_headline_s_years_are_no_acronym() -> None:
    """A short acronym inside a run of capitals is a word of it ("10 ANS": years); in running
    text it is the body ("les crédits de l'ANS": the Agence nationale du sport)."""
    assert not [m for m in _mentions("IL Y A 10 ANS, LE CENTRE OUVRAIT. Le maire a parlé.", "fr")
                if m.text == "ANS"]
    assert [m.text for m in _mentions("Les crédits de l'ANS ont baissé.", "fr")
            if m.type == "Organization"] == ["ANS"]


@pytest.mark.parametrize(("text", "lang", "name", "key"), [
    ("La sous-préfète de Bayonne a signé l'arrêté.", "fr", "sous-préfète de Bayonne",
     "org:sous-prefecture de bayonne"),
    ("The sub-prefect of Arles issued the order on Monday.", "en", "sub-prefect of Arles",
     "org:sous-prefecture d'arles"),
])
def test_a_sub_prefect_is_the_sub_prefecture_not_the_prefecture(text: str, lang: str,
                                                                 name: str, key: str) -> None:
    assert (name, key) in [(m.text, m.key) for m in _mentions(text, lang)
                           if m.type == "Organization"]


def test_a_town_called_a_departments_sub_prefecture_is_no_body() -> None:
    found = _entities("Il s'est rendu à Montargis, la sous-préfecture du Loiret.", "fr")
    assert not [name for kind, name in found if kind == "Organization"]
    assert ("Place", "Montargis") in found


@pytest.mark.parametrize(("text", "name", "key"), [
    ("La ministre chargée des Transports a annoncé une aide aux lignes aériennes.",
     "ministre chargée des Transports", "reg:ministere-des-transports"),
    ("Selon le ministre délégué chargé de la Santé et de la Prévention, 117 000 élèves sont "
     "vaccinés.", "ministre délégué chargé de la Santé et de la Prévention",
     "reg:ministere-de-la-sante"),
])
def test_a_minister_by_the_title_of_a_known_portfolio_is_the_ministry(text: str, name: str,
                                                                      key: str) -> None:
    assert (name, key) in [(m.text, m.key) for m in _mentions(text, "fr")]


def test_a_titled_minister_named_after_the_title_is_the_person() -> None:
    found = _entities("La ministre chargée des Transports, Élisabeth Borne, a annoncé une aide.",
                      "fr")
    assert ("Person", "Élisabeth Borne") in found
    assert not [name for kind, name in found if kind == "Organization"]
