"""The on-disk store and read-only queries over it (store.py, query.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import store as store_module
from extractor.errors import PlangraphError
from extractor.read.bindings import bind_values, parse_bindings
from extractor.read.query import looks_like_update, mentions_service, query_prefixes, run_query
from extractor.read.query_results import format_result
from extractor.read.saved_queries import parse_saved, saved_queries, saved_query
from extractor.store import StoreBuilder, open_store, write_store
from tests.conftest import FIXTURES

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

FIXTURE = FIXTURES / "small.trig"
PG = "PREFIX pg: <https://w3id.org/plangraph/ontology#> "
CLAIMS = PG + "SELECT ?g ?c WHERE { GRAPH ?g { ?c a pg:Claim } } ORDER BY ?c"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("build") / "store"
    assert write_store(target, FIXTURE) == 25
    return target


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return open_store(store_dir)


def codes(excinfo: pytest.ExceptionInfo[PlangraphError]) -> str:
    return excinfo.value.code


def test_rewrite_replaces_contents_and_leaves_no_temp_folders(tmp_path: Path) -> None:
    target = tmp_path / "store"
    write_store(target, FIXTURE)
    smaller = tmp_path / "one.nq"
    smaller.write_text("<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\n")
    assert write_store(target, smaller) == 1
    assert len(open_store(target)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.lock", "one.nq", "store"]


def test_a_users_file_is_checked_a_builds_own_quads_are_not(tmp_path: Path) -> None:
    """A file given to ``write_store`` has every IRI checked (an IRI with a space is refused,
    E134); a build's own quads, which pyoxigraph serialised from terms it made and checked,
    load without that second check (``checked=True``)."""
    bad_iri = tmp_path / "bad.nq"
    bad_iri.write_text("<http://e/a b> <http://e/p> <http://e/o> .\n")
    with pytest.raises(PlangraphError) as excinfo:
        write_store(tmp_path / "store", bad_iri)
    assert codes(excinfo) == "E134"
    builder = StoreBuilder(tmp_path / "built", checked=True)
    quad = ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("o"),
                   ox.NamedNode("http://e/g"))
    builder.add(ox.serialize([quad], format=ox.RdfFormat.N_QUADS) or b"")
    assert builder.commit() == 1
    assert list(open_store(tmp_path / "built")) == [quad]


def test_invalid_input_keeps_old_store(tmp_path: Path) -> None:
    target = tmp_path / "store"
    write_store(target, FIXTURE)
    broken = tmp_path / "broken.trig"
    broken.write_text("<http://e/a> <http://e/p> .\n")
    with pytest.raises(PlangraphError) as excinfo:
        write_store(target, broken)
    assert codes(excinfo) == "E134"
    assert len(open_store(target)) == 25
    assert not list(tmp_path.glob(".store.new-*"))


def test_builder_loads_chunks_in_the_background_and_swaps_at_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "LOAD_BYTES", 200)  # many small bulk loads
    target = tmp_path / "store"
    write_store(target, FIXTURE)
    builder = StoreBuilder(target)
    lines = [f"<http://e/s{i}> <http://e/p> \"{i}\" <http://e/g{i % 3}> .\n" for i in range(500)]
    for i in range(0, 500, 7):
        builder.add("".join(lines[i:i + 7]).encode())
    assert len(open_store(target)) == 25  # readers see the old store until the swap
    with pytest.raises(PlangraphError) as excinfo:
        StoreBuilder(target)  # a second writer is refused while the first runs
    assert codes(excinfo) == "E139"
    assert builder.commit() == 500
    assert len(open_store(target)) == 500
    assert not list(tmp_path.glob(".store.new-*"))


def test_discarded_builder_leaves_the_old_store(tmp_path: Path) -> None:
    target = tmp_path / "store"
    write_store(target, FIXTURE)
    builder = StoreBuilder(target)
    builder.add(b"<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\n")
    builder.discard()
    assert len(open_store(target)) == 25
    assert not list(tmp_path.glob(".store.new-*"))
    StoreBuilder(target).discard()  # the lock was released


def test_interrupted_swap_is_readable_and_recovered(tmp_path: Path) -> None:
    target = tmp_path / "store"
    write_store(target, FIXTURE)
    os.rename(target, tmp_path / ".store.old")  # a crash between the two renames
    assert len(open_store(target)) == 25
    (tmp_path / ".store.new-crashed").mkdir()
    assert write_store(target, FIXTURE) == 25
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.lock", "store"]


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.mkdir()], ids=["missing", "empty"])
def test_open_store_refuses_non_store(tmp_path: Path, make) -> None:
    make(tmp_path / "store")
    with pytest.raises(PlangraphError) as excinfo:
        open_store(tmp_path / "store")
    assert codes(excinfo) == "E011"


def test_select_rows_are_plain_strings(store: ox.Store) -> None:
    result = run_query(store, CLAIMS)
    assert result.kind == "select" and result.variables == ["g", "c"]
    assert [row[0].rsplit("/", 1)[1] for row in result.rows] == [
        "doc-a-txt", "doc-a-txt", "doc-b-txt"]
    optional = run_query(store, PG + "SELECT ?c ?q { ?c a pg:Claim OPTIONAL { ?c pg:quote ?q } }")
    assert sorted(r[1] for r in optional.rows if r[1]) == [
        'The city will open "two" new sites\tsoon.']
    assert [r[1] for r in optional.rows].count(None) == 2


def test_default_graph_is_union_of_graphs(store: ox.Store) -> None:
    assert run_query(store, PG + "ASK { ?c a pg:Claim }").boolean is True
    assert run_query(store, "ASK { <http://nowhere/x> ?p ?o }").boolean is False


def test_construct_serialises_as_turtle(store: ox.Store) -> None:
    query = PG + "CONSTRUCT { ?c pg:actor ?a } WHERE { ?c pg:actor ?a }"
    result = run_query(store, query)
    assert result.kind == "graph" and len(result.triples) == 3
    text = result.turtle()
    assert "@prefix pg:" in text
    assert len(list(ox.parse(text.encode(), format=ox.RdfFormat.TURTLE))) == 3
    nt = format_result(result, "ntriples")
    assert len(nt.strip().splitlines()) == 3
    assert next(csv.reader(io.StringIO(format_result(result, "csv")))) == [
        "subject", "predicate", "object"]


def test_formats_parse_back(store: ox.Store) -> None:
    result = run_query(store, PG + "SELECT ?c ?q { ?c a pg:Claim OPTIONAL { ?c pg:quote ?q } }")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["c", "q"] and len(data["results"]["bindings"]) == 3
    quoted = [b["q"] for b in data["results"]["bindings"] if "q" in b]
    assert quoted == [{"type": "literal", "value": 'The city will open "two" new sites\tsoon.',
                       "xml:lang": "en"}]
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["c", "q"] and len(rows) == 4
    root = ET.fromstring(format_result(result, "xml").encode())
    assert len(root.findall(f"{SRX}results/{SRX}result")) == 3
    for fmt, kind in (("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV),
                      ("json", ox.QueryResultsFormat.JSON)):
        back = list(ox.parse_query_results(format_result(result, fmt).encode(), format=kind))
        values = sorted(str(s["q"]) for s in back if s["q"] is not None)
        assert values == ['"The city will open \\"two\\" new sites\\tsoon."@en'], fmt
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["c", "q"] and table[-1] == "(3 rows)"


def test_ask_formats(store: ox.Store) -> None:
    result = run_query(store, "ASK { ?s ?p ?o }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    root = ET.fromstring(format_result(result, "xml").encode())
    assert root.find(f"{SRX}boolean").text == "true"
    with pytest.raises(PlangraphError) as excinfo:
        format_result(result, "turtle")
    assert codes(excinfo) == "E141"


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e/a> <http://e/p> <http://e/b> }",
    "PREFIX e: <http://e/#> # comment\nDELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/x.ttl>",
    "clear all",
    "DROP GRAPH <http://e/g>",
])
def test_updates_are_refused(store: ox.Store, update: str) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        run_query(store, update)
    assert codes(excinfo) == "E030"
    assert len(store) == 25


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * { ?s ?p true SeRvIcE<http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_service_is_refused(store: ox.Store, query: str) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        run_query(store, query)
    assert codes(excinfo) == "E133"


def test_syntax_error_is_one_line(store: ox.Store) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        run_query(store, "SELECT * WHERE {")
    assert codes(excinfo) == "E131" and "\n" not in str(excinfo.value)


def test_a_bound_variable_narrows_a_query(store: ox.Store) -> None:
    every = run_query(store, CLAIMS)
    assert len(every.rows) > 1
    wanted = every.bindings[-1][1]
    one = run_query(store, CLAIMS, bind={"c": wanted})
    assert one.rows == [every.rows[-1]]
    bound = parse_bindings([f"c=<{wanted.value}>"])
    assert run_query(store, CLAIMS, bind=bound).rows == one.rows


@pytest.mark.parametrize("item", ["claim", "=x", "1a=x", "claim=", "claim=<not an iri>"])
def test_malformed_binding_is_one_line_e031(item: str) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        parse_bindings([item])
    assert codes(excinfo) == "E031" and "\n" not in str(excinfo.value)


def test_binding_a_variable_the_query_lacks_is_e031(store: ox.Store) -> None:
    """A misspelt name would otherwise leave the query unfiltered without a word."""
    with pytest.raises(PlangraphError) as excinfo:
        run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", bind={"obj": ox.Literal("x")})
    assert codes(excinfo) == "E031" and "?obj" in str(excinfo.value)


def test_binding_a_variable_that_is_not_selected_filters(store: ox.Store) -> None:
    every = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }")
    some = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", bind={"p": RDF_TYPE})
    assert 0 < len(some.rows) < len(every.rows)


def test_binding_works_in_every_query_form(store: ox.Store) -> None:
    """The values go first in the pattern: after a CONSTRUCT's template, next to a VALUES
    of the query's own, and before grouping (so they filter what is counted)."""
    every = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    typed = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                      bind={"p": RDF_TYPE}).rows[0][0]
    assert 0 < int(typed) < int(every)
    graph = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", bind={"p": RDF_TYPE})
    assert graph.triples and {t.predicate for t in graph.triples} == {RDF_TYPE}
    own = run_query(store, "SELECT ?s WHERE { ?s ?p ?o } VALUES ?o { <http://e/none> }",
                    bind={"p": RDF_TYPE})
    assert own.rows == []
    assert run_query(store, "ASK { ?s ?p ?o }", bind={"p": RDF_TYPE}).boolean


def test_bind_markers_each_get_the_values(store: ox.Store) -> None:
    """Every ``# @bind`` line gets the block, so a subquery is narrowed as well as the
    pattern that joins it; without the second marker the subquery counts every type."""
    query = """SELECT ?s ?n WHERE {
      # @bind
      ?s ?p ?o
      { SELECT ?p (COUNT(*) AS ?n) WHERE {
        # @bind
        ?x ?p ?y } GROUP BY ?p }
    }"""
    text = bind_values(query, {"p": RDF_TYPE})
    assert text.count("VALUES (?p)") == 2
    bound = run_query(store, query, bind={"p": RDF_TYPE})
    assert bound.rows and all(row[1] == bound.rows[0][1] for row in bound.rows)
    assert int(bound.rows[0][1]) == len(bound.rows)


@pytest.mark.parametrize("value", [
    '"} } DROP ALL ; SELECT * { ?s ?p ?o',
    "x\" } UNION { ?s ?p ?o",
    "a\nb > <http://e/>",
])
def test_a_bound_value_cannot_change_the_query(store: ox.Store, value: str) -> None:
    """Quotes, braces and new lines in a value stay inside its literal: nothing matches."""
    bound = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", bind={"o": ox.Literal(value)})
    assert bound.rows == []


def test_binding_values_are_typed() -> None:
    assert parse_bindings(["n=12", "x=1.5", 'name="a b"', "iri=https://e.org/a"]) == {
        "n": ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        "x": ox.Literal("1.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
        "name": ox.Literal("a b"), "iri": ox.NamedNode("https://e.org/a")}


def test_max_rows_truncates(store: ox.Store) -> None:
    cut = run_query(store, "SELECT * { ?s ?p ?o }", max_rows=4)
    assert cut.truncated and len(cut.rows) == 4
    assert "truncated" in format_result(cut, "table")
    whole = run_query(store, "SELECT * { ?s ?p ?o }", max_rows=25)
    assert not whole.truncated and len(whole.rows) == 25


def test_timeout_stops_waiting() -> None:
    big = ox.Store()
    big.extend(ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"),
                       ox.Literal(str(i)), ox.NamedNode("http://e/g")) for i in range(2000))
    started = time.monotonic()
    with pytest.raises(PlangraphError) as excinfo:
        run_query(big, "SELECT (COUNT(*) AS ?n) { ?a ?p ?o . ?b ?p ?c }", timeout=0.5)
    assert codes(excinfo) == "E132"
    assert time.monotonic() - started < 1.5
    assert run_query(big, "ASK { ?a ?p ?o }", timeout=5).boolean is True


def test_saved_queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "claims.rq").write_text("# Which claims?\n# All of them.\n" + CLAIMS)
    (folder / "bare.rq").write_text("ASK {}")
    (folder / "notes.txt").write_text("# not a query")
    monkeypatch.setenv("PLANGRAPH_ONTOLOGY", str(tmp_path))
    found = saved_queries()
    assert list(found) == ["bare", "claims"]
    assert found["claims"].question == "Which claims? All of them."
    assert found["bare"].question == "" and found["claims"].text.endswith("ORDER BY ?c")
    assert saved_query("claims").name == "claims"
    with pytest.raises(PlangraphError) as excinfo:
        saved_query("nope")
    assert codes(excinfo) == "E012"


@given(st.text())
def test_query_text_scanners_never_raise(text: str) -> None:
    assert isinstance(mentions_service(text), bool)
    assert isinstance(looks_like_update(text), bool)
    assert isinstance(query_prefixes(text), dict)
    assert parse_saved("x", text).text == text
