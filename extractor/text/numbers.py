"""Numbers in French and English running text, and the span helpers the finders share.

French writes "2.500" or "31 000" for thousands and "1,3" for decimals; English "1,300" and
"1.3". Libraries get this wrong (Babel reads "2.500" as 2.5), so numbers are parsed here
from the conventions in ``ontology/lang/<lang>.yaml``. Number words ("trois", "a dozen")
come from the same lexicon.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import cache, lru_cache

from extractor.knowledge import lexicon, terms
from extractor.text.patterns import alternation

# A digit number, thousands-grouped or not; never starts inside a word or another number.
DIGITS = (
    r"(?<!\w)(?<!\d[.,])"
    r"(?:[0-9]{1,3}(?:[.,\u00a0\u202f ][0-9]{3})+(?![0-9])(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
    r"(?![0-9])(?![.,][0-9])"
)
SEPARATORS = " \u00a0\u202f\u2009'"

# Spans where a digit is never a number of interest: URLs, e-mails, paths, markup,
# identifiers mixing letters and digits ("Prefet75", "D2O"), telephone numbers. E-mails and
# domains start only where a run of their characters starts: linear time on a long word.
_BLOCKED = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\s]*\)"
    r"|(?<![\w/])(?:/[\w.%~+-]+){2,}/?|(?<![\w.-])[\w.-]+\.(?:com|fr|org|net|eu|html?|php|jpe?g|png|pdf)\b"
    r"|\b[^\W\d]+-?\d+\w*|\b\d+[^\W\d]+\d\w*"
    r"|(?<![\w+])\+\d{1,3}(?:[\s.\-]?\(?\d{1,4}\)?){2,5}(?!\d)"
    r"|(?<![\w.,])0\d(?:[\s.\-]?\d{2}){4}(?![\d])"
    r"|(?<![\w.,])\(?\d{3}\)?[\s.\-]\d{3}-\d{4}(?!\d)"
)


def _norm_word(s: str) -> str:
    return re.sub(r"[\s\-]+", " ", s.lower().replace("’", "'")).strip()


@cache
def _word_values(lang: str) -> dict[str, float]:
    table = {_norm_word(k): float(v) for k, v in (lexicon(lang).get("number_words") or {}).items()}
    mult = (lexicon(lang).get("multipliers") or {}).get("words") or {}
    table.update({_norm_word(k): float(v) for k, v in mult.items()})
    return table


@cache
def word_number_pattern(lang: str) -> str:
    """Regex of a number written in words ("quatre-vingt-dix", "a dozen"), case-insensitive."""
    keys = [k for k in (lexicon(lang).get("number_words") or {})]
    if not keys:
        return r"(?!x)x"
    one = alternation(k.replace("-", " ") for k in keys).replace(r"\s+", r"[\s\-]+")
    join = alternation(terms("number_joiners", lang))
    return rf"(?<![\w-])(?:{one})(?:[\s\-]+(?:(?:{join})[\s\-]+)?(?:{one}))*(?![\w-])"


def _parse_words(s: str, lang: str) -> float | None:
    table = _word_values(lang)
    joiners = {_norm_word(w) for w in terms("number_joiners", lang)}
    tokens = _norm_word(s).split()
    longest = max((len(k.split()) for k in table), default=1)
    total = current = 0.0
    i, seen = 0, False
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + size])
            if phrase in table:
                break
        else:
            if tokens[i] in joiners and seen:
                i += 1
                continue
            return None
        value, i, seen = table[phrase], i + size, True
        if value >= 1000:
            total += max(current, 1.0) * value
            current = 0.0
        elif value == 100:
            current = max(current, 1.0) * 100
        else:
            current += value
    return total + current if seen else None


def _parse_digits(s: str, lang: str) -> float | None:
    body = "".join(ch for ch in s if ch not in SEPARATORS)
    if not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)*", body):
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        dec = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if dec == "." else "."
        head, _, frac = body.rpartition(dec)
        if dec in head or not _grouped(head, thousands):
            return None
        return float(head.replace(thousands, "") + "." + frac)
    sep = "." if dots else "," if commas else ""
    if not sep:
        return float(body)
    if body.count(sep) > 1:
        return float(body.replace(sep, "")) if _grouped(body, sep) else None
    head, frac = body.split(sep)
    decimal_sep = str(lexicon(lang).get("decimal_separator") or ".")
    if len(frac) == 3 and sep != decimal_sep and head != "0":
        return float(head + frac)
    return float(f"{head}.{frac}")


def _grouped(s: str, sep: str) -> bool:
    parts = s.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def parse_number(s: str, lang: str) -> float | None:
    """The value of an isolated number span, or None when it is not a number.

    >>> parse_number("2.500", "fr"), parse_number("31\u00a0000", "fr"), parse_number("1,3", "fr")
    (2500.0, 31000.0, 1.3)
    >>> parse_number("1,300", "en"), parse_number("1.3", "en"), parse_number("1er", "fr")
    (1300.0, 1.3, 1.0)
    >>> parse_number("quatre-vingt-dix-sept", "fr"), parse_number("a dozen", "en")
    (97.0, 12.0)
    >>> parse_number("1,5 million", "fr"), parse_number("deux", "en")
    (1500000.0, None)
    """
    try:
        return _parse(s, lang)
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None


def _parse(s: str, lang: str) -> float | None:
    text = re.sub(r"[*_]", "", s).strip()
    if not text:
        return None
    sign = -1.0 if text[0] in "-−" else 1.0
    text = text.lstrip("+-−").strip()
    m = _figure(lang).fullmatch(text)
    if m:
        value = _parse_digits(m.group(1), lang)
        if value is not None and m.group(2):
            factor = _word_values(lang).get(_norm_word(m.group(2)))
            value = value * factor if factor else None
    else:
        value = _parse_words(text, lang)
    if value is None or not math.isfinite(value):
        return None
    return sign * value


@cache
def _figure(lang: str) -> re.Pattern[str]:
    """Digits, an ordinal suffix and a multiplier word: compiled once per language, not at
    every number read."""
    ordinals = alternation(terms("ordinal_suffixes", lang))
    mult_words = alternation(((lexicon(lang).get("multipliers") or {}).get("words") or {}).keys())
    return re.compile(
        rf"([0-9.,\u00a0\u202f\u2009' ]*[0-9])(?:{ordinals})?(?:\s*({mult_words}))?", re.I
    )


def format_number(x: float, lang: str) -> str:
    """Write ``x`` the way ``lang`` does, so that ``parse_number`` reads it back.

    >>> format_number(1300000.5, "fr"), format_number(1300000.5, "en")
    ('1 300 000,5', '1,300,000.5')
    """
    if not math.isfinite(x):
        return str(x)
    d = Decimal(repr(float(x)))
    sign = "-" if d < 0 else ""
    whole, _, frac = format(abs(d), "f").partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}"
    if str(lexicon(lang).get("decimal_separator") or ".") == ",":
        return sign + grouped.replace(",", " ") + ("," + frac if frac else "")
    return sign + grouped + ("." + frac if frac else "")


_MARKUP = re.compile(r"<[^<>\n]{0,500}>|\^\{[^}]{0,20}\}")


def blocked_spans(text: str, markup: bool = True) -> list[tuple[int, int]]:
    """Spans of URLs, e-mails, identifiers, phone numbers (and ``markup``: tags, ``^{er}``).

    >>> blocked_spans("Tél. 01 82 52 40 25, @Prefet75")
    [(5, 19), (22, 30)]
    """
    return list(_blocked(text, markup))


@lru_cache(maxsize=16)
def _blocked(text: str, markup: bool) -> tuple[tuple[int, int], ...]:
    """Every finder scans the same document text: scan it once."""
    spans = _plain_blocked(text)
    return spans + tuple(m.span() for m in _MARKUP.finditer(text)) if markup else spans


@lru_cache(maxsize=16)
def _plain_blocked(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of :data:`_BLOCKED`, once per text whether markup is asked for or not."""
    return tuple(m.span() for m in _BLOCKED.finditer(text))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: ends at . ! ? or at a blank line before a capital."""
    ends = re.compile(r"[.!?…](?=\s)|\n\s*\n(?=\s*[#*\-•–\[\dA-ZÀ-ÖØ-Þ«\"“])")
    start = 0
    for m in ends.finditer(text, 0, max(pos, 0)):
        start = m.end()
    nxt = ends.search(text, pos)
    return start, nxt.end() if nxt else len(text)


def noun_like(word: str, lang: str) -> bool:
    """Whether a lower-case word can be the counted noun after a number (not a function word,
    participle, month, duration or currency)."""
    w = word.lower().replace("’", "'")
    if len(w) < 3 or not word[:1].islower() or not re.fullmatch(r"[^\W\d_][\w'\-]*", w):
        return False
    if is_closed(w, lang):
        return False
    return not any(w.endswith(suf) for suf in terms("non_noun_suffixes", lang))


def is_closed(word: str, lang: str) -> bool:
    """Whether a word belongs to a closed class (function word, month, duration, currency)."""
    return word.lower().replace("’", "'") in _closed_words(lang)


@cache
def _closed_words(lang: str) -> frozenset[str]:
    closed = terms("function_words", lang) + terms("duration_words", lang)
    closed += terms("months", lang) + terms("weekdays", lang) + terms("number_words", lang)
    closed += list(((lexicon(lang).get("currencies") or {}).get("words") or {}).keys())
    closed += list(((lexicon(lang).get("multipliers") or {}).get("words") or {}).keys())
    return frozenset(w.lower() for w in closed)
