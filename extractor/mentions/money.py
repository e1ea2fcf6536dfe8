"""Amounts of money in French and English text (rule set ``plangraph.money.v1``).

price-parser drops "M"/"millions" and Babel misreads "2.500", so spans are found with a
grammar built from ``ontology/lang/<lang>.yaml`` and normalised with
:func:`extractor.text.numbers.parse_number`. Four shapes are read:

- number, multiplier, currency: "1,3 M€", "3M d'euros", "25 million euros", "2.500 €",
  the multiplier word glued or not ("€8.4billion");
- currency first: "€9 million", "$5m", "EUR 30 000";
- a currency's hundredths (``subunits``): "20 centimes" is 0.20 EUR;
- a bare number with a multiplier word ("9 million") when no counted noun follows it ("9
  millions de personnes", "9 million visitors" stay quantities), in the one currency of its
  sentence's explicit amounts, else of the whole text's (:mod:`extractor.mentions.money_context`
  says when).

"plus de 3M d'euros" keeps only "3M d'euros": the span is the amount itself. A range
("entre 2 et 3 M€", "2 à 3 millions d'euros", "from $2m to $3m") is one amount whose value is
(low, high); the low number takes the high one's multiplier ("2" of "2 à 3 M€" is 2 M€),
with the connectors and frames of the language file (``range_connectors``, ``range_frames``)
shared with quantities.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.knowledge import lexicon, terms
from extractor.mentions.money_context import bare_currency, counted_noun_follows
from extractor.records import Match
from extractor.text.numbers import (
    DIGITS,
    blocked_spans,
    parse_number,
    word_number_pattern,
)
from extractor.text.patterns import alternation
from extractor.text.spans import longest_first, overlaps


@cache
def _grammar(lang: str) -> dict[str, Any] | None:
    data = lexicon(lang)
    cur, mult = data.get("currencies") or {}, data.get("multipliers") or {}
    if not cur or not mult:
        return None
    symbols = {str(k): str(v) for k, v in (cur.get("symbols") or {}).items()}
    codes = {str(c): str(c) for c in cur.get("codes") or []}
    cwords = {str(k).lower(): str(v) for k, v in (cur.get("words") or {}).items()}
    subunits = {str(k): v for k, v in (cur.get("subunits") or {}).items()}
    num = rf"(?:{DIGITS}|(?i:{word_number_pattern(lang)}))"
    abbr = rf"(?:{alternation(mult.get('abbreviations') or {})})(?![^\W\d_])"
    mword = rf"(?i:{alternation(mult.get('words') or {})})(?!\w)"
    link = rf"(?i:{alternation(terms('currency_links', lang))})"
    code = rf"(?:{alternation(codes)})(?![^\W\d_])"
    before = rf"(?:{alternation(symbols)}|{code})"
    after = rf"(?:{alternation(symbols)}|{code}|(?i:{alternation(cwords)})(?!\w))"
    # a multiplier word may be glued to its digits ("€8.4billion", "3millions d'euros")
    scale = rf"(?:\s?(?P<abbr>{abbr})|(?<=\d)(?P<glued>{mword})|\s+(?P<mword>{mword}))"
    return {
        "suffix": re.compile(rf"(?P<num>{num}){scale}?\s?(?:{link}\s?)?(?P<cur>{after})"),
        "prefix": re.compile(rf"(?P<cur>{before})\s?(?P<num>{DIGITS}){scale}?"),
        "bare": re.compile(rf"(?P<num>{num})\s+(?P<mword>{mword})"),
        "sub": re.compile(rf"(?P<num>{DIGITS})\s*(?P<sub>(?i:{alternation(subunits)}))(?!\w)")
        if subunits else None,
        "subunits": {k.lower(): (str(v[0]), float(v[1])) for k, v in subunits.items()},
        "currency": {**symbols, **codes, **cwords},
        "factor": {str(k): float(v) for k, v in (mult.get("abbreviations") or {}).items()},
        "word_factor": {str(k).lower(): float(v) for k, v in (mult.get("words") or {}).items()},
        "articles": {w.lower() for w in terms("article_numbers", lang)},
        "money_nouns": {w.lower() for w in terms("money_nouns", lang)},  # money_context
        "copulas": {w.lower() for w in terms("copula_forms", lang)},
        "num": re.compile(num),
        "range": _range_before(lang),
        "after_link": re.compile(rf"\s*{link}\s*(?P<w>[^\W\d_][\w'’-]*)"),
        "after_word": re.compile(r"\s+(?P<w>[^\W\d_][\w'’-]*)"),
        "periods": [
            (period, re.compile(rf"\s*(?:{alternation(map(str, items))})(?!\w)", re.I))
            for period, items in (data.get("per_period") or {}).items()
        ],
        "per_unit": re.compile(
            rf"\s*(?:{alternation(terms('per_unit_links', lang))})\s*"
            rf"(?P<u>{alternation(terms('units', lang))})(?!\w)",
            re.I,
        ),
    }


def _range_before(lang: str) -> dict[str, Any]:
    """The pieces of a range's low end before an amount: after the low number, its own
    multiplier or currency if any and a connector (or a frame's second word); before it, a
    currency symbol and a frame's first word ("entre", "from")."""
    data = lexicon(lang)
    frames = [(str(a), str(b)) for a, b in data.get("range_frames") or []]
    opening = alternation([a for a, _ in frames]) if frames else r"(?!)"
    closing = alternation([str(c) for c in data.get("range_connectors") or []]
                          + [b for _, b in frames])
    return {
        "connectors": {str(c).lower() for c in data.get("range_connectors") or []},
        "frames": {a.lower(): b.lower() for a, b in frames},
        "after": re.compile(rf"(?P<rest>[^\n\d]{{0,24}}?)\s*(?i:(?P<conn>{closing}))\s*$"),
        "before": re.compile(rf"(?:(?i:(?<!\w)(?P<frame>{opening}))\s+)?(?P<pre>[^\w\s]{{1,2}})?$"),
    }


def _value(m: re.Match[str], g: dict[str, Any], lang: str) -> float | None:
    num = m.group("num")
    value = parse_number(num, lang)
    if value is None or value <= 0:
        return None
    groups = m.groupdict()
    if groups.get("abbr"):
        return value * g["factor"][m.group("abbr")]
    word = groups.get("mword") or groups.get("glued")
    if word:
        return value * g["word_factor"][re.sub(r"\s+", " ", word.lower())]
    if num.strip().lower() in g["articles"]:
        return None
    return value


def _currency(raw: str, g: dict[str, Any]) -> str | None:
    key = re.sub(r"\s+", " ", raw.strip())
    return g["currency"].get(key) or g["currency"].get(key.lower())


def _per(text: str, end: int, g: dict[str, Any], lang: str) -> str | None:
    for period, pattern in g["periods"]:
        if pattern.match(text, end):
            return str(period)
    m = g["per_unit"].match(text, end)
    if m:
        units = lexicon(lang).get("units") or {}
        key = re.sub(r"\s+", " ", m.group("u").replace("’", "'"))
        return units.get(key) or units.get(key.lower()) or key.lower()
    return None


def parse_amount(s: str, lang: str) -> tuple[float, str] | None:
    """Value and ISO 4217 code of an isolated amount span, or None.

    >>> parse_amount("1,3 M€", "fr"), parse_amount("3M d'euros", "fr")
    ((1300000.0, 'EUR'), (3000000.0, 'EUR'))
    >>> parse_amount("25 millions d'euros", "fr"), parse_amount("2.500 €", "fr")
    ((25000000.0, 'EUR'), (2500.0, 'EUR'))
    >>> parse_amount("€9 million", "en"), parse_amount("$5m", "en"), parse_amount("9", "en")
    ((9000000.0, 'EUR'), (5000000.0, 'USD'), None)
    """
    try:
        g = _grammar(lang)
        if g is None or not isinstance(s, str):
            return None
        text = s.strip()
        for name in ("suffix", "prefix"):
            m = g[name].fullmatch(text)
            if m:
                value, code = _value(m, g, lang), _currency(m.group("cur"), g)
                if value is not None and code:
                    return value, code
        return None
    except (re.error, TypeError, ValueError, KeyError):
        return None


def find_money(text: str, lang: str) -> list[Match]:
    """Every amount of money in ``text``: value in the currency unit, ISO code as unit.

    >>> [(m.text, m.value, m.unit, m.per) for m in find_money("soit 1,2M€ annuels.", "fr")]
    [('1,2M€', 1200000.0, 'EUR', 'year')]
    >>> [(m.text, m.value, m.unit) for m in find_money(
    ...     "almost 25 million euros against 9 million registered", "en")]
    [('25 million euros', 25000000.0, 'EUR'), ('9 million', 9000000.0, 'EUR')]
    """
    try:
        return _find(text, lang) if isinstance(text, str) else []
    except (re.error, TypeError, ValueError, KeyError, IndexError):
        return []


def _find(text: str, lang: str) -> list[Match]:
    g = _grammar(lang)
    if g is None:
        return []
    blocked = blocked_spans(text)
    found: list[Match] = []
    for name in ("suffix", "prefix"):
        for m in g[name].finditer(text):
            value, code = _value(m, g, lang), _currency(m.group("cur"), g)
            if value is None or not code or overlaps(m.start(), m.end(), blocked):
                continue
            per = _per(text, m.end(), g, lang)
            found.append(Match(m.start(), m.end(), m.group(0), value, code, per))
    found += _subunit_amounts(text, g, lang, blocked)
    explicit = longest_first(found)
    for m in g["bare"].finditer(text):
        if overlaps(m.start(), m.end(), [(e.start, e.end) for e in explicit] + blocked):
            continue
        code = bare_currency(text, m.start(), m.end(), explicit, g, lang)
        value = _value(m, g, lang)
        if code and value is not None and not counted_noun_follows(text, m.end(), g, lang):
            per = _per(text, m.end(), g, lang)
            found.append(Match(m.start(), m.end(), m.group(0), value, code, per))
    return longest_first(_widen(text, m, g, lang) for m in longest_first(found))


def _subunit_amounts(text: str, g: dict[str, Any], lang: str,
                     blocked: list[tuple[int, int]]) -> list[Match]:
    """Amounts counted in a currency's hundredths ("20 centimes par litre", "50 euro
    cents"): the value in the currency itself, as every other amount is."""
    if g["sub"] is None:
        return []
    out = []
    for m in g["sub"].finditer(text):
        value = parse_number(m.group("num"), lang)
        if not value or value <= 0 or overlaps(m.start(), m.end(), blocked):
            continue
        code, worth = g["subunits"][re.sub(r"\s+", " ", m.group("sub").lower())]
        out.append(Match(m.start(), m.end(), m.group(0), round(value * worth, 6), code,
                         _per(text, m.end(), g, lang)))
    return out


def _widen(text: str, m: Match, g: dict[str, Any], lang: str) -> Match:
    """The amount as a range when a lower number and a connector stand just before it:
    "entre 2 et 3 M€" → (2e6, 3e6). The low number keeps its own multiplier or currency
    when it has one ("1 M€ à 2 M€"), else takes the high one's scale; it must be lower, and
    a bare low number far below the high end ("en 2023 à 3 M€") is not a range's end."""
    head = text[max(0, m.start - 60):m.start]
    high_num = g["num"].search(m.text)
    if not high_num or not isinstance(m.value, float):
        return m
    connectors, frames = g["range"]["connectors"], g["range"]["frames"]
    for low_num in reversed(list(g["num"].finditer(head))[-2:]):
        after = g["range"]["after"].match(head, low_num.end())
        before = g["range"]["before"].search(head, 0, low_num.start())
        if not after or not before:
            continue
        conn, frame = after.group("conn").lower(), (before.group("frame") or "").lower()
        opens = before.start()
        if frame and frames.get(frame) != conn and conn in connectors:
            # "entre 2,2 à 2,7 milliards": a frame mixed with a connector, the range still
            frame, opens = "", before.start("pre") if before.group("pre") else low_num.start()
        if (frames.get(frame) != conn) if frame else (conn not in connectors):
            continue
        pre, rest = before.group("pre") or "", after.group("rest")
        low_text = pre + low_num.group(0) + rest
        own = find_money(low_text, lang) if (pre + rest).strip() else []
        if (pre + rest).strip() and not (own and own[0].start == 0
                                         and own[0].end == len(low_text.rstrip())):
            continue
        high, low = parse_number(high_num.group(0), lang), parse_number(low_num.group(0), lang)
        if own:
            low = own[0].value if isinstance(own[0].value, float) else None
        if not high or low is None:
            continue
        scaled = low if own else low * (m.value / high)
        if not own and not scaled < m.value:
            scaled = low if m.value / 100 <= low < m.value else m.value
        if not 0 < scaled < m.value:
            continue
        start = m.start - len(head) + opens
        return Match(start, m.end, text[start:m.end], (scaled, m.value), m.unit, m.per)
    return m
