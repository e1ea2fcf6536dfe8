"""Network exports for Gephi and Cytoscape: GraphML and GEXF via networkx.

networkx writes None, lists, dicts and dates badly (STYLE.md pitfalls), so every attribute
gets one GraphML-legal type and a default, and text is stripped of control characters.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from extractor import iris
from extractor.records import Claim, Entity

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NODE_ATTRS: dict[str, Any] = {"label": "", "type": "", "kind": "", "date": "", "amount": 0.0,
                              "unit": "", "quote": "", "lat": 0.0, "lon": 0.0, "mentions": 0}
KIND_EDGE = {"commitment": "committed", "achievement": "achieved", "assessment": "assessed",
             "statement": "stated"}


def _clean(value: str, limit: int = 500) -> str:
    return _CONTROL.sub(" ", value)[:limit]


class NetworkBuilder:
    """Collects nodes and edges while the build streams documents."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.mention_counts: Counter[tuple[str, str]] = Counter()

    def _node(self, node: str, **attrs: Any) -> None:
        data = dict(NODE_ATTRS)
        data.update({k: (_clean(v) if isinstance(v, str) else v) for k, v in attrs.items()
                     if v is not None})
        self.graph.add_node(node, **data)

    def add_document(self, doc_id: str, title: str | None, published: str | None) -> None:
        self._node(iris.document(doc_id), label=title or doc_id, type="Document",
                   date=published or "")

    def add_mention(self, doc_id: str, entity_iri: str) -> None:
        self.mention_counts[(iris.document(doc_id), entity_iri)] += 1

    def add_claim(self, claim: Claim) -> None:
        amount = claim.amount
        if isinstance(amount, (list, tuple)):
            amount = amount[0]
        self._node(claim.id, label=f"{claim.action}: {claim.object or claim.quote}"[:120],
                   type="Claim", kind=claim.kind, date=claim.date or "",
                   amount=float(amount) if isinstance(amount, (int, float)) else 0.0,
                   unit=claim.unit or "", quote=claim.quote)
        if claim.actor_id.startswith("http"):
            self.graph.add_edge(claim.actor_id, claim.id, type=KIND_EDGE.get(claim.kind, "made"),
                                weight=1)
        if claim.place_id and claim.place_id.startswith("http"):
            self.graph.add_edge(claim.id, claim.place_id, type="located_in", weight=1)
        self.graph.add_edge(claim.id, iris.document(claim.document), type="derived_from", weight=1)

    def finish(self, entities: list[Entity]) -> nx.MultiDiGraph:
        for e in entities:
            self._node(e.id, label=e.label, type=e.type, mentions=e.mentions,
                       lat=e.lat if e.lat is not None else 0.0,
                       lon=e.lon if e.lon is not None else 0.0)
            if e.parent:
                self.graph.add_edge(e.id, e.parent, weight=1,
                                    type="located_in" if e.type == "Place" else "part_of")
            for org in e.member_of:
                self.graph.add_edge(e.id, org, type="member_of", weight=1)
        for (doc, entity), count in sorted(self.mention_counts.items()):
            self.graph.add_edge(doc, entity, type="mentions", weight=count)
        for node, data in self.graph.nodes(data=True):
            if not data:
                self._node(node, label=node.rsplit("/", 1)[-1], type="Entity")
        return self.graph


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(graph, path, named_key_ids=True)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF with each claim's date as its start time, so Gephi's timeline works."""
    dynamic = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attrs = dict(data)
        date = attrs.get("date") or ""
        if attrs.get("type") == "Claim" and date:
            attrs["start"] = _full_date(date)
        dynamic.add_node(node, **attrs)
    for u, v, data in graph.edges(data=True):
        dynamic.add_edge(u, v, **data)
    nx.write_gexf(dynamic, path)


def _full_date(value: str) -> str:
    """GEXF dates are full days: "2019" → "2019-01-01", "2019/2021" → its start."""
    first = value.split("/")[0]
    parts = first.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])
