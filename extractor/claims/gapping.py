"""Elliptical clauses that share a claim's verb: "L'État apportera 300 millions d'euros, la
Région 100 millions et le Département 50 millions", "the State will pay €300m, the region
€100m". Budget news lists the shares of several funders this way; the parser hangs the
later names and figures anywhere, so they are read on the text: after the figure a claim
bears on, each actor joined by a comma or a conjunction and followed at once by a figure
of the same sort does the same act for that figure.
"""

from __future__ import annotations

from extractor.claims.groups import patterns
from extractor.claims.roles import ACTOR_TYPES
from extractor.records import Claim, Mention
from extractor.text.fold import fold

_FIGURES = ("Money", "Quantity")
_BETWEEN = " \t,:–—-"


def _base_figure(claim: Claim, figures: list[Mention]) -> Mention | None:
    """The figure mention of the claim's amount, the first with its value."""
    return next((f for f in figures if f.value == claim.amount), None)


def gapped(text: str, claim: Claim, unit_mentions: list[Mention],
           lang: str) -> list[tuple[Mention, Mention]]:
    """(actor, figure) of each elliptical clause after the claim's figure, in order; none
    when the claim has no figure or the words after it are not such clauses."""
    if claim.amount is None:
        return []
    figures = sorted((m for m in unit_mentions if m.type in _FIGURES), key=lambda m: m.start)
    base = _base_figure(claim, figures)
    if base is None:
        return []
    actors = sorted((m for m in unit_mentions if m.type in ACTOR_TYPES),
                    key=lambda m: m.start)
    join = patterns(lang)["join"]
    out: list[tuple[Mention, Mention]] = []
    pos = base.end
    while True:
        actor = next((m for m in actors if m.start >= pos), None)
        gap = text[pos:actor.start] if actor is not None else ""
        if not out and "," in gap and len(gap.split(",", 1)[0].split()) <= 5 \
                and not any(ch.isdigit() for ch in gap):
            gap = gap[gap.index(","):]  # "200 M€ dans le projet, la Région 150 millions"
        if actor is None or not join.match(fold(gap)) or not (
                "," in gap or _conjoined(gap, lang)):
            break
        figure = next((f for f in figures if f.start >= actor.end), None)
        if figure is None or figure.type != base.type \
                or text[actor.end:figure.start].strip(_BETWEEN):
            break
        out.append((actor, figure))
        pos = figure.end
    return out


def _conjoined(gap: str, lang: str) -> bool:
    return patterns(lang)["conjunction"].search(fold(gap)) is not None


__all__ = ["gapped"]
