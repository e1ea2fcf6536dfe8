"""Naming conventions shared by the actor finders: the span record, the actor lexicon
(``ontology/lang/actors.yaml``) and determiner stripping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import lexicon, load_yaml
from extractor.mentions.registry import NameHit, load_registry
from extractor.records import key_for
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


@cache
def time_words(lang: str) -> frozenset[str]:
    """Month and weekday names of the language, folded: a name never runs into them ("the
    Senate on Tuesday") nor is one ("Vendredi," opening a sentence)."""
    data = lexicon(lang)
    return frozenset(fold(str(w)) for key in ("months", "weekdays") for w in data.get(key) or {})


def lexicon_data() -> dict[str, Any]:
    """``ontology/lang/actors.yaml``: head nouns, roles, determiners, generic words…"""
    data = load_yaml("lang/actors.yaml")
    return data if isinstance(data, dict) else {}


@cache
def all_folded(section: str) -> list[str]:
    """A section of the actor lexicon, every language's words folded (names are matched on
    folded text), in file order."""
    return [fold(w) for w in all_languages("lang/actors.yaml", section)]


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


@cache
def _plural_re(lang: str) -> re.Pattern[str]:
    words = sorted(lexicon_words("plural_determiners", lang), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+$")


def after_plural(text: str, start: int, lang: str) -> bool:
    """True after a plural determiner ("des ARS", "les CAF"): an acronym there names a class
    of bodies, not one of them."""
    return bool(_plural_re(lang).search(fold(text[max(0, start - 20):start])))


def appositive_name_key(text: str, m: re.Match[str], group: str) -> str | None:
    """The key of a name written after a lower-case head noun in apposition ("l'association
    Villes de France", "the charity Crisis", "the Ithaque association"): the name alone, the
    head being a common noun that is no part of it; a capitalised head ("Fondation
    Abbé-Pierre") or one joined by a link word ("Fondation de France") is part of the name,
    which keeps its whole key."""
    if group == "name":  # "the Ithaque association": a lower-case head after the name
        head = text[m.end(group):m.end()].split()
        return key_for("Organization", text[m.start(group):m.end(group)]) \
            if head and head[0].islower() else None
    if group != "name2" or not text[m.start()].islower():
        return None
    between = text[m.start():m.start(group)].split()
    if len(between) != 1 or between[0].endswith(("'", "’")):
        return None
    return key_for("Organization", text[m.start(group):m.end(group)])


@cache
def _media_heads() -> frozenset[str]:
    """Every language's lower-case heads of a medium's name ("journal", "daily")."""
    return frozenset(all_folded("media_heads"))


def registry_span(text: str, hit: NameHit) -> tuple[int, int]:
    """A registry name's span without its determiner, unless the determiner belongs to the
    name, written with its capital as the body's label has it ("Le Parisien", "Les
    Républicains"; "la Ville de Paris" loses its "la")."""
    s, e = strip_determiner(text, hit.start, hit.end)
    head = text[s:e].split(" ", 1)
    if len(head) == 2 and head[0][:1].islower() and head[1][:1].isupper() \
            and fold(head[0]) in _media_heads():  # "journal Le Monde"; not "Radio France"
        return registry_span(text, NameHit(s + len(head[0]) + 1, e, hit.actor, hit.kind))
    actor = load_registry().get(hit.actor)
    own = actor is not None and any(fold(label).startswith(fold(text[hit.start:s]))
                                    for _, label in actor.labels)
    return (hit.start, e) if s > hit.start and text[hit.start].isupper() and own else (s, e)


def in_parentheses(text: str, f: Found) -> bool:
    """A name in parentheses (an acronym), kept beside the longer name it interrupts."""
    return text[f.start - 1:f.start] == "(" and text[f.end:f.end + 1] == ")"
