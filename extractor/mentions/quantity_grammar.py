"""The quantity finder's grammar of one language, compiled once from its lexicon.

Which nouns count things (``units``), how numbers are written, what joins a range ("700 à
800"), which words multiply ("millions"), and the words that show a number is no count
(percentages, ratios, ordinals, durations) all come from ``ontology/lang/<lang>.yaml``. The
finder in :mod:`extractor.mentions.quantities` reads them as compiled patterns and sets.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.knowledge import lexicon, terms
from extractor.text.numbers import DIGITS, word_number_pattern
from extractor.text.patterns import alternation
from extractor.text.wordlists import every_language


@cache
def quantity_grammar(lang: str) -> dict[str, Any] | None:
    """Patterns, unit table and word sets of ``lang``; None when it has no units."""
    data = lexicon(lang)
    if not data.get("units"):
        return None
    units = {unit_key(k): str(v) for k, v in data["units"].items()}
    num = rf"(?:{DIGITS}|(?i:{word_number_pattern(lang)}))"
    mult = (data.get("multipliers") or {}).get("words") or {}
    frames = data.get("range_frames") or []
    links = [*terms("currency_links", lang), *every_language("count_links")]  # any language's
    return {
        "num": re.compile(num),
        "units": units,
        "longest": max(len(k.split()) for k in units),
        "connector": re.compile(
            rf"\s*(?:{alternation(terms('range_connectors', lang))})\s*$", re.I
        ),
        "frames": [
            (
                re.compile(rf"(?:{alternation([str(a)])})\s+$", re.I),
                re.compile(rf"\s+(?:{alternation([str(b)])})\s+$", re.I),
            )
            for a, b in frames
        ],
        "mult": re.compile(rf"\s+(?P<m>{alternation(mult)})(?!\w)", re.I),
        "mult_values": {str(k).lower(): float(v) for k, v in mult.items()},
        # a whole word ("of" is no link inside "officers"), or an elided one ("d'agents")
        "link": re.compile(
            rf"\s*(?:{alternation(links)})"
            r"(?:(?<=['’])(?=\w)|(?=\s))\s*",
            re.I,
        ),
        "before": re.compile(
            rf"(?<!\w)(?:{alternation(terms('not_count_before', lang))})\s*$", re.I
        ),
        "percent": re.compile(rf"\s*(?:{alternation(terms('percent_words', lang))})", re.I),
        "ratio": re.compile(
            rf"\s*(?:{alternation(terms('ratio_words', lang))})\s+(?P<d>{DIGITS})", re.I
        ),
        "ordinal": re.compile(rf"(?:{alternation(terms('ordinal_suffixes', lang))})(?!\w)"),
        "subset_before": re.compile(
            rf"(?<!\w)(?:{alternation(terms('subset_before', lang))})\s*$", re.I
        ),
        "subset_after": re.compile(
            rf"\s+(?:{alternation(terms('subset_after', lang))})(?!\w)", re.I
        ),
        "number_of": re.compile(
            rf"[*_]*\s+(?:{alternation(terms('number_of_phrases', lang))})", re.I
        ),
        "adjectives": {w.lower() for w in terms("pre_noun_adjectives", lang)},
        "durations": {w.lower() for w in terms("duration_words", lang)}
        | {w.lower() for w in terms("months", lang)},
        "articles": {w.lower() for w in terms("article_numbers", lang)},
        "not_counted": {w.lower() for w in terms("not_counted_nouns", lang)},
        "head_last": bool(data.get("count_noun_last", not data.get("pre_noun_adjectives"))),
        # a counted noun after "millions" takes "de" ("9 millions de personnes")
        "noun_needs_link": bool(data.get("multiplier_noun_needs_link")),
    }


def unit_key(s: str) -> str:
    """A unit phrase as the grammar keys it: lower case, one space, straight apostrophe."""
    return re.sub(r"\s+", " ", str(s).lower().replace("’", "'")).strip()
