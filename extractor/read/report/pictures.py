"""The report's two pictures, as SVG files: a timeline of claims and the network of actors.

matplotlib is used without pyplot (a ``Figure`` per picture, no global state, no display),
and the output is made byte-stable: no date in the metadata, a fixed hash salt for SVG
ids, a fixed seed for the spring layout, and every input sorted first.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.typing import RcKeyType

from extractor.read.report.data import ReportData, settings

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RC: dict[RcKeyType, Any] = {"svg.hashsalt": "plangraph", "svg.fonttype": "none", "font.size": 9}


def claim_day(value: object) -> date | None:
    """A day to plot an ISO date at: a month at its 15th, a year at 1 July, a period at its start.

    >>> claim_day("2019-05"), claim_day("2019/2021"), claim_day("2021-02-30"), claim_day(None)
    (datetime.date(2019, 5, 15), datetime.date(2019, 7, 1), None, None)
    """
    match = _ISO.match(str(value or ""))
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if month is None:
            return date(int(year), 7, 1)
        return date(int(year), int(month), int(day) if day else 15)
    except ValueError:
        return None


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _save(fig: Figure, path: Path) -> Path:
    with matplotlib.rc_context(_RC):
        fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    return path


def timeline(data: ReportData, path: Path) -> Path:
    """One row per actor with dated claims, one marker per claim, shaped by kind."""
    conf = settings()
    kinds = conf.get("kinds", {})
    pics = conf.get("pictures", {})
    rows = [a for a in sorted(data.actors.values(), key=lambda a: (a.label.lower(), a.id))
            if any(claim_day(c.date) for c in a.claims)]
    with matplotlib.rc_context(_RC):
        height = 1.5 + float(pics.get("row_height", 0.35)) * max(len(rows), 1)
        fig = Figure(figsize=(float(pics.get("timeline_width", 10)), height),
                     dpi=int(pics.get("dpi", 100)), layout="constrained")
        ax = fig.add_subplot()
        for y, actor in enumerate(rows):
            for kind, style in kinds.items():
                days = sorted(d for c in actor.claims if c.kind == kind
                              if (d := claim_day(c.date)))
                if days:
                    ax.scatter(date2num(days), [y] * len(days), marker=style.get("marker", "o"),
                               color=style.get("colour", "black"), s=36, alpha=0.8,
                               edgecolors="none")
        ax.set_yticks(range(len(rows)), [_short(a.label, 40) for a in rows])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.invert_yaxis()
        ax.xaxis_date()
        ax.grid(axis="x", color="#dddddd")
        ax.set_xlabel("date of the claim (month → 15th, year → 1 July)")
        handles = [Line2D([], [], linestyle="", marker=s.get("marker", "o"),
                          color=s.get("colour", "black"), label=s.get("label", k))
                   for k, s in kinds.items()]
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles),
                   frameon=False)
    return _save(fig, path)


def network_graph(data: ReportData) -> nx.Graph:
    """Documents linked to the actors and places they mention; actors to places of claims."""
    keep = {"Organization", "Person", "Place"}
    graph = nx.Graph()
    for doc in data.documents.values():
        graph.add_node(doc.id, label=doc.title, type="Document")
    for m in data.mentions:
        ent = data.entities.get(m.value) if isinstance(m.value, str) else None
        if ent and ent.type in keep and m.document in data.documents:
            graph.add_node(ent.id, label=ent.label or ent.id, type=ent.type)
            weight = graph.get_edge_data(m.document, ent.id, {}).get("weight", 0)
            graph.add_edge(m.document, ent.id, weight=weight + 1)
    for c in data.claims:
        if c.actor_id in graph and c.place_id in graph:
            graph.add_edge(c.actor_id, c.place_id, weight=1)
    return graph


def network(data: ReportData, path: Path) -> Path:
    """The network drawn with a seeded spring layout; node colour by type, size by degree."""
    conf = settings()
    pics = conf.get("pictures", {})
    types: dict[str, Any] = conf.get("types", {})
    source = network_graph(data)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(source.nodes(data=True)))
    graph.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in source.edges(data=True)))
    pos = nx.spring_layout(graph, seed=int(pics.get("seed", 42)), weight=None)
    length = int(pics.get("label_length", 28))
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=tuple(pics.get("network_size", [10, 8])),
                     dpi=int(pics.get("dpi", 100)), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        for u, v in graph.edges():
            ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color="#cccccc",
                    linewidth=0.7, zorder=1)
        for kind, style in types.items():
            nodes = [n for n, d in graph.nodes(data=True) if d.get("type") == kind]
            if not nodes:
                continue
            ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
                       s=[40 + 12 * graph.degree(n) for n in nodes], zorder=2,
                       color=style.get("colour", "black"), label=style.get("label", kind),
                       marker="s" if kind == "Document" else "o")
        for node, d in graph.nodes(data=True):
            ax.annotate(_short(str(d.get("label", node)), length), pos[node], fontsize=7,
                        xytext=(4, 4), textcoords="offset points", zorder=3)
        ax.legend(loc="lower left", frameon=False)
    return _save(fig, path)
