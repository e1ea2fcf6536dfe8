"""Shared fixtures: the corpus is built once per test session into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
FIXTURES = ROOT / "tests" / "fixtures"
PACKAGE = ROOT / "extractor"

os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built with the real models (once; tests only read it)."""
    from extractor.build.run import build

    out = tmp_path_factory.mktemp("graphs")
    report = build([CORPUS], out)
    assert not report.errors, report.errors
    return out


@pytest.fixture(scope="session")
def nlp_fr():
    from extractor.nlp.models import load_model

    return load_model("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from extractor.nlp.models import load_model

    return load_model("en")


@pytest.fixture(scope="session")
def fixture_store() -> ox.Store:
    """The hand-made graph of tests/fixtures/valid.trig in a memory store."""
    store = ox.Store()
    store.extend(ox.parse(path=str(ROOT / "tests" / "fixtures" / "valid.trig"),
                          format=ox.RdfFormat.TRIG))
    return store


@pytest.fixture(scope="session")
def corpus_store(corpus_build: Path) -> ox.Store:
    """The store of the corpus build, read-only."""
    return ox.Store.read_only(str(corpus_build / "store"))


@pytest.fixture(scope="session")
def delivery_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/delivery (a plan, its follow-ups, an audit; French and English) built
    with the real models, once: one commitment per delivery status."""
    from extractor.build.run import build

    out = tmp_path_factory.mktemp("delivery")
    report = build([FIXTURES / "delivery"], out)
    assert not report.errors, report.errors
    return out
