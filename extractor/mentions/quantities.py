"""Counted things in French and English text (rule set ``plangraph.quantities.v1``).

A quantity is a number followed by the noun it counts: "80 nouvelles places" (80, place),
"700 à 800 consommateurs" ((700, 800), user), "six planned rest areas" (6, rest area).
The noun is looked up in ``units`` of ``ontology/lang/<lang>.yaml``; an unknown noun after
a digit number is kept, singularised (a number word or a year-like number needs a known
noun). French puts the noun first ("places nouvelles" after adjectives from a short list);
English ends the noun phrase with it ("crack consumers").

Left out, as the annotation guidelines ask: percentages, ratios ("19 sur les 33"), durations
("en 4 ans", "six months"), ordinals ("18ème", "19th"), clock times, phone numbers, numbers
inside identifiers or URLs, and spans in ``exclude`` (money and dates found before).

A bare number after a counted quantity in the same sentence takes its noun when it is a part
of it ("dont 26 en 2025", "420 ont donné lieu", "only two were open") and not larger.
"portant à 152 le nombre de places" reads as 152 places.

The language's grammar is compiled in :mod:`extractor.mentions.quantity_grammar` and the
numbers and ranges are read in :mod:`extractor.mentions.quantity_numbers`; this module
decides which numbers count something, and what.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from extractor.knowledge import lexicon
from extractor.mentions.quantity_grammar import quantity_grammar, unit_key
from extractor.mentions.quantity_numbers import Num, numbers
from extractor.records import Match
from extractor.text.numbers import blocked_spans, is_closed, noun_like, sentence_bounds
from extractor.text.spans import longest_first, overlaps

_WORD = re.compile(r"\s*(?:[«“\"‘]\s*)?([^\W\d_][\w'’\-]*)(?:\s*[»”\"’](?!\w))?")


def singular(noun: str, lang: str) -> str:
    """Singular of a noun not in the lexicon, by the language's plural endings.

    >>> singular("facilities", "en"), singular("hôpitaux", "fr"), singular("children", "en")
    ('facility', 'hôpital', 'child')
    """
    w = unit_key(noun)
    irregular = lexicon(lang).get("irregular_plurals") or {}
    if w in irregular:
        return str(irregular[w])
    for ending, repl in lexicon(lang).get("singular_rules") or []:
        if w.endswith(str(ending)) and len(w) > len(str(ending)) + 1:
            return w[: len(w) - len(str(ending))] + str(repl)
    return w


def find_quantities(text: str, lang: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Match]:
    """Every counted quantity in ``text`` that is not money, a date or in ``exclude``.

    >>> [(m.text, m.value, m.unit) for m in find_quantities(
    ...     "80 nouvelles places, pour 700 à 800 consommateurs, en 4 ans.", "fr")]
    [('80 nouvelles places', 80.0, 'place'), ('700 à 800 consommateurs', (700.0, 800.0), 'user')]
    >>> [(m.value, m.unit) for m in find_quantities(
    ...     "Of the six planned rest areas, only two were open.", "en")]
    [(6.0, 'rest area'), (2.0, 'rest area')]
    """
    try:
        if not isinstance(text, str):
            return []
        return _find(text, lang, [(int(s), int(e)) for s, e in exclude])
    except (re.error, TypeError, ValueError, KeyError, IndexError):
        return []




def _find(text: str, lang: str, exclude: list[tuple[int, int]]) -> list[Match]:
    g = quantity_grammar(lang)
    if g is None:
        return []
    found: list[Match] = []
    ratio_parts: list[tuple[int, int]] = []
    for n in numbers(text, lang, g, blocked_spans(text) + exclude):
        if overlaps(n.start, n.end, ratio_parts):
            continue
        rest = text[n.end :]
        ratio = g["ratio"].match(rest)
        if ratio and not re.fullmatch(r"\d{4}", ratio.group("d")):
            ratio_parts.append((n.end + ratio.start("d"), n.end + ratio.end("d")))
            continue
        if _not_a_count(text, n, g):
            continue
        unit, end, value = _counted(text, n, g, lang)
        if unit is None:
            unit, end = _inherited(text, n, g, found), n.end
        if unit:
            found.append(Match(n.start, end, text[n.start : end], value, unit))
    return longest_first(found)


def _not_a_count(text: str, n: Num, g: dict[str, Any]) -> bool:
    rest = text[n.end :]
    if g["before"].search(text[max(0, n.start - 25) : n.start]):
        return True
    if g["ordinal"].match(rest) or re.match(r"[^\W\d_]|[:h]\d", rest):
        return True
    return bool(g["percent"].match(rest))


def _counted(text: str, n: Num, g: dict[str, Any], lang: str) -> tuple[str | None, int, Any]:
    pos, value = n.end, n.value
    markup = re.match(r"[*_]*", text[pos:])
    pos += markup.end() if markup else 0
    mult = g["mult"].match(text, pos)
    if mult and isinstance(value, float):
        value, pos = value * g["mult_values"][unit_key(mult.group("m"))], mult.end()
    if mult or n.word:
        link = g["link"].match(text, pos)
        pos = link.end() if link else pos
        if mult and not link and g["noun_needs_link"]:
            return None, n.end, value  # "20 millions supplémentaires": no counted noun
    of = g["number_of"].match(text, pos)
    tokens = _tokens(text, of.end() if of else pos)
    # a possessive's mark is no part of the word ("five years’ time")
    if not tokens or tokens[0][0].lower().rstrip("'’") in g["durations"]:
        return None, n.end, value
    if g["head_last"]:
        tokens = _noun_run(tokens, g, lang)
        first = 0
    else:
        first = 0
        while first < min(2, len(tokens) - 1) and tokens[first][0].lower() in g["adjectives"]:
            first += 1
    known = _known(tokens, g, first)
    if known:
        unit, end = known
        return unit, (n.end if of else end), value
    if n.year_like or not tokens or (n.word or of is not None) and not _many(value):
        return None, n.end, value
    nouns = [t for t in tokens if noun_like(t[0], lang)]
    cand = (nouns[-1] if nouns else None) if g["head_last"] else tokens[first]
    if cand is None or not noun_like(cand[0], lang):
        return None, n.end, value
    if (n.word or of is not None) and (singular(cand[0], lang) == cand[0].lower()
                                       or cand[0].lower() in g["not_counted"] or any(
                t[0].lower() in g["durations"] for t in tokens[:3])):
        # a number in words counts an unknown noun only in the plural ("onze villes", "seven
        # deputies"), never "deux fois" or "les trois dernières années"; "un plan" nothing
        return None, n.end, value
    return singular(cand[0], lang), cand[2], value


def _many(value: Any) -> bool:
    return isinstance(value, float) and value >= 2


def _tokens(text: str, pos: int) -> list[tuple[str, int, int]]:
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < 4:
        m = _WORD.match(text, pos)
        if not m or (tokens and "\n" in text[pos : m.start(1)]):
            break
        tokens.append((m.group(1), m.start(1), m.end()))
        pos = m.end()
    return tokens


def _noun_run(tokens: list[tuple[str, int, int]], g: dict[str, Any], lang: str) -> list:
    """English noun phrase after the number: the words up to a function word or a name, and
    at most to the first plural noun, the counted head ("the two ministers promised new
    funds": ministers, not funds)."""
    run = []
    for tok in tokens:
        if is_closed(tok[0], lang) or not tok[0][:1].islower():
            break
        run.append(tok)
        if noun_like(tok[0], lang) and singular(tok[0], lang) != tok[0].lower():
            break
    return run


def _known(
    tokens: list[tuple[str, int, int]], g: dict[str, Any], first: int
) -> tuple[str, int] | None:
    """The known unit phrase: at ``first`` (French), else the right-most in the noun run."""
    starts = range(len(tokens)) if g["head_last"] else range(first, min(first + 1, len(tokens)))
    best: tuple[str, int] | None = None
    for i in starts:
        for size in range(min(g["longest"], len(tokens) - i), 0, -1):
            phrase = unit_key(" ".join(t[0] for t in tokens[i : i + size]))
            if phrase in g["units"]:
                if best is None or tokens[i + size - 1][2] > best[1]:
                    best = (g["units"][phrase], tokens[i + size - 1][2])
                break
    return best


def _inherited(text: str, n: Num, g: dict[str, Any], found: list[Match]) -> str | None:
    if n.year_like or not isinstance(n.value, float):
        return None
    marked = g["subset_before"].search(text[max(0, n.start - 30) : n.start])
    if not marked and not g["subset_after"].match(text, n.end):
        return None
    start, _ = sentence_bounds(text, n.start)
    for prev in reversed(found):
        if prev.start < start:
            return None
        top = max(prev.value) if isinstance(prev.value, tuple) else prev.value
        if prev.unit and n.value <= top:
            return prev.unit
    return None
