"""What a figure measures, so that ``compare`` lines up like with like.

Two figures are the same *measure* only when they count the same thing: the same unit
(money or a count), the same counted noun written next to the number (places, users,
persons: the lexicons' ``units`` already fold "usagers", "consumers" and "users" into one),
the same qualifiers of that noun ("places d'hébergement spécialisées" is not "places" nor
"places d'urgence"), the same period (per year or not) and scope (a total or not), and the
same actor or partner when both name one. Before this, any two counts of one unit with
some words in common were paired: 68 specialised places against 700 nightly ASSORE places,
80 long-term places against 400 places of any kind, the 700–800 users in the street
against the 300–350 left after 400 places opened.

A figure whose number stands alone ("portant à 152 le nombre…", or a bare range given the
unit of an earlier one) has no counted noun, so it is never the same measure as anything:
a missed pair costs less than a misleading one. Money has no noun phrase to read (what it
pays for is usually a clause away), so its measure is the currency, the period, the scope
and the actor. The words are in ``ontology/compare.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import languages, lexicon, load_yaml
from extractor.text.fold import fold

__all__ = ["Measure", "config", "measure", "same_measure", "term", "words"]

_WORD = re.compile(r"[^\W\d_]+")
_BOUNDARY = re.compile(r"[,;:.!?()\[\]«»\"“”–—\n\d]")  # a digit starts a date or figure
_CURRENCY = re.compile(r"[A-Z]{3}")


def config() -> dict[str, Any]:
    """``ontology/compare.yaml`` (weights, tolerances, cue, concept and qualifier words)."""
    data = load_yaml("compare.yaml")
    return data if isinstance(data, dict) else {}


@cache
def words(section: str) -> list[str]:
    """Folded words of a per-language list of compare.yaml (all languages together)."""
    value = config().get(section) or {}
    return sorted({fold(str(w)) for found in value.values() for w in found or []})


@cache
def stopwords() -> frozenset[str]:
    """Function words of every language, and compare.yaml's own: never a topic or qualifier."""
    lists = [*(load_yaml("lang/stopwords.yaml") or {}).values(), words("stopwords")]
    return frozenset(fold(str(w)) for found in lists for w in found or [])


@cache
def units() -> dict[str, str]:
    """Counted nouns of every lexicon (folded) → unit, so "usagers" and "users" meet."""
    return {fold(str(k)): str(v) for lang in sorted(languages())
            for k, v in (lexicon(lang).get("units") or {}).items()}


@cache
def term(word: str) -> str:
    """A folded word as what it stands for: a concept of compare.yaml (any language), a
    counted noun's unit, else its first six letters.

    >>> term("hebergement"), term("shelters"), term("usagers"), term("pietonnes")
    ('concept:accommodation', 'concept:accommodation', 'unit:user', 'pieton')
    """
    for key, found in (config().get("concepts") or {}).items():
        if any(word.startswith(fold(w)) for w in found if " " not in w and len(w) > 2):
            return f"concept:{key}"
    unit = units().get(word)
    return f"unit:{unit}" if unit else word[:6]


@dataclass(frozen=True)
class Measure:
    """What a figure counts: ``noun`` is the unit of the counted noun written next to the
    number (None when the number stands alone; the currency for money), ``qualifier`` the
    terms of that noun's modifiers, ``total`` whether its sentence calls it a total, and
    ``parties`` the actors it is about (its claim's doer, the organisations its sentence
    names)."""

    unit: str | None = None
    noun: str | None = None
    qualifier: frozenset[str] = frozenset()
    per: str | None = None
    total: bool = False
    parties: frozenset[str] = frozenset()


@cache
def _unit_names(unit: str) -> tuple[str, ...]:
    """The lexicons' names of a unit, one-word names first (the head noun), shortest first."""
    names = [k for k, v in units().items() if v == unit]
    return tuple(sorted(names, key=lambda k: (" " in k, len(k))))


def _head(written: str, unit: str) -> tuple[int, int] | None:
    """Where the counted noun of ``unit`` is written in a figure's text, or None."""
    folded = fold(written)
    for name in _unit_names(unit):
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded)
        if found:
            return found.span()
    return None


def _modifiers(before: str, after: str) -> frozenset[str]:
    """The terms of a noun's modifiers: the words between the number and the noun, and
    those after it up to a punctuation mark, a clause word (``qualifier_stops``) or
    ``qualifier_words`` content words; function and ``neutral`` words are left out, and a
    concept's phrase ("espace public", "public space") counts as its concept."""
    cfg = config()
    skip, stops = stopwords() | set(words("neutral_modifiers")), set(words("qualifier_stops"))
    leading = _WORD.findall(fold(before))
    found = [w for w in leading[1 if before[:1].isalpha() else 0:]  # "six places": six
             if len(w) > 2 and w not in skip]
    terms: set[str] = set()
    tail = _BOUNDARY.split(fold(after), 1)[0]
    for key, names in (cfg.get("concepts") or {}).items():
        for phrase in (fold(str(n)) for n in names if " " in str(n)):
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", tail):
                terms.add(f"concept:{key}")
                tail = tail.replace(phrase, " ")
    for word in _WORD.findall(tail):
        if word in stops or len(found) + len(terms) >= int(cfg.get("qualifier_words", 4)):
            break
        if len(word) > 2 and word not in skip:
            found.append(word)
    return frozenset(terms | {term(w) for w in found})


def measure(text: str, start: int, end: int, unit: str | None, per: str | None,
            sentence: str, parties: frozenset[str], written_here: bool = True) -> Measure:
    """The measure of the figure written at ``text[start:end]`` in ``sentence``.
    ``written_here`` False (a claim's amount, a bare range) means no counted noun is read.

    >>> m = measure("Il y aura 80 nouvelles places d'hébergement pérennes pour eux.", 10, 43,
    ...             "place", None, "", frozenset())
    >>> m.noun, sorted(m.qualifier)
    ('place', ['concept:accommodation', 'concept:long-term'])
    >>> measure("portant à 152 le nombre de places", 10, 13, "place", None, "",
    ...         frozenset()).noun is None
    True
    """
    total = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", fold(sentence))
                for w in words("total_cues"))
    if unit and _CURRENCY.fullmatch(unit):
        return Measure(unit, unit, frozenset(), per, total, parties)
    head = _head(text[start:end], unit) if unit and written_here else None
    if head is None:
        return Measure(unit, None, frozenset(), per, total, parties)
    qualifier = _modifiers(text[start:start + head[0]], text[start + head[1]:])
    return Measure(unit, unit, qualifier, per, total, parties)


def _name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def same_measure(a: Measure, b: Measure) -> str | None:
    """Why two figures measure the same thing (the ``basis`` of their comparison), or None
    when they do not.

    >>> p = Measure("place", "place", frozenset({"concept:accommodation"}), parties=frozenset(
    ...     {"https://w3id.org/plangraph/entity/etat"}))
    >>> same_measure(p, Measure("place", "place", frozenset({"concept:accommodation"})))
    'same measure: place (accommodation); actor named on one side only (etat)'
    >>> same_measure(p, Measure("place", "place")) is None
    True
    """
    if a.noun is None or (a.unit, a.noun, a.qualifier, a.per, a.total) != (
            b.unit, b.noun, b.qualifier, b.per, b.total):
        return None
    shared = a.parties & b.parties
    if a.parties and b.parties and not shared:
        return None
    what = a.noun
    if a.qualifier:
        what += f" ({', '.join(sorted(q.split(':', 1)[-1] for q in a.qualifier))})"
    what += ", a total" if a.total else ""
    what += f", per {a.per}" if a.per else ""
    if shared:
        actor = f"same actor {', '.join(sorted(_name(p) for p in shared))}"
    elif a.parties or b.parties:
        named = ", ".join(sorted(map(_name, a.parties | b.parties)))
        actor = f"actor named on one side only ({named})"
    else:
        actor = "no actor named on either side"
    return f"same measure: {what}; {actor}"
