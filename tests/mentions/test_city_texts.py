"""A plan of another French city, written for these tests (tests/fixtures/city/, one French
and one English text): its council, metropolis, department, prefecture, mayor, districts and
sites come out as entities of the right type, the places with their parents, coordinates and
GeoNames identifiers (issue 16, "Done when")."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import iris
from extractor.graph.resolve import Resolver
from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from extractor.records import Document, Entity, Mention
from tests.mentions.test_unseen_kinds import _mentions

CITY = Path(__file__).resolve().parents[1] / "fixtures" / "city"


def _build(name: str, lang: str) -> tuple[list[Mention], dict[str, Entity]]:
    text = (CITY / name).read_text(encoding="utf-8")
    doc = Document(id=name, path=name, text=text, lang=lang, sha256="x",
                   media_type="text/plain", published="2025-03-12")
    mentions = extract_mentions(doc, parse_batch([doc])[0])
    resolver = Resolver()
    resolver.add(mentions)
    resolved = [resolver.resolve(m) for m in mentions]
    return resolved, {e.id.rsplit("/", 1)[-1]: e for e in resolver.entities()}


@pytest.fixture(scope="module")
def lille() -> tuple[list[Mention], dict[str, Entity]]:
    return _build("plan_lille_fr.txt", "fr")


@pytest.fixture(scope="module")
def marseille() -> tuple[list[Mention], dict[str, Entity]]:
    return _build("plan_marseille_en.txt", "en")


def _surfaces(mentions: list[Mention], ident: str) -> set[str]:
    return {m.text for m in mentions if m.value == iris.entity(ident)}


def test_the_french_text_names_the_city_s_bodies_and_the_mayor_is_the_council(lille):
    mentions, entities = lille
    for ident in ("ville-de-lille", "metropole-europeenne-de-lille",
                  "conseil-departemental-du-nord", "prefecture-du-nord",
                  "region-hauts-de-france"):
        assert entities[ident].type == "Organization", ident
    # the mayor, the council by name and "la municipalité" are one body
    assert _surfaces(mentions, "ville-de-lille") == {"Ville de Lille", "maire de Lille",
                                                       "municipalité"}
    assert _surfaces(mentions, "prefecture-du-nord") == {"préfet du Nord"}


def test_the_french_text_places_have_parents_coordinates_and_geonames(lille):
    _, entities = lille
    lille_, nord, region = entities["lille"], entities["nord"], entities["hauts-de-france"]
    assert lille_.geonames == "https://sws.geonames.org/2998324/"
    assert (round(lille_.lat, 1), round(lille_.lon, 1)) == (50.6, 3.1)
    assert nord.geonames == "https://sws.geonames.org/2990129/"
    assert nord.parent == iris.entity("hauts-de-france")
    assert region.parent == iris.entity("france")
    for ident in ("wazemmes", "fives", "gare-lille-flandres", "place-du-concert"):
        assert entities[ident].type == "Place", ident


def test_the_english_text_names_the_same_kinds_of_bodies_and_places(marseille):
    mentions, entities = marseille
    # "Marseille unveils a housing plan": the headline's city is its council (metonymy.py)
    assert _surfaces(mentions, "ville-de-marseille") == {"mayor of Marseille", "city council",
                                                         "Marseille"}
    for ident in ("metropole-aix-marseille-provence",
                  "conseil-departemental-des-bouches-du-rhone",
                  "prefecture-des-bouches-du-rhone"):
        assert entities[ident].type == "Organization", ident
    city, department = entities["marseille"], entities["bouches-du-rhone"]
    assert city.geonames == "https://sws.geonames.org/2995469/" and city.wikidata == "Q23482"
    assert department.parent == iris.entity("provence-alpes-cote-d-azur")
    assert entities["belsunce"].geonames and entities["belsunce"].lat
    for ident in ("northern-districts", "saint-charles-station"):
        assert entities[ident].type == "Place", ident


def test_a_site_of_a_city_the_text_does_not_name_is_no_site_there() -> None:
    # "Les Halles" is a Paris district and Millau's covered market: in a text on Millau it
    # seats no Paris body, and "la municipalité" is Millau's council
    text = ("Les Halles sur la table. La municipalité a présenté son projet pour redynamiser "
            "le commerce. Les Halles de Millau sont de nouveau sur le bureau du maire de "
            "Millau.")
    found = {(m.text, m.key) for m in _mentions(text, "fr")}
    assert ("municipalité", "org:ville de millau") in found
    assert not any(key == "geo:les-halles" or key == "reg:ville-de-paris" for _, key in found)


def test_a_site_of_the_city_the_text_names_stays_that_site() -> None:
    # guard: in a text that names Paris the district is the Paris district
    text = "À Paris, la mairie a rénové Les Halles en 2016."
    assert ("Les Halles", "geo:les-halles") in {(m.text, m.key) for m in _mentions(text, "fr")}
