"""Naming conventions shared by the actor finders: the span record, the actor lexicon
(``ontology/lang/actors.yaml``) and determiner stripping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import load_yaml
from extractor.text.fold import fold
from extractor.text.wordlists import all_languages


@dataclass(frozen=True)
class Found:
    """An actor or place span found in one piece of text (offsets into that piece)."""

    type: str
    start: int
    end: int
    key: str | None
    source: str
    role: str | None = None
    role_org: str | None = None


def lexicon_data() -> dict[str, Any]:
    """``ontology/lang/actors.yaml``: head nouns, roles, determiners, generic words…"""
    data = load_yaml("lang/actors.yaml")
    return data if isinstance(data, dict) else {}


@cache
def lexicon_words(section: str, lang: str) -> frozenset[str]:
    """One language's folded word list from a section of the actor lexicon."""
    return frozenset(fold(w) for w in (lexicon_data().get(section, {}) or {}).get(lang, []))


@cache
def _determiners() -> tuple[str, ...]:
    """Every language's ``determiners`` of the actor lexicon, folded, longest first."""
    folded = dict.fromkeys(fold(d) for d in all_languages("lang/actors.yaml", "determiners"))
    return tuple(sorted(folded, key=len, reverse=True))


def strip_determiner(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` past a leading determiner ("la Ville de Paris" → "Ville de Paris")."""
    span = fold(text[start:end])
    for d in _determiners():
        if span.startswith(d) and end - start > len(d) + 1:
            return start + len(d), end
    return start, end
