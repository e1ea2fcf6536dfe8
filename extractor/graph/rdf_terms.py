"""RDF terms and the quad collector every graph of the output is written with.

Terms are pyoxigraph objects so serialisation and the store stay in Rust (fast and
streaming). Literals are made here, once, so the whole output agrees on them: strings with
control characters blanked (offsets stay true), decimals without exponent, dates typed by
their precision. :class:`GraphWriter` collects the quads of one named graph.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from extractor.namespaces import ORG, SDO, XSD

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TYPE_CLASSES = {"Organization": (ORG.Organization, SDO.Organization),
                "Person": (SDO.Person,), "Place": (SDO.Place,)}


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
        # a mention's or a claim's IRIs recur in 3 to 6 quads each: parsed (checked) once
        self._nodes: dict[str, NamedNode] = {}

    def add(self, s: object, p: object, o: object) -> None:
        subject = s if isinstance(s, NamedNode) else self._node(str(s))
        obj = o if isinstance(o, (NamedNode, Literal)) else self._node(str(o))
        self.quads.append(Quad(subject, p if isinstance(p, NamedNode) else N(p), obj, self.graph))

    def _node(self, iri: str) -> NamedNode:
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = NamedNode(iri)
        return node



class Terms:
    """A namespace's terms as pyoxigraph nodes, each made on first use and then read as a
    plain attribute: rdflib makes a new ``URIRef`` at every ``OA.hasTarget`` (a third of the
    time of a document's quads went to the namespaces). Not for datatypes, which
    :func:`typed` takes as IRIs."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node
