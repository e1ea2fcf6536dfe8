"""SPARQL timings: every saved query on a store of about one million quads.

    .venv/bin/python bench/sparql.py OUT/plan.nq [--quads 1000000] [--memory]

Each saved query is timed as it is shipped (no parameter: it lists the whole graph) and
then asked about one value of each of its parameters (``@param`` lines, what ``query
NAME --bind`` does): the heaviest value the store holds (the document or actor with the
most claims, the entity with the most mentions, the figure stated most often, a claim of
the heaviest document) and a typical one (the median of that ranking). Medians of 5, rows
turned into Python terms included (``run_query``), on a compacted on-disk store opened
read-only as ``query`` and ``serve`` open ``graphs/store``.

Each answer is timed twice: its first page as the endpoint serves it (``serve`` sends an
ordered answer in pages of 1 000 rows with a ``next`` link, :mod:`extractor.read.paging`:
the query with ``LIMIT 1001 OFFSET 0``), which is what a user waits for, and the whole
answer (what ``query`` prints), for information. An answer of at most one page is its own
first page.
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
from extractor.read.bindings import term  # noqa: E402
from extractor.read.paging import PAGE_SIZE, pageable, paged  # noqa: E402
from extractor.read.query import run_query  # noqa: E402
from extractor.read.saved_queries import saved_queries  # noqa: E402

PREFIXES = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
"""
# For each parameter name: its values, the one whose question is the largest first.
RANKED = {
    "document": """SELECT ?value (COUNT(?c) AS ?n) WHERE {
        GRAPH ?g { ?c a pg:Claim . ?doc dcterms:identifier ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "claim": """SELECT ?value WHERE { { SELECT ?document (COUNT(?c) AS ?n) WHERE {
        GRAPH ?g { ?c a pg:Claim . ?doc dcterms:identifier ?document } }
        GROUP BY ?document ORDER BY DESC(?n) ?document LIMIT 1 }
        GRAPH ?g { ?doc dcterms:identifier ?document . ?value a pg:Claim } }
        ORDER BY ?value LIMIT 1""",
    "actor": """SELECT ?value (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c pg:actor ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "slug": """SELECT ?value (COUNT(?m) AS ?n) WHERE {
        GRAPH ?g { ?m oa:hasBody ?e } GRAPH ?entities { ?e a pg:Entity }
        BIND (STRAFTER(STR(?e), "/entity/") AS ?value) }
        GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "figure": """SELECT ?value (COUNT(?m) AS ?n) WHERE {
        GRAPH ?g { ?m pg:mentionType "Money" ; oa:hasBody ?b . ?b schema:value ?value } }
        GROUP BY ?value ORDER BY DESC(?n) ?value""",
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


def chosen_values(store: ox.Store) -> dict[str, dict[str, ox.NamedNode | ox.Literal]]:
    """Per parameter, the heaviest value and a typical one (the median of the ranking),
    each written as it would be on the command line (``--bind figure=3000000`` is an
    integer)."""
    out: dict[str, dict[str, ox.NamedNode | ox.Literal]] = {}
    for name, sparql in RANKED.items():
        found = [row["value"] for row in
                 store.query(PREFIXES + sparql, use_default_graph_as_union=True)]
        if not found:
            continue
        picks = {"heaviest": found[0], "typical": found[len(found) // 2]}
        out[name] = {kind: term(value.value) if isinstance(value, ox.Literal) else value
                     for kind, value in picks.items()}
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


def first_page(text: str) -> str:
    """The query as the endpoint runs it for the first page of its answer (the page size
    and one row more, which tells whether a next page exists); unchanged when the endpoint
    does not page it (no ORDER BY, or a LIMIT of its own)."""
    return paged(text, PAGE_SIZE, 0) if pageable(text) else text


def timed(store: ox.Store, text: str, bind: dict | None, repeat: int,
          limit: float) -> tuple[float, float, str]:
    """Milliseconds of the first page and of the whole answer, and the line to print."""
    whole, rows = median_ms(store, text, bind, repeat, limit)
    page = median_ms(store, first_page(text), bind, repeat, limit)[0] \
        if rows > PAGE_SIZE else whole
    line = f"{min(rows, PAGE_SIZE):5d} rows {page:7.1f} ms; whole {rows:6d} rows {whole:7.1f} ms"
    return page, whole, line


def sparql_medians(store: ox.Store, repeat: int = 5,
                   limit: float = 20.0) -> dict[str, tuple[float, float]]:
    """Print and return the medians per saved query (first page, whole answer): for the
    whole graph, then for the heaviest and a typical value of each parameter. An answer of
    at most one page is timed once and counts as its own first page."""
    values = chosen_values(store)
    out = {}
    print(f"  {'query':32s} {'value':34s} first page (≤ {PAGE_SIZE} rows); whole answer")
    for name, saved in saved_queries().items():
        page, whole, line = timed(store, saved.text, None, repeat, limit)
        out[name] = (page, whole)
        print(f"  {name:32s} {'(whole graph)':34s} {line}", flush=True)
        for param in saved.parameters:
            for kind, value in values.get(param, {}).items():
                page, whole, line = timed(store, saved.text, {param: value}, repeat, limit)
                out[f"{name} {param}= {kind}"] = (page, whole)
                label = f"{kind} {param}={str(value.value)[-18:]}"
                print(f"  {name:32s} {label:34s} {line}", flush=True)
    return out


def summary(medians: dict[str, tuple[float, float]]) -> str:
    """How many answers meet the goal, first page (what the endpoint sends) and whole
    answer: whole graph, heaviest and typical values apart."""
    lines = []
    for which, at in ((f"first page (≤ {PAGE_SIZE} rows)", 0), ("whole answer", 1)):
        parts = []
        for label, test in (("whole-graph answers", lambda k: "=" not in k),
                            ("heaviest values", lambda k: k.endswith("heaviest")),
                            ("typical values", lambda k: k.endswith("typical"))):
            chosen = [v[at] for k, v in medians.items() if test(k)]
            parts.append(f"{sum(v < 100 for v in chosen)} of {len(chosen)} {label}")
        lines.append(f"under 100 ms, {which}: " + ", ".join(parts))
    return "\n".join(lines)


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
