"""A build without spaCy, for tests about files, ids and outputs rather than extraction:
every document yields no mention and no claim, so a build takes well under a second and
still writes every output (each document's graph carries its text and metadata)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.build import executors
from extractor.build.extract import DocResult
from extractor.records import Document

FRENCH = ("La Ville de Paris et la préfecture de police ont annoncé un nouveau plan pour "
          "les personnes qui vivent dans la rue, avec des places d'hébergement en 2024.")


def no_extraction(documents: list[Document]) -> list[DocResult]:
    """What extraction would give for documents with nothing to find."""
    return [DocResult(d, (), ()) for d in documents]


def use_fake_extraction(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace extraction; returns the ids it runs on, in order (the cache's misses)."""
    calls: list[str] = []

    def recording(documents: list[Document]) -> list[DocResult]:
        calls.extend(d.id for d in documents)
        return no_extraction(documents)

    monkeypatch.setattr(executors, "extract_documents", recording)
    return calls


def write_doc(path: Path, words: str = "") -> Path:
    """A short French document (``words`` makes its content distinct)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{FRENCH} {words}\n", encoding="utf-8")
    return path
