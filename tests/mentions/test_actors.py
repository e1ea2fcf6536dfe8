import pytest

from extractor.mentions.acronyms import acronym_definitions
from extractor.mentions.actors import find_actors


def _found(nlp, text, lang):
    doc = nlp(text)
    return [(f.type, text[f.start:f.end], f.key, f.role) for f in find_actors(doc, lang)]


def test_person_with_role_after_name(nlp_fr):
    got = _found(nlp_fr, "Le ministre a reçu Laurent Nuñez, préfet de police de Paris, hier.", "fr")
    person = [g for g in got if g[0] == "Person"]
    assert person == [("Person", "Laurent Nuñez", "laurent-nunez", "préfet de police de Paris")]
    assert not any(g[1] == "préfet de police de Paris" for g in got if g[0] == "Organization")


def test_person_with_role_before_name(nlp_fr):
    text = "Le préfet de la région d'Île-de-France, préfet de Paris, Michel Cadot, a présidé."
    got = _found(nlp_fr, text, "fr")
    assert ("Person", "Michel Cadot", "michel-cadot",
            "préfet de la région d'Île-de-France, préfet de Paris") in got
    assert [g for g in got if g[0] == "Organization"] == []


def test_unnamed_office_holder_is_the_organisation(nlp_fr):
    got = _found(nlp_fr, "La procureure de Paris a instauré une cellule.", "fr")
    assert ("Organization", "procureure de Paris", "parquet-de-paris", None) in got


def test_unknown_person_found_by_ner_with_role(nlp_en):
    text = "The report was criticised by Jean-Louis Loirat, the chairman of the Oppelia association."
    got = _found(nlp_en, text, "en")
    assert any(g[0] == "Person" and g[1] == "Jean-Louis Loirat" for g in got)


def test_unknown_association_found_by_head_noun(nlp_fr):
    text = "L'association Gaïa Paris gère un centre d'accueil."
    got = _found(nlp_fr, text, "fr")
    assert any(g[0] == "Organization" and "Gaïa" in g[1] for g in got), got


@pytest.mark.parametrize("text,expected", [
    ("la chambre régionale des comptes (CRC) d'Île-de-France", ("chambre régionale des comptes", "CRC")),
    ("Agence nationale de la recherche (ANR)", ("Agence nationale de la recherche", "ANR")),
])
def test_acronym_definitions(text, expected):
    (ns, ne, as_, ae), = acronym_definitions(text)
    assert (text[ns:ne], text[as_:ae]) == expected


def test_no_acronym_definition_without_matching_initials():
    assert acronym_definitions("des usagers (environ 700 places)") == []


@pytest.mark.parametrize("text,name,role", [
    ("Responding, Jean-Louis Loirat, the chairman of the Oppelia association, noted it.",
     "Jean-Louis Loirat", "chairman of the Oppelia association"),
    ("Julie Poissier ; Responsable des relations presse ; T 01 42 98 97 43",
     "Julie Poissier", "Responsable des relations presse"),
])
def test_roles_after_separators_and_determiners(nlp_fr, nlp_en, text, name, role):
    nlp, lang = (nlp_en, "en") if "Responding" in text else (nlp_fr, "fr")
    got = [g for g in _found(nlp, text, lang) if g[0] == "Person"]
    assert got and got[0][1] == name and got[0][3] == role


def test_given_name_rule_finds_persons_the_model_misses(nlp_fr):
    got = _found(nlp_fr, "Crédit photo : Eric DESSONS pour le journal.", "fr")
    assert ("Person", "Eric DESSONS", None, None) in got


def test_city_government_needs_a_capital(nlp_fr):
    gov = _found(nlp_fr, "La Ville de Marseille financera 2 M€.", "fr")
    assert any(g[0] == "Organization" and g[1] == "Ville de Marseille" for g in gov)
    city = _found(nlp_fr, "Il habite dans la ville de Marseille depuis 2019.", "fr")
    assert not any(g[0] == "Organization" for g in city)


def test_contextual_name_needs_the_full_name_in_the_text(nlp_fr):
    alone = _found(nlp_fr, "La municipalité a rappelé son soutien.", "fr")
    assert not any(g[2] == "ville-de-paris" for g in alone)
    both = _found(nlp_fr, "La Ville de Paris agit. La municipalité a rappelé son soutien.", "fr")
    assert sum(g[2] == "ville-de-paris" for g in both) == 2


@pytest.mark.parametrize("text,lang,role", [
    ('"We will open 50 beds," said Paul Moreau, the health minister.', "en", "health minister"),
    ("Paul Moreau, the French health minister, opened the ward.", "en",
     "French health minister"),
    ("Paul Moreau, l'actuel ministre de la Santé, a inauguré le service.", "fr",
     "actuel ministre de la Santé"),
])
def test_a_title_s_modifiers_before_its_head_keep_it_the_person_s(nlp_fr, nlp_en, text, lang,
                                                                 role):
    """English puts a title's modifiers before its head ("the French health minister"):
    the title in apposition is still the person's role, not a body acting beside them."""
    got = _found(nlp_en if lang == "en" else nlp_fr, text, lang)
    assert [(g[1], g[3]) for g in got if g[0] == "Person"] == [("Paul Moreau", role)]
    assert [g for g in got if g[0] == "Organization"] == []


def test_a_verb_before_a_title_ends_the_apposition(nlp_en):
    got = _found(nlp_en, "Paul Moreau, who met the health minister, opened the ward.", "en")
    assert [(g[1], g[3]) for g in got if g[0] == "Person"] == [("Paul Moreau", None)]


def test_a_minister_s_portfolio_in_a_title_is_no_mention(nlp_fr):
    """"Gabriel Attal, alors ministre de l'Education nationale": the title is his, and the
    portfolio inside it names no body (a director's body is named: "directeur de l'ARS")."""
    got = _found(nlp_fr, "En décembre, Gabriel Attal, alors ministre de l'Education nationale, "
                         "avait annoncé la création de groupes.", "fr")
    assert [(g[1], g[3]) for g in got if g[0] in ("Person", "Organization")] == [
        ("Gabriel Attal", "alors ministre de l'Education nationale")]
    director = _found(nlp_fr, "Paul Moreau, directeur général de l'ARS Île-de-France, a "
                              "visité le site.", "fr")
    assert ("Organization", "ARS Île-de-France") in {(g[0], g[1]) for g in director}
