"""The CLI in-process: every command answers on the corpus build, errors are one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import __version__
from extractor.cli import cli
from tests.conftest import CORPUS

COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_version_and_help_on_every_command(run):
    assert __version__ in run("--version").output
    for name in cli.commands:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_query_counts_one_graph_per_document_plus_three(run, corpus_build: Path):
    result = run("query", COUNT_GRAPHS, "--store", corpus_build / "store", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output)))
    # entities, build, delivery
    assert rows[0] == ["n"] and int(rows[1][0]) == len(list(CORPUS.glob("*.txt"))) + 3


def test_query_formats_and_saved_queries(run, corpus_build: Path):
    as_json = run("query", COUNT_GRAPHS, "--store", corpus_build / "store", "--format", "json")
    assert json.loads(as_json.output)["results"]["bindings"]
    listing = run("query", "--list").output.splitlines()
    assert len(listing) >= 9 and all("\t" in line for line in listing)
    name = listing[0].split("\t")[0]
    assert run("query", name, "--store", corpus_build / "store").exit_code == 0
    says = next(line.split("\t") for line in listing if line.startswith("document-says\t"))
    assert says[2].startswith("--bind document=…")


def test_query_bind_narrows_a_saved_query_to_one_document(run, corpus_build: Path):
    every = list(csv.DictReader(io.StringIO(run(
        "query", "document-says", "--store", corpus_build / "store", "--format", "csv").output)))
    first = every[0]["document"]
    one = list(csv.DictReader(io.StringIO(run(
        "query", "document-says", "--store", corpus_build / "store", "--format", "csv",
        "--bind", f"document={first}").output)))
    assert one == [row for row in every if row["document"] == first]
    assert len({row["document"] for row in every}) > 1
    typo = CliRunner().invoke(cli, ["query", "document-says", "--store",
                                    str(corpus_build / "store"), "--bind", "documnet=x"])
    assert typo.exit_code != 0 and "E031" in typo.output + str(typo.stderr_bytes or b"")


def test_update_is_refused_with_one_line(run, corpus_build: Path):
    result = CliRunner().invoke(cli, ["query", "INSERT DATA { <a:b> <a:c> <a:d> }", "--store",
                                      str(corpus_build / "store")])
    assert result.exit_code != 0 and "E030" in result.output


def test_text_prints_the_stored_text(run, corpus_build: Path):
    name = sorted(p.name for p in CORPUS.glob("*.txt"))[0]
    out = run("text", name, "--store", corpus_build / "store").output
    assert out.startswith("Communiqué de presse") or "Communiqué de presse" in out[:200]
    mentions = [json.loads(x) for x in (corpus_build / "mentions.jsonl").open(encoding="utf-8")]
    for m in (m for m in mentions if m["document"] == name):
        assert out[m["start"]:m["end"]] == m["text"]


def test_entities_lists_names_and_counts(run, corpus_build: Path):
    out = run("entities", "--out", corpus_build).output
    assert "ars-idf" in out and "ARS" in out
    places = run("entities", "--out", corpus_build, "--type", "Place", "--json").output
    assert all(json.loads(line)["type"] == "Place" for line in places.splitlines())


def test_evaluate_prints_scores(run, corpus_build: Path):
    out = run("evaluate", "--out", corpus_build).output
    assert "entities" in out and "claims" in out and "F1" in out


def test_validate_the_build(run, corpus_build: Path):
    result = run("validate", "--store", corpus_build / "store")
    assert result.exit_code == 0


def test_trace_and_compare(run, corpus_build: Path):
    rows = json.loads(run("trace", "Regional Health Agency", "--out", corpus_build,
                          "--format", "json").output)
    assert rows and all("quote" in r and "document" in r for r in rows)
    assert any(r["amount"] == 1300000 for r in rows)
    table = run("compare", "--out", corpus_build, "--format", "md").output
    assert table.startswith("|") and "24 000 000" in table.replace("\u202f", " ")


def test_unknown_actor_is_a_one_line_error(corpus_build: Path):
    result = CliRunner().invoke(cli, ["trace", "Zorglub", "--out", str(corpus_build)])
    assert result.exit_code != 0 and "E160" in result.output


def test_missing_store_is_a_one_line_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert result.exit_code != 0 and "E011" in result.output.strip().splitlines()[-1]
