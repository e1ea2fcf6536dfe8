"""Line up figures across sources: what was committed against what was later reported, and
one figure given differently by two sources.

A *figure* is a Money or Quantity mention (or a claim's amount with no mention) with its
sentence, date, actor and side: ``plan`` (a commitment claim, or plan words near it: "will",
"prévu", "engagements initiaux"), ``report`` (an achievement or assessment claim, or report
words: "spent", "dépenses", "ouvert") or neither. Two figures of different documents are
compared when they have the same unit and different values (beyond a tolerance):

- ``commitment-vs-outcome``: a plan figure and a later (or same-time) non-plan figure;
- ``figure-disagreement``: two non-plan figures published within a few months.

The score adds weighted evidence: same unit, shared topic (content words and cross-language
concepts of both sentences, ``ontology/compare.yaml``), a clear plan → report direction,
and the same actor. Rows under the threshold are dropped; the best row per pair of values
is kept. Weak spot: a bare range with no counted noun ("around 300 to 350") takes the unit
of the nearest earlier range of its paragraph (an ellipsis), which may be wrong.
"""

from __future__ import annotations

import csv
import io
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

from extractor.errors import error
from extractor.knowledge import lexicon, load_yaml
from extractor.read.load import document_text, documents, load_claims, load_mentions
from extractor.read.trace import aligned, amount_text, cell, format_rows, md_cell, shorten
from extractor.text.fold import fold
from extractor.text.numbers import parse_number, sentence_bounds

KINDS = ("commitment-vs-outcome", "figure-disagreement")
SIDE_FIELDS = ("document", "published", "date", "kind", "side", "actor", "actor_id", "amount",
               "unit", "per", "text", "quote", "start", "end")


def config() -> dict[str, Any]:
    """``ontology/compare.yaml`` (weights, tolerances, cue and concept words)."""
    data = load_yaml("compare.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _words(section: str) -> list[str]:
    """Folded words of a per-language list of compare.yaml (all languages together)."""
    value = config().get(section) or {}
    return sorted({fold(str(w)) for words in value.values() for w in words or []})


def side(quote: str, where: tuple[int, int], claim: dict[str, Any] | None) -> str | None:
    """``plan``, ``report`` or None: from the claim's kind, else the nearest cue word.

    >>> side("engagements initiaux (3M€ par an) pour atteindre 24M€", (22, 25), None)
    'plan'
    >>> side("engagements initiaux (3M€ par an) pour atteindre 24M€", (48, 52), None)
    'report'
    """
    cfg = config()
    kind = (claim or {}).get("kind")
    cued = _cue(quote, where, cfg)
    if claim and claim.get("amount") is not None and claim.get("matches") is False and cued:
        return cued
    if kind in cfg.get("plan_kinds", []):
        return "plan"
    if kind in cfg.get("report_kinds", []):
        return "report"
    return cued


def _cue(quote: str, where: tuple[int, int], cfg: dict[str, Any]) -> str | None:
    """The side named by the cue word nearest to the figure, if one is close enough."""
    folded, window = fold(quote), int(cfg.get("cue_window", 60))
    nearest: list[tuple[int, str]] = []
    for name in ("plan", "report"):
        for cue in _words(f"{name}_cues"):
            for m in re.finditer(rf"(?<!\w){re.escape(cue)}", folded):
                gap = where[0] - m.end() if m.end() <= where[0] else m.start() - where[1]
                if -1 <= gap <= window:
                    nearest.append((max(gap, 0), name))
    return min(nearest)[1] if nearest else None


def topic(quote: str, unit: str | None) -> set[str]:
    """Content words of a sentence as concepts, counted-noun units or 6-letter stems.

    >>> sorted(topic("Le montant total des dépenses des usagers", "EUR"))
    ['concept:spending', 'concept:total', 'unit:user']
    """
    folded = fold(quote)
    terms = {f"concept:{k}" for k, words in (config().get("concepts") or {}).items()
             if any(" " in w and fold(w) in folded for w in words)}
    for word in re.findall(r"[^\W\d_]{3,}", folded):
        if word not in _stopwords():
            terms.add(_term(word))
    terms.discard(f"unit:{unit}")
    return terms


@cache
def _stopwords() -> frozenset[str]:
    lists = [*(load_yaml("lang/stopwords.yaml") or {}).values(), _words("stopwords")]
    return frozenset(fold(str(w)) for words in lists for w in words or [])


@cache
def _units() -> dict[str, str]:
    """Counted nouns of every lexicon (folded) → unit, so "usagers" and "users" meet."""
    return {fold(str(k)): str(v) for lang in ("fr", "en")
            for k, v in (lexicon(lang).get("units") or {}).items()}


@cache
def _term(word: str) -> str:
    for key, words in (config().get("concepts") or {}).items():
        if any(word.startswith(fold(w)) for w in words if " " not in w and len(w) > 2):
            return f"concept:{key}"
    unit = _units().get(word)
    return f"unit:{unit}" if unit else word[:6]


def _context(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, cut to its line (list items are lines), trimmed."""
    start, end = sentence_bounds(text, pos)
    start = max(start, text.rfind("\n", 0, pos) + 1)
    newline = text.find("\n", pos)
    end = min(end, newline) if newline >= 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _bounds(value: Any) -> tuple[float, float]:
    if isinstance(value, (list, tuple)):
        return float(value[0]), float(value[1])
    return float(value), float(value)


def figures(source: Path) -> list[dict[str, Any]]:
    """Every figure of the build, with its sentence, side, date, actor and topic."""
    docs = documents(source)
    claims = load_claims(source)
    mentions = load_mentions(source)
    texts = {d: document_text(source, d) for d in docs}
    found: list[dict[str, Any]] = []
    for m in mentions:
        if m["type"] in ("Money", "Quantity") and m["value"] is not None and m["unit"]:
            found.append({**m, "source": "mention"})
    for doc, text in texts.items():
        found.extend(_elliptic_ranges(doc, text or "", [m for m in mentions
                                                          if m["document"] == doc]))
    out = [_figure(f, _claim_for(f, claims), docs.get(f["document"], {}),
                   texts.get(f["document"])) for f in found]
    for c in claims:
        if c["amount"] is not None and c["unit"] and not any(
                f["document"] == c["document"] and c["start"] <= f["start"] < c["end"]
                and _bounds(f["value"]) == _bounds(c["amount"]) for f in found):
            f = {"document": c["document"], "value": c["amount"], "unit": c["unit"],
                 "per": None, "text": c["quote"], "start": c["start"], "end": c["end"],
                 "source": "claim"}
            out.append(_figure(f, c, docs.get(c["document"], {}), None))
    return out


def _claim_for(f: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The claim whose span holds the figure: one with that amount, else the shortest."""
    holding = [c for c in claims if c["document"] == f["document"]
               and c["start"] <= f["start"] < c["end"]]
    holding.sort(key=lambda c: (c["amount"] is None or _bounds(c["amount"]) != _bounds(
        f["value"]), c["end"] - c["start"]))
    if not holding:
        return None
    return {**holding[0], "matches": holding[0]["amount"] is not None
            and _bounds(holding[0]["amount"]) == _bounds(f["value"])}


def _figure(f: dict[str, Any], claim: dict[str, Any] | None, doc: dict[str, Any],
            text: str | None) -> dict[str, Any]:
    if text:
        start, end = _context(text, f["start"])
        quote = text[start:end]
        where = (f["start"] - start, f["end"] - start)
    else:
        start, end, quote, where = f["start"], f["end"], f["text"], (0, len(f["text"]))
    actor = claim if claim and claim["kind"] != "statement" else {}  # a statement's actor speaks
    return {"document": f["document"], "published": doc.get("published"),
            "date": (claim or {}).get("date") or doc.get("published"),
            "kind": (claim or {}).get("kind"), "side": side(quote, where, claim),
            "actor": actor.get("actor"), "actor_id": actor.get("actor_id"),
            "amount": f["value"], "unit": f["unit"], "per": f.get("per"), "text": f["text"],
            "quote": quote, "start": start, "end": end, "source": f["source"],
            "topic": topic(quote, f["unit"])}


def _elliptic_ranges(doc: str, text: str, mentions: list[dict[str, Any]]) -> list[dict]:
    """Bare ranges with no counted noun, given the unit of the paragraph's last range."""
    connectors = sorted({str(c) for lang in ("fr", "en")
                         for c in lexicon(lang).get("range_connectors", [])}, key=len,
                        reverse=True)
    if not connectors or not text:
        return []
    number = r"(\d{1,3}(?:[  ]\d{3})+|\d+)"
    joined = "|".join(re.escape(c) for c in connectors)
    pattern = re.compile(rf"(?<![\w.,]){number}\s*(?:{joined})\s*{number}(?![\w%]|[.,]\d|\s*%)")
    factor = float(config().get("ellipsis_factor", 10))
    out = []
    for match in pattern.finditer(text):
        low, high = (parse_number(match.group(i), "fr") for i in (1, 2))
        if low is None or high is None or not 0 < low < high:
            continue
        if all(1900 <= v <= 2100 for v in (low, high)):
            continue
        if any(m["start"] < match.end() and match.start() < m["end"] for m in mentions):
            continue
        paragraph = text.rfind("\n\n", 0, match.start())
        for m in sorted(mentions, key=lambda m: -m["start"]):
            if m["type"] in ("Money", "Quantity") and isinstance(m["value"], list) \
                    and paragraph < m["start"] < match.start():
                if max(high, m["value"][1]) / min(low, m["value"][0]) <= factor:
                    out.append({"document": doc, "value": [low, high], "unit": m["unit"],
                                "per": m.get("per"), "text": match.group(0),
                                "start": match.start(), "end": match.end(),
                                "source": "ellipsis"})
                break
    return out


def _months(date: str | None) -> int | None:
    found = re.match(r"(\d{4})(?:-(\d{2}))?", date or "")
    return int(found.group(1)) * 12 + int(found.group(2) or 6) - 1 if found else None


def _same(a: dict[str, Any], b: dict[str, Any], tolerance: float) -> bool:
    (a1, a2), (b1, b2) = _bounds(a["amount"]), _bounds(b["amount"])
    if a1 <= b2 and b1 <= a2:
        return True
    gap = max(a1, b1) - min(a2, b2)
    return gap <= tolerance * max(a2, b2)


def _pair(a: dict[str, Any], b: dict[str, Any], cfg: dict[str, Any]) -> dict[str, Any] | None:
    """A comparison row for two figures (earlier first), or None when they do not compare."""
    if a["document"] == b["document"] or a["unit"] != b["unit"]:
        return None
    if _same(a, b, float(cfg["same_figure_tolerance"])):
        return None
    left, right = sorted((a, b), key=lambda f: (_months(f["date"]) or 0,
                                                _months(f["published"]) or 0, f["document"]))
    if right["side"] == "plan" and left["side"] != "plan" \
            and _months(right["date"]) == _months(left["date"]):
        left, right = right, left
    mid_l, mid_r = (sum(_bounds(f["amount"])) / 2 for f in (left, right))
    if min(mid_l, mid_r) <= 0 or max(mid_l, mid_r) / min(mid_l, mid_r) > cfg["max_ratio"]:
        return None
    w = cfg["weights"]
    shared = (left["topic"] & right["topic"])
    size = math.sqrt(len(left["topic"]) * len(right["topic"])) or 1.0
    topic_score = min(1.0, len(shared) / size)
    if left["side"] == "plan" and right["side"] != "plan":
        kind, direction = KINDS[0], 1.0 if right["side"] == "report" else 0.5
        same_actor = left["actor_id"] and left["actor_id"] == right["actor_id"]
        actor = 1.0 if same_actor else 0.5 if not (left["actor_id"] and right["actor_id"]) \
            else 0.0
    elif "plan" not in (left["side"], right["side"]) and left.get("per") == right.get("per"):
        apart = abs((_months(left["published"]) or 0) - (_months(right["published"]) or 0))
        if apart > cfg["disagreement_window_months"]:
            return None
        kind, direction, actor = KINDS[1], 1.0 if right["side"] == "report" else 0.5, 0.5
    else:
        return None
    score = w["unit"] + w["topic"] * topic_score + w["direction"] * direction \
        + w["actor"] * actor
    return {"kind": kind, "topic": _topic_text(left, right, shared),
            "actor": left["actor"] or right["actor"],
            "actor_id": left["actor_id"] or right["actor_id"],
            "left": {k: left.get(k) for k in SIDE_FIELDS},
            "right": {k: right.get(k) for k in SIDE_FIELDS},
            "difference": difference(left["amount"], right["amount"], left["unit"]),
            "note": _note(left, right), "score": round(score, 3)}


def difference(left: Any, right: Any, unit: str | None) -> str:
    """Absolute change and ratio from left to right (range midpoints).

    >>> difference(3000000.0, 24000000.0, "EUR")
    '+21 000 000 EUR (×8)'
    >>> difference([700.0, 800.0], [300.0, 350.0], "user")
    '−425 user (×0.43)'
    """
    a, b = (sum(_bounds(v)) / 2 for v in (left, right))
    delta = amount_text(abs(b - a), unit)
    return f"{'+' if b >= a else '−'}{delta} (×{b / a:.2g})" if a else f"+{delta}"


def _topic_text(left: dict[str, Any], right: dict[str, Any], shared: set[str]) -> str:
    words = sorted(w.split(":", 1)[-1] for w in shared)[:4]
    return " ".join([left["unit"], *words])


def _note(left: dict[str, Any], right: dict[str, Any]) -> str:
    notes = []
    if left.get("per") != right.get("per"):
        notes.append(f"left per {left.get('per') or 'total'}, right per "
                     f"{right.get('per') or 'total'}")
    for name, f in (("left", left), ("right", right)):
        if f["source"] == "ellipsis":
            notes.append(f"{name} unit read from an earlier figure (no noun)")
    if left["actor_id"] and left["actor_id"] == right["actor_id"]:
        notes.append("same actor")
    return "; ".join(notes)


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
    raise error("E135", fmt=fmt)


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


def compare(source: Path) -> list[dict[str, Any]]:
    """Comparison rows above the threshold, best first (see module doc)."""
    cfg = config()
    found = figures(source)
    best: dict[tuple, dict[str, Any]] = {}
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            row = _pair(a, b, cfg)
            if row is None or row["score"] < cfg["threshold"]:
                continue
            key = (row["kind"], row["left"]["document"], row["left"]["start"],
                   row["right"]["document"], row["right"]["start"], row["left"]["unit"])
            if key not in best or row["score"] > best[key]["score"]:
                best[key] = row
    return sorted(best.values(), key=lambda r: (-r["score"], r["kind"], r["left"]["document"],
                                                r["left"]["start"], r["right"]["start"]))
