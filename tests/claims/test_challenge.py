"""The challenge set (tests/challenge/constructions.yaml): short sentences written by hand,
one grammatical construction each, French and English, with the claims a careful analyst
expects. The extractor must find most of them in every family of constructions, with the
right kind, and find none where the sentence names no actor."""

from __future__ import annotations

import pytest

from extractor.build.challenge import ChallengeReport, run_challenge
from tests.conftest import ROOT

CHALLENGE = ROOT / "tests" / "challenge" / "constructions.yaml"


@pytest.fixture(scope="module")
def report() -> ChallengeReport:
    return run_challenge(CHALLENGE)


def test_overall_f1_and_with_the_kind(report: ChallengeReport):
    # measured when written: 0.88 lenient, 0.68 with the kind; now 0.93 and 0.81
    total = report.total()
    assert total.f1() >= 0.90 and total.f1(strict=True) >= 0.75, report.to_table()


def test_sentences_naming_no_actor_give_no_claim(report: ChallengeReport):
    for lang in ("fr", "en"):
        assert report.tallies[("negative", lang)].fp <= 1, report.misses


@pytest.mark.parametrize("construction", [
    "active-subject", "coordinated-subjects", "coordinated-verbs", "passive-agent",
    "participle-or-relative", "control-verb", "nominalisation", "reported-speech",
    "according-to", "pronoun-or-title", "kind-traps"])
def test_each_construction_is_mostly_found(report: ChallengeReport, construction: str):
    found = sum(report.tallies[(construction, lang)].tp for lang in ("fr", "en"))
    expected = found + sum(report.tallies[(construction, lang)].fn for lang in ("fr", "en"))
    assert found >= 0.6 * expected, report.to_table()
