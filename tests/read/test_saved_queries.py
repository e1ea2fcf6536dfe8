"""Saved SPARQL queries: well formed, documented, and answering on the fixture and the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from tests.conftest import ROOT

QUERIES = ROOT / "ontology" / "queries"
VALID = ROOT / "tests" / "fixtures" / "valid.trig"
FILES = sorted(QUERIES.glob("*.rq"))
REQUIRED = {"who-committed-what", "money-per-actor-year", "document-says", "sources-for-figure",
            "persons-roles", "places-coordinates", "claims-without-amount", "entity-names",
            "commitments-without-achievement", "mentions-of-entity", "documents"}


def rows(store: ox.Store, name: str) -> list[dict[str, str | None]]:
    """Run a saved query; each row as a dict of plain values (None when unbound)."""
    result = store.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{n: (row[n].value if row[n] is not None else None) for n in names}
            for row in result]  # type: ignore[union-attr]


def test_the_required_queries_exist() -> None:
    assert REQUIRED <= {p.stem for p in FILES}


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in FILES])
def test_query_is_documented_and_parses(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert re.fullmatch(r"# [A-Z].*\?", lines[0]), "first line must be the question"
    header = [line for line in lines if line.startswith("PREFIX ")]
    first_code = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    assert lines[first_code].startswith("PREFIX "), "comments, then PREFIX lines, then the query"
    body = "\n".join(line for line in lines if not line.startswith(("#", "PREFIX ")))
    for line in header:
        prefix = line.split()[1]
        assert re.search(rf"(?<![\w-]){re.escape(prefix)}", body), f"unused {prefix}"
    ox.Store().query(text)
    prepareQuery(text)


def test_fixture_commitments(fixture_store: ox.Store) -> None:
    found = rows(fixture_store, "who-committed-what")
    assert {(r["actorLabel"], r["action"], r["amount"], r["unit"]) for r in found} == {
        ("Ville de Paris", "financer", "1300000", "EUR"),
        ("Agence régionale de santé Île-de-France", "financer", "1300000", "EUR"),
        ("Agence régionale de santé Île-de-France", "ouvrir", "40", "places")}
    assert all(r["kind"] == "commitment" and r["document"] == "000_fixture.txt" for r in found)


def test_fixture_money_per_actor_year(fixture_store: ox.Store) -> None:
    found = {(r["actor"].rsplit("/", 1)[1], r["year"], r["currency"], float(r["total"]))
             for r in rows(fixture_store, "money-per-actor-year")}
    assert found == {("ville-de-paris", "2020", "EUR", 1300000.0),
                     ("ars-idf", "2020", "EUR", 1300000.0)}


def test_fixture_commitments_without_achievement(fixture_store: ox.Store) -> None:
    found = {(r["claim"], r["action"]) for r in rows(fixture_store,
                                                      "commitments-without-achievement")}
    assert {action for _, action in found} == {"financer"}
    assert len(found) == 2


def bound_rows(store: ox.Store, name: str, **bind: ox.NamedNode | ox.Literal,
               ) -> list[dict[str, str | None]]:
    """A saved query asked about one value per parameter (``query NAME --bind k=v``)."""
    from extractor.read.query import run_query

    result = run_query(store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"), bind=bind)
    return [{n: (t.value if t is not None else None) for n, t in zip(result.variables, row,
                                                                    strict=True)}
            for row in result.bindings]


def test_fixture_document_says(fixture_store: ox.Store) -> None:
    every = rows(fixture_store, "document-says")
    assert {r["document"] for r in every} == {"000_fixture.txt", "001_fixture.txt"}
    found = bound_rows(fixture_store, "document-says", document=ox.Literal("000_fixture.txt"))
    assert found == [r for r in every if r["document"] == "000_fixture.txt"]
    assert [r["kind"] for r in found][-1] == "statement"
    assert [int(r["start"]) for r in found] == sorted(int(r["start"]) for r in found)


def test_fixture_sources_for_figure(fixture_store: ox.Store) -> None:
    found = rows(fixture_store, "sources-for-figure")
    assert {(r["document"], r["documents"]) for r in found} == {
        ("000_fixture.txt", "2"), ("001_fixture.txt", "2")}
    assert any("1,3 M€" in r["sentence"] for r in found)
    assert all("1,3 M€" in r["sentence"] or "1.3 million" in r["sentence"] for r in found)


def test_fixture_entities(fixture_store: ox.Store) -> None:
    ars = bound_rows(fixture_store, "entity-names", slug=ox.Literal("ars-idf"))
    assert {r["entity"] for r in ars} == {"https://w3id.org/plangraph/entity/ars-idf"}
    names = {(r["source"], r["name"]) for r in ars}
    assert ("written in a document", "ARS") in names
    assert ("preferred label", "Île-de-France Regional Health Agency") in names
    assert names < {(r["source"], r["name"]) for r in rows(fixture_store, "entity-names")}
    written = {r["name"]: int(r["times"]) for r in ars if r["source"] == "written in a document"}
    assert written == {"ARS": 1, "Agence régionale de santé Île-de-France": 1}
    persons = rows(fixture_store, "persons-roles")
    assert [(r["name"], r["role"], r["organisationName"]) for r in persons] == [
        ("Anne Hidalgo", "maire de Paris", "Ville de Paris")]
    places = {r["name"]: float(r["lat"]) for r in rows(fixture_store, "places-coordinates")}
    assert places["Paris"] == pytest.approx(48.8566)


def test_fixture_claim_source_cuts_the_text_again(fixture_store: ox.Store) -> None:
    found = rows(fixture_store, "claim-source")
    assert len(found) == 6
    assert all(r["exact"] == r["fromText"] for r in found)


def test_fixture_other_queries(fixture_store: ox.Store) -> None:
    assert [r["kind"] for r in rows(fixture_store, "claims-without-amount")] == ["statement"]
    mentions = rows(fixture_store, "mentions-of-entity")
    assert {r["exact"] for r in mentions if r["slug"] == "paris"} == {"Paris"}
    documents = rows(fixture_store, "documents")
    assert [(r["document"], r["publisher"]) for r in documents] == [
        ("000_fixture.txt", "Ville de Paris"), ("001_fixture.txt", None)]
    assert [(r["mentions"], r["claims"]) for r in documents] == [("12", "5"), ("3", "1")]
    assert rows(fixture_store, "actors-overview")[0]["actor"].endswith("/entity/ars-idf")
    assert {r["role"] for r in rows(fixture_store, "build-provenance")} == {"software", "model"}


def test_corpus_answers(corpus_store: ox.Store) -> None:
    places = {r["name"]: r for r in rows(corpus_store, "places-coordinates")}
    assert float(places["Paris"]["lat"]) == pytest.approx(48.85, abs=0.01)
    names = {r["name"] for r in rows(corpus_store, "entity-names")}
    assert "ARS" in names
    assert rows(corpus_store, "who-committed-what")
    assert len({r["document"] for r in rows(corpus_store, "documents")}) == 5
    says = bound_rows(corpus_store, "document-says", document=ox.Literal("000_ba6cb053b5cb5c30.txt"))
    assert says and {r["document"] for r in says} == {"000_ba6cb053b5cb5c30.txt"}
    assert all(r["exact"] == r["fromText"] for r in rows(corpus_store, "claim-source"))
    figures = rows(corpus_store, "sources-for-figure")
    assert figures and all(r["sentence"] for r in figures)
    kept = {r["claim"] for r in rows(corpus_store, "who-committed-what")
            if r["negated"] == "false"}
    open_ones = {r["claim"] for r in rows(corpus_store, "commitments-without-achievement")}
    assert open_ones and open_ones <= kept
    assert rows(corpus_store, "persons-roles")


def test_ontology_readme_examples_answer(fixture_store: ox.Store) -> None:
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert len(blocks) == 3
    for block in blocks:
        assert list(fixture_store.query(block)), block  # type: ignore[arg-type]


def test_claim_source_answers_for_one_bound_claim(fixture_store: ox.Store) -> None:
    """``query claim-source --bind claim=<iri>``: the listing narrowed to one claim."""
    from extractor.read.query import run_query

    text = (QUERIES / "claim-source.rq").read_text(encoding="utf-8")
    every = run_query(fixture_store, text)
    claim = every.bindings[-1][0]
    one = run_query(fixture_store, text, bind={"claim": claim})
    assert one.rows == [every.rows[-1]]


def test_written_forms_are_what_the_mentions_wrote(corpus_store: ox.Store) -> None:
    """The SKOS-XL labels of the entity graph count exactly the mentions' exact texts."""
    mentions = """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?entity ?name (COUNT(*) AS ?times) WHERE { GRAPH ?g {
          ?m oa:hasBody ?entity ; oa:hasTarget/oa:hasSelector/oa:exact ?name } }
        GROUP BY ?entity ?name"""
    from_mentions = {(r["entity"].value, r["name"].value, int(r["times"].value))
                     for r in corpus_store.query(mentions)
                     if "/entity/" in r["entity"].value}
    written = {(r["entity"], r["name"], int(r["times"]))
               for r in rows(corpus_store, "entity-names")
               if r["source"] == "written in a document"}
    assert len(written) > 50
    assert written == from_mentions
