"""Write comparison rows out: an aligned table, CSV, JSON, or Markdown with full quotes.

Kept apart from :mod:`extractor.read.compare` (which finds the rows) because writing is
its own concern: the CLI writes rows in every format, while the report site takes the rows
and lays them out itself. CSV has one flat row per comparison (``left_*`` and ``right_*``
columns); E135 for an unknown format. The JSON and CSV fields come from
:class:`~extractor.read.compare.Comparison` and its figures, not from a list kept here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from typing import Any

from extractor.errors import error
from extractor.read.compare import SIDE_FIELDS, SIDES, Comparison
from extractor.read.compare_figures import Figure
from extractor.read.trace import FORMATS, aligned, amount_text, cell, md_cell, shorten, to_json

__all__ = ["CSV_COLUMNS", "format_comparison"]

# A comparison's own fields; the CSV puts the score first, then those, then each side's.
_OWN = tuple(f.name for f in fields(Comparison) if f.name not in SIDES)
CSV_COLUMNS = ("score", *(n for n in _OWN if n != "score"),
               *(f"{n}_{k}" for n in SIDES for k in SIDE_FIELDS))


def format_comparison(rows: list[Comparison], fmt: str = "table") -> str:
    """Comparisons as ``table``, ``csv``, ``json`` (a list) or ``md`` (full quotes)."""
    if fmt == "json":
        return to_json([r.row() for r in rows])
    if fmt == "csv":
        return _csv([_flat(r.row()) for r in rows])
    if fmt == "md":
        head = ["score", "kind", "basis", "difference", "left", "right", "note", "delivery"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            values = [r.score, r.kind, r.basis, r.difference, _side_md(r.left),
                      _side_md(r.right), r.note, r.delivery]
            lines.append("| " + " | ".join(md_cell(v) for v in values) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        header = ["score", "kind", "left", "right", "difference", "basis", "left quote",
                  "right quote", "delivery"]
        return aligned(header, [[f"{r.score:.2f}", r.kind, _side_short(r.left),
                                 _side_short(r.right), r.difference, r.basis,
                                 shorten(r.left.quote, 50), shorten(r.right.quote, 50),
                                 r.delivery or ""] for r in rows])
    raise error("E135", fmt=fmt, choices=", ".join(FORMATS))


def _side_short(s: Figure) -> str:
    return f"{amount_text(s.amount, s.unit)} ({s.document[:12]}, {s.date or '?'})"


def _side_md(s: Figure) -> str:
    return f"{amount_text(s.amount, s.unit)}, {s.document} {s.start}–{s.end}, " \
           f"{s.date or ''}: « {s.quote} »"


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: the comparison's own fields, each side's prefixed ``left_``/``right_``."""
    flat = {k: v for k, v in row.items() if k not in SIDES}
    for name in SIDES:
        flat.update({f"{name}_{k}": v for k, v in row[name].items()})
    return flat


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([cell(r[c]) for c in CSV_COLUMNS] for r in rows)
    return buffer.getvalue()
