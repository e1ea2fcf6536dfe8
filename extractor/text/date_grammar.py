"""The date finder's grammar of one language, compiled once from its lexicon.

dateparser misreads "1,3" as a date in running text, so :mod:`extractor.text.dates` matches
its own patterns, built here from ``ontology/lang/<lang>.yaml``: month and weekday names,
day suffixes, range connectors and frames, decade words, and the words around a number or a
weekday that show it is no date ("2000 personnes", "le jeudi suivant"). Patterns are listed
in match order; each has a name that picks the function valuing it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.knowledge import lexicon, terms
from extractor.text.patterns import alternation

_YEAR = r"(?<![\w.,])(?P<{n}>[12][0-9]{{3}})(?![0-9]|[.,][0-9])"


@cache
def date_grammar(lang: str) -> dict[str, Any] | None:
    """Compiled patterns (in match order), month and weekday numbers and blockers of ``lang``."""
    data = lexicon(lang)
    if not data.get("months"):
        return None
    cs = 0 if data.get("months_case_sensitive") else re.I
    parts = _parts(data, lang)
    pats = _common_patterns(data, lang, cs, parts) + _optional_patterns(data, lang, cs, parts)
    return {
        "patterns": [(name, re.compile(p, flags)) for name, p, flags in pats],
        "months": {**_numbered(data.get("month_abbreviations")), **_numbered(data["months"])},
        "weekdays": _numbered(data.get("weekdays")),
        "order": str(data.get("numeric_date_order") or "dmy"),
        **_blockers(data, lang),
    }


def _numbered(table: dict[str, Any] | None) -> dict[str, int]:
    """A lexicon table of names (months, weekdays) keyed in lower case, valued as numbers."""
    return {str(k).lower(): int(v) for k, v in (table or {}).items()}


def _parts(data: dict[str, Any], lang: str) -> dict[str, str]:
    """Regex pieces the patterns share: month names, optional weekday, day, named years."""
    abbr = _numbered(data.get("month_abbreviations"))
    suffix = alternation(terms("ordinal_day_suffixes", lang))
    return {
        "month": rf"(?P<m>{alternation(data['months'])})(?!\w)",
        "any_month": rf"(?P<m>{alternation(list(data['months']) + list(abbr))})(?!\w)\.?",
        "wday": rf"(?:(?P<wd>{alternation(data.get('weekdays') or {})}),?\s+)?",
        "day": rf"(?<![\w.,])(?P<d>[0-9]{{1,2}})(?:{suffix})?",
        "suffix": suffix,
        **{n: _YEAR.format(n=n) for n in ("y1", "y2", "y")},
    }


def _common_patterns(data: dict[str, Any], lang: str, cs: int,
                     p: dict[str, str]) -> list[tuple[str, str, int]]:
    """(name, regex, flags) of ISO, numeric and written dates, year ranges and bare years."""
    y1, y2, y = p["y1"], p["y2"], p["y"]
    conn = alternation(terms("year_range_connectors", lang))
    link = alternation(terms("date_links", lang))
    frames = [
        rf"(?:{alternation([str(a)])})\s+{y1}\s+(?:{alternation([str(b)])})\s+{y2}"
        for a, b in data.get("year_range_frames") or []
    ]
    return [
        ("ymd", r"(?<![\w/.-])(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})(?![\w-])", 0),
        ("ym", r"(?<![\w/.-])(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})(?![\w-])", 0),
        (
            "numeric",
            r"(?<![\w/.,-])(?P<a>[0-9]{1,2})(?P<s>[/.-])(?P<b>[0-9]{1,2})(?P=s)"
            r"(?P<y>[0-9]{4}|[0-9]{2})(?![\w/.-]|,[0-9])",
            0,
        ),
        ("dmy", rf"{p['wday']}{p['day']}\s+(?:(?:{link})\s+)?{p['any_month']}(?:,?\s+{y})?", cs),
        ("my", rf"{p['month']}\s+(?:(?:{link})\s+)?{y}", cs),
        ("range", rf"{y1}\s*(?:{conn})\s*{y2}", re.I),
        *[("range", frame, re.I) for frame in frames],
        ("year", y, 0),
    ]


def _optional_patterns(data: dict[str, Any], lang: str, cs: int,
                       p: dict[str, str]) -> list[tuple[str, str, int]]:
    """Patterns of the languages whose lexicon asks for them: month-first dates, decades,
    a month after a marker word ("en juin"), a weekday alone, "today" words."""
    pats: list[tuple[str, str, int]] = []
    if data.get("month_day_order"):
        md = (rf"{p['wday']}{p['any_month']}\s+(?P<d>[0-9]{{1,2}})(?![0-9])(?:{p['suffix']})?"
              rf"(?:,?\s+{p['y']})?")
        pats.append(("mdy", md, cs))
    pats += _decade_patterns(data, lang)
    if data.get("month_markers"):
        markers = alternation(terms("month_markers", lang))
        month = rf"(?-i:{p['month']})" if not cs else p["month"]
        pats.append(("month", rf"(?<!\w)(?:{markers})\s*{month}", re.I))
    if data.get("weekdays"):
        pats.append(("weekday", rf"(?<!\w)(?P<wd>{alternation(data['weekdays'])})(?!\w)", cs))
    if data.get("today_words"):
        pats.append(
            ("today", rf"(?<!\w)(?P<t>{alternation(terms('today_words', lang))})(?![\w-])", re.I)
        )
    return pats


def _decade_patterns(data: dict[str, Any], lang: str) -> list[tuple[str, str, int]]:
    """Decades after a word ("les années 90") or with a suffix ("the 1990s", "'90s")."""
    pats: list[tuple[str, str, int]] = []
    if data.get("decade_words"):
        joiners = alternation(terms("number_joiners", lang)
                              + terms("year_range_connectors", lang))
        pats.append((
            "decade",
            rf"(?:{alternation(terms('decade_words', lang))})\s+"
            r"(?P<dec>(?:1[89]|20)?[0-9]0)(?![0-9])"
            rf"(?!\s*(?:,|{joiners})\s*[0-9])",
            re.I,
        ))
    if data.get("decade_suffixes"):
        pats.append((
            "decade",
            r"(?<![\w.,])['’]?(?P<dec>(?:1[89]|20)?[0-9]0)"
            rf"(?:{alternation(terms('decade_suffixes', lang))})(?!\w)",
            0,
        ))
    return pats


def _blockers(data: dict[str, Any], lang: str) -> dict[str, re.Pattern[str]]:
    """Context that makes a match no date: a unit after a year, words around weekdays."""
    def before(key: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{alternation(terms(key, lang))})\s+$", re.I)

    cur, mult = data.get("currencies") or {}, data.get("multipliers") or {}
    units = list(data.get("units") or {}) + terms("percent_words", lang)
    units += [str(k) for part in ("symbols", "words") for k in (cur.get(part) or {})]
    units += [str(c) for c in cur.get("codes") or []]
    units += [str(k) for part in ("words", "abbreviations") for k in (mult.get(part) or {})]
    return {
        "not_year_after": re.compile(rf"[*_]*\s?(?:{alternation(units)})(?!\w)", re.I),
        "not_year_before": re.compile(
            rf"(?:(?<!\w)(?:{alternation(terms('year_blockers_before', lang))})|[€$£])\s*$", re.I
        ),
        "wd_before": before("weekday_blockers_before"),
        "wd_after": re.compile(
            rf"\s+(?:{alternation(terms('weekday_blockers_after', lang))})(?!\w)", re.I
        ),
        "today_before": before("today_blockers_before"),
        "past_before": before("past_month_before"),
        "past_after": re.compile(rf"\s+(?:{alternation(terms('past_month_after', lang))})(?!\w)",
                                 re.I),
        "today_after": re.compile(
            rf"\s*(?:{alternation(terms('today_blockers_after', lang))})", re.I
        ),
    }
