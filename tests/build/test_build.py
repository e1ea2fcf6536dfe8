"""The whole path on the real corpus: every output exists, agrees with the text, re-parses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from extractor.read.text import document_text
from extractor.store import open_store
from tests.conftest import CORPUS

DOCS = sorted(p.name for p in CORPUS.glob("*.txt"))


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def test_every_output_exists_and_is_not_trivial(corpus_build: Path):
    for name, minimum in [("plan.trig", 20000), ("plan.nq", 20000), ("plan.ttl", 20000),
                          ("plan.jsonld", 20000), ("plan.graphml", 5000), ("plan.gexf", 5000),
                          ("mentions.jsonl", 5000), ("entities.jsonl", 1000),
                          ("claims.jsonl", 1000), ("claims.csv", 1000)]:
        path = corpus_build / name
        assert path.exists() and path.stat().st_size > minimum, name
    assert (corpus_build / "store").is_dir()
    assert not list(corpus_build.glob(".staging-*"))


def test_one_named_graph_per_document_in_the_store(corpus_build: Path):
    store = open_store(corpus_build / "store")
    rows = list(store.query(
        "PREFIX pg: <https://w3id.org/plangraph/ontology#> "
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a pg:Document } }"))
    assert int(rows[0]["n"].value) == len(DOCS)
    graphs = {str(g.value) for g in store.named_graphs()}
    assert len(graphs) == len(DOCS) + 3  # entities, build, delivery


def test_mention_offsets_point_into_the_stored_text(corpus_build: Path):
    store = open_store(corpus_build / "store")
    texts = {d: document_text(store, d) for d in DOCS}
    mentions = _jsonl(corpus_build / "mentions.jsonl")
    assert {m["document"] for m in mentions} == set(DOCS)
    for m in mentions:
        assert texts[m["document"]][m["start"]:m["end"]] == m["text"], m


def test_every_mention_type_flows_through(corpus_build: Path):
    types = {m["type"] for m in _jsonl(corpus_build / "mentions.jsonl")}
    assert types == {"Organization", "Person", "Place", "Money", "Quantity", "Date"}


def test_claim_quotes_are_exact_and_actors_resolved(corpus_build: Path):
    store = open_store(corpus_build / "store")
    claims = _jsonl(corpus_build / "claims.jsonl")
    assert len(claims) >= 10
    entity_ids = {e["id"] for e in _jsonl(corpus_build / "entities.jsonl")}
    for c in claims:
        text = document_text(store, c["document"])
        assert text[c["start"]:c["end"]] == c["quote"]
        assert c["actor_id"] in entity_ids
        assert c["kind"] in ("commitment", "achievement", "assessment", "statement")


def test_rdf_files_reparse_with_rdflib(corpus_build: Path):
    ds = rdflib.Dataset()
    ds.parse(corpus_build / "plan.trig", format="trig")
    assert len({g.identifier for g in ds.graphs()} - {rdflib.URIRef("urn:x-rdflib:default")}) == len(DOCS) + 3
    nq = rdflib.Dataset()
    nq.parse(corpus_build / "plan.nq", format="nquads")
    assert len(nq) == len(ds)
    ttl = rdflib.Graph().parse(corpus_build / "plan.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(corpus_build / "plan.jsonld", format="json-ld")
    assert len(ttl) == len(jsonld) > 1000


def test_graphml_and_gexf_reread_with_networkx(corpus_build: Path):
    g = nx.read_graphml(corpus_build / "plan.graphml")
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert {"Document", "Claim", "Organization", "Place"} <= types
    edge_types = {d["kind"] for _, _, d in g.edges(data=True)}
    assert {"mentions", "derived_from"} <= edge_types
    assert all(isinstance(d["label"], str) and d["label"] for _, d in g.nodes(data=True))
    gexf = nx.read_gexf(corpus_build / "plan.gexf")
    assert gexf.number_of_nodes() == g.number_of_nodes()


def test_csv_has_the_same_rows_as_jsonl(corpus_build: Path):
    import csv

    rows = list(csv.DictReader((corpus_build / "claims.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [c["id"] for c in _jsonl(corpus_build / "claims.jsonl")]


def test_entities_have_coordinates_for_places(corpus_build: Path):
    for e in _jsonl(corpus_build / "entities.jsonl"):
        if e["type"] == "Place" and e["id"].endswith(("/paris", "/paris-19e")):
            assert 48 < e["lat"] < 49 and 2 < e["lon"] < 3


def test_same_input_gives_identical_nquads(tmp_path: Path, corpus_build: Path):
    from extractor.build.run import build

    src = tmp_path / "in"
    src.mkdir()
    for name in DOCS[:2]:
        shutil.copy(CORPUS / name, src / name)
    a, b = tmp_path / "a", tmp_path / "b"
    build([src], a)
    build([src], b)
    lines_a = sorted((a / "plan.nq").read_text(encoding="utf-8").splitlines())
    lines_b = sorted((b / "plan.nq").read_text(encoding="utf-8").splitlines())
    assert lines_a == lines_b


def test_bad_file_is_reported_and_the_others_built(tmp_path: Path):
    from extractor.build.run import build

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / DOCS[2], src / DOCS[2])
    (src / "empty.txt").write_bytes(b"")
    (src / "noise.txt").write_bytes(bytes(range(256)) * 20)
    messages: list[str] = []
    report = build([src], tmp_path / "out", on_error=messages.append)
    assert report.documents == [DOCS[2]]
    assert len(report.errors) == 2 and len(messages) == 2
    assert all("\n" not in m and ("empty.txt" in m or "noise.txt" in m) for m in messages)
    saved = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert len(saved["errors"]) == 2


def test_failed_build_leaves_previous_outputs_intact(tmp_path: Path, monkeypatch):
    from extractor.build import run as build_module

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / DOCS[2], src / DOCS[2])
    out = tmp_path / "out"
    build_module.build([src], out)
    before = (out / "plan.nq").read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr(build_module.StoreBuilder, "commit", boom)
    (src / "extra.txt").write_text("Le préfet de police a ouvert un centre à Paris.", encoding="utf-8")
    with pytest.raises(RuntimeError):
        build_module.build([src], out)
    assert (out / "plan.nq").read_bytes() == before
    assert not list(out.glob(".staging-*"))
    assert document_text(open_store(out / "store"), DOCS[2])
