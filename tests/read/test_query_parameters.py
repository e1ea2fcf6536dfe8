"""Saved-query parameters (``# @param``): declared in the text, and ``--bind`` narrows the
listing to exactly its rows having that value, on the fixture and on the corpus build."""

from __future__ import annotations

import re
from collections import Counter

import pyoxigraph as ox
import pytest

from extractor.read.bindings import parse_bindings
from extractor.read.query import run_query
from extractor.read.saved_queries import SavedQuery, saved_queries
from tests.conftest import ROOT

VALID = ROOT / "tests" / "fixtures" / "valid.trig"
QUERIES = saved_queries()
PARAMETERISED = {name: q for name, q in QUERIES.items() if q.parameters}
CASES = [pytest.param(name, param, id=f"{name}-{param}")
         for name, q in PARAMETERISED.items() for param in q.parameters]
Row = tuple[str | None, ...]


def as_rows(bindings: list) -> Counter[Row]:
    """Rows as a multiset of exact terms (datatype included), unbound as None."""
    return Counter(tuple(None if t is None else str(t) for t in row) for row in bindings)


def check_narrowing(store: ox.Store, query: SavedQuery, param: str) -> int:
    """Bind ``param`` to the rarest and the commonest of its values in the whole listing;
    each answer must be exactly the listing's rows with that value. The values tried."""
    every = run_query(store, query.text)
    if param not in every.variables:
        pytest.skip(f"?{param} is not projected by {query.name}")
    column = every.variables.index(param)
    counts = Counter(row[column] for row in every.bindings if row[column] is not None)
    ranked = [value for value, _ in counts.most_common()]
    for value in dict.fromkeys(ranked[:1] + ranked[-1:]):
        bound = run_query(store, query.text, bind={param: value})
        expected = as_rows(row for row in every.bindings if row[column] == value)
        assert bound.variables == every.variables
        assert as_rows(bound.bindings) == expected, (query.name, param, value)
        assert bound.bindings, (query.name, param, value)
    return len(ranked)


def test_the_parameterised_queries() -> None:
    expected = {"claim-source": {"claim", "document"},
                "mentions-of-entity": {"slug", "document"},
                "claims-without-amount": {"document", "actor"},
                "who-committed-what": {"actor", "document"},
                "commitments-without-achievement": {"actor"},
                "commitment-delivery": {"actor"},
                "sources-for-figure": {"figure", "document"},
                "assessments": {"actor", "document"},
                "document-says": {"document"},
                "entity-names": {"slug"}}
    for name, params in expected.items():
        assert set(QUERIES[name].parameters) == params, name
    assert set(PARAMETERISED) == set(expected)


@pytest.mark.parametrize(("name", "param"), CASES)
def test_declared_parameter_is_a_variable_of_the_query(name: str, param: str) -> None:
    query = PARAMETERISED[name]
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    assert re.search(rf"[?$]{param}(?![A-Za-z0-9_])", body), f"no ?{param} in {name}"
    assert query.parameters[param], f"@param {param} says what value it takes"
    assert "UNDEF" not in body, "parameters replace the VALUES … { UNDEF } devices"


@pytest.mark.parametrize(("name", "param"), CASES)
def test_binding_narrows_the_listing_on_the_fixture(fixture_store: ox.Store, name: str,
                                                    param: str) -> None:
    check_narrowing(fixture_store, PARAMETERISED[name], param)


@pytest.mark.parametrize(("name", "param"), CASES)
def test_binding_narrows_the_listing_on_the_corpus(corpus_store: ox.Store, name: str,
                                                   param: str) -> None:
    assert check_narrowing(corpus_store, PARAMETERISED[name], param) >= 1


@pytest.mark.parametrize(("item", "column", "expected"), [
    ("figure=1300000", "document", {"000_fixture.txt", "001_fixture.txt"}),
    ("slug=paris", "exact", {"Paris"}),
    ("document=001_fixture.txt", "document", {"001_fixture.txt"}),
])
def test_values_as_typed_on_the_command_line(fixture_store: ox.Store, item: str, column: str,
                                             expected: set[str]) -> None:
    """``--bind figure=1300000`` is an xsd:integer while amounts are stored as xsd:decimal:
    sources-for-figure still finds them; a slug or a file name is a plain string."""
    name = {"figure": "sources-for-figure", "slug": "mentions-of-entity",
            "document": "sources-for-figure"}[item.split("=")[0]]
    found = run_query(fixture_store, QUERIES[name].text, bind=parse_bindings([item]))
    at = found.variables.index(column)
    assert {row[at] for row in found.rows} == expected
