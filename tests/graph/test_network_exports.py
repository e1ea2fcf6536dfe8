"""GraphML and GEXF that Gephi, networkx and igraph import whole (issue 19).

Neither the GraphML nor the GEXF 1.3 XML schema ships in a PyPI package, so the attributes
each specification reserves are asserted here: GraphML's ``<edge>`` may carry only id,
source, target, directed, sourceport and targetport, and its ids must be unique; GEXF's
``<edge>`` keeps ``type`` for directed | undirected | mutual, and its ``<node>`` attributes
are id, label, pid and the time bounds. Both files are read back by networkx and by
python-igraph with the same counts and every edge's kind.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import igraph
import networkx as nx
import pytest

from extractor.graph.network import NetworkBuilder, write_gexf, write_graphml
from extractor.graph.network_labels import LABEL_LIMIT
from extractor.records import Claim, Entity

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
GRAPHML_EDGE = {"id", "source", "target", "directed", "sourceport", "targetport"}
GEXF_EDGE = {"id", "source", "target", "label", "weight", "type", "kind", "start", "end",
             "startopen", "endopen"}
GEXF_NODE = {"id", "label", "pid", "start", "end", "startopen", "endopen"}
GEXF_EDGE_TYPES = {"directed", "undirected", "mutual"}
NODE_TYPES = {"Organization", "Person", "Place", "Claim", "Document"}
E = "https://w3id.org/plangraph/entity/"


def _claim(n: int, document: str, actor: str, kind: str = "commitment",
           obj: str | None = "les maraudes", date: str | None = "2019") -> Claim:
    return Claim(id=f"https://w3id.org/plangraph/claim/{n:016x}", document=document, kind=kind,
                 actor="Mission interministérielle de lutte contre les drogues et les "
                       "conduites addictives" if actor == "mildeca" else "Ville de Paris",
                 actor_id=E + actor, action="fund", object=obj, amount=1e6, unit="EUR",
                 date=date, place="Paris", quote="La Ville financera les maraudes.",
                 start=0, end=10, confidence=0.9, place_id=E + "paris")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.DiGraph, Path]:
    """Two documents reporting the same claim twice, a long actor, a place whose parent is
    only named by the gazetteer, an organisation without coordinates, a member."""
    builder = NetworkBuilder()
    builder.add_document("001.txt", "Plan crack : les partenaires s'engagent", "2019-05-27")
    builder.add_document("002.txt", None, None)
    for n, doc in enumerate(["001.txt", "002.txt", "002.txt"]):
        builder.add_claim(_claim(n, doc, "ville-de-paris"))
    builder.add_claim(_claim(3, "001.txt", "mildeca", "assessment", obj="x " * 80, date=None))
    for doc in ("001.txt", "002.txt"):
        builder.add_mention(doc, E + "ville-de-paris")
        builder.add_mention(doc, E + "paris")
    graph = builder.finish([
        Entity(id=E + "ville-de-paris", type="Organization", label="Ville de Paris", mentions=2),
        Entity(id=E + "mildeca", type="Organization", label="MILDECA", mentions=1),
        Entity(id=E + "anne-hidalgo", type="Person", label="Anne Hidalgo", mentions=1,
               member_of=(E + "ville-de-paris",)),
        Entity(id=E + "paris", type="Place", label="Paris", mentions=2, lat=48.85, lon=2.35,
               parent=E + "ile-de-france"),
    ])
    folder = tmp_path_factory.mktemp("network")
    write_graphml(graph, folder / "plan.graphml")
    write_gexf(graph, folder / "plan.gexf")
    return graph, folder


def _check_graphml(path: Path) -> None:
    root = ET.parse(path).getroot()
    ids = [k.get("id") for k in root.iter(f"{GRAPHML}key")]
    assert len(ids) == len(set(ids))
    edges = list(root.iter(f"{GRAPHML}edge"))
    assert edges and all(set(e.attrib) <= GRAPHML_EDGE for e in edges)
    edge_ids = [e.get("id") for e in edges if e.get("id") is not None]
    assert len(edge_ids) == len(set(edge_ids)), "GraphML edge ids must be unique"
    kind = next(k.get("id") for k in root.iter(f"{GRAPHML}key")
                if k.get("for") == "edge" and k.get("attr.name") == "kind")
    assert all(any(d.get("key") == kind and d.text for d in e) for e in edges)


def _check_gexf(path: Path) -> None:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    edges = list(root.iter(f"{GEXF}edge"))
    assert edges and all(set(e.attrib) <= GEXF_EDGE for e in edges)
    assert all(e.get("type", "directed") in GEXF_EDGE_TYPES for e in edges)
    assert len({e.get("id") for e in edges}) == len(edges), "GEXF edge ids must be unique"
    nodes = list(root.iter(f"{GEXF}node"))
    assert nodes and all(set(n.attrib) <= GEXF_NODE for n in nodes)
    declared = {a.get("title"): a.get("id") for block in root.iter(f"{GEXF}attributes")
                if block.get("class") == "edge" for a in block}
    assert "kind" in declared and "type" not in declared
    for e in edges:
        values = {v.get("for"): v.get("value") for v in e.iter(f"{GEXF}attvalue")}
        assert values[declared["kind"]] == e.get("label") and e.get("label")


def _check_rereads(graphml: Path, gexf: Path, kinds: Counter[str], nodes: int) -> None:
    by_nx = nx.read_graphml(graphml)
    by_nx_gexf = nx.read_gexf(gexf)
    by_igraph = igraph.Graph.Read_GraphML(str(graphml))
    for g in (by_nx, by_nx_gexf):
        assert g.number_of_nodes() == nodes
        assert Counter(d["kind"] for _, _, d in g.edges(data=True)) == kinds
    assert by_igraph.vcount() == nodes
    assert Counter(by_igraph.es["kind"]) == kinds


def _check_nodes(graph: nx.Graph) -> None:
    data = dict(graph.nodes(data=True))
    assert {d["type"] for d in data.values()} <= NODE_TYPES
    labels = [d["label"] for d in data.values()]
    assert len(labels) == len(set(labels)), Counter(labels).most_common(3)
    assert all(0 < len(label) <= LABEL_LIMIT for label in labels)
    for d in data.values():
        has_coordinates = "lat" in d or "lon" in d
        assert has_coordinates == (d["type"] == "Place" and "lat" in d and "lon" in d)
        assert not has_coordinates or (d["lat"], d["lon"]) != (0.0, 0.0)


def test_small_network_is_imported_whole(small: tuple[nx.DiGraph, Path]) -> None:
    graph, folder = small
    kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    assert kinds["committed"] == 3 and kinds["assessed"] == 1 and kinds["mentions"] == 4
    _check_graphml(folder / "plan.graphml")
    _check_gexf(folder / "plan.gexf")
    _check_rereads(folder / "plan.graphml", folder / "plan.gexf", kinds,
                   graph.number_of_nodes())
    _check_nodes(nx.read_graphml(folder / "plan.graphml"))


def test_small_network_types_and_labels_nodes_for_people(small: tuple[nx.DiGraph, Path]) -> None:
    graph, _ = small
    region = graph.nodes[E + "ile-de-france"]
    assert region["type"] == "Place" and region["label"] == "Île-de-France"
    assert "lat" in region and "lat" not in graph.nodes[E + "ville-de-paris"]
    claims = {n: d["label"] for n, d in graph.nodes(data=True) if d["type"] == "Claim"}
    same = [claims[f"https://w3id.org/plangraph/claim/{n:016x}"] for n in range(3)]
    assert same[0] == "Ville de Paris: fund les maraudes (2019, 001.txt)"
    assert same[1:] == ["Ville de Paris: fund les maraudes (2019, 002.txt, #1)",
                        "Ville de Paris: fund les maraudes (2019, 002.txt, #2)"]
    long = claims["https://w3id.org/plangraph/claim/0000000000000003"]
    assert long.startswith("Mission interministérie…: fund x x") and len(long) <= LABEL_LIMIT


def test_corpus_network_files_are_imported_whole(corpus_build: Path) -> None:
    graphml, gexf = corpus_build / "plan.graphml", corpus_build / "plan.gexf"
    _check_graphml(graphml)
    _check_gexf(gexf)
    graph = nx.read_graphml(graphml)
    kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    assert kinds["mentions"] > 0 and kinds["derived_from"] > 0 and None not in kinds
    _check_rereads(graphml, gexf, kinds, graph.number_of_nodes())
    _check_nodes(graph)
