"""Document identity: one id and one named graph per file, never two files per id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import iris
from extractor.build.run import build
from extractor.errors import PlangraphError
from extractor.read.text import document_text
from extractor.read.validate import validate_store
from extractor.store import open_store
from tests.build.fakes import use_fake_extraction, write_doc

LOOKALIKES = ["plan a.txt", "plan-a.txt", "Été.txt", "ete.txt"]


def _graphs(out: Path) -> set[str]:
    return {g.value for g in open_store(out / "store").named_graphs()}


def _document_graphs(out: Path) -> set[str]:
    return {g for g in _graphs(out) if "/document/" in g}


def _report(out: Path) -> dict:
    return json.loads((out / "build-report.json").read_text(encoding="utf-8"))


def test_names_with_one_slug_get_distinct_iris():
    assert len({iris.document(name) for name in LOOKALIKES}) == len(LOOKALIKES)
    assert iris.document("plan a.txt").rsplit("/", 1)[1].startswith("plan-a-txt-")
    assert iris.document("sub/x.txt") == iris.document("sub/x.txt")


def test_lookalike_names_are_four_documents_with_their_own_text(tmp_path: Path):
    """Real extraction: text, validate, the graph count and the cache all follow the ids."""
    src = tmp_path / "in"
    sentences = {
        "plan a.txt": "Le préfet de police a ouvert un centre à Paris en 2020.",
        "plan-a.txt": "La Ville de Paris a financé 12 places en 2021.",
        "Été.txt": "L'Agence régionale de santé a ouvert un lieu de repos à Paris.",
        "ete.txt": "La préfecture a démantelé le campement de la porte de la Villette.",
    }
    for name, text in sentences.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    report = build([src], out, overlap=False)
    assert sorted(report.documents) == sorted(sentences) and not report.errors
    store = open_store(out / "store")
    for name, text in sentences.items():
        assert document_text(store, name).strip() == text
    assert report.graphs == len(sentences) + 2 == len(_graphs(out))
    assert _report(out)["named_graphs"] == len(sentences) + 2
    assert validate_store(out / "store").conforms
    mentions = [json.loads(line) for line in (out / "mentions.jsonl").open(encoding="utf-8")]
    assert {m["document"] for m in mentions} == set(sentences)
    for m in mentions:
        assert document_text(store, m["document"])[m["start"]:m["end"]] == m["text"]
    (src / "ete.txt").write_text("La préfecture a évacué le square Forceval.\n", encoding="utf-8")
    again = build([src], out, overlap=False)
    assert (again.extracted, again.cached) == (1, 3)
    assert "Forceval" in document_text(open_store(out / "store"), "ete.txt")
    assert document_text(open_store(out / "store"), "Été.txt").strip() == sentences["Été.txt"]


def test_two_folders_with_the_same_relative_path_stay_apart(tmp_path: Path, monkeypatch):
    calls = use_fake_extraction(monkeypatch)
    a, b = write_doc(tmp_path / "dirA" / "x.txt", "alpha"), write_doc(tmp_path / "dirB" / "x.txt")
    out = tmp_path / "out"
    report = build([a.parent, b.parent], out, overlap=False)
    assert report.documents == ["dirA/x.txt", "dirB/x.txt"] and not report.errors
    assert sorted(calls) == ["dirA/x.txt", "dirB/x.txt"]
    store = open_store(out / "store")
    assert "alpha" in document_text(store, "dirA/x.txt")
    assert "alpha" not in document_text(store, "dirB/x.txt")
    assert len(_document_graphs(out)) == 2 and report.graphs == len(_graphs(out))
    with pytest.raises(PlangraphError) as excinfo:
        document_text(store, "x.txt")  # two documents end so: which one is not guessed
    assert excinfo.value.code == "E057" and "dirA/x.txt, dirB/x.txt" in str(excinfo.value)
    one = build([a.parent], tmp_path / "one", overlap=False)
    assert one.documents == ["x.txt"]  # one folder keeps plain relative ids


def test_two_folders_of_one_name_are_refused_for_the_second_file(tmp_path: Path, monkeypatch):
    use_fake_extraction(monkeypatch)
    a = write_doc(tmp_path / "p" / "docs" / "x.txt", "first")
    b = write_doc(tmp_path / "q" / "docs" / "x.txt", "second")
    write_doc(tmp_path / "q" / "docs" / "y.txt")
    messages: list[str] = []
    report = build([a.parent, b.parent], tmp_path / "out", overlap=False,
                   on_error=messages.append)
    assert report.documents == ["docs/x.txt", "docs/y.txt"]
    assert len(messages) == 1 and messages[0].startswith("[E051]") and str(b) in messages[0]
    assert "first" in document_text(open_store(tmp_path / "out" / "store"), "docs/x.txt")


@pytest.mark.parametrize("twice", ["file", "folder-and-file", "folder"])
def test_the_same_file_named_twice_is_built_once(tmp_path: Path, monkeypatch, twice: str):
    calls = use_fake_extraction(monkeypatch)
    doc = write_doc(tmp_path / "in" / "plan.txt")
    paths = {"file": [doc, doc], "folder-and-file": [doc.parent, doc],
             "folder": [doc.parent, tmp_path / "in" / ".." / "in"]}[twice]
    out = tmp_path / "out"
    report = build(paths, out, overlap=False)
    assert report.documents == ["plan.txt"] and calls == ["plan.txt"]
    rows = (out / "plan.nq").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(set(rows))
    assert len(_document_graphs(out)) == 1 and report.graphs == len(_graphs(out))


def test_a_whole_id_wins_over_a_file_name_elsewhere(tmp_path: Path, monkeypatch):
    use_fake_extraction(monkeypatch)
    write_doc(tmp_path / "in" / "a" / "x.txt", "nested")
    write_doc(tmp_path / "in" / "x.txt", "top")
    write_doc(tmp_path / "in" / "b" / "y.txt", "only")
    build([tmp_path / "in"], tmp_path / "out", overlap=False)
    store = open_store(tmp_path / "out" / "store")
    assert "top" in document_text(store, "x.txt")
    assert "nested" in document_text(store, "a/x.txt")
    assert "only" in document_text(store, "y.txt")
    assert "only" in document_text(store, iris.document("b/y.txt"))
