"""The report's network picture and actor index on the built corpus (issue 19).

Labels only where they fit: the kept labels cross no other label, no other node's marker
and not the picture's edge, and every node carries its full name as an SVG ``<title>``.
The actor index and the picture hold the agents of claims, not every name a document
mentions (photo credits, press contacts).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest

from extractor.read.report.data import ReportData, load_report_data, settings
from extractor.read.report.network_picture import NetworkDrawing, draw_network, network_graph
from extractor.read.report.site import write_report

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def data(corpus_build: Path) -> ReportData:
    return load_report_data(corpus_build)


@pytest.fixture(scope="module")
def drawing(data: ReportData) -> NetworkDrawing:
    return draw_network(data)


@pytest.fixture(scope="module")
def site(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(corpus_build, tmp_path_factory.mktemp("site") / "site").parent


def _agents(corpus_build: Path) -> set[str]:
    lines = (corpus_build / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["actor_id"] for line in lines if line.strip()}


def test_labels_fit_without_overlap(drawing: NetworkDrawing) -> None:
    limit = int(settings()["pictures"]["label_count"])
    assert 5 <= len(drawing.labels) <= limit
    for (a, box_a), (b, box_b) in combinations(drawing.labels.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
    frame = drawing.figure.bbox
    for node, box in drawing.labels.items():
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 <= box.y1 <= frame.y1
        crossed = [n for n, m in drawing.markers.items() if n != node and box.overlaps(m)]
        assert not crossed, (node, crossed)


def test_labels_go_to_the_best_connected_nodes(data: ReportData,
                                               drawing: NetworkDrawing) -> None:
    graph = network_graph(data)
    degrees = sorted((graph.degree(n) for n in graph), reverse=True)
    cut = degrees[int(settings()["pictures"]["label_count"]) - 1]
    assert all(graph.degree(n) >= cut for n in drawing.labels)
    assert len(drawing.labels) < graph.number_of_nodes()


def test_every_node_has_a_tooltip_and_few_have_a_label(site: Path, data: ReportData,
                                                       drawing: NetworkDrawing) -> None:
    root = ET.parse(site / "pictures" / "network.svg").getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    nodes = [g for gid, g in groups.items() if re.fullmatch(r"node-\d+", gid or "")]
    assert len(nodes) == network_graph(data).number_of_nodes()
    titles = [g.find(f"{SVG}title") for g in nodes]
    assert all(t is not None and t.text for t in titles)
    names = {str(d["label"]) for _, d in drawing.nodes}
    assert {t.text.rsplit(" (", 1)[0] for t in titles if t is not None and t.text} == names
    labels = [gid for gid in groups if re.fullmatch(r"label-\d+", gid or "")]
    assert len(labels) == len(drawing.labels)


def test_actor_index_lists_the_agents_of_claims_only(corpus_build: Path, site: Path,
                                                     data: ReportData) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'data-actor="([^"]+)"', index))
    agents = _agents(corpus_build)
    assert listed == agents
    named_only = {e.id for e in data.entities.values()
                  if e.type in ("Organization", "Person") and e.id not in agents}
    assert named_only, "the corpus names people who act in no claim (credits, contacts)"
    pages = {p.stem for p in (site / "actor").glob("*.html")}
    assert pages == {a.slug for a in data.actors.values()}
    assert len(pages) == len(agents)
    actors_drawn = {n for n, d in network_graph(data).nodes(data=True)
                    if d["type"] in ("Organization", "Person")}
    assert actors_drawn <= agents
