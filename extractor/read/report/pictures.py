"""The report's timeline of claims as an SVG file, and what every picture shares.

The network picture is :mod:`network_picture`.

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
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.typing import RcKeyType

from extractor.read.report.data import ReportData, settings

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
RC: dict[RcKeyType, Any] = {"svg.hashsalt": "plangraph", "svg.fonttype": "none", "font.size": 9}


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


def short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def save_svg(fig: Figure, path: Path) -> Path:
    with matplotlib.rc_context(RC):
        fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    return path


def timeline(data: ReportData, path: Path) -> Path:
    """One row per actor with dated claims, one marker per claim, shaped by kind."""
    conf = settings()
    kinds = conf.get("kinds", {})
    pics = conf.get("pictures", {})
    rows = [a for a in sorted(data.actors.values(), key=lambda a: (a.label.lower(), a.id))
            if any(claim_day(c.date) for c in a.claims)]
    with matplotlib.rc_context(RC):
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
        ax.set_yticks(range(len(rows)), [short(a.label, 40) for a in rows])
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
    return save_svg(fig, path)
