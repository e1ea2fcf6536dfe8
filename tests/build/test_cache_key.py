"""The extraction cache is keyed on the code that extracts and every knowledge file it can
read; ``build-report.json`` says how many documents were extracted and how many cached."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.build.cache import AFTER_EXTRACTION, extraction_knowledge, fingerprint
from extractor.build.run import build
from tests.build.fakes import use_fake_extraction, write_doc
from tests.conftest import ROOT


@pytest.fixture
def ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ontology/ that the build reads instead of the real one."""
    folder = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", folder)
    monkeypatch.setenv("PLANGRAPH_ONTOLOGY", str(folder))
    return folder


def _edit(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")


def test_the_institution_grammar_is_in_the_key(ontology: Path):
    """institutions.yaml (read by the mentions stage) was once missing from the key."""
    stamp = fingerprint()
    _edit(ontology / "institutions.yaml")
    assert fingerprint() != stamp


def test_a_new_knowledge_file_is_in_the_key_by_default(ontology: Path):
    stamp = fingerprint()
    (ontology / "acronyms.yaml").write_text("ARS: agence\n", encoding="utf-8")
    assert "acronyms.yaml" in extraction_knowledge() and fingerprint() != stamp


@pytest.mark.parametrize("name", ["curation.yaml", "shapes.ttl"])
def test_files_read_after_extraction_keep_the_cache(ontology: Path, name: str):
    assert name in AFTER_EXTRACTION
    stamp = fingerprint()
    _edit(ontology / name)
    assert fingerprint() == stamp


def test_the_report_counts_extracted_and_cached_documents(tmp_path: Path, monkeypatch):
    calls = use_fake_extraction(monkeypatch)
    src, out = tmp_path / "in", tmp_path / "out"
    for name in ("a.txt", "b.txt", "c.txt"):
        write_doc(src / name, name)
    first = build([src], out, overlap=False)
    assert (first.extracted, first.cached) == (3, 0) and calls == ["a.txt", "b.txt", "c.txt"]
    write_doc(src / "b.txt", "changed")
    second = build([src], out, overlap=False)
    saved = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert (second.extracted, second.cached) == (1, 2)
    assert (saved["extracted"], saved["cached"]) == (1, 2)
    unchanged = build([src], out, overlap=False)
    assert unchanged.up_to_date and (unchanged.extracted, unchanged.cached) == (0, 3)
