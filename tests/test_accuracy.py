"""Accuracy on the corpus against tests/gold (targets from the issues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.read.evaluate import entity_consistency, evaluate
from tests.conftest import GOLD

TARGETS = {"entities": 0.90, "Money": 0.95, "Date": 0.95, "Quantity": 0.90, "claims": 0.80}


@pytest.fixture(scope="module")
def report(corpus_build: Path):
    return evaluate(GOLD, corpus_build)


@pytest.mark.parametrize("group", sorted(TARGETS))
def test_f1_meets_target(report, group):
    score = report.scores[group]
    assert score.f1 >= TARGETS[group], report.to_table()


def test_every_gold_entity_resolves_to_one_iri_and_no_two_share_one(corpus_build: Path):
    problems = entity_consistency(GOLD, corpus_build)
    assert problems == []
