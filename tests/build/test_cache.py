"""Incremental builds: unchanged documents are not re-extracted, anything that matters is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.build import executors, helper
from extractor.build.cache import ExtractionCache, fingerprint, model_meta
from extractor.build.run import build
from extractor.mentions.curation import Curation
from extractor.text.fold import fold_name
from tests.conftest import CORPUS

DOCS = sorted(p.name for p in CORPUS.glob("*.txt"))[2:4]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, src / name)
    return src


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the documents extraction runs on, in call order."""
    calls: list[str] = []
    real = executors.extract_documents

    def recording(documents):
        calls.extend(d.id for d in documents)
        return real(documents)

    def submitting(documents):  # extracted by the helper's workers (overlap, two cores)
        calls.extend(d.id for d in documents)
        return real_submit(documents)

    real_submit = helper.submit_extract
    monkeypatch.setattr(executors, "extract_documents", recording)
    monkeypatch.setattr(helper, "submit_extract", submitting)
    return calls


def _nq(out: Path) -> list[str]:
    return sorted((out / "plan.nq").read_text(encoding="utf-8").splitlines())


def _entries(out: Path) -> list[Path]:
    return sorted((out / ".cache").glob("*.json"))


def test_unchanged_rebuild_extracts_nothing_and_gives_the_same_graph(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out)
    assert spy == DOCS and len(_entries(out)) == 2
    first = _nq(out)
    spy.clear()
    report = build([corpus], out)
    assert spy == []
    assert report.documents == DOCS
    assert _nq(out) == first


def test_only_the_changed_document_is_extracted_and_its_old_entry_pruned(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out)
    before = set(_entries(out))
    spy.clear()
    with (corpus / DOCS[1]).open("a", encoding="utf-8") as handle:
        handle.write("\nLa Ville de Paris a ouvert un centre de soins en 2024.\n")
    build([corpus], out)
    assert spy == [DOCS[1]]
    after = set(_entries(out))
    assert len(after) == 2 and len(before & after) == 1


def test_a_new_version_invalidates_every_entry(corpus, tmp_path, spy, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out)
    stamp = fingerprint()
    monkeypatch.setattr("extractor.__version__", "99.0")
    assert fingerprint() != stamp
    spy.clear()
    build([corpus], out)
    assert spy == DOCS


def test_a_knowledge_edit_invalidates_every_entry(corpus, tmp_path, spy, monkeypatch):
    ontology = tmp_path / "ontology"
    shutil.copytree(CORPUS.parent / "ontology", ontology)
    monkeypatch.setenv("PLANGRAPH_ONTOLOGY", str(ontology))
    out = tmp_path / "out"
    build([corpus], out)
    spy.clear()
    with (ontology / "lang" / "fr.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    build([corpus], out)
    assert spy == DOCS


def test_an_unchanged_corpus_reads_no_file_twice(corpus, tmp_path, spy):
    """Up to date is decided from the inputs' keys before extraction: not even the
    cache entries are read."""
    out = tmp_path / "out"
    build([corpus], out)
    for entry in _entries(out):
        entry.write_text("not json", encoding="utf-8")
    spy.clear()
    report = build([corpus], out)
    assert report.up_to_date and spy == []


def test_a_corrupted_entry_is_rebuilt_not_fatal(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out)
    first = _nq(out)
    broken = _entries(out)[0]
    broken.write_text('{"document": {"id": ', encoding="utf-8")
    (out / "plan.gexf").unlink()  # outputs incomplete: the build must run, reading the cache
    spy.clear()
    report = build([corpus], out)
    assert len(spy) == 1 and not report.errors
    assert _nq(out) == first
    assert json.loads(broken.read_text(encoding="utf-8"))["document"]["id"] in DOCS


def test_a_curation_rejection_applies_without_re_extraction(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out)
    rows = [json.loads(line) for line in (out / "mentions.jsonl").open(encoding="utf-8")]
    victim = next(r["text"] for r in rows if r["type"] == "Organization")
    spy.clear()
    curation = Curation(reject=frozenset({(None, fold_name(victim))}))
    build([corpus], out, curation=curation)
    assert spy == []
    rows = [json.loads(line) for line in (out / "mentions.jsonl").open(encoding="utf-8")]
    assert victim not in {r["text"] for r in rows}


def test_cache_off_keeps_nothing(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out, cache=False)
    build([corpus], out, cache=False)
    assert spy == DOCS + DOCS
    assert not (out / ".cache").exists()


def test_model_meta_matches_the_loaded_model(nlp_fr):
    assert model_meta("fr") == (f"{nlp_fr.meta['lang']}_{nlp_fr.meta['name']}",
                                nlp_fr.meta["version"])


def test_unreadable_file_has_no_key(tmp_path):
    cache = ExtractionCache(tmp_path)
    assert cache.key(tmp_path / "missing.txt", tmp_path) is None
    assert cache.load(None) is None


def test_unchanged_rebuild_rewrites_no_output(corpus, tmp_path, spy):
    out = tmp_path / "out"
    build([corpus], out)
    stamp = (out / "plan.nq").stat().st_mtime_ns
    report = build([corpus], out)
    assert report.up_to_date and len(report.documents) == len(DOCS)
    assert (out / "plan.nq").stat().st_mtime_ns == stamp
    (corpus / DOCS[0]).write_text("Le préfet de police a ouvert 12 places à Paris.", encoding="utf-8")
    changed = build([corpus], out)
    assert not changed.up_to_date and (out / "plan.nq").stat().st_mtime_ns != stamp
