"""A claim's confidence is its construction's measured precision, and a threshold trades
precision for recall as the table says."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from extractor.read.evaluate import evaluate
from tests.claims.test_named_errors import claims_of
from tests.conftest import GOLD, ROOT

TABLE = yaml.safe_load((ROOT / "ontology" / "confidence.yaml").read_text(encoding="utf-8"))


def test_every_claim_names_its_construction_and_takes_its_precision():
    claims = claims_of("La Ville de Lyon a ouvert 60 places en mai. « Nous en ouvrirons "
                       "d'autres en 2027 », a promis la maire de Lyon, Anne Martin.")
    assert claims
    for c in claims:
        row = TABLE["constructions"].get(c.construction)
        assert row is not None, c.construction
        assert c.confidence == row["precision"]


def test_a_hedged_claim_is_less_sure_than_its_construction():
    (claim,) = claims_of("La Ville de Lyon aurait ouvert 60 places en mai.")
    assert claim.confidence < TABLE["constructions"][claim.construction]["precision"]


def test_a_threshold_leaves_out_the_less_sure_claims(corpus_build: Path):
    rows = [json.loads(line) for line in (corpus_build / "claims.jsonl").open(encoding="utf-8")]
    cut = sorted({r["confidence"] for r in rows})[1]  # drops the least sure construction
    every = evaluate(GOLD, corpus_build).scores["claims"]
    sure = evaluate(GOLD, corpus_build, min_confidence=cut).scores["claims"]
    kept = sum(1 for r in rows if r["confidence"] >= cut)
    assert sure.tp + sure.fp == kept < every.tp + every.fp
    assert sure.recall <= every.recall
