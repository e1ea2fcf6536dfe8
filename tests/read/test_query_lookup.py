"""``plangraph query`` never fails silently: bound names are looked up in the store, unknown
query names and files are "no such query", syntax errors are one short line, and an empty
answer to a bound question is said on stderr. On the corpus build, through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from extractor.cli import cli
from extractor.read.bound_values import Candidate, pick
from extractor.read.saved_queries import saved_queries

ENTITY = "https://w3id.org/plangraph/entity/"


def query(corpus_build: Path, *args: str) -> Result:
    """``plangraph query ARGS --store <corpus build>``, stdout and stderr apart."""
    return CliRunner().invoke(cli, ["query", *args, "--store", str(corpus_build / "store")])


def csv_rows(result: Result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def documents(corpus_build: Path) -> list[str]:
    return sorted(r["document"] for r in csv_rows(query(corpus_build, "documents",
                                                        "--format", "csv")))


def test_the_readme_example_answers_for_the_file_name(corpus_build: Path) -> None:
    """``--bind document=001.txt``: the store's identifier is ``001_<hash>.txt``."""
    listed = csv_rows(query(corpus_build, "documents", "--format", "csv"))
    first, iri = next((r["document"], r["doc"]) for r in listed
                      if r["document"].startswith("001"))
    every = csv_rows(query(corpus_build, "document-says", "--format", "csv"))
    expected = [r for r in every if r["document"] == first]
    assert expected
    for given in ("001.txt", "corpus/001.txt", f"corpus/{first}", first, "001", f"<{iri}>"):
        result = query(corpus_build, "document-says", "--format", "csv",
                       "--bind", f"document={given}")
        assert csv_rows(result) == expected, given
        assert result.stderr == "", given


@pytest.mark.parametrize("given", ["ars-idf", "ARS", "ars-i", f"<{ENTITY}ars-idf>",
                                   "Agence régionale de santé Île-de-France"])
def test_an_actor_is_found_by_slug_label_prefix_or_iri(corpus_build: Path, given: str) -> None:
    rows = csv_rows(query(corpus_build, "who-committed-what", "--format", "csv",
                          "--bind", f"actor={given}"))
    assert rows and {r["actor"] for r in rows} == {ENTITY + "ars-idf"}


def test_a_slug_parameter_gets_the_slug_string(corpus_build: Path) -> None:
    rows = csv_rows(query(corpus_build, "entity-names", "--format", "csv", "--bind", "slug=ARS"))
    assert rows and {r["slug"] for r in rows} == {"ars-idf"}


def test_an_unknown_actor_is_an_error_naming_candidates(corpus_build: Path) -> None:
    result = query(corpus_build, "who-committed-what", "--bind", "actor=nobody-at-all")
    assert result.exit_code == 1 and result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("[E032] binding actor=nobody-at-all") and "\n" not in message
    listed = message.split("candidates: ", 1)[1]
    assert "ars-idf" in listed and listed.count(",") <= 8


def test_an_ambiguous_prefix_is_an_error_naming_the_matches(corpus_build: Path) -> None:
    result = query(corpus_build, "document-says", "--bind", "document=00")
    assert result.exit_code == 1
    assert result.stderr.startswith("[E033] binding document=00: 5 documents match")
    assert all(d in result.stderr for d in documents(corpus_build))


@pytest.mark.parametrize("given", ["documnet-says", "no-such-query", "missing/file.rq",
                                   "nowhere.rq"])
def test_an_unknown_query_or_missing_file_is_no_such_query(corpus_build: Path,
                                                           given: str) -> None:
    result = query(corpus_build, given)
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith(f"[E012] query {given}: no such query") and "\n" not in message
    assert all(name in message for name in saved_queries())
    assert ("did you mean document-says?" in message) == (given == "documnet-says")


def test_an_existing_rq_file_runs_with_its_parameters(corpus_build: Path, tmp_path: Path) -> None:
    """A copied saved query is a file: its ``# @param`` header still resolves names."""
    copy = tmp_path / "mine.rq"
    copy.write_text(saved_queries()["document-says"].text, encoding="utf-8")
    rows = csv_rows(query(corpus_build, str(copy), "--format", "csv", "--bind", "document=002"))
    assert rows and {r["document"][:4] for r in rows} == {"002_"}


def test_an_undeclared_prefix_is_one_short_line(corpus_build: Path) -> None:
    text = "PREFIX pg: <https://w3id.org/plangraph/ontology#>\nSELECT * WHERE {\n ?s foo:bar ?o }"
    for extra in ([], ["--bind", "s=<https://e.org/x>"]):
        result = query(corpus_build, text, *extra)
        assert result.exit_code == 1
        assert result.stderr == ("[E131] SPARQL syntax error: undeclared prefix 'foo:' "
                                 "at line 3\n"), extra


@pytest.mark.parametrize("text", ["SELECT * WHERE {", "SELECT * WHERE { FILTER(?s = ) }",
                                  'SELECT ?s WHERE { ?s ?p "abc }'])
def test_syntax_errors_are_cut_short(corpus_build: Path, text: str) -> None:
    result = query(corpus_build, text)
    message = result.stderr.strip()
    assert result.exit_code == 1 and message.startswith("[E131] SPARQL syntax error: line 1, ")
    assert "\n" not in message and len(message) < 160 and "\\u{" not in message


def test_an_empty_bound_answer_is_said_on_stderr(corpus_build: Path,
                                                 corpus_store: ox.Store) -> None:
    """An actor of the store with no commitment: the answer is empty, and stderr says so,
    while stdout stays a well-formed (empty) result."""
    actors = {r["a"].value for r in corpus_store.query(  # type: ignore[union-attr]
        "SELECT DISTINCT ?a { GRAPH ?g { ?c <https://w3id.org/plangraph/ontology#actor> ?a } }")}
    committed = {r["actor"] for r in csv_rows(query(corpus_build, "who-committed-what",
                                                    "--format", "csv"))}
    idle = sorted(actors - committed)[0]
    result = query(corpus_build, "who-committed-what", "--format", "json",
                   "--bind", f"actor={idle.rsplit('/', 1)[1]}")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"]["bindings"] == []
    assert result.stderr == f"[E034] 0 rows for actor={idle} (given as " \
                            f"'{idle.rsplit('/', 1)[1]}')\n"
    answered = query(corpus_build, "who-committed-what", "--format", "json",
                     "--bind", "actor=ars-idf")
    assert answered.stderr == "" and json.loads(answered.stdout)["results"]["bindings"]


def test_text_queries_keep_values_as_typed(corpus_build: Path) -> None:
    """In one's own SPARQL ``?document`` may be anything: the value is not looked up, and
    an empty answer is still said."""
    text = "SELECT ?document WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/identifier> " \
           "?document } }"
    result = query(corpus_build, text, "--format", "csv", "--bind", "document=001.txt")
    assert result.exit_code == 0 and result.stdout.strip() == "document"
    assert result.stderr == "[E034] 0 rows for document=001.txt\n"


def test_pick_prefers_exact_names_to_prefixes() -> None:
    paris = Candidate(ox.NamedNode(ENTITY + "paris"), frozenset({"paris"}), "paris")
    ville = Candidate(ox.NamedNode(ENTITY + "ville-de-paris"),
                      frozenset({"ville-de-paris", "ville de paris"}), "ville-de-paris")
    assert pick("Paris", [paris, ville]) is paris
    assert pick("ville", [paris, ville]) is ville
    assert pick("Ville de Paris", [paris, ville]) is ville
