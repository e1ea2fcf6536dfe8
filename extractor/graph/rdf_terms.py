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

    def add(self, s: object, p: object, o: object) -> None:
        subject = s if isinstance(s, NamedNode) else NamedNode(str(s))
        obj = o if isinstance(o, (NamedNode, Literal)) else NamedNode(str(o))
        self.quads.append(Quad(subject, N(p), obj, self.graph))

