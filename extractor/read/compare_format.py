"""Write comparison rows out: an aligned table, CSV, JSON, or Markdown with full quotes.

Kept apart from :mod:`extractor.read.compare` (which finds the rows) because writing is
its own concern: the CLI writes rows in every format, while the report site takes the rows
and lays them out itself. CSV has one flat row per comparison (``left_*`` and ``right_*``
columns); E135 for an unknown format.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from extractor.errors import error
from extractor.read.compare import SIDE_FIELDS
from extractor.read.trace import FORMATS, aligned, amount_text, cell, format_rows, md_cell, shorten

__all__ = ["format_comparison"]


def format_comparison(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Comparison rows as ``table``, ``csv``, ``json`` (a list) or ``md`` (full quotes)."""
    if fmt in ("json", "csv"):
        flat = rows if fmt == "json" else [_flat(r) for r in rows]
        return format_rows(flat, fmt) if fmt == "json" else _csv(flat)
    if fmt == "md":
        head = ["score", "kind", "topic", "difference", "left", "right", "note"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            values = [r["score"], r["kind"], r["topic"], r["difference"], _side_md(r["left"]),
                      _side_md(r["right"]), r["note"]]
            lines.append("| " + " | ".join(md_cell(v) for v in values) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        header = ["score", "kind", "left", "right", "difference", "left quote", "right quote"]
        return aligned(header, [[f"{r['score']:.2f}", r["kind"], _side_short(r["left"]),
                                 _side_short(r["right"]), r["difference"],
                                 shorten(r["left"]["quote"], 50), shorten(r["right"]["quote"], 50)]
                                for r in rows])
    raise error("E135", fmt=fmt, choices=", ".join(FORMATS))


def _side_short(s: dict[str, Any]) -> str:
    return f"{amount_text(s['amount'], s['unit'])} ({s['document'][:12]}, {s['date'] or '?'})"


def _side_md(s: dict[str, Any]) -> str:
    return f"{amount_text(s['amount'], s['unit'])}, {s['document']} {s['start']}–{s['end']}, " \
           f"{s['date'] or ''}: « {s['quote']} »"


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in row.items() if k not in ("left", "right")}
    for name in ("left", "right"):
        flat.update({f"{name}_{k}": v for k, v in row[name].items()})
    return flat


def _csv(rows: list[dict[str, Any]]) -> str:
    columns = ["score", "kind", "topic", "actor", "actor_id", "difference", "note",
               *(f"{n}_{k}" for n in ("left", "right") for k in SIDE_FIELDS)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(r.get(c)) for c in columns] for r in rows)
    return buffer.getvalue()
