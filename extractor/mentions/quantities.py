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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import lexicon, terms
from extractor.records import Match
from extractor.text.numbers import (
    DIGITS,
    blocked_spans,
    is_closed,
    noun_like,
    parse_number,
    sentence_bounds,
    word_number_pattern,
)
from extractor.text.patterns import alternation
from extractor.text.spans import longest_first, overlaps

_WORD = re.compile(r"\s*(?:[«“\"‘]\s*)?([^\W\d_][\w'’\-]*)(?:\s*[»”\"’](?!\w))?")


@dataclass
class _Num:
    start: int
    end: int
    value: float | tuple[float, float]
    word: bool
    year_like: bool


@cache
def _grammar(lang: str) -> dict[str, Any] | None:
    data = lexicon(lang)
    if not data.get("units"):
        return None
    units = {_key(k): str(v) for k, v in data["units"].items()}
    num = rf"(?:{DIGITS}|(?i:{word_number_pattern(lang)}))"
    mult = (data.get("multipliers") or {}).get("words") or {}
    frames = data.get("range_frames") or []
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
        "link": re.compile(
            rf"\s*(?:{alternation(terms('currency_links', lang) + ['de', 'of'])})"
            r"(?=[\s\w])\s*",
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
        "head_last": lang != "fr" and not data.get("pre_noun_adjectives"),
    }


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", str(s).lower().replace("’", "'")).strip()


def singular(noun: str, lang: str) -> str:
    """Singular of a noun not in the lexicon, by the language's plural endings.

    >>> singular("facilities", "en"), singular("hôpitaux", "fr"), singular("children", "en")
    ('facility', 'hôpital', 'child')
    """
    w = _key(noun)
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


def _numbers(text: str, lang: str, g: dict[str, Any], skip: list[tuple[int, int]]) -> list[_Num]:
    out: list[_Num] = []
    for m in g["num"].finditer(text):
        raw = m.group(0)
        is_word = not raw[0].isdigit()
        if overlaps(*m.span(), skip) or (is_word and raw.strip().lower() in g["articles"]):
            continue
        value = parse_number(raw, lang)
        if value is None:
            continue
        year_like = bool(re.fullmatch(r"\d{4}", raw)) and 1800 <= value <= 2100
        num = _Num(m.start(), m.end(), value, is_word, year_like)
        split = re.fullmatch(r"(\d{3}) (\d{3})", raw)
        if split and lexicon(lang).get("juxtaposed_ranges") and int(split[2]) > int(split[1]):
            num.value = (float(split[1]), float(split[2]))
        out.append(num)
    return _ranges(text, out, g)


def _ranges(text: str, nums: list[_Num], g: dict[str, Any]) -> list[_Num]:
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        if b and isinstance(a.value, float) and isinstance(b.value, float) and a.value < b.value:
            gap, head = text[a.end : b.start], text[max(0, a.start - 20) : a.start]
            framed = next((f for f in g["frames"] if f[0].search(head) and f[1].match(gap)), None)
            if framed or g["connector"].match(gap):
                start = a.start - len(framed[0].search(head).group(0)) if framed else a.start
                out.append(
                    _Num(
                        start,
                        b.end,
                        (a.value, b.value),
                        a.word and b.word,
                        a.year_like or b.year_like,
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _find(text: str, lang: str, exclude: list[tuple[int, int]]) -> list[Match]:
    g = _grammar(lang)
    if g is None:
        return []
    found: list[Match] = []
    ratio_parts: list[tuple[int, int]] = []
    for n in _numbers(text, lang, g, blocked_spans(text) + exclude):
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


def _not_a_count(text: str, n: _Num, g: dict[str, Any]) -> bool:
    rest = text[n.end :]
    if g["before"].search(text[max(0, n.start - 25) : n.start]):
        return True
    if g["ordinal"].match(rest) or re.match(r"[^\W\d_]|[:h]\d", rest):
        return True
    return bool(g["percent"].match(rest))


def _counted(text: str, n: _Num, g: dict[str, Any], lang: str) -> tuple[str | None, int, Any]:
    pos, value = n.end, n.value
    markup = re.match(r"[*_]*", text[pos:])
    pos += markup.end() if markup else 0
    mult = g["mult"].match(text, pos)
    if mult and isinstance(value, float):
        value, pos = value * g["mult_values"][_key(mult.group("m"))], mult.end()
    if mult or n.word:
        link = g["link"].match(text, pos)
        pos = link.end() if link else pos
    of = g["number_of"].match(text, pos)
    tokens = _tokens(text, of.end() if of else pos)
    if not tokens or tokens[0][0].lower() in g["durations"]:
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
    if n.word or n.year_like or of is not None or not tokens:
        return None, n.end, value
    nouns = [t for t in tokens if noun_like(t[0], lang)]
    cand = (nouns[-1] if nouns else None) if g["head_last"] else tokens[first]
    if cand is None or not noun_like(cand[0], lang):
        return None, n.end, value
    return singular(cand[0], lang), cand[2], value


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
    """English noun phrase after the number: the words up to a function word or a name."""
    run = []
    for tok in tokens:
        if is_closed(tok[0], lang) or not tok[0][:1].islower():
            break
        run.append(tok)
    return run


def _known(
    tokens: list[tuple[str, int, int]], g: dict[str, Any], first: int
) -> tuple[str, int] | None:
    """The known unit phrase: at ``first`` (French), else the right-most in the noun run."""
    starts = range(len(tokens)) if g["head_last"] else range(first, min(first + 1, len(tokens)))
    best: tuple[str, int] | None = None
    for i in starts:
        for size in range(min(g["longest"], len(tokens) - i), 0, -1):
            phrase = _key(" ".join(t[0] for t in tokens[i : i + size]))
            if phrase in g["units"]:
                if best is None or tokens[i + size - 1][2] > best[1]:
                    best = (g["units"][phrase], tokens[i + size - 1][2])
                break
    return best


def _inherited(text: str, n: _Num, g: dict[str, Any], found: list[Match]) -> str | None:
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
