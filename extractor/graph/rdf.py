"""Records to RDF quads for the graphs shared by all documents: entities and the build.

One named graph per document (:mod:`extractor.graph.document_rdf`), one for entities, one
for the build. Standard vocabularies first: SKOS and SKOS-XL for entity labels and the forms
the documents wrote, W3C ORG and schema.org for actors and places, PROV-O for the build
activity and the software and models it used; ``owl:sameAs`` links entities to Wikidata
and places to GeoNames (``https://sws.geonames.org/<id>/``). Terms are made by
:mod:`extractor.graph.rdf_terms`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Quad

from extractor import iris
from extractor.graph.rdf_terms import TYPE_CLASSES, GraphWriter, decimal, integer, text, typed
from extractor.namespaces import GEO, ORG, OWL, PG, PROV, RDF, RDFS, SDO, SKOS, SKOSXL, WD, XSD
from extractor.records import Entity


def entity_quads(entities: list[Entity]) -> Iterator[Quad]:
    """The shared graph of canonical entities: labels, aliases, the forms the documents
    wrote with how often (SKOS-XL labels, so a names listing reads no mention), links,
    coordinates, roles."""
    g = GraphWriter(iris.graph("entities"))
    curation = f"{iris.base()}agent/curation"
    for e in entities:
        for cls in TYPE_CLASSES.get(e.type, ()):
            g.add(e.id, RDF.type, cls)
        g.add(e.id, RDF.type, PG.Entity)
        g.add(e.id, RDFS.label, text(e.label))
        g.add(e.id, SKOS.prefLabel, text(e.label))
        for lang, label in e.labels:
            g.add(e.id, SKOS.prefLabel, text(label, lang))
        for alias in e.aliases:
            if alias != e.label:
                g.add(e.id, SKOS.altLabel, text(alias))
        for form, times in e.written:
            written = f"{e.id}#written-{iris.short_hash(form, length=12)}"
            g.add(e.id, SKOSXL.altLabel, written)
            g.add(written, RDF.type, SKOSXL.Label)
            g.add(written, SKOSXL.literalForm, text(form))
            g.add(written, PG.mentionCount, integer(times))
        if e.wikidata:
            g.add(e.id, OWL.sameAs, WD[e.wikidata])
        if e.geonames:
            g.add(e.id, OWL.sameAs, e.geonames)
        if e.parent:
            g.add(e.id, SDO.containedInPlace if e.type == "Place" else ORG.subOrganizationOf,
                  e.parent)
        if e.lat is not None and e.lon is not None:
            geo = f"{e.id}#geo"
            g.add(e.id, SDO.geo, geo)
            g.add(geo, RDF.type, SDO.GeoCoordinates)
            g.add(geo, SDO.latitude, decimal(e.lat))
            g.add(geo, SDO.longitude, decimal(e.lon))
            g.add(e.id, GEO.lat, decimal(e.lat))
            g.add(e.id, GEO.long, decimal(e.lon))
        for role in e.roles:
            g.add(e.id, PG.role, text(role))
        for org in e.member_of:
            g.add(e.id, ORG.memberOf, org)
        g.add(e.id, PG.mentionCount, integer(e.mentions))
        if e.curated:
            g.add(e.id, PG.curated, typed("true", XSD.boolean))
            g.add(e.id, PROV.wasAttributedTo, curation)
    if any(e.curated for e in entities):
        g.add(curation, RDF.type, PROV.Agent)
        g.add(curation, RDFS.label, text("curation file ontology/curation.yaml"))
    yield from g.quads


def build_quads(build_iri: str, started: str, ended: str, software: tuple[str, str],
                models: list[tuple[str, str]], documents: list[str]) -> list[Quad]:
    """The build activity: software and model versions, time, documents used."""
    g = GraphWriter(iris.graph("build"))
    agent = iris.software(*software)
    g.add(build_iri, RDF.type, PROV.Activity)
    g.add(build_iri, PROV.startedAtTime, typed(started, XSD.dateTime))
    g.add(build_iri, PROV.endedAtTime, typed(ended, XSD.dateTime))
    g.add(build_iri, PROV.wasAssociatedWith, agent)
    g.add(agent, RDF.type, PROV.SoftwareAgent)
    g.add(agent, SDO.name, text(software[0]))
    g.add(agent, SDO.softwareVersion, text(software[1]))
    for name, version in models:
        model = iris.software(name, version)
        g.add(build_iri, PROV.used, model)
        g.add(model, RDF.type, PROV.Entity)
        g.add(model, RDF.type, SDO.SoftwareApplication)
        g.add(model, SDO.name, text(name))
        g.add(model, SDO.softwareVersion, text(version))
    for doc in documents:
        g.add(build_iri, PROV.used, iris.document(doc))
    return g.quads
