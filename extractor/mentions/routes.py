"""The places a route joins: "les lignes Aurillac-Paris, Rodez-Paris", "Saint-Étienne-Roanne
(8 suppressions)", "La Rochelle-Poitiers-Lyon", "the Lyon-Paris line".

The model reads such a run as one place ("Saint-Étienne-Roanne"), or drops the article that
opens the first town's name ("Rochelle-Poitiers-Lyon"). A hyphenated run no gazetteer knows
whole is cut into the fewest known places, each a run of its hyphenated parts ("Saint-Étienne"
keeps its hyphen), only where a route's noun stands before it in the sentence or right after
it; an article before the run opens the first place when the name with it is known ("La
Rochelle").
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.france import place_key
from extractor.mentions.place_lexicon import by_lang, places_config
from extractor.text.fold import fold

_MAX_PARTS = 8
_ARTICLE = re.compile(r"(?:\b(?:Le|La|Les)\s|\bL['’])$")


def _segments(parts: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The fewest runs of consecutive parts that are each a known place, as (first, last+1)
    part indices; None when the parts cannot be so cut in two or more."""
    @cache
    def best(i: int) -> tuple[tuple[int, int], ...] | None:
        if i == len(parts):
            return ()
        found = None
        for j in range(len(parts), i, -1):
            if place_key("-".join(parts[i:j])) is None:
                continue
            rest = best(j)
            if rest is not None and (found is None or len(rest) + 1 < len(found)):
                found = ((i, j), *rest)
        return found
    cut = best(0)
    return list(cut) if cut is not None and len(cut) > 1 else None


def route_ends(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]] | None:
    """One span per place a route joins, for a hyphenated name no gazetteer knows whole;
    None for any other name ("Saint-Denis", a station "Aubervilliers-Pantin" in a list of
    sites)."""
    surface = text[start:end]
    if " " in surface or place_key(surface) is not None:
        return None
    spans = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s-]+", surface)]
    if not 2 <= len(spans) <= _MAX_PARTS:
        return None
    article = _ARTICLE.search(text, max(0, start - 4), start)
    if article and place_key(text[article.start():spans[0][1]]) is not None:
        spans[0] = (article.start(), spans[0][1])  # "La Rochelle" of "La Rochelle-Poitiers"
    cut = _segments(tuple(text[a:b] for a, b in spans))
    if cut is None or not _route_noun_near(text, start, end, lang):
        return None
    return [(spans[i][0], spans[j - 1][1]) for i, j in cut]


def _route_noun_near(text: str, start: int, end: int, lang: str) -> bool:
    """A route's noun before the name in its sentence, or one of the two words after it."""
    before = re.split(r"[.!?;\n]", text[max(0, start - 120):start])[-1]
    nouns = {fold(w) for w in by_lang(places_config().get("route_nouns"), lang)}
    return bool(nouns & {fold(w) for w in re.findall(r"[\w’'-]+", before)}) or any(
        fold(w) in nouns for w in re.findall(r"\w+", text[end:end + 16])[:2])


__all__ = ["route_ends"]
