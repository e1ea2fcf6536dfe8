"""Records to RDF quads: one named graph per document, one for entities, one for the build.

Standard vocabularies first: Dublin Core for documents, W3C Web Annotation selectors for
the exact text of every mention and claim, PROV-O for derivation and the build activity,
schema.org for amounts and places, W3C ORG and SKOS for actors. Terms are pyoxigraph
objects so serialisation and the store stay in Rust (fast and streaming).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from extractor import iris
from extractor.knowledge import lexicon
from extractor.namespaces import (
    DCTERMS,
    GEO,
    OA,
    ORG,
    OWL,
    PG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    SKOSXL,
    WD,
    XSD,
)
from extractor.records import Claim, Document, Entity, Mention

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTEXT = 32
KIND_CLASS = {"commitment": PG.Commitment, "achievement": PG.Achievement,
              "assessment": PG.Assessment, "statement": PG.Statement}
TYPE_CLASSES = {"Organization": (ORG.Organization, SDO.Organization),
                "Person": (SDO.Person,), "Place": (SDO.Place,)}


def is_currency(unit: str | None) -> bool:
    """True for an ISO 4217 code the language lexicons know (not a counted noun like "ETP")."""
    return bool(unit) and unit in currency_codes()


@cache
def currency_codes() -> frozenset[str]:
    codes: set[str] = set()
    for lang in ("fr", "en"):
        section = lexicon(lang).get("currencies", {}) or {}
        codes.update(str(c) for c in section.get("codes", []))
        for table in ("symbols", "words"):
            codes.update(str(v) for v in (section.get(table) or {}).values())
    return frozenset(codes)


@cache
def N(iri: object) -> NamedNode:
    """A NamedNode, memoised: the same predicates and classes recur on every triple."""
    return NamedNode(str(iri))


def text(value: str, lang: str | None = None) -> Literal:
    """A string literal, control characters blanked (same length: offsets stay true)."""
    clean = _CONTROL.sub(" ", value)
    return Literal(clean, language=lang) if lang else Literal(clean)


def typed(value: object, datatype: object) -> Literal:
    return Literal(str(value), datatype=N(datatype))


def decimal(value: float) -> Literal:
    return typed(format(Decimal(repr(float(value))).normalize(), "f"), XSD.decimal)


def integer(value: int) -> Literal:
    return typed(int(value), XSD.integer)


def iso_date(value: str) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by precision; anything else a plain string."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return typed(value, XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return typed(value, XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return typed(value, XSD.gYear)
    return text(value)


class GraphWriter:
    """Collects quads for one named graph."""

    def __init__(self, graph: str) -> None:
        self.graph = N(graph)
        self.quads: list[Quad] = []

    def add(self, s: object, p: object, o: object) -> None:
        subject = s if isinstance(s, NamedNode) else NamedNode(str(s))
        obj = o if isinstance(o, (NamedNode, Literal)) else NamedNode(str(o))
        self.quads.append(Quad(subject, N(p), obj, self.graph))


def _target(g: GraphWriter, node: str, doc_iri: str, document: Document, start: int,
            end: int) -> None:
    """Web Annotation target: a TextPositionSelector and a TextQuoteSelector on the text."""
    target, pos, quote = f"{node}#target", f"{node}#position", f"{node}#quote"
    g.add(node, OA.hasTarget, target)
    g.add(target, RDF.type, OA.SpecificResource)
    g.add(target, OA.hasSource, doc_iri)
    g.add(target, OA.hasSelector, pos)
    g.add(target, OA.hasSelector, quote)
    g.add(pos, RDF.type, OA.TextPositionSelector)
    g.add(pos, OA.start, typed(start, XSD.nonNegativeInteger))
    g.add(pos, OA.end, typed(end, XSD.nonNegativeInteger))
    g.add(quote, RDF.type, OA.TextQuoteSelector)
    g.add(quote, OA.exact, text(document.text[start:end]))
    g.add(quote, OA.prefix, text(document.text[max(0, start - CONTEXT):start]))
    g.add(quote, OA.suffix, text(document.text[end:end + CONTEXT]))


def _value_node(g: GraphWriter, node: str, type_: str, value: object, unit: str | None,
                per: str | None) -> None:
    if type_ == "Money":
        g.add(node, RDF.type, SDO.MonetaryAmount)
        if unit:
            g.add(node, SDO.currency, text(unit))
        if per:
            g.add(node, PG.per, text(per))
    else:
        g.add(node, RDF.type, SDO.QuantitativeValue)
        if unit:
            g.add(node, SDO.unitText, text(unit))
    if isinstance(value, (list, tuple)) and len(value) == 2:
        g.add(node, SDO.minValue, decimal(float(value[0])))
        g.add(node, SDO.maxValue, decimal(float(value[1])))
    elif isinstance(value, (int, float)):
        g.add(node, SDO.value, decimal(float(value)))


def document_quads(document: Document, mentions: list[Mention], claims: list[Claim],
                   build_iri: str, publisher: str | None) -> list[Quad]:
    """The named graph of one document: its metadata and text, mentions and claims."""
    d = iris.document(document.id)
    g = GraphWriter(d)
    g.add(d, RDF.type, PG.Document)
    g.add(d, RDF.type, PROV.Entity)
    g.add(d, DCTERMS.identifier, text(document.id))
    g.add(d, DCTERMS.language, text(document.lang))
    g.add(d, DCTERMS.format, text(document.media_type))
    g.add(d, PG.sha256, text(document.sha256))
    g.add(d, PG.text, text(document.text))
    if document.title:
        g.add(d, DCTERMS.title, text(document.title, document.lang))
    if document.published:
        g.add(d, DCTERMS.issued, iso_date(document.published))
    if document.issuer:
        g.add(d, PG.issuerName, text(document.issuer))
    if publisher:
        g.add(d, DCTERMS.publisher, publisher)
    for key, value in document.metadata:
        if key == "kind":
            g.add(d, PG.documentKind, text(value))
    for m in mentions:
        _mention(g, d, document, m)
    for c in claims:
        _claim(g, d, document, c, build_iri, publisher)
    return g.quads


def _mention(g: GraphWriter, d: str, document: Document, m: Mention) -> None:
    node = iris.mention(document.id, m.start, m.end, m.type)
    g.add(node, RDF.type, PG.Mention)
    g.add(node, RDF.type, OA.Annotation)
    g.add(node, OA.motivatedBy, OA.identifying)
    g.add(node, PG.mentionType, text(m.type))
    g.add(node, PG.sentenceIndex, integer(m.sentence))
    g.add(node, PG.linkedBy, text(m.source))
    if m.source == "curation":
        g.add(node, PG.curated, typed("true", XSD.boolean))
    g.add(d, PG.hasMention, node)
    if m.type in TYPE_CLASSES and isinstance(m.value, str):
        g.add(node, OA.hasBody, m.value)
        if m.role:
            g.add(node, PG.role, text(m.role))
    elif m.type == "Date" and isinstance(m.value, str):
        value = f"{node}#value"
        g.add(node, OA.hasBody, value)
        g.add(value, RDF.type, PG.DateValue)
        g.add(value, RDF.value, text(m.value))
        first, _, last = m.value.partition("/")
        g.add(value, SDO.startDate, iso_date(first))
        g.add(value, SDO.endDate, iso_date(last or first))
    elif m.type in ("Money", "Quantity"):
        value = f"{node}#value"
        g.add(node, OA.hasBody, value)
        _value_node(g, value, m.type, m.value, m.unit, m.per)
    _target(g, node, d, document, m.start, m.end)


def _claim(g: GraphWriter, d: str, document: Document, c: Claim, build_iri: str,
           publisher: str | None) -> None:
    node = c.id
    g.add(node, RDF.type, PG.Claim)
    g.add(node, RDF.type, KIND_CLASS.get(c.kind, PG.Claim))
    g.add(node, RDF.type, OA.Annotation)
    g.add(node, OA.motivatedBy, OA.describing)
    g.add(node, RDF.type, PROV.Entity)
    g.add(node, PG.kind, text(c.kind))
    if c.actor_id.startswith("http"):
        g.add(node, PG.actor, c.actor_id)
    g.add(node, PG.actorName, text(c.actor))
    g.add(node, PG.action, text(c.action))
    if c.object:
        g.add(node, PG.object, text(c.object, document.lang))
    if c.amount is not None:
        amount = f"{node}#amount"
        g.add(node, PG.amount, amount)
        _value_node(g, amount, "Money" if is_currency(c.unit) else "Quantity", c.amount,
                    c.unit, None)
    if c.date:
        g.add(node, DCTERMS.date, iso_date(c.date.split("/")[0]))
        g.add(node, PG.dateText, text(c.date))
    if c.place_id and c.place_id.startswith("http"):
        g.add(node, SDO.location, c.place_id)
    if c.place:
        g.add(node, PG.placeName, text(c.place))
    g.add(node, PG.quote, text(c.quote))
    g.add(node, PG.factuality, text(c.factuality))
    g.add(node, PG.negated, typed("true" if c.negated else "false", XSD.boolean))
    g.add(node, PG.confidence, decimal(round(c.confidence, 3)))
    g.add(node, PG.sentenceIndex, integer(c.sentence))
    g.add(node, PROV.wasDerivedFrom, d)
    g.add(node, PROV.wasGeneratedBy, build_iri)
    attributed = c.attributed_to if c.attributed_to and c.attributed_to.startswith("http") else None
    if attributed or publisher:
        g.add(node, PROV.wasAttributedTo, attributed or publisher)
    g.add(d, PG.hasClaim, node)
    _target(g, node, d, document, c.start, c.end)


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
