"""Communes of France named right after a locative preposition, for the place finder.

"à Roubaix", "in Tourcoing", "la ville de Tourcoing": a capitalised name the language model
may miss. Cautious on purpose, since a commune may be named like a person or a word: only
after one of the ``city_prepositions`` of ``ontology/lang/places.yaml``; only when the whole
capitalised run of words is the official GeoNames name of a commune of at least
``city_min_population`` inhabitants ("in Orange County" is no commune); never a region or
department (often a river or a word as well), never a given name ("parler à Nancy"). The
candidate carries no gazetteer id: :func:`extractor.mentions.france.place_key` resolves it.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.knowledge import load_yaml
from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import name_key
from extractor.mentions.place_lexicon import Cand, by_lang, folded_set, norm, places_config

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    words = sorted({str(w) for w in by_lang(places_config().get("city_prepositions"), lang)},
                   key=len, reverse=True)
    if not words:
        return None
    before = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    return re.compile(rf"(?<![\w-])(?i:{before})\s+({_WORD}(?:[ \t]{_WORD})*)(?![\w-])")


@cache
def _given_names() -> frozenset[str]:
    data = load_yaml("lang/given_names.yaml")
    return folded_set(data.get("names") if isinstance(data, dict) else ())


def city_cands(text: str, lang: str) -> list[Cand]:
    """Commune names after a locative preposition.

    >>> text = "Le maire a parlé à Nancy. Réunion à Tourcoing, puis à Vienne."
    >>> [text[c.start:c.end] for c in city_cands(text, "fr")]
    ['Tourcoing']
    """
    pattern = _pattern(lang)
    if pattern is None:
        return []
    france = france_places()
    minimum = int(places_config().get("city_min_population") or 0)
    out = []
    for match in pattern.finditer(text):
        name = match.group(1)
        if france.area(name) is not None or norm(name) in _given_names():
            continue
        found = france.index.names.get(name_key(name))
        if found and france.index.place(found[0]).population >= minimum:
            out.append(Cand(match.start(1), match.end(1), None))
    return out
