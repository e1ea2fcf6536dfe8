"""SPARQL timings: every saved query on a store of about one million quads.

    .venv/bin/python bench/sparql.py OUT/plan.nq [--quads 1000000] [--memory]

Each saved query is timed as it is shipped (no parameter: it lists the whole graph) and
then asked about one value of each of its parameters (``@param`` lines, what ``query
NAME --bind`` does), each value the heaviest the store holds: the document with the most
claims, the actor with the most claims, the entity with the most mentions, the figure
stated most often, a claim of the heaviest document. Medians of 5, rows turned into
Python terms included (``run_query``), on a compacted on-disk store opened read-only as
``query`` and ``serve`` open ``graphs/store``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor import iris  # noqa: E402
from extractor.errors import PlangraphError  # noqa: E402
from extractor.query import run_query, saved_queries  # noqa: E402

PREFIXES = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
"""
HEAVIEST = {
    "document": """SELECT ?value (COUNT(?c) AS ?n) WHERE {
        GRAPH ?g { ?c a pg:Claim . ?doc dcterms:identifier ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
    "claim": """SELECT ?value WHERE { { SELECT ?document (COUNT(?c) AS ?n) WHERE {
        GRAPH ?g { ?c a pg:Claim . ?doc dcterms:identifier ?document } }
        GROUP BY ?document ORDER BY DESC(?n) ?document LIMIT 1 }
        GRAPH ?g { ?doc dcterms:identifier ?document . ?value a pg:Claim } }
        ORDER BY ?value LIMIT 1""",
    "actor": """SELECT ?value (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c pg:actor ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
    "slug": """SELECT ?value (COUNT(?m) AS ?n) WHERE {
        GRAPH ?g { ?m oa:hasBody ?e } GRAPH ?entities { ?e a pg:Entity }
        BIND (REPLACE(STR(?e), "^.*/", "") AS ?value) }
        GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
    "figure": """SELECT ?value (COUNT(?m) AS ?n) WHERE {
        GRAPH ?g { ?m pg:mentionType "Money" ; oa:hasBody ?b . ?b schema:value ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
}


def replicate_store(nq: Path, target: int) -> ox.Store:
    """An in-memory store of at least ``target`` quads, as a corpus that many times larger
    would give: the documents are copied (their IRIs, claims, mentions and identifiers
    renamed), and the entities, the entity graph and the build stay one, so an actor's
    or an entity's claims and mentions add up across the copies as they would across
    documents."""
    base, vocab = iris.base(), iris.base() + "ontology"
    shared = tuple(base + part for part in ("entity/", "graph/", "build/", "software/"))
    identifier = ox.NamedNode("http://purl.org/dc/terms/identifier")
    quads = list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))

    def rename(term, tag):  # noqa: ANN001, ANN202 - RDF terms of several kinds
        if isinstance(term, ox.NamedNode) and term.value.startswith(base) \
                and not term.value.startswith((vocab, *shared)):
            return ox.NamedNode(base + tag + term.value[len(base):])
        return term

    def copy(quad, tag):  # noqa: ANN001, ANN202
        obj = rename(quad.object, tag)
        if quad.predicate == identifier and isinstance(obj, ox.Literal):
            obj = ox.Literal(tag + obj.value)
        return ox.Quad(rename(quad.subject, tag), quad.predicate, obj,
                       rename(quad.graph_name, tag))

    copied = sum(1 for q in quads if rename(q.graph_name, "x/") != q.graph_name)
    copies = max(1, math.ceil((target - (len(quads) - copied)) / max(1, copied)))
    store = ox.Store()
    for k in range(copies):
        store.extend(copy(q, f"c{k}/") for q in quads)
    return store


def disk_store(memory: ox.Store, folder: Path) -> ox.Store:
    """The same quads in an on-disk store, compacted and opened read-only."""
    store = ox.Store(str(folder))
    store.bulk_extend(memory.quads_for_pattern(None, None, None, None))
    store.flush()
    store.optimize()
    del store
    return ox.Store.read_only(str(folder))


def heaviest(store: ox.Store) -> dict[str, ox.NamedNode | ox.Literal]:
    """The value of each known parameter that makes its question the largest."""
    out = {}
    for name, sparql in HEAVIEST.items():
        found = list(store.query(PREFIXES + sparql, use_default_graph_as_union=True))
        if found:
            out[name] = found[0]["value"]
    return out


def median_ms(store: ox.Store, text: str, bind: dict | None, repeat: int,
              limit: float) -> tuple[float, int]:
    """Median milliseconds and row count; a query over ``limit`` seconds counts as inf."""
    runs, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            rows = len(run_query(store, text, timeout=limit, bind=bind).bindings)
        except PlangraphError:
            return float("inf"), rows
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), rows


def sparql_medians(store: ox.Store, repeat: int = 5,
                   limit: float = 20.0) -> dict[str, float]:
    """Print and return the median per saved query, unbound and per bound parameter."""
    values = heaviest(store)
    out = {}
    for name, saved in saved_queries().items():
        ms, rows = median_ms(store, saved.text, None, repeat, limit)
        out[name] = ms
        print(f"  {name:34s} {'(whole graph)':24s} {rows:6d} rows {ms:8.1f} ms", flush=True)
        for param in saved.parameters:
            if param not in values:
                print(f"  {name:34s} {param + '=?':24s} no value to bind", flush=True)
                continue
            ms, rows = median_ms(store, saved.text, {param: values[param]}, repeat, limit)
            out[f"{name} {param}="] = ms
            print(f"  {name:34s} {param + '=' + str(values[param].value)[-18:]:24s} "
                  f"{rows:6d} rows {ms:8.1f} ms", flush=True)
    return out


def summary(medians: dict[str, float]) -> str:
    """How many queries meet the goal, shipped form and questions about one value apart."""
    whole = [v for k, v in medians.items() if "=" not in k]
    one = [v for k, v in medians.items() if "=" in k]
    return (f"under 100 ms: {sum(v < 100 for v in whole)} of {len(whole)} whole-graph "
            f"answers, {sum(v < 100 for v in one)} of {len(one)} questions about one value")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path, help="a build's plan.nq")
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--memory", action="store_true", help="also time an in-memory store")
    args = parser.parse_args()
    memory = replicate_store(args.nquads, args.quads)
    with tempfile.TemporaryDirectory(prefix="plangraph-sparql-") as tmp:
        store = disk_store(memory, Path(tmp) / "store")
        print(f"SPARQL on {len(store)} quads, on-disk store read-only (goal < 100 ms):")
        print(summary(sparql_medians(store)))
        if args.memory:
            print("in-memory store (for comparison):")
            print(summary(sparql_medians(memory)))


if __name__ == "__main__":
    main()
