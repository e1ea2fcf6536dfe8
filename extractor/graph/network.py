"""Network exports for Gephi, Cytoscape and igraph: GraphML and GEXF 1.3 via networkx.

What other tools import whole (issue 19): one edge per pair of nodes, so no reader drops
an edge for a repeated id (networkx writes a multigraph's edge keys as GraphML ids, all
"0"); the edge's kind in a declared attribute ``kind`` and in its ``label``, never in
GEXF's reserved ``type`` (directed | undirected | mutual); coordinates only on places, so a
map layout puts nothing at 0°, 0°; every node typed (Organization, Person, Place, Claim,
Document) and labelled for a reader, each label different (:mod:`network_labels`).
networkx writes None, lists, dicts and dates badly (STYLE.md pitfalls), so each attribute
has one GraphML type and text is stripped of control characters.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from extractor import iris
from extractor.graph.network_labels import LabelParts, claim_head, document_tag, unique_labels
from extractor.graph.resolve import known_facts
from extractor.records import Claim, Entity

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
KIND_EDGE = {"commitment": "committed", "achievement": "achieved", "assessment": "assessed",
             "statement": "stated"}
# A node only referenced by an edge (a region above a place, an actor outside the
# entities) is typed by what the edge says it is.
_TARGET_TYPE = {"located_in": "Place", "part_of": "Organization", "member_of": "Organization"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _clean(value: str, limit: int = 500) -> str:
    return _CONTROL.sub(" ", value)[:limit]


def _amount(value: Any) -> float | None:
    """A claim's amount as one number (a range gives its low end), else None."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return float(value) if isinstance(value, (int, float)) else None


class NetworkBuilder:
    """Collects nodes and edges while the build streams documents; labels come at the end,
    when every claim is known and shared labels can be told apart."""

    def __init__(self) -> None:
        self.graph = nx.DiGraph()
        self.mention_counts: Counter[tuple[str, str]] = Counter()
        self.parts: dict[str, LabelParts] = {}

    def _node(self, node: str, label: LabelParts, **attrs: Any) -> None:
        data = {k: (_clean(v) if isinstance(v, str) else v) for k, v in attrs.items()
                if v is not None}
        self.graph.add_node(node, **data)
        self.parts[node] = label

    def _edge(self, source: str, target: str, kind: str, weight: int = 1) -> None:
        """One edge per pair: a second relation between the same two nodes (a person both
        part of and member of one body) keeps the first, which readers would merge anyway."""
        if not self.graph.has_edge(source, target):
            self.graph.add_edge(source, target, kind=kind, label=kind, weight=weight)

    def add_document(self, doc_id: str, title: str | None, published: str | None) -> None:
        self._node(iris.document(doc_id), LabelParts(title or doc_id, "", doc_id),
                   type="Document", document=doc_id, title=title or doc_id,
                   date=published or "")

    def add_mention(self, doc_id: str, entity_iri: str) -> None:
        self.mention_counts[(iris.document(doc_id), entity_iri)] += 1

    def add_claim(self, claim: Claim) -> None:
        what = claim.object or claim.quote
        self._node(claim.id, LabelParts(claim_head(claim.actor, claim.action, what),
                                        claim.date or "", document_tag(claim.document)),
                   type="Claim", kind=claim.kind, date=claim.date or "",
                   amount=_amount(claim.amount), unit=claim.unit or None, quote=claim.quote,
                   document=claim.document)
        if claim.actor_id.startswith("http"):
            self._edge(claim.actor_id, claim.id, KIND_EDGE.get(claim.kind, "made"))
        if claim.place_id and claim.place_id.startswith("http"):
            self._edge(claim.id, claim.place_id, "located_in")
        self._edge(claim.id, iris.document(claim.document), "derived_from")

    def finish(self, entities: list[Entity]) -> nx.DiGraph:
        """Add the entities and mention edges, type the nodes only referenced, label all."""
        for e in entities:
            self._entity(e.id, e.type, e.label, e.mentions, e.lat, e.lon)
            if e.parent:
                self._edge(e.id, e.parent, "located_in" if e.type == "Place" else "part_of")
            for org in e.member_of:
                self._edge(e.id, org, "member_of")
        for (doc, entity), count in sorted(self.mention_counts.items()):
            self._edge(doc, entity, "mentions", count)
        for node in [n for n, data in self.graph.nodes(data=True) if not data]:
            self._referenced(node)
        for node, label in unique_labels(self.parts).items():
            self.graph.nodes[node]["label"] = label
        return self.graph

    def _entity(self, node: str, type_: str, label: str, mentions: int,
                lat: float | None, lon: float | None) -> None:
        place = type_ == "Place" and lat is not None and lon is not None
        self._node(node, LabelParts(label or node.rsplit("/", 1)[-1], "", type_),
                   type=type_, mentions=mentions, lat=lat if place else None,
                   lon=lon if place else None)

    def _referenced(self, node: str) -> None:
        """A node only an edge names: its facts from the registry or the gazetteer, else a
        type from the edge (a parent of a place is a place) and its IRI's name."""
        kinds = [d["kind"] for _, _, d in self.graph.in_edges(node, data=True)]
        wanted = next((_TARGET_TYPE[k] for k in kinds if k in _TARGET_TYPE), "Organization")
        ident = node.rstrip("/").rsplit("/", 1)[-1]
        facts = known_facts(ident, wanted)
        if facts is None:
            self._entity(node, wanted, ident.replace("-", " "), 0, None, None)
        else:
            self._entity(node, facts.type, facts.label, 0, facts.lat, facts.lon)


def write_graphml(graph: nx.DiGraph, path: Path) -> None:
    """GraphML with named keys; a simple graph, so edges carry no (repeated) ids."""
    nx.write_graphml(graph, path, named_key_ids=False)


class _Gexf13Writer(GEXFWriter):
    """networkx's GEXF writer at version 1.3, with the XML Schema instance namespace its
    1.3 table misspells (``http://w3.org/...``), so ``xsi:schemaLocation`` means what it says."""

    def set_version(self, version: str) -> None:
        super().set_version(version)
        self.NS_XSI = XSI


def write_gexf(graph: nx.DiGraph, path: Path) -> None:
    """GEXF 1.3 with each claim's date as its start time, so Gephi's timeline works; the
    edge kind goes in the edge ``label`` and the declared attribute ``kind``."""
    dynamic = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        attrs = dict(data)
        date = attrs.get("date") or ""
        if attrs.get("type") == "Claim" and date:
            attrs["start"] = _full_date(date)
        dynamic.add_node(node, **attrs)
    for u, v, data in graph.edges(data=True):
        dynamic.add_edge(u, v, **data)
    writer = _Gexf13Writer(encoding="utf-8", prettyprint=True, version="1.3")
    writer.add_graph(dynamic)
    writer.write(path)


def _full_date(value: str) -> str:
    """GEXF dates are full days: "2019" → "2019-01-01", "2019/2021" → its start.

    >>> _full_date("2019"), _full_date("2019-05/2021")
    ('2019-01-01', '2019-05-01')
    """
    first = value.split("/")[0]
    parts = first.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])
