"""The figures a comparison lines up: every Money or Quantity of a build, with its sentence,
date, actor, side and topic.

A *figure* is a Money or Quantity mention (or a claim's amount with no mention) with its
sentence, date, actor and side: ``plan`` (a commitment claim, or plan words near it: "will",
"prévu", "engagements initiaux"), ``report`` (an achievement or assessment claim, or report
words: "spent", "dépenses", "ouvert") or neither. Its topic is the content words and
cross-language concepts of its sentence (``ontology/compare.yaml``); its measure (what it
counts, :mod:`extractor.read.compare_measure`) decides what it may be paired with. Kept
apart from the pairing in :mod:`extractor.read.compare` because reading a figure out of the
build is its own job, with its own weak spot: a bare range with no counted noun ("around
300 to 350") takes the unit of the nearest earlier range of its paragraph (an ellipsis),
which may be wrong, so such a figure is never paired (it has no counted noun).

A figure is a :class:`Figure`, not a mention or a claim: it has fields neither record has
(``side``, the sentence as ``quote``, the document's ``published``), and its exported
fields are the ``left`` and ``right`` objects of a comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.knowledge import languages, lexicon
from extractor.read.compare_measure import Measure, config, measure, stopwords, term, words
from extractor.read.load import document_text, documents, load_claims, load_mentions
from extractor.records import INTERNAL, Claim, Mention, columns
from extractor.text.fold import fold
from extractor.text.numbers import sentence_bounds

__all__ = ["Figure", "bounds", "config", "figures", "side", "topic"]


@dataclass(frozen=True)
class Spot:
    """Where a figure's number was read, before its sentence, claim and side are: a Money
    or Quantity mention (``source`` "mention"), a bare range given the unit of an earlier
    one ("ellipsis"), or a claim's amount no mention holds ("claim")."""

    document: str
    value: Any
    unit: str | None
    per: str | None
    text: str
    start: int
    end: int
    source: str


@dataclass(frozen=True)
class Figure:
    """A figure as compare pairs it: its value, its sentence (``quote``, ``start``, ``end``),
    the claim around it (``kind``, ``actor``), its side and date. ``source``, ``topic`` and
    ``measure`` serve the pairing and are not exported."""

    document: str
    published: str | None
    date: str | None
    kind: str | None
    side: str | None
    actor: str | None
    actor_id: str | None
    amount: Any
    unit: str | None
    per: str | None
    text: str
    quote: str
    start: int
    end: int
    source: str = field(default="mention", metadata=INTERNAL)
    topic: frozenset[str] = field(default=frozenset(), metadata=INTERNAL)
    measure: Measure = field(default=Measure(), metadata=INTERNAL)

    def row(self) -> dict[str, Any]:
        """A plain JSON object of the exported fields (a range as a list)."""
        return {name: list(v) if isinstance(v := getattr(self, name), tuple) else v
                for name in columns(Figure)}


def side(quote: str, where: tuple[int, int], claim: Claim | None,
         matches: bool = True) -> str | None:
    """``plan``, ``report`` or None: from the claim's kind, else the nearest cue word. A claim
    whose amount is another figure (``matches`` False) yields to a cue word near this one.

    >>> side("engagements initiaux (3M€ par an) pour atteindre 24M€", (22, 25), None)
    'plan'
    >>> side("engagements initiaux (3M€ par an) pour atteindre 24M€", (48, 52), None)
    'report'
    """
    cfg = config()
    kind = claim.kind if claim else None
    cued = _cue(quote, where, cfg)
    if claim and claim.amount is not None and not matches and cued:
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
        for cue in words(f"{name}_cues"):
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
    terms = {f"concept:{k}" for k, names in (config().get("concepts") or {}).items()
             if any(" " in w and fold(w) in folded for w in names)}
    for word in re.findall(r"[^\W\d_]{3,}", folded):
        if word not in stopwords():
            terms.add(term(word))
    terms.discard(f"unit:{unit}")
    return terms


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


def bounds(value: Any) -> tuple[float, float]:
    """A figure's value as ``(low, high)``: a range as given, a single number twice."""
    if isinstance(value, (list, tuple)):
        return float(value[0]), float(value[1])
    return float(value), float(value)


def figures(source: Path) -> list[Figure]:
    """Every figure of the build, with its sentence, side, date, actor and topic."""
    docs = documents(source)
    claims = load_claims(source)
    mentions = load_mentions(source)
    texts = {d: document_text(source, d) for d in docs}
    found = [Spot(m.document, m.value, m.unit, m.per, m.text, m.start, m.end, "mention")
             for m in mentions
             if m.type in ("Money", "Quantity") and m.value is not None and m.unit]
    for doc, text in texts.items():
        found.extend(_elliptic_ranges(doc, text or "", [m for m in mentions
                                                          if m.document == doc]))
    orgs: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if m.type == "Organization" and isinstance(m.value, str):
            orgs.setdefault(m.document, []).append((m.start, m.value))
    out = [_figure(f, *_claim_for(f, claims), docs.get(f.document, {}),
                   texts.get(f.document), orgs.get(f.document, [])) for f in found]
    for c in claims:
        if c.amount is not None and c.unit and not any(
                f.document == c.document and c.start <= f.start < c.end
                and bounds(f.value) == bounds(c.amount) for f in found):
            f = Spot(c.document, c.amount, c.unit, None, c.quote, c.start, c.end, "claim")
            out.append(_figure(f, c, True, docs.get(c.document, {}), None,
                               orgs.get(c.document, [])))
    return out


def _claim_for(f: Spot, claims: list[Claim]) -> tuple[Claim | None, bool]:
    """The claim whose span holds the figure (one with that amount, else the shortest), and
    whether its amount is this figure."""
    holding = [c for c in claims if c.document == f.document and c.start <= f.start < c.end]
    holding.sort(key=lambda c: (c.amount is None or bounds(c.amount) != bounds(f.value),
                                c.end - c.start))
    if not holding:
        return None, False
    best = holding[0]
    return best, best.amount is not None and bounds(best.amount) == bounds(f.value)


def _figure(f: Spot, claim: Claim | None, matches: bool, doc: dict[str, Any],
            text: str | None, orgs: list[tuple[int, str]]) -> Figure:
    """A figure read at ``f``; ``orgs`` (start, entity) of its document's organisations,
    those of its sentence being the partners its measure is about."""
    if text:
        start, end = _context(text, f.start)
        quote = text[start:end]
        where = (f.start - start, f.end - start)
    else:
        start, end, quote, where = f.start, f.end, f.text, (0, len(f.text))
    actor = claim if claim and claim.kind != "statement" else None  # a statement's actor speaks
    doers = {claim.actor_id} if claim and claim.kind in config().get("party_kinds", []) else set()
    parties = frozenset(doers | {iri for at, iri in orgs if start <= at < end})
    return Figure(document=f.document, published=doc.get("published"),
                  date=(claim.date if claim else None) or doc.get("published"),
                  kind=claim.kind if claim else None, side=side(quote, where, claim, matches),
                  actor=actor.actor if actor else None,
                  actor_id=actor.actor_id if actor else None, amount=f.value, unit=f.unit,
                  per=f.per, text=f.text, quote=quote, start=start, end=end, source=f.source,
                  topic=frozenset(topic(quote, f.unit)),
                  measure=measure(text or f.text, f.start if text else 0,
                                  f.end if text else len(f.text), f.unit, f.per, quote,
                                  parties, written_here=f.source == "mention"))


def _whole(digits: str) -> float | None:
    """A whole number in digit groups ("31 000"), which every language reads alike."""
    plain = digits.replace(" ", "")
    return float(plain) if plain.isascii() and plain.isdigit() else None


def _elliptic_ranges(doc: str, text: str, mentions: list[Mention]) -> list[Spot]:
    """Bare ranges with no counted noun, given the unit of the paragraph's last range."""
    connectors = sorted({str(c) for lang in sorted(languages())
                         for c in lexicon(lang).get("range_connectors", [])}, key=len,
                        reverse=True)
    if not connectors or not text:
        return []
    number = r"(\d{1,3}(?:[  ]\d{3})+|\d+)"
    joined = "|".join(re.escape(c) for c in connectors)
    pattern = re.compile(rf"(?<![\w.,]){number}\s*(?:{joined})\s*{number}(?![\w%]|[.,]\d|\s*%)")
    factor = float(config().get("ellipsis_factor", 10))
    out: list[Spot] = []
    for match in pattern.finditer(text):
        low, high = (_whole(match.group(i)) for i in (1, 2))
        if low is None or high is None or not 0 < low < high:
            continue
        if all(1900 <= v <= 2100 for v in (low, high)):
            continue
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        paragraph = text.rfind("\n\n", 0, match.start())
        for m in sorted(mentions, key=lambda m: -m.start):
            if m.type in ("Money", "Quantity") and isinstance(m.value, (list, tuple)) \
                    and paragraph < m.start < match.start():
                if max(high, m.value[1]) / min(low, m.value[0]) <= factor:
                    out.append(Spot(doc, (low, high), m.unit, m.per, match.group(0),
                                    match.start(), match.end(), "ellipsis"))
                break
    return out
