"""Load a build into any SPARQL 1.1 Graph Store HTTP Protocol server (Oxigraph, Fuseki…).

Each named graph of ``plan.trig`` is sent with one HTTP PUT to ``endpoint?graph=<IRI>``:
PUT replaces the graph, so pushing a rebuilt document replaces its old claims instead of
adding to them, and pushing the same build twice changes nothing. Graphs of documents
that left the build are not deleted. Blank nodes are scoped to one request, so a blank
node shared by two graphs would arrive as two (the build mints IRIs, not blank nodes).

Error codes: E001 no ``plan.trig``; E134 unreadable TriG; E137 the server cannot be
reached; E138 the server answered with an HTTP error.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from extractor.errors import error


@dataclass
class PushReport:
    """What was sent: triples per graph IRI (``""`` for the default graph)."""

    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)

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


def _put(url: str, body: bytes, endpoint: str, graph: str, timeout: float) -> None:
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise error("E138", endpoint=endpoint, status=exc.code, reason=exc.reason,
                    graph=graph or "default", detail=f": {detail}" if detail else "") from exc
    except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, ConnectionRefusedError):
            reason = "connection refused"
        raise error("E137", endpoint=endpoint, reason=reason) from exc


def push(build_dir: Path, endpoint: str, *, timeout: float = 30.0) -> PushReport:
    """PUT every graph of ``build_dir/plan.trig`` to a Graph Store Protocol endpoint."""
    if not endpoint.startswith(("http://", "https://")):
        raise error("E137", endpoint=endpoint, reason="not an http(s) URL")
    report = PushReport(endpoint)
    for graph, triples in sorted(read_graphs(Path(build_dir) / "plan.trig").items()):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        _put(graph_url(endpoint, graph), body, endpoint, graph, timeout)
        report.graphs[graph] = len(triples)
    return report
