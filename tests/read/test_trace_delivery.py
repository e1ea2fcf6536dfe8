"""trace shows whether each commitment was delivered, in every format, from files or a store.

The build is ``tests/fixtures/delivery`` (see tests/graph/test_delivery.py for its five
commitments, one per delivery status)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from extractor.read.delivery import load_deliveries
from extractor.read.trace import COLUMNS, FIELDS, format_rows, short_id, trace

VILLE = "Ville de Paris"


def test_json_rows_carry_the_status_evidence_and_rule(delivery_build: Path) -> None:
    rows = json.loads(format_rows(trace(delivery_build, VILLE), "json"))
    assert {"delivery", "delivery_evidence", "delivery_rule"} <= set(rows[0])
    assert list(rows[0]) == list(FIELDS)
    ids = {r["id"]: r for r in rows}
    committed = {r["quote"]: r for r in rows if r["kind"] == "commitment"}
    opened = next(r for q, r in committed.items() if "100 places" in q)
    assert opened["delivery"] == "delivered"
    assert [ids[e]["quote"] for e in opened["delivery_evidence"]] == [
        "La Ville de Paris a ouvert 120 places d'hébergement pour les usagers."]
    extended = next(r for q, r in committed.items() if "horaires" in q)
    assert extended["delivery"] == "disputed" and len(extended["delivery_evidence"]) == 2
    assert all(r["delivery"] is None and r["delivery_evidence"] is None
               for r in rows if r["kind"] != "commitment")


def test_csv_has_the_delivery_columns(delivery_build: Path) -> None:
    assert {"delivery", "delivery_evidence", "delivery_rule"} <= set(COLUMNS)
    text = format_rows(trace(delivery_build, "préfecture de police"), "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    statuses = {r["delivery"] for r in rows if r["kind"] == "commitment"}
    assert statuses == {"not delivered", "no later report"}
    undone = next(r for r in rows if r["delivery"] == "not delivered")
    assert json.loads(undone["delivery_evidence"])[0].startswith("https://")
    assert undone["delivery_rule"] == "assessment saying not delivered"


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_text_formats_show_the_status_and_the_evidence_ids(delivery_build: Path,
                                                           fmt: str) -> None:
    rows = trace(delivery_build, "Agence régionale de santé")
    partly = next(r for r in rows if r.delivery is not None)
    text = format_rows(rows, fmt)
    evidence = short_id(partly.delivery.evidence[0])  # type: ignore[union-attr]
    assert f"partly ← {evidence}" in text
    assert short_id(partly.claim.id) in text


def test_a_bare_store_gives_the_same_deliveries(delivery_build: Path, tmp_path: Path) -> None:
    shutil.copytree(delivery_build / "store", tmp_path / "store")
    from_files = load_deliveries(delivery_build)
    from_store = load_deliveries(tmp_path / "store")
    assert len(from_files) == 5
    assert {k: (d.status, d.rule, set(d.evidence)) for k, d in from_files.items()} == {
        k: (d.status, d.rule, set(d.evidence)) for k, d in from_store.items()}
    traced = {r.claim.id: r.delivery for r in trace(tmp_path / "store", VILLE)}
    assert {k: v.status for k, v in traced.items() if v} == {
        k: from_files[k].status for k, v in traced.items() if v}


def test_a_build_without_delivery_reads_as_none(tmp_path: Path) -> None:
    assert load_deliveries(tmp_path) == {}
