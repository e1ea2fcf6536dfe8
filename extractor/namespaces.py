"""Every RDF namespace the project writes, in one module.

rdflib ships PROV, ORG, TIME, SDO, SKOS, DCTERMS; Web Annotation (oa:) is not in
rdflib, so it is a closed DefinedNamespace: a typo is an error, not a new term.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

PG = Namespace("https://w3id.org/plangraph/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the terms this project uses)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    motivatedBy: URIRef
    identifying: URIRef
    describing: URIRef


PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "pg": PG,
    "prov": PROV,
    "org": ORG,
    "schema": SDO,
    "skos": SKOS,
    "skosxl": SKOSXL,
    "dcterms": DCTERMS,
    "time": TIME,
    "oa": OA,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "wd": WD,
    "geo": GEO,
}
