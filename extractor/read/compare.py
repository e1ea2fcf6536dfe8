"""Line up figures across sources: what was committed against what was later reported, and
one figure given differently by two sources.

The figures (with their side, ``plan`` or ``report``, topic and measure) come from
:mod:`extractor.read.compare_figures`. Two figures of different documents are compared
only when they are the same measure (:mod:`extractor.read.compare_measure`: unit, counted
noun, its qualifiers, period, scope, actor or partner; each row's ``basis`` says which)
and their values differ (beyond a tolerance):

- ``commitment-vs-outcome``: a plan figure and a later (or same-time) non-plan figure;
- ``figure-disagreement``: two non-plan figures published within a few months.

The score adds weighted evidence: same unit, shared topic (content words and cross-language
concepts of both sentences, ``ontology/compare.yaml``), a clear plan → report direction,
and the same actor. Rows under the threshold are dropped; the best row per pair of values
is kept. Disagreements (two reports of one measure) come first, then commitments against
outcomes, each best first. The rows (:class:`Comparison`) are written out by
:mod:`extractor.read.compare_format`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from extractor.read.compare_figures import Figure, bounds, figures
from extractor.read.compare_measure import config, same_measure
from extractor.read.delivery import load_deliveries
from extractor.read.load import load_claims
from extractor.read.trace import amount_text
from extractor.records import columns

__all__ = ["KINDS", "SIDE_FIELDS", "SIDES", "Comparison", "compare", "difference"]

# In the order rows are listed: two sources disagreeing on one measure first.
KINDS = ("figure-disagreement", "commitment-vs-outcome")
# The fields of each side of a comparison: a figure's exported fields.
SIDE_FIELDS = columns(Figure)
SIDES = ("left", "right")


@dataclass(frozen=True)
class Comparison:
    """Two figures lined up (``left`` the earlier, or the plan), with why they were paired:
    ``basis`` says why they are the same measure, ``note`` what still differs."""

    kind: str
    basis: str
    topic: str
    actor: str | None
    actor_id: str | None
    left: Figure
    right: Figure
    difference: str
    note: str
    score: float
    # the left commitment's delivery status (extractor/graph/delivery.py), when it has one
    delivery: str | None = None

    def row(self) -> dict[str, Any]:
        """A plain JSON object; each side an object of :data:`SIDE_FIELDS`."""
        return {f.name: getattr(self, f.name).row() if f.name in SIDES else getattr(self, f.name)
                for f in fields(self)}


def _months(date: str | None) -> int | None:
    found = re.match(r"(\d{4})(?:-(\d{2}))?", date or "")
    return int(found.group(1)) * 12 + int(found.group(2) or 6) - 1 if found else None


def _same(a: Figure, b: Figure, tolerance: float) -> bool:
    (a1, a2), (b1, b2) = bounds(a.amount), bounds(b.amount)
    if a1 <= b2 and b1 <= a2:
        return True
    gap = max(a1, b1) - min(a2, b2)
    return gap <= tolerance * max(a2, b2)


def _pair(a: Figure, b: Figure, cfg: dict[str, Any]) -> Comparison | None:
    """A comparison of two figures (earlier first), or None when they do not compare."""
    if a.document == b.document or a.unit != b.unit:
        return None
    basis = same_measure(a.measure, b.measure)
    if basis is None:
        return None
    if _same(a, b, float(cfg["same_figure_tolerance"])):
        return None
    left, right = sorted((a, b), key=lambda f: (_months(f.date) or 0,
                                                _months(f.published) or 0, f.document))
    if right.side == "plan" and left.side != "plan" \
            and _months(right.date) == _months(left.date):
        left, right = right, left
    mid_l, mid_r = (sum(bounds(f.amount)) / 2 for f in (left, right))
    if min(mid_l, mid_r) <= 0 or max(mid_l, mid_r) / min(mid_l, mid_r) > cfg["max_ratio"]:
        return None
    w = cfg["weights"]
    shared = set(left.topic & right.topic)
    size = math.sqrt(len(left.topic) * len(right.topic)) or 1.0
    topic_score = min(1.0, len(shared) / size)
    if left.side == "plan" and right.side != "plan":
        kind, direction = KINDS[1], 1.0 if right.side == "report" else 0.5
        same_actor = left.actor_id and left.actor_id == right.actor_id
        actor = 1.0 if same_actor else 0.5 if not (left.actor_id and right.actor_id) else 0.0
    elif "plan" not in (left.side, right.side) and left.per == right.per:
        apart = abs((_months(left.published) or 0) - (_months(right.published) or 0))
        if apart > cfg["disagreement_window_months"]:
            return None
        kind, direction, actor = KINDS[0], 1.0 if right.side == "report" else 0.5, 0.5
    else:
        return None
    score = w["unit"] + w["topic"] * topic_score + w["direction"] * direction \
        + w["actor"] * actor
    return Comparison(kind, basis, _topic_text(left, right, shared), left.actor or right.actor,
                      left.actor_id or right.actor_id, left, right,
                      difference(left.amount, right.amount, left.unit), _note(left, right),
                      round(score, 3))


def difference(left: Any, right: Any, unit: str | None) -> str:
    """Absolute change and ratio from left to right (range midpoints).

    >>> difference(3000000.0, 24000000.0, "EUR")
    '+21 000 000 EUR (×8)'
    >>> difference([700.0, 800.0], [300.0, 350.0], "user")
    '−425 user (×0.43)'
    """
    a, b = (sum(bounds(v)) / 2 for v in (left, right))
    delta = amount_text(abs(b - a), unit)
    return f"{'+' if b >= a else '−'}{delta} (×{b / a:.2g})" if a else f"+{delta}"


def _topic_text(left: Figure, right: Figure, shared: set[str]) -> str:
    words = sorted(w.split(":", 1)[-1] for w in shared)[:4]
    return " ".join([left.unit or "", *words])


def _note(left: Figure, right: Figure) -> str:
    """What the reader should weigh: a side read from a cue word rather than a claim, and
    sources published far apart (a later figure may be an update, not a contradiction)."""
    notes = [f"{name} side read from a cue word, not a claim"
             for name, f in (("left", left), ("right", right)) if f.side and not f.kind]
    apart = abs((_months(left.published) or 0) - (_months(right.published) or 0))
    if left.published and right.published and apart >= 12:
        notes.append(f"published {apart // 12} year{'s' if apart >= 24 else ''} apart")
    return "; ".join(notes)


def compare(source: Path) -> list[Comparison]:
    """Comparisons above the threshold, best first (see module doc)."""
    cfg = config()
    found = figures(source)
    best: dict[tuple, Comparison] = {}
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            row = _pair(a, b, cfg)
            if row is None or row.score < cfg["threshold"]:
                continue
            key = (row.kind, row.left.document, row.left.start, row.right.document,
                   row.right.start, row.left.unit)
            if key not in best or row.score > best[key].score:
                best[key] = row
    rows = sorted(best.values(), key=lambda r: (KINDS.index(r.kind), -r.score,
                                                r.left.document, r.left.start, r.right.start))
    return _with_delivery(source, rows)


def _with_delivery(source: Path, rows: list[Comparison]) -> list[Comparison]:
    """Each commitment-vs-outcome row with its commitment's delivery status: that of the
    commitment claim whose quote holds the left figure."""
    found = load_deliveries(source)
    if not found:
        return rows
    committed = [c for c in load_claims(source) if c.id in found]
    out = []
    for row in rows:
        left = row.left
        claim = next((c for c in committed if c.document == left.document
                      and c.start < left.end and left.start < c.end), None)
        out.append(replace(row, delivery=found[claim.id].status)
                   if claim and row.kind == "commitment-vs-outcome" else row)
    return out
