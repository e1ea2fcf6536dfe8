"""compare pairs like with like: the same unit, counted noun, qualifiers, period, scope and
actor; true disagreements are found (first), misleading pairs are not, and every row says
why its two figures are comparable."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from extractor.read.compare import Comparison, compare
from extractor.read.compare_format import format_comparison
from extractor.read.compare_measure import Measure, measure, same_measure
from tests.read.test_trace import ARS, VILLE, make_build

# Two sources, in two languages, counting the same users in the street differently.
PREFECTURE = {"id": "prefecture.txt", "lang": "fr", "published": "2021-11-20",
              "text": "La préfecture a compté 400 usagers de crack en errance dans la rue, "
                      "selon son dernier relevé.",
              "mentions": [("400 usagers", "Quantity", 400.0, "user")]}
ASSOCIATIONS = {"id": "associations.txt", "lang": "en", "published": "2021-12-10",
                "text": "Around 250 crack users wandering in the streets, the associations "
                        "counted.",
                "mentions": [("250 crack users", "Quantity", 250.0, "user")]}
# A commitment and its outcome on the same measure (emergency places of the city) …
PLAN = {"id": "plan.txt", "lang": "fr", "published": "2019-05-27",
        "text": "La Ville de Paris ouvrira 80 places d'urgence en 2020. "
                "Ce dispositif va aboutir à la création de 68 places en unités "
                "d'hébergement spécialisées.",
        "mentions": [("80 places d'urgence", "Quantity", 80.0, "place"),
                     ("68 places", "Quantity", 68.0, "place")],
        "claims": [("La Ville de Paris ouvrira 80 places d'urgence en 2020.", "commitment",
                    VILLE, "open", 80.0, "place")]}
# … and, beside it, figures that only look alike: other places, other actors.
REPORT = {"id": "report.txt", "lang": "en", "published": "2021-12-09",
          "text": "The City of Paris opened 30 emergency places in 2020. "
                  "The ARS opened 20 emergency places. "
                  "The ARS deploys 700 accommodation places each night.",
          "mentions": [("30 emergency places", "Quantity", 30.0, "place"),
                       ("20 emergency places", "Quantity", 20.0, "place"),
                       ("700 accommodation places", "Quantity", 700.0, "place")],
          "claims": [("The City of Paris opened 30 emergency places in 2020.", "achievement",
                      VILLE, "open", 30.0, "place"),
                     ("The ARS opened 20 emergency places.", "achievement", ARS, "open", 20.0,
                      "place"),
                     ("The ARS deploys 700 accommodation places each night.", "achievement",
                      ARS, "deploy", 700.0, "place")]}


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[Comparison]:
    return compare(make_build(tmp_path_factory.mktemp("measure"),
                              [PREFECTURE, ASSOCIATIONS, PLAN, REPORT]))


def pairs(rows: list[Comparison]) -> set[tuple[str, object, object]]:
    return {(r.kind, json.dumps(r.left.amount), json.dumps(r.right.amount)) for r in rows}


def test_a_true_disagreement_across_languages_comes_first(rows: list[Comparison]) -> None:
    assert rows[0].kind == "figure-disagreement"
    assert (rows[0].left.amount, rows[0].right.amount) == (400.0, 250.0)
    assert rows[0].basis == ("same measure: user (crack, street); "
                             "no actor named on either side")


def test_a_commitment_meets_its_outcome_on_the_same_measure(rows: list[Comparison]) -> None:
    row = next(r for r in rows if r.kind == "commitment-vs-outcome")
    assert (row.left.amount, row.right.amount) == (80.0, 30.0)
    assert row.basis == "same measure: place (emergency); same actor ville-de-paris"


def test_only_like_is_paired_with_like(rows: list[Comparison]) -> None:
    """Not the ARS's emergency places (another actor), not the 700 nightly places against
    the 68 specialised ones (other qualifiers)."""
    assert pairs(rows) == {("figure-disagreement", "400.0", "250.0"),
                           ("commitment-vs-outcome", "80.0", "30.0")}


def test_every_format_says_the_basis(rows: list[Comparison]) -> None:
    assert [o["basis"] for o in json.loads(format_comparison(rows, "json"))] == \
        [r.basis for r in rows]
    table = list(csv.DictReader(io.StringIO(format_comparison(rows, "csv"))))
    assert [r["basis"] for r in table] == [r.basis for r in rows]
    md = format_comparison(rows, "md")
    assert "| basis |" in md.splitlines()[0] and all(r.basis in md for r in rows)
    plain = format_comparison(rows, "table")
    assert "basis" in plain.splitlines()[0] and all(r.basis in plain for r in rows)


def test_the_measure_of_a_figure() -> None:
    text = "Il y aura 68 places en unités d'hébergement spécialisées et 700 places d'urgence."
    special = measure(text, 10, 19, "place", None, text, frozenset())
    urgent = measure(text, 59, 69, "place", None, text, frozenset())
    assert special.noun == urgent.noun == "place"
    assert "concept:specialised" in special.qualifier
    assert urgent.qualifier == {"concept:emergency"}
    assert same_measure(special, urgent) is None
    bare = measure("soit 152 au total", 5, 8, "place", None, "soit 152 au total", frozenset())
    assert bare.noun is None and bare.total
    assert same_measure(bare, bare) is None, "a number standing alone is no measure"


@pytest.mark.parametrize(("other", "why"), [
    (Measure("EUR", "EUR", per="year"), "another period"),
    (Measure("EUR", "EUR", total=True), "a total against a part"),
    (Measure("USD", "USD"), "another currency"),
    (Measure("EUR", "EUR", parties=frozenset({ARS})), "another actor"),
])
def test_money_differs_by_period_scope_currency_or_actor(other: Measure, why: str) -> None:
    city = Measure("EUR", "EUR", parties=frozenset({VILLE}))
    assert same_measure(city, other) is None, why
    assert same_measure(city, Measure("EUR", "EUR", parties=frozenset({VILLE, ARS})))


def test_the_corpus_misleading_pairs_are_gone(corpus_build: Path) -> None:
    """68 specialised places against ~700 ASSORE places a night, 80 long-term places
    against 400 places, 700–800 users against the 300–350 still in the street."""
    found = compare(corpus_build)
    amounts = {(json.dumps(r.left.amount), json.dumps(r.right.amount)) for r in found}
    for pair in [("68.0", "700.0"), ("80.0", "400.0"), ("68.0", "400.0"),
                 ("[700.0, 800.0]", "[300.0, 350.0]")]:
        assert pair not in amounts and pair[::-1] not in amounts, pair
    assert found and all(r.basis.startswith("same measure: ") for r in found)
    assert all(r.left.unit == r.right.unit for r in found)
