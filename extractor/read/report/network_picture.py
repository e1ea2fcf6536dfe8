"""The report's network picture: documents, the actors of claims and places, readable.

A label on every node piles dozens of names on the crowded centre (issue 19). So only the
best-connected nodes get a label, and only where it fits: labels are tried by degree and
one that would cross the picture's edge, another label or another node's marker is left
out. Every node, labelled or not, carries its full name as an SVG ``<title>``, which a
browser shows as a tooltip. Actors are the agents of claims (:mod:`data`): a name only
mentioned (a photo credit, a press contact) is no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from extractor.read.report.data import ReportData, settings
from extractor.read.report.pictures import RC, save_svg, short

_NODE_GROUP = re.compile(r'<g id="node-(\d+)">')
# Where a label may go, in points from its node: above right first, then the other corners.
_SIDES = ((4, 4), (4, -4), (-4, 4), (-4, -4))


@dataclass
class NetworkDrawing:
    """The drawn figure, its nodes in drawing order, the boxes of their markers and of the
    labels it kept (display units)."""

    figure: Figure
    nodes: list[tuple[str, dict[str, Any]]]
    markers: dict[str, Bbox]
    labels: dict[str, Bbox]


def network_graph(data: ReportData) -> nx.Graph:
    """Documents linked to the places and actors of claims they mention; actors to the
    places of their claims. Nodes and edges sorted, so the layout is the same every time."""
    graph = nx.Graph()
    for doc in sorted(data.documents.values(), key=lambda d: d.id):
        graph.add_node(doc.id, label=doc.title, type="Document")
    edges: dict[tuple[str, str], int] = {}
    for m in data.mentions:
        ent = data.entities.get(m.value) if isinstance(m.value, str) else None
        if ent is None or m.document not in data.documents:
            continue
        if ent.type == "Place" or ent.id in data.actors:
            graph.add_node(ent.id, label=ent.label or ent.id, type=ent.type)
            edges[(m.document, ent.id)] = edges.get((m.document, ent.id), 0) + 1
    for c in data.claims:
        if c.place_id and c.actor_id in graph and c.place_id in graph:
            edges.setdefault((c.actor_id, c.place_id), 1)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted((min(u, v), max(u, v), {"weight": w})
                                  for (u, v), w in edges.items()))
    return ordered


def _marker_box(ax: Any, xy: tuple[float, float], size: float) -> Bbox:
    """The display box of a scatter marker of area ``size`` (points²) at ``xy``."""
    x, y = ax.transData.transform(xy)
    half = (size ** 0.5) / 2 * ax.figure.dpi / 72
    return Bbox.from_extents(x - half, y - half, x + half, y + half)


def _fits(box: Bbox, frame: Bbox, taken: list[Bbox]) -> bool:
    """True if ``box`` lies inside ``frame`` and crosses none of ``taken``."""
    inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and \
        box.y1 <= frame.y1
    return inside and not any(box.overlaps(other) for other in taken)


def _place_labels(ax: Any, graph: nx.Graph, pos: dict[str, Any], markers: dict[str, Bbox],
                  conf: dict[str, Any]) -> dict[str, Bbox]:
    """Label the best-connected nodes where the label fits, trying each side of the node in
    turn; return the kept labels' boxes (display units, padded)."""
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    pad = float(conf.get("label_padding", 2))
    kept: dict[str, Bbox] = {}
    ranked = sorted(graph.nodes(data=True), key=lambda nd: (-graph.degree(nd[0]), nd[0]))
    for node, d in ranked[: int(conf.get("label_count", 20))]:
        name = short(str(d.get("label", node)), int(conf.get("label_length", 28)))
        others = list(kept.values()) + [m for n, m in markers.items() if n != node]
        for dx, dy in _SIDES:
            text = ax.annotate(name, pos[node], fontsize=7, xytext=(dx, dy),
                               textcoords="offset points", zorder=3, gid=f"label-{len(kept)}",
                               ha="left" if dx > 0 else "right",
                               va="bottom" if dy > 0 else "top")
            box = text.get_window_extent(renderer).padded(pad)
            if _fits(box, ax.figure.bbox, others):
                kept[node] = box
                break
            text.remove()
    return kept


def draw_network(data: ReportData) -> NetworkDrawing:
    """The network drawn with a seeded spring layout; node colour by type, size by degree."""
    conf = settings()
    pics = conf.get("pictures", {})
    types: dict[str, Any] = conf.get("types", {})
    graph = network_graph(data)
    pos = nx.spring_layout(graph, seed=int(pics.get("seed", 42)), weight=None,
                           k=float(pics.get("spread", 2.0)) / max(graph.number_of_nodes(), 1)
                           ** 0.5)
    sizes = {n: 40.0 + 12 * graph.degree(n) for n in graph}
    nodes = list(graph.nodes(data=True))
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=tuple(pics.get("network_size", [10, 8])),
                     dpi=int(pics.get("dpi", 100)))
        ax = fig.add_axes((0.02, 0.02, 0.96, 0.96))
        ax.set_axis_off()
        for u, v in graph.edges():
            ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color="#cccccc",
                    linewidth=0.7, zorder=1)
        for i, (node, d) in enumerate(nodes):
            style = types.get(d.get("type"), {})
            ax.scatter([pos[node][0]], [pos[node][1]], s=sizes[node], zorder=2,
                       color=style.get("colour", "black"), gid=f"node-{i}",
                       marker="s" if d.get("type") == "Document" else "o")
        ax.margins(0.05)
        ax.autoscale_view()
        markers = {n: _marker_box(ax, pos[n], sizes[n]) for n in graph}
        labels = _place_labels(ax, graph, pos, markers, pics)
        present = {d.get("type") for _, d in nodes}
        handles = [Line2D([], [], linestyle="", color=s.get("colour", "black"),
                          marker="s" if kind == "Document" else "o", label=s.get("label", kind))
                   for kind, s in types.items() if kind in present]
        ax.legend(handles=handles, loc="lower left", frameon=False)
    return NetworkDrawing(fig, nodes, markers, labels)


def network(data: ReportData, path: Path) -> Path:
    """Write the picture, then give each node's group its full name as a ``<title>``."""
    drawing = draw_network(data)
    save_svg(drawing.figure, path)
    names = [f"{d.get('label', node)} ({d.get('type', '')})" for node, d in drawing.nodes]
    svg = path.read_text(encoding="utf-8")
    svg = _NODE_GROUP.sub(lambda m: f"{m.group(0)}\n   <title>"
                          f"{escape(names[int(m.group(1))], quote=False)}</title>", svg)
    path.write_text(svg, encoding="utf-8", newline="\n")
    return path
