"""Shared pieces of the place finder: the language knowledge and the candidate record.

The place finder (:mod:`extractor.mentions.places`) draws candidates from gazetteer names,
type words (:mod:`extractor.mentions.place_names`) and arrondissement ordinals
(:mod:`extractor.mentions.arrondissements`). All of them read the same language tables in
``ontology/lang/places.yaml``, compare words in one folded form and tokenise the same way,
so those helpers live here, once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from extractor.knowledge import load_yaml
from extractor.text.fold import fold_spaced

# a hyphenated name may hold an elided word ("Fontaine-d'Ouche", "Saint-Jean-d'Angély")
TOKEN = re.compile(r"[^\W\d_]+['’]|\w+(?:[-‐‑](?:[^\W\d_]['’])?\w+)*|\S")


class Cand(NamedTuple):
    """A candidate place span and its gazetteer id (None: a place found by pattern only)."""

    start: int
    end: int
    value: str | None


@lru_cache(maxsize=1)
def places_config() -> dict[str, Any]:
    """The place finder's language tables (``ontology/lang/places.yaml``)."""
    data = load_yaml("lang/places.yaml")
    return data if isinstance(data, dict) else {}


def by_lang(section: Any, lang: str) -> Any:
    """The entry of ``lang``, else the union of every language's entry (lists or dicts)."""
    if not isinstance(section, dict):
        return []
    if lang in section:
        return section[lang] or []
    values = [v for v in section.values() if v]
    if values and all(isinstance(v, dict) for v in values):
        return {k: x for v in values for k, x in v.items()}
    return [x for v in values for x in v]


@lru_cache(maxsize=1 << 16)
def norm(word: str) -> str:
    """Folded form of a word or phrase; punctuation-only words stay as they are ("-")."""
    return " ".join(fold_spaced(word).split()) or word.strip()


def folded_set(words: Any) -> frozenset[str]:
    items = tuple(words or ())
    try:
        return _folded_set(items)
    except TypeError:  # an unhashable item
        return frozenset(norm(str(w)) for w in items)


@lru_cache(maxsize=256)
def _folded_set(words: tuple[Any, ...]) -> frozenset[str]:
    """Asked for the same word lists on every text: made once per list."""
    return frozenset(norm(str(w)) for w in words)


@lru_cache(maxsize=8)
def _figures(lang: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """The figurative uses of type words, and the superlatives before one, of a language."""
    cfg = places_config()
    words = sorted(folded_set(by_lang(cfg.get("superlatives"), lang)), key=len, reverse=True)
    return folded_set(by_lang(cfg.get("figurative"), lang)), re.compile(
        rf"(?<!\w)(?:{'|'.join(map(re.escape, words)) or '(?!)'})\s*$")


def figured(text: str, start: int, end: int, lang: str) -> bool:
    """The type word at ``start``–``end`` is used figuratively ("par le canal de France
    Travail") or after a superlative that describes rather than names ("la plus grande prison
    d'Europe", "le premier port de France"): no site's name follows."""
    figurative, superlative = _figures(lang)
    head = norm(text[max(0, start - 20):end])
    return any(head.endswith(f) for f in figurative) or bool(
        superlative.search(norm(text[max(0, start - 24):start])))
