"""SHACL validation: the real build and the fixture conform; broken graphs fail as expected."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from extractor.errors import PlangraphError
from extractor.namespaces import PG
from extractor.read.validate import ValidationReport, validate_graph_file, validate_store
from tests.conftest import ROOT

VALID = ROOT / "tests" / "fixtures" / "valid.trig"
ONTOLOGY = ROOT / "ontology" / "plangraph.ttl"
BASE = "https://w3id.org/plangraph/"
DOC = f"{BASE}document/000-fixture-txt"
XSD = "http://www.w3.org/2001/XMLSchema#"
OA = "http://www.w3.org/ns/oa#"
P = str(PG)


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@pytest.fixture(scope="module")
def built(request: pytest.FixtureRequest) -> Path:
    """The corpus build, or a skip naming what the build still lacks."""
    try:
        import extractor.build.run  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"corpus build not available yet: {exc}")
    return request.getfixturevalue("corpus_build")


def _store() -> ox.Store:
    store = ox.Store()
    store.extend(ox.parse(path=str(VALID), format=ox.RdfFormat.TRIG))
    return store


def _one(store: ox.Store, s: object, p: str, o: object = None,
         graph: str = DOC) -> ox.Quad:
    return next(iter(store.quads_for_pattern(s, N(p), o, N(graph))))


def _broken(tmp_path: Path, change: Callable[[ox.Store], None]) -> ValidationReport:
    store = _store()
    change(store)
    path = tmp_path / "broken.nq"
    store.dump(str(path), ox.RdfFormat.N_QUADS)
    return validate_graph_file(path)


def _replace(store: ox.Store, quad: ox.Quad, value: ox.Literal) -> None:
    store.remove(quad)
    store.add(ox.Quad(quad.subject, quad.predicate, value, quad.graph_name))


def _claim(store: ox.Store, kind: str = "commitment") -> ox.NamedNode:
    return _one(store, None, P + "kind", ox.Literal(kind)).subject


def test_fixture_conforms_as_trig_nquads_turtle_and_store(tmp_path: Path) -> None:
    report = validate_graph_file(VALID)
    assert report.conforms, report.to_text()
    assert report.graphs == 4
    assert "conforms" in report.to_text()
    store = _store()
    store.dump(str(tmp_path / "plan.nq"), ox.RdfFormat.N_QUADS)
    assert validate_graph_file(tmp_path / "plan.nq").conforms
    triples = [q.triple for q in store]
    ox.serialize(triples, str(tmp_path / "plan.ttl"), ox.RdfFormat.TURTLE)
    assert validate_graph_file(tmp_path / "plan.ttl").conforms
    disk = ox.Store(str(tmp_path / "store"))
    disk.extend(store)
    disk.flush()
    del disk
    assert validate_store(tmp_path / "store").conforms


def test_mention_without_target(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        mention = _one(store, None, P + "mentionType", ox.Literal("Money")).subject
        store.remove(_one(store, mention, OA + "hasTarget"))

    report = _broken(tmp_path, change)
    assert not report.conforms
    assert any("/mention/" in v and "oa:hasTarget:" in v for v in report.violations)


def test_claim_with_bad_confidence_and_kind(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        claim = _claim(store)
        _replace(store, _one(store, claim, P + "confidence"),
                 ox.Literal("2", datatype=N(XSD + "decimal")))
        _replace(store, _one(store, claim, P + "kind"), ox.Literal("rumour"))

    lines = _broken(tmp_path, change).violations
    assert any("pg:confidence:" in v for v in lines), lines
    assert any("pg:kind:" in v and "rumour" in v for v in lines), lines


def test_document_without_text(tmp_path: Path) -> None:
    report = _broken(tmp_path, lambda s: s.remove(_one(s, N(DOC), P + "text")))
    assert [v for v in report.violations if v.startswith(f"{DOC} {DOC} pg:text:")]


def test_start_after_end(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        quad = _one(store, None, OA + "start")
        _replace(store, quad, ox.Literal("900", datatype=N(XSD + "nonNegativeInteger")))

    lines = _broken(tmp_path, change).violations
    assert len(lines) == 1 and "#position oa:start:" in lines[0], lines


def test_exact_text_must_match_the_offsets(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        mention = _one(store, None, P + "mentionType", ox.Literal("Money")).subject
        _replace(store, _one(store, N(mention.value + "#quote"), OA + "exact"),
                 ox.Literal("2,3 M€"))

    lines = _broken(tmp_path, change).violations
    assert any("oa:exact is not the text between" in v and "#target" in v for v in lines), lines


def test_claim_quote_and_type_must_agree(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        claim = _claim(store, "achievement")
        _replace(store, _one(store, claim, P + "quote"), ox.Literal("autre chose"))
        store.remove(_one(store, claim, str(RDF.type), N(P + "Achievement")))

    lines = _broken(tmp_path, change).violations
    assert any("pg:quote differs" in v for v in lines), lines
    assert any("rdf:type does not match its pg:kind" in v for v in lines), lines


def test_mention_body_must_fit_its_type(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        mention = _one(store, None, P + "mentionType", ox.Literal("Money")).subject
        body = N(mention.value + "#value")
        store.remove(_one(store, body, str(RDF.type)))
        store.add(ox.Quad(body, N(str(RDF.type)), N("https://schema.org/QuantitativeValue"),
                          N(DOC)))

    lines = _broken(tmp_path, change).violations
    assert any("the body does not fit the mention type" in v for v in lines), lines


def test_place_needs_both_coordinates_in_range(tmp_path: Path) -> None:
    entities = f"{BASE}graph/entities"

    def change(store: ox.Store) -> None:
        paris = N(f"{BASE}entity/paris")
        geo = "http://www.w3.org/2003/01/geo/wgs84_pos#"
        store.remove(_one(store, paris, geo + "long", graph=entities))
        _replace(store, _one(store, paris, geo + "lat", graph=entities),
                 ox.Literal("148.85", datatype=N(XSD + "decimal")))

    lines = _broken(tmp_path, change).violations
    assert any("needs both geo:lat and geo:long" in v for v in lines), lines
    assert any("entity/paris geo:lat:" in v for v in lines), lines


def test_actor_must_be_an_entity_of_the_entities_graph(tmp_path: Path) -> None:
    def change(store: ox.Store) -> None:
        quad = _one(store, _claim(store, "statement"), P + "actor")
        store.remove(quad)
        store.add(ox.Quad(quad.subject, quad.predicate, N(f"{BASE}entity/nobody"), N(DOC)))

    lines = _broken(tmp_path, change).violations
    assert lines and all("entity/nobody" in line for line in lines), lines


def test_unreadable_inputs_raise_coded_errors(tmp_path: Path) -> None:
    with pytest.raises(PlangraphError, match=r"\[E001\]"):
        validate_graph_file(tmp_path / "missing.trig")
    (tmp_path / "plan.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(PlangraphError, match=r"\[E101\]"):
        validate_graph_file(tmp_path / "plan.csv")
    (tmp_path / "bad.trig").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(PlangraphError, match=r"\[E102\]"):
        validate_graph_file(tmp_path / "bad.trig")
    with pytest.raises(PlangraphError, match=r"\[E011\]"):
        validate_store(tmp_path / "nostore")


def _pg_terms(graph: Graph) -> set[URIRef]:
    terms = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(P):
                terms.add(term)
    return terms


def _undeclared(used: set[URIRef]) -> list[str]:
    ontology = Graph().parse(ONTOLOGY)
    # SKOS concepts: the delivery statuses a build's findings point to
    kinds = {OWL.Class, OWL.DatatypeProperty, OWL.ObjectProperty, SKOS.Concept}
    problems = []
    for term in sorted(used):
        if not kinds & set(ontology.objects(term, RDF.type)):
            problems.append(f"{term}: not declared")
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, prop)}
            if not {"en", "fr"} <= langs:
                problems.append(f"{term}: {prop} lacks en or fr")
    return problems


def test_every_term_of_the_fixture_and_of_rdf_py_is_declared() -> None:
    used = _pg_terms(Graph().parse(VALID, format="trig"))
    source = "".join((ROOT / "extractor" / "graph" / name).read_text(encoding="utf-8")
                     for name in ("rdf.py", "document_rdf.py", "rdf_terms.py"))
    used |= {PG[name] for name in re.findall(r"\bPG\.(\w+)", source)}
    assert len(used) > 30
    assert _undeclared(used) == []


def test_corpus_build_conforms_quickly(built: Path) -> None:
    started = time.perf_counter()
    report = validate_store(built / "store")
    seconds = time.perf_counter() - started
    assert report.conforms, report.to_text()
    assert seconds < 30, f"validation took {seconds:.1f} s"
    assert validate_graph_file(built / "plan.trig").conforms


def test_every_term_of_the_corpus_build_is_declared(built: Path) -> None:
    graph = Graph()
    for quad in ox.parse(path=str(built / "plan.nq"), format=ox.RdfFormat.N_QUADS):
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(P):
                graph.add((URIRef(term.value), RDF.value, URIRef(term.value)))
    used = _pg_terms(graph)
    assert PG.Claim in used and PG.Mention in used
    assert _undeclared(used) == []
