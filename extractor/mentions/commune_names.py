"""A name the language model typed an organisation or a person that is a commune of France.

The small NER models cut compound commune names and type them as bodies ("Soulac" of
"Soulac-sur-Mer", "Grau-du-Roi" of "Le Grau-du-Roi", "Treffiagat" after "in"): the annotation
guidelines make a commune a place, and its government is named by other words ("la Ville
de", "the town hall"). A candidate is a commune when, widened over its hyphenated parts and
a leading article, it is the GeoNames name of a commune (the offline index of
:mod:`extractor.mentions.france`) and either is compound (hyphen or article: no company or
person is named "Le Grau-du-Roi") or comes right after a locative preposition of
``ontology/lang/places.yaml`` ("in Treffiagat", "à Lamballe"). Given names are never
communes here ("parler à Nancy").
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import name_key
from extractor.mentions.place_cities import given_names
from extractor.mentions.place_lexicon import by_lang, norm, places_config
from extractor.text.patterns import alternation

_PARTS = re.compile(r"(?:-[\w'’]+)+")


@cache
def _prepositions(lang: str) -> re.Pattern[str]:
    alt = alternation(by_lang(places_config().get("city_prepositions"), lang))
    return re.compile(rf"(?:^|\W)(?i:{alt})\s*$")


@cache
def _article() -> re.Pattern[str]:
    """An article of ``name_articles`` right before a name."""
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation(places_config().get('name_articles') or ())})"
                      r"\s?$")


def commune_before(text: str, start: int, lang: str) -> re.Match[str] | None:
    """The locative preposition right before ``start``, if any ("à ", "in ")."""
    return _prepositions(lang).search(text[max(0, start - 20):start])


def _commune(name: str) -> bool:
    france = france_places()
    if france.area(name) is not None or norm(name) in given_names():
        return False  # a region or department is found as a place already; "Nancy"
    return bool(france.index.names.get(name_key(name)))


def commune_span(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The span of the commune the candidate names, else None."""
    parts = _PARTS.match(text, end)
    end = parts.end() if parts else end
    article = _article().search(text[max(0, start - 5):start])
    if article is not None:
        wide = start - (len(text[max(0, start - 5):start]) - article.start())
        if _commune(text[wide:end]):
            return wide, end
    name = text[start:end]
    compound = "-" in name or " " in name
    if _commune(name) and (compound or commune_before(text, start, lang)):
        return start, end
    return None


__all__ = ["commune_before", "commune_span"]
