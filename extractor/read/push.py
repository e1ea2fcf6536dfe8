"""Mirror a build onto any SPARQL 1.1 server (Oxigraph, Fuseki…): the server ends up
holding exactly the build's named graphs under its base IRI.

Two ways, by what the server offers:

- **one transaction** (``update_endpoint``, SPARQL 1.1 Update): one request deletes every
  graph under the build's base IRI and inserts the build's graphs. A server applies an
  update request whole or not at all, so a failure leaves the previous push in place.
- **Graph Store HTTP Protocol** (``endpoint`` alone): one PUT per graph (PUT replaces the
  graph, so pushing the same build twice changes nothing) and one DELETE per graph the
  build no longer has. The graphs pushed are listed in a manifest graph on the server
  (``<base>graph/push``, ``dcterms:hasPart``); before changing anything the manifest is
  widened to old ∪ new, so a push that fails half-way (E055, which says how far it got)
  is finished by the next push, which still knows every graph to remove. With
  ``query_endpoint``, graphs under the base that no manifest lists (pushed by an older
  version) are found with ``SELECT DISTINCT ?g`` and removed too.

Blank nodes are scoped to one request, so a blank node shared by two graphs would arrive
as two (the build mints IRIs, not blank nodes).

Error codes: E001 no ``plan.trig``; E134 unreadable TriG; E137 the server cannot be
reached; E138 an HTTP error on a graph; E055 a push stopped half-way; E056 the update
transaction was refused.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox

from extractor import iris
from extractor.errors import PlangraphError, error
from extractor.namespaces import DCTERMS

BUILD_GRAPH = "graph/build"  # the build's own graph: its IRI gives the build's base
MANIFEST = "graph/push"


@dataclass
class PushReport:
    """What changed: triples per graph sent (``""`` for the default graph), graphs removed."""

    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of one graph (``?default`` for the default graph).

    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/plangraph/graph/build")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fplangraph%2Fgraph%2Fbuild'
    >>> graph_url("http://h/ds?x=1", "")
    'http://h/ds?x=1&default'
    """
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}default" if not graph else \
        f"{endpoint}{joiner}graph={quote(graph, safe='')}"


def read_graphs(trig: Path) -> dict[str, list[ox.Triple]]:
    """The triples of each graph of a TriG file, keyed by graph IRI."""
    if not trig.is_file():
        raise error("E001", path=trig)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    try:
        for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
            name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            graphs[name].append(quad.triple)
    except (SyntaxError, OSError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise error("E134", path=trig, reason=reason) from exc
    return dict(graphs)


def build_base(graphs: dict[str, list[ox.Triple]]) -> str:
    """The base IRI the build minted under: that of its build graph, else the one in force."""
    for name in graphs:
        if name.endswith(BUILD_GRAPH):
            return name[:-len(BUILD_GRAPH)]
    return iris.base()


def _send(request: urllib.request.Request, endpoint: str, timeout: float,
          on_http: Callable[[urllib.error.HTTPError, str], PlangraphError]) -> bytes:
    """One request; an HTTP error becomes ``on_http``'s error, no answer E137."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise on_http(exc, f": {detail}" if detail else "") from exc
    except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, ConnectionRefusedError):
            reason = "connection refused"
        raise error("E137", endpoint=endpoint, reason=reason) from exc


def _graph_request(method: str, endpoint: str, graph: str, timeout: float,
                   body: bytes | None = None) -> bytes:
    """PUT, GET or DELETE one graph on a Graph Store Protocol endpoint (E138 on HTTP errors)."""
    headers = {"Content-Type": "application/n-triples"} if body is not None else \
        {"Accept": "application/n-triples"}
    request = urllib.request.Request(graph_url(endpoint, graph), data=body, method=method,
                                     headers=headers)

    def failed(exc: urllib.error.HTTPError, detail: str) -> PlangraphError:
        return error("E138", endpoint=endpoint, status=exc.code, reason=exc.reason,
                     graph=graph or "default", detail=detail)

    return _send(request, endpoint, timeout, failed)


def _put(endpoint: str, graph: str, triples: list[ox.Triple], timeout: float) -> None:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    _graph_request("PUT", endpoint, graph, timeout, body)


def _manifest_triples(manifest: str, graphs: set[str]) -> list[ox.Triple]:
    node, part = ox.NamedNode(manifest), ox.NamedNode(str(DCTERMS.hasPart))
    return [ox.Triple(node, part, ox.NamedNode(g)) for g in sorted(graphs) if g]


def pushed_graphs(endpoint: str, manifest: str, timeout: float) -> set[str]:
    """The graphs the server's manifest lists (none when it has no manifest yet)."""
    try:
        data = _graph_request("GET", endpoint, manifest, timeout)
    except PlangraphError as exc:
        if isinstance(exc.__cause__, urllib.error.HTTPError) and exc.__cause__.code == 404:
            return set()
        raise
    part = str(DCTERMS.hasPart)
    try:
        triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        return {t.object.value for t in triples if t.predicate.value == part}
    except (SyntaxError, ValueError) as exc:
        raise error("E134", path=graph_url(endpoint, manifest), reason=str(exc)) from exc


def graphs_under(query_endpoint: str, base: str, timeout: float) -> set[str]:
    """The named graphs a server holds under ``base`` (SPARQL ``SELECT DISTINCT ?g``)."""
    sparql = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
              f"FILTER(STRSTARTS(STR(?g), {json.dumps(base)})) }}")
    request = urllib.request.Request(
        f"{query_endpoint}{'&' if '?' in query_endpoint else '?'}{urlencode({'query': sparql})}",
        headers={"Accept": "application/sparql-results+json"})

    def failed(exc: urllib.error.HTTPError, detail: str) -> PlangraphError:
        return error("E138", endpoint=query_endpoint, status=exc.code, reason=exc.reason,
                     graph="?g", detail=detail)

    answer = json.loads(_send(request, query_endpoint, timeout, failed))
    return {row["g"]["value"] for row in answer["results"]["bindings"]}


def push(build_dir: Path, endpoint: str, *, update_endpoint: str | None = None,
         query_endpoint: str | None = None, timeout: float = 30.0) -> PushReport:
    """Make the server hold exactly the build's graphs under its base IRI (module doc)."""
    for url in (endpoint, update_endpoint, query_endpoint):
        if url is not None and not url.startswith(("http://", "https://")):
            raise error("E137", endpoint=url, reason="not an http(s) URL")
    graphs = read_graphs(Path(build_dir) / "plan.trig")
    base = build_base(graphs)
    manifest = base + MANIFEST
    if update_endpoint:
        return _push_in_one_update(graphs, endpoint, update_endpoint, manifest, base, timeout)
    return _push_graph_by_graph(graphs, endpoint, query_endpoint, manifest, base, timeout)


def _push_graph_by_graph(graphs: dict[str, list[ox.Triple]], endpoint: str,
                         query_endpoint: str | None, manifest: str, base: str,
                         timeout: float) -> PushReport:
    """PUT every graph, DELETE the stale ones; resumable through the manifest."""
    old = pushed_graphs(endpoint, manifest, timeout)
    if query_endpoint:
        old |= graphs_under(query_endpoint, base, timeout) - {manifest}
    stale = sorted(old - set(graphs))
    _put(endpoint, manifest, _manifest_triples(manifest, old | set(graphs)), timeout)
    report = PushReport(endpoint)
    total = len(graphs) + len(stale) + 1
    try:
        for graph, triples in sorted(graphs.items()):
            _put(endpoint, graph, triples, timeout)
            report.graphs[graph] = len(triples)
        for graph in stale:
            _delete(endpoint, graph, timeout)
            report.removed.append(graph)
        _put(endpoint, manifest, _manifest_triples(manifest, set(graphs)), timeout)
    except PlangraphError as exc:
        done = len(report.graphs) + len(report.removed)
        raise error("E055", endpoint=endpoint, done=done, total=total, reason=exc) from exc
    return report


def _delete(endpoint: str, graph: str, timeout: float) -> None:
    """DELETE one graph; one already gone (404) is what was wanted."""
    try:
        _graph_request("DELETE", endpoint, graph, timeout)
    except PlangraphError as exc:
        if not (isinstance(exc.__cause__, urllib.error.HTTPError) and exc.__cause__.code == 404):
            raise


def update_text(graphs: dict[str, list[ox.Triple]], manifest: str, base: str) -> bytes:
    """One SPARQL Update: drop every graph under ``base``, insert the build's and the
    manifest. N-Triples lines are valid SPARQL triples, so each graph is serialised once."""
    blocks = [f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
              f"FILTER(STRSTARTS(STR(?g), {json.dumps(base)})) }} ;\nINSERT DATA {{\n"]
    everything = {**graphs, manifest: _manifest_triples(manifest, set(graphs))}
    for graph, triples in sorted(everything.items()):
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        blocks.append(f"GRAPH <{graph}> {{\n{body}}}\n" if graph else body)
    blocks.append("}\n")
    return "".join(blocks).encode("utf-8")


def _push_in_one_update(graphs: dict[str, list[ox.Triple]], endpoint: str,
                        update_endpoint: str, manifest: str, base: str,
                        timeout: float) -> PushReport:
    """The whole mirror as one transaction; the manifest (read first) names what left."""
    old = pushed_graphs(endpoint, manifest, timeout)
    request = urllib.request.Request(
        update_endpoint, data=update_text(graphs, manifest, base), method="POST",
        headers={"Content-Type": "application/sparql-update"})

    def failed(exc: urllib.error.HTTPError, detail: str) -> PlangraphError:
        return error("E056", endpoint=update_endpoint, status=exc.code, reason=exc.reason,
                     detail=detail)

    _send(request, update_endpoint, timeout, failed)
    return PushReport(endpoint, {g: len(t) for g, t in sorted(graphs.items())},
                      sorted(old - set(graphs)))
