"""GraphML and GEXF: legal types, no missing values, counts that match the build (issue 5)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_graphml_keys_have_one_legal_type_each(corpus_build: Path):
    root = ET.parse(corpus_build / "plan.graphml").getroot()
    keys = root.findall(f"{GRAPHML}key")
    names = Counter((k.get("for"), k.get("attr.name")) for k in keys)
    assert all(count == 1 for count in names.values()), names
    assert {k.get("attr.type") for k in keys} <= {"string", "int", "long", "double", "boolean", "float"}


def test_graphml_nodes_carry_the_attributes_of_their_type(corpus_build: Path):
    """Each node has a label and a type; places alone have coordinates (issue 19)."""
    g = nx.read_graphml(corpus_build / "plan.graphml")
    for _, data in g.nodes(data=True):
        assert {"label", "type"} <= set(data)
        assert all(v is not None for v in data.values())
        assert ("lat" in data) <= (data["type"] == "Place")
    claims = [d for _, d in g.nodes(data=True) if d["type"] == "Claim"]
    assert all({"kind", "quote", "document"} <= set(d) for d in claims)


def test_graphml_counts_match_the_build(corpus_build: Path):
    g = nx.read_graphml(corpus_build / "plan.graphml")
    types = Counter(d["type"] for _, d in g.nodes(data=True))
    claims = _jsonl(corpus_build / "claims.jsonl")
    entities = _jsonl(corpus_build / "entities.jsonl")
    assert types["Claim"] == len(claims)
    assert types["Document"] == 5
    for kind in ("Organization", "Person"):
        assert types[kind] == sum(e["type"] == kind for e in entities)
    places = {e["id"] for e in entities if e["type"] == "Place"}
    parents = {e["parent"] for e in entities if e["type"] == "Place" and e.get("parent")}
    assert types["Place"] == len(places | parents)
    edges = Counter(d["kind"] for _, _, d in g.edges(data=True))
    assert edges["derived_from"] == len(claims)
    assert edges["committed"] == sum(c["kind"] == "commitment" for c in claims)
    assert edges["located_in"] > 0 and edges["mentions"] > 0


def test_gexf_is_dynamic_with_claim_dates(corpus_build: Path):
    text = (corpus_build / "plan.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    g = nx.read_gexf(corpus_build / "plan.gexf")
    starts = [d.get("start") for _, d in g.nodes(data=True) if d.get("type") == "Claim"]
    assert starts and all(s and len(s) == 10 for s in starts)
