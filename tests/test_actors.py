import pytest

from extractor.actors import acronym_definitions, find_actors


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
