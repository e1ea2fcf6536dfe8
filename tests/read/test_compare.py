"""compare: commitments against later reports, one figure given differently by two sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from extractor.read.compare import SIDE_FIELDS, Comparison, compare
from extractor.read.compare_format import CSV_COLUMNS, format_comparison
from tests.read.test_trace import ARS, VILLE, make_build

PLAN = {"id": "plan.txt", "lang": "fr", "published": "2019-05-27",
        "text": "La Ville de Paris engagera 3 M€ pour l'hébergement des usagers de crack. "
                "Le parc compte 12 bancs neufs.",
        "mentions": [("3 M€", "Money", 3000000.0, "EUR"),
                     ("12 bancs", "Quantity", 12.0, "bench")],
        "claims": [("La Ville de Paris engagera 3 M€ pour l'hébergement des usagers de crack.",
                    "commitment", VILLE, "fund", 3000000.0, "EUR")]}
AUDIT = {"id": "audit.txt", "lang": "fr", "published": "2021-12-09",
         "text": "Les dépenses de la Ville de Paris pour l'hébergement des usagers de crack ont "
                 "atteint 24 M€. La chambre compte 700 à 800 usagers en errance dans la rue.",
         "mentions": [("24 M€", "Money", 24000000.0, "EUR"),
                      ("700 à 800 usagers", "Quantity", [700.0, 800.0], "user")]}
NEWS = {"id": "news.txt", "lang": "en", "published": "2021-12-15",
        "text": "According to the associations, 300 to 350 users are still wandering the "
                "streets. The ARS repaired 40 kilometres of road.",
        "mentions": [("300 to 350 users", "Quantity", [300.0, 350.0], "user"),
                     ("40 kilometres", "Quantity", 40.0, "kilometre")],
        "claims": [("The ARS repaired 40 kilometres of road.", "achievement", ARS, "repair",
                    40.0, "kilometre")]}


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[Comparison]:
    return compare(make_build(tmp_path_factory.mktemp("compare"), [PLAN, AUDIT, NEWS]))


def _pairs(rows: list[Comparison]) -> list[tuple]:
    return [(r.kind, r.left.amount, r.right.amount) for r in rows]


def test_commitment_against_later_report(rows: list[Comparison]) -> None:
    assert ("commitment-vs-outcome", 3000000.0, 24000000.0) in _pairs(rows)
    row = next(r for r in rows if r.right.amount == 24000000.0)
    assert row.left.document == "plan.txt" and row.right.document == "audit.txt"
    assert row.difference == "+21 000 000 EUR (×8)"
    assert row.actor_id == VILLE and row.left.published == "2019-05-27"
    assert row.left.quote.startswith("La Ville de Paris engagera")


def test_the_street_population_is_not_those_left_in_the_street(rows: list[Comparison]) -> None:
    """700–800 users "en errance dans la rue" against 300–350 users who "are still
    wandering": the second counts what is left, not the same measure (no qualifier)."""
    assert ("figure-disagreement", (700.0, 800.0), (300.0, 350.0)) not in _pairs(rows)


def test_unrelated_figures_give_no_row(rows: list[Comparison]) -> None:
    assert len(rows) == 1
    assert all(r.left.unit == r.right.unit for r in rows)
    assert rows == sorted(rows, key=lambda r: -r.score)


def test_same_value_and_same_document_give_no_row(tmp_path: Path) -> None:
    same = dict(AUDIT, id="again.txt", published="2022-01-10",
                mentions=[("24 M€", "Money", 24500000.0, "EUR")])
    inside = dict(PLAN, id="inside.txt", text=PLAN["text"] + " Les dépenses ont atteint 24 M€.",
                  mentions=[*PLAN["mentions"], ("24 M€", "Money", 24000000.0, "EUR")])
    assert compare(make_build(tmp_path / "a", [AUDIT, same])) == []
    assert compare(make_build(tmp_path / "b", [inside])) == []


def test_comparison_formats_parse(rows: list[Comparison]) -> None:
    objects = json.loads(format_comparison(rows, "json"))
    assert objects[0]["kind"] == rows[0].kind
    assert list(objects[0]) == ["kind", "basis", "topic", "actor", "actor_id", "left",
                                "right", "difference", "note", "score", "delivery"]
    assert list(objects[0]["left"]) == list(SIDE_FIELDS) and "topic" not in SIDE_FIELDS
    table = list(csv.DictReader(io.StringIO(format_comparison(rows, "csv"))))
    assert [r["left_quote"] for r in table] == [r.left.quote for r in rows]
    assert list(table[0]) == list(CSV_COLUMNS) and CSV_COLUMNS[0] == "score"
    md = format_comparison(rows, "md").splitlines()
    assert md[0].startswith("| score |") and set(md[1]) <= set("|-") and len(md) == 3
    assert "score" in format_comparison(rows, "table").splitlines()[0]


def test_real_corpus_pairs(corpus_build: Path) -> None:
    found = compare(corpus_build)
    money = [r for r in found if r.kind == "commitment-vs-outcome"
             and r.left.amount == 3000000.0 and r.right.amount == 24000000.0]
    assert money and money[0].left.published < money[0].right.published
    assert money[0].basis.startswith("same measure: EUR, a total")
    assert len(found) <= 15
