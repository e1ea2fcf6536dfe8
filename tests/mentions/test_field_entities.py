"""Actors of the field set's newest tune texts, fixed by general rules (issue 16) and tested
on sentences written for these tests: a portfolio after a minister's title is no person, an
initial and a surname are the full name the text gives, a municipality written "commune de
X" or a capitalised "Conseil municipal" is the city's council, and a national body's English
name without "French" is the registry's body."""

from __future__ import annotations

import pytest

from extractor.mentions.portfolios import is_portfolio
from extractor.mentions.registry import load_registry
from tests.mentions.test_generalising_entities import _keyed, _mentions


def test_a_portfolio_after_a_ministers_title_is_no_person():
    text = ("Le préfet est venu à Lille, accompagné des ministres des Armées, de la Culture, "
            "et du maire. Le ministre Darmanin a cité « Intérieur, Santé, Armées ».")
    persons = {t for t, _ in _keyed(text, "fr", "Person")}
    assert not {"des Armées", "Armées"} & persons
    assert "Darmanin" in persons  # a surname after the title stays a person


def test_a_portfolio_word_is_read_from_the_registrys_ministries():
    assert is_portfolio("des Comptes") and is_portfolio("de la Justice")
    assert not is_portfolio("de Villepin") and not is_portfolio("Darmanin")


def test_an_initial_and_a_surname_are_the_full_name_the_text_gives():
    text = ("Le rapport a été envoyé à J. Dupontel, maire depuis 2014. Jacques Dupontel a "
            "répondu le 30 août.")
    keys = {m.key for m in _mentions(text, "fr") if m.type == "Person"}
    assert keys == {"per:jacques dupontel"}


def test_a_civility_is_no_initial():
    text = "M. Dupontel a répondu. Michel Dupontel et Marc Dupontel ont signé."
    found = {(m.text, m.key) for m in _mentions(text, "fr") if m.type == "Person"}
    assert ("M. Dupontel", "per:michel dupontel") not in found


def test_the_commune_of_a_city_is_its_council_but_the_place_after_a_locative():
    text = ("La chambre a contrôlé la gestion de la commune de Nantes. Le maire habite dans "
            "la commune de Rezé.")
    orgs = _keyed(text, "fr", "Organization")
    assert ("commune de Nantes", "org:ville de nantes") in orgs
    assert not any(t.startswith("commune de Rez") for t, _ in orgs)


def test_a_capitalised_council_reference_is_the_citys_council():
    text = "La chambre a contrôlé les comptes de Nantes. Le Conseil municipal en débattra."
    assert ("Conseil municipal", "org:ville de nantes") in _keyed(text, "fr", "Organization")


def test_a_mayors_title_before_an_initialled_name_is_no_body():
    text = "La chambre a contrôlé les comptes de Nantes. Le maire, J. Dupontel, a répondu."
    assert not any(t == "maire" for t, _ in _keyed(text, "fr", "Organization"))


def test_a_national_bodys_english_name_without_french_is_the_registrys_body():
    text = ("The Senate adopted the bill; the Upper House had until Sunday. The National "
            "Police and the Defence Ministry were consulted.")
    orgs = _keyed(text, "en", "Organization")
    assert {("Senate", "reg:senat"), ("Upper House", "reg:senat"),
            ("National Police", "reg:police-nationale"),
            ("Defence Ministry", "reg:ministere-des-armees")} <= orgs


def test_every_french_qualified_capitalised_english_name_names_the_body_unqualified():
    registry = load_registry()
    for actor in registry.actors.values():
        for name in (dict(actor.labels).get("en", ""), *actor.aliases):
            rest = name.removeprefix("French ")
            if rest != name and rest[:1].isupper():
                assert registry.lookup(rest) == actor.id, name


def test_a_lower_case_description_is_not_a_name_without_its_adjective():
    text = "The national statistics institute published its figures."
    assert not _keyed(text, "en", "Organization")


def test_portfolios_after_a_plural_title_are_each_a_ministry():
    text = ("Le préfet était à Lille, accompagné des ministres de la Santé, de la Justice, et "
            "du maire. Les ministres de la Culture et du Travail ont signé.")
    orgs = _keyed(text, "fr", "Organization")
    assert {("ministres de la Santé", "reg:ministere-de-la-sante"),
            ("Justice", "reg:ministere-de-la-justice"),
            ("ministres de la Culture", "reg:ministere-de-la-culture"),
            ("Travail", "reg:ministere-du-travail")} <= orgs


def test_a_quoted_list_of_portfolios_names_each_ministry():
    text = ('Il a appelé les ministères : « Santé, Armées, Culture et Communication », '
            "soulignant l'enjeu.")
    orgs = _keyed(text, "fr", "Organization")
    assert {("Santé", "reg:ministere-de-la-sante"), ("Armées", "reg:ministere-des-armees"),
            ("Culture et Communication", "reg:ministere-de-la-culture")} <= orgs


def test_a_list_of_places_after_a_plural_title_is_no_ministry():
    text = "Les ministres de Lyon et de Paris se sont réunis. Les ministres Dupont et Durand aussi."
    assert not any(k and k.startswith("reg:ministere")
                   for _, k in _keyed(text, "fr", "Organization"))


def test_a_mayors_title_before_an_adjective_and_a_name_is_no_body():
    text = ("Le plan de Marseille a été présenté. Il a dîné avec le maire socialiste Benoît "
            "Payan. Le maire a répondu.")
    orgs = [m for m in _mentions(text, "fr") if m.type == "Organization" and m.text == "maire"]
    assert len(orgs) == 1 and orgs[0].start > text.index("Payan")


def test_a_body_written_only_with_its_capital_is_no_place_after_a_locative():
    text = "La chambre a contrôlé Nantes. Ses six recommandations à la Ville sont publiées."
    assert ("Ville", "org:ville de nantes") in _keyed(text, "fr", "Organization")


def test_a_regional_chamber_named_with_its_region_right_after_it():
    text = ("La Chambre Régionale des Comptes Provence-Alpes-Côte d'Azur a publié son rapport. "
            "Elle en a débattu.")
    orgs = _keyed(text, "fr", "Organization")
    assert ("Chambre Régionale des Comptes Provence-Alpes-Côte d'Azur",
            "org:chambre regionale des comptes provence-alpes-cote d'azur") in orgs


def test_a_region_written_with_a_space_for_a_hyphen_is_whole_in_a_bodys_name():
    text = "La Chambre régionale des comptes Nouvelle Aquitaine a publié son rapport."
    orgs = _keyed(text, "fr", "Organization")
    assert ("Chambre régionale des comptes Nouvelle Aquitaine",
            "org:chambre regionale des comptes nouvelle-aquitaine") in orgs


_VALENCE = ("Le 3 mai 2017, la Chambre Régionale des Comptes Auvergne-Rhône Alpes (CRC-ARA) a "
            "arrêté ses observations définitives concernant la gestion de la commune de Valence "
            "durant les années 2010 à 2015.")


def test_an_acronym_defined_for_a_body_is_no_place():
    found = {(m.type, m.text) for m in _mentions(_VALENCE, "fr")}
    assert ("Place", "CRC-ARA") not in found and ("Organization", "CRC-ARA") in found


def test_a_place_the_model_ran_into_a_bodys_name_is_not_kept():
    places = {t for t, _ in _keyed(_VALENCE, "fr", "Place")}
    assert "Auvergne-Rhône Alpes" in places
    assert not any(t.startswith("Comptes") for t in places)


def test_a_citys_possessive_council_is_its_council():
    text = "Marseille's city hall signed the deal; Nantes's town hall objected."
    orgs = _keyed(text, "en", "Organization")
    assert {("Marseille's city hall", "org:ville de marseille"),
            ("Nantes's town hall", "org:ville de nantes")} <= orgs


def test_a_role_does_not_run_over_its_clauses_verb():
    text = ("Le préfet du Tarn a salué l'accord, tout comme le maire d'Albi, Stéphanie "
            "Guiraud-Chaumeil.")
    roles = {m.text: m.role for m in _mentions(text, "fr") if m.type == "Person"}
    assert roles == {"Stéphanie Guiraud-Chaumeil": "maire d'Albi"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Crack à Stalingrad : l'avertissement du préfet à Anne Hidalgo avant l'évacuation.", "fr"),
    ("The prefect's warning to Anne Hidalgo came before the evacuation.", "en"),
])
def test_a_title_before_a_preposition_is_not_the_next_names(text: str, lang: str):
    roles = {m.text: m.role for m in _mentions(text, lang) if m.type == "Person"}
    assert roles == {"Anne Hidalgo": None}


def test_a_title_after_one_name_is_not_the_next_names_and_a_body_may_lead_a_title():
    text = ("The loan was signed by Marc Dubreuil, President of the Lyon Metropolis, and "
            "Claire Fontanel, EIB Vice-President.")
    roles = {m.text: m.role for m in _mentions(text, "en") if m.type == "Person"}
    assert roles == {"Marc Dubreuil": "President of the Lyon Metropolis",
                     "Claire Fontanel": "EIB Vice-President"}


def test_a_daily_named_by_its_title_alone_but_not_the_liberation_of_1944():
    text = ("Selon Libération et Le Monde diplomatique, la ville a changé depuis la "
            "Libération ; le Guardian l'a écrit sur LinkedIn.")
    orgs = _keyed(text, "fr", "Organization")
    assert {("Libération", "reg:liberation"), ("Guardian", "reg:the-guardian"),
            ("Le Monde diplomatique", "reg:le-monde-diplomatique"),
            ("LinkedIn", "reg:linkedin")} <= orgs
    assert len([t for t, _ in orgs if t == "Libération"]) == 1
    assert [m.start for m in _mentions(text, "fr") if m.text == "Libération"] == [6]


def test_a_partys_group_is_the_party_by_its_common_word_name():
    text = "Le groupe Renaissance et le groupe Horizons ont voté ; la renaissance tarde."
    orgs = _keyed(text, "fr", "Organization")
    assert orgs == {("groupe Renaissance", "reg:renaissance"),
                    ("groupe Horizons", "reg:horizons")}


def test_a_compass_word_that_is_a_verb_makes_no_district():
    text = "La renaissance du quartier est lente à Lyon. Les quartiers est attendent."
    places = {t for t, _ in _keyed(text, "fr", "Place")}
    assert "quartier est" not in places and "quartiers est" in places


def test_the_city_an_area_of_it_is_named_by_is_a_place_too():
    text = "The camp, in the northeast of Paris, was dismantled."
    assert {"northeast of Paris", "Paris"} <= {t for t, _ in _keyed(text, "en", "Place")}


def test_a_paris_sites_arrondissement_in_brackets_is_a_place():
    text = ("À Paris, une salle adossée à l'hôpital Saint-Louis (10e) existe ; la version (2e) "
            "du rapport et le 18e siècle (XVIIIe) n'en sont pas.")
    places = {t: k for t, k in _keyed(text, "fr", "Place")}
    assert places.get("10e") == "geo:paris-10e"
    assert "2e" not in places and "XVIIIe" not in places


def test_bodies_the_press_names_by_their_acronyms():
    text = "L'IGA et l'Igas ont rendu un rapport, selon LeJDD."
    assert {("IGA", "reg:iga"), ("Igas", "reg:igas"), ("LeJDD", "reg:journal-du-dimanche")} \
        <= _keyed(text, "fr", "Organization")


def test_a_type_word_inside_a_registry_bodys_name_makes_no_place():
    text = "Most hospitals are in deficit, says the FHF, the French Hospital Federation."
    assert not any(t.startswith("French Hospital") for t, _ in _keyed(text, "en", "Place"))


def test_more_names_of_known_bodies_and_areas():
    text = ("Le plan, élaboré avec la Préfecture de Paris et de région, vise le nord-est de la "
            "capitale.")
    assert ("Préfecture de Paris et de région", "reg:prefecture-idf") in \
        _keyed(text, "fr", "Organization")
    assert ("nord-est de la capitale", "geo:nord-est-parisien") in _keyed(text, "fr", "Place")


def test_a_body_named_only_inside_a_persons_role_is_no_mention():
    text = ("La Ville de Paris ouvrira une salle, explique Anne Souyris, l'adjointe à la mairie "
            "en charge de la santé publique. La mairie a confirmé.")
    found = [m.text for m in _mentions(text, "fr") if m.type == "Organization"]
    assert found == ["Ville de Paris", "mairie"]


def test_a_citys_reference_inside_a_persons_role_is_no_mention():
    text = ("La Ville de Lyon ouvrira une salle, explique Jean Dupontel, l'adjoint à la mairie "
            "en charge du logement. La mairie a confirmé.")
    found = [m.text for m in _mentions(text, "fr") if m.type == "Organization"]
    assert found == ["Ville de Lyon", "mairie"]


def test_a_name_before_a_lower_case_head_is_keyed_without_it() -> None:
    text = "A user in the Argos room run by the Ithaque association in Strasbourg."
    assert ("Ithaque association", "org:ithaque") in _keyed(text, "en", "Organization")


def test_a_surname_the_model_typed_as_a_body_is_the_person_named_in_full():
    from extractor.mentions.document_names import surnames_typed_as_bodies
    from extractor.records import Mention

    def m(kind: str, text: str, start: int, key: str | None, source: str) -> Mention:
        return Mention(document="d", type=kind, text=text, start=start, end=start + len(text),
                       sentence=0, key=key, source=source)

    found = surnames_typed_as_bodies([
        m("Person", "Manuel Valls", 0, "per:manuel valls", "ner"),
        m("Organization", "Valls", 40, "org:valls", "ner"),
        m("Place", "Beaune", 60, "geo:beaune", "gazetteer"),  # not the model's: kept
        m("Organization", "Castex", 80, "org:castex", "ner")])  # no one of that name
    assert [(f.type, f.key) for f in found] == [
        ("Person", "per:manuel valls"), ("Person", "per:manuel valls"),
        ("Place", "geo:beaune"), ("Organization", "org:castex")]


def test_a_bodys_capitalised_head_after_its_full_name_is_that_body():
    text = ("La Cour des comptes a publié un rapport. Le programme « répond bien aux "
            "objectifs », estime la Cour. La Cour de cassation n'a rien dit ; la cour de "
            "l'immeuble est fermée.")
    heads = [(m.text, m.key, m.source) for m in _mentions(text, "fr")
             if m.type == "Organization" and m.text in ("Cour", "cour")]
    # not "la cour" of a building, nor the start of another court's name
    assert heads == [("Cour", "reg:cour-des-comptes", "document:head")]


def test_a_name_s_first_word_that_is_no_head_noun_names_no_body_alone():
    text = ("The French government has told the operators to work together. This agreement "
            "will change the daily life of the French, the minister said.")
    assert not [m for m in _mentions(text, "en") if m.text == "French"]


def test_a_head_the_model_read_as_a_body_of_its_own_is_the_body_named_before():
    text = ("The Court of Audit published its review of the scheme. The Court adds that the "
            "targets were missed.")
    heads = [(m.text, m.key) for m in _mentions(text, "en") if m.text == "Court"]
    assert heads == [("Court", "reg:cour-des-comptes")]


def test_a_town_and_its_bracketed_department_are_two_places_not_a_body():
    text = "Les tracteurs ont bloqué le marché de Rungis (Val-de-Marne) et Treffiagat (Finistère)."
    places = {(m.text, m.key) for m in _mentions(text, "fr") if m.type == "Place"}
    orgs = [m.text for m in _mentions(text, "fr") if m.type == "Organization"]
    assert {("Val-de-Marne", "geo:val-de-marne"), ("Finistère", "geo:finistere")} <= places
    assert not [o for o in orgs if "(" in o]  # never a name cut inside its brackets


def test_a_chain_of_titles_after_a_name_is_the_persons_role_not_a_body():
    text = ("Paul Girard, préfet de la région Occitanie, préfet de la Haute-Garonne, a signé "
            "l'arrêté lundi.")
    found = _mentions(text, "fr")
    roles = {m.text: m.role for m in found if m.type == "Person"}
    assert roles == {"Paul Girard": "préfet de la région Occitanie, préfet de la Haute-Garonne"}
    assert not [m for m in found if m.type == "Organization"]  # his titles, no body mention


def test_a_compass_word_ends_the_area_an_institution_serves_and_its_start_names_it_again():
    text = ("The Communauté de communes du Pays Bigouden Sud is in charge of the works. The "
            "Communauté de communes will also build two dykes.")
    orgs = [(m.text, m.key) for m in _mentions(text, "en") if m.type == "Organization"]
    key = "org:communaute de communes du pays bigouden sud"
    assert orgs == [("Communauté de communes du Pays Bigouden Sud", key),
                    ("Communauté de communes", key)]


@pytest.mark.parametrize(("text", "lang", "committee"), [
    ("Le ministre a été auditionné par la commission des affaires sociales du Sénat.", "fr",
     "commission des affaires sociales du Sénat"),
    ("Elle a été entendue par la commission\ndes finances de l'Assemblée nationale mardi.", "fr",
     "commission\ndes finances de l'Assemblée nationale"),
    ("The Senate's economic affairs committee heard the minister on Tuesday.", "en",
     "Senate's economic affairs committee"),
])
def test_a_committee_named_with_its_chamber_is_a_body_beside_the_chamber(
        text: str, lang: str, committee: str) -> None:
    orgs = {m.text for m in _mentions(text, lang) if m.type == "Organization"}
    assert committee in orgs and orgs & {"Sénat", "Assemblée nationale", "Senate"}


def test_a_sentence_between_a_committee_word_and_a_chamber_is_no_name() -> None:
    text = "La commission a adopté le texte voté par les membres du Sénat."
    assert not [m for m in _mentions(text, "fr") if m.text.startswith("commission")]


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Le projet de loi a été largement adopté au Sénat en juin puis à l'Assemblée en juillet.",
     "fr", "Assemblée"),
])
def test_a_name_the_finder_ran_into_a_date_ends_before_it(text: str, lang: str, name: str):
    orgs = {m.text for m in _mentions(text, lang) if m.type == "Organization"}
    assert name in orgs and not any("juillet" in o for o in orgs)


def test_a_department_after_a_locative_and_its_adjectives_is_the_area():
    text = ("Some of the drug traffickers will be housed at a prison in the northern French "
            "Pas-de-Calais department by late July.")
    found = {(m.type, m.text) for m in _mentions(text, "en")}
    assert ("Place", "Pas-de-Calais") in found
    assert not any(t == "Organization" for t, _ in found)
    text = ("Le plan lutte contre le crack qui gangrène le nord-est de Paris en associant la "
            "municipalité aux services de l'État.")
    assert ("Organization", "municipalité") in {(m.type, m.text) for m in _mentions(text, "fr")}


def test_a_title_a_day_and_an_elided_word_in_names():
    text = ("Vendredi, la ministre a parlé du Pass Culture, totem de la politique du Président "
            "Macron, dans le quartier de la Fontaine-d'Ouche à Dijon.")
    found = {(m.type, m.text) for m in _mentions(text, "fr")}
    assert {("Person", "Macron"), ("Place", "Fontaine-d'Ouche")} <= found
    assert not {("Place", "Vendredi"), ("Person", "Président Macron")} & found


def test_a_number_in_a_known_bodys_name_counts_nothing():
    text = "The lawsuit filed by the Utopia 56 charity on behalf of 300 migrants was rejected."
    counted = {(m.text, m.value) for m in _mentions(text, "en") if m.type == "Quantity"}
    assert counted == {("300 migrants", 300.0)}


def test_a_body_the_grammar_names_inside_a_persons_title_is_a_mention():
    text = ("Valérie Pécresse, présidente de la région Ile-de-France, réclame 4 milliards. "
            "Emmanuel Grégoire, 1er adjoint à la maire de Paris, a signé.")
    orgs = {m.text for m in _mentions(text, "fr") if m.type == "Organization"}
    assert "région Ile-de-France" in orgs and not any("maire" in o for o in orgs)
