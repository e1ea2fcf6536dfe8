"""The named graph of one document: its metadata and text, its mentions and its claims.

Dublin Core describes the document; every mention and claim is a W3C Web Annotation whose
target selects its exact text (position and quote selectors), so any statement of the graph
leads back to the words it came from; PROV-O records what each claim was derived from and
by which build; schema.org gives amounts, dates and places their values.
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import Quad

from extractor import iris
from extractor import namespaces as ns
from extractor.graph.rdf_terms import (
    TYPE_CLASSES,
    GraphWriter,
    Terms,
    decimal,
    integer,
    iso_date,
    text,
    typed,
)
from extractor.knowledge import languages, lexicon
from extractor.namespaces import XSD
from extractor.records import Claim, Document, Mention

# the terms as pyoxigraph nodes, made once (rdflib makes a URIRef at each attribute read)
DCTERMS, OA, PG, PROV, RDF, SDO = (Terms(n) for n in (ns.DCTERMS, ns.OA, ns.PG, ns.PROV, ns.RDF,
                                                         ns.SDO))

CONTEXT = 32
KIND_CLASS = {"commitment": PG.Commitment, "achievement": PG.Achievement,
              "assessment": PG.Assessment, "statement": PG.Statement}


def is_currency(unit: str | None) -> bool:
    """True for an ISO 4217 code the language lexicons know (not a counted noun like "ETP")."""
    return bool(unit) and unit in currency_codes()


@cache
def currency_codes() -> frozenset[str]:
    codes: set[str] = set()
    for lang in sorted(languages()):
        section = lexicon(lang).get("currencies", {}) or {}
        codes.update(str(c) for c in section.get("codes", []))
        for table in ("symbols", "words"):
            codes.update(str(v) for v in (section.get(table) or {}).values())
    return frozenset(codes)


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
    if c.construction:
        g.add(node, PG.construction, text(c.construction))
    g.add(node, PG.sentenceIndex, integer(c.sentence))
    g.add(node, PROV.wasDerivedFrom, d)
    g.add(node, PROV.wasGeneratedBy, build_iri)
    attributed = c.attributed_to if c.attributed_to and c.attributed_to.startswith("http") else None
    if attributed or publisher:
        g.add(node, PROV.wasAttributedTo, attributed or publisher)
    g.add(d, PG.hasClaim, node)
    _target(g, node, d, document, c.start, c.end)

