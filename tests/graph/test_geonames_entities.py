"""Places of France as entities: coordinates, parents and GeoNames IRIs, in the records, the
RDF (owl:sameAs) and the SHACL shapes; a name that is not a place gets none of it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from extractor import iris
from extractor.graph.rdf import entity_quads
from extractor.graph.resolve import Resolver
from extractor.namespaces import GEO, OWL
from extractor.read.validate import split_graphs, validate_graph
from extractor.records import Entity, Mention, key_for

ENTITIES = iris.graph("entities")


def m(type_: str, text: str, key: str, start: int = 0) -> Mention:
    return Mention(document="t.txt", type=type_, text=text, start=start,
                   end=start + len(text), key=key, source="ner")


def resolve(*mentions: Mention) -> dict[str, Entity]:
    r = Resolver()
    r.add(mentions)
    for mention in mentions:
        r.resolve(mention)
    return {e.id.rsplit("/", 1)[-1]: e for e in r.entities()}


@pytest.fixture(scope="module")
def french() -> dict[str, Entity]:
    """What the French test text of tests/mentions/test_france_places.py is keyed to."""
    return resolve(m("Place", "Roubaix", "geo:roubaix"), m("Place", "Nord", "geo:nord", 20),
                   m("Place", "Hauts-de-France", "geo:hauts-de-france", 40))


def test_commune_department_and_region_carry_coordinates_and_geonames(french):
    roubaix, nord, region = french["roubaix"], french["nord"], french["hauts-de-france"]
    assert roubaix.geonames == "https://sws.geonames.org/2982681/"
    assert (round(roubaix.lat, 2), round(roubaix.lon, 2)) == (50.69, 3.17)
    assert nord.geonames == "https://sws.geonames.org/2990129/"
    assert region.geonames == "https://sws.geonames.org/11071624/"
    assert all(e.type == "Place" and e.lat and e.lon for e in french.values())
    assert roubaix.parent == nord.parent == iris.entity("hauts-de-france")
    assert region.parent == iris.entity("france")
    assert (roubaix.label, nord.label, region.label) == ("Roubaix", "Nord", "Hauts-de-France")
    assert ("en", "Hauts-de-France") in region.labels


def test_english_text_places_link_the_gazetteer_and_france():
    found = resolve(m("Place", "Marseille", "geo:marseille"),
                    m("Place", "Bouches-du-Rhône", "geo:bouches-du-rhone", 20),
                    m("Place", "Provence-Alpes-Côte d'Azur", "geo:provence-alpes-cote-d-azur",
                      40))
    marseille = found["marseille"]
    assert marseille.wikidata == "Q23482"  # the gazetteer's facts stay
    assert marseille.geonames == "https://sws.geonames.org/2995469/"
    assert (marseille.lat, marseille.lon) == (43.2965, 5.3698)
    assert found["bouches-du-rhone"].geonames == "https://sws.geonames.org/3031359/"
    assert found["bouches-du-rhone"].parent == iris.entity("provence-alpes-cote-d-azur")
    assert found["provence-alpes-cote-d-azur"].geonames == "https://sws.geonames.org/2985244/"


def test_an_organisation_named_like_a_commune_gets_no_place_facts():
    """"Orange" the company has the slug of Orange (Vaucluse): it stays an organisation."""
    found = resolve(m("Organization", "Orange", key_for("Organization", "Orange")))
    orange = found["orange"]
    assert orange.type == "Organization"
    assert orange.geonames is None and orange.lat is None and orange.parent is None


def test_an_unknown_place_name_stays_a_place_without_coordinates():
    found = resolve(m("Place", "Gotham", key_for("Place", "Gotham")))
    assert found["gotham"].geonames is None and found["gotham"].lat is None


def test_rdf_links_places_to_geonames_with_owl_same_as(french):
    quads = list(entity_quads(list(french.values())))
    roubaix = ox.NamedNode(french["roubaix"].id)
    same = {q.object.value for q in quads if q.subject == roubaix
            and q.predicate == ox.NamedNode(str(OWL.sameAs))}
    assert same == {"https://sws.geonames.org/2982681/"}
    assert any(q.subject == roubaix and q.predicate == ox.NamedNode(str(GEO.lat)) for q in quads)
    graphs = split_graphs(quads)
    assert validate_graph(graphs[ENTITIES], ENTITIES) == []


def test_the_shapes_refuse_a_same_as_that_is_neither_wikidata_nor_geonames(french):
    quads = list(entity_quads([french["roubaix"]]))
    quads.append(ox.Quad(ox.NamedNode(french["roubaix"].id), ox.NamedNode(str(OWL.sameAs)),
                         ox.NamedNode("https://www.geonames.org/2982681"),
                         ox.NamedNode(ENTITIES)))
    violations = validate_graph(split_graphs(quads)[ENTITIES], ENTITIES)
    assert len(violations) == 1 and "owl:sameAs" in violations[0]


def test_the_export_row_has_the_geonames_field(french):
    row = french["nord"].row()
    assert row["geonames"] == "https://sws.geonames.org/2990129/"
    assert Entity.from_dict(french["nord"].to_dict()) == french["nord"]


def test_the_corpus_places_read_back_from_the_store_keep_both_links(corpus_store):
    from extractor.read.load import _entities_from_store

    paris = next(e for e in _entities_from_store(corpus_store)
                 if e["id"] == iris.entity("paris"))
    assert paris["wikidata"] == "Q90"
    assert paris["geonames"] == "https://sws.geonames.org/2988507/"
