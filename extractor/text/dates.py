"""Dates, months, years and periods in French and English text (``plangraph.dates.v1``).

Values are ISO 8601: "2019-05-27", "2019-05", "2019", "2019/2021" for a period, and
"1990/1999" for a decade. Dates missing their year ("le 6 mai", "September 26", "en juin")
take the publication year; without a publication date they keep the ISO form with an omitted
year ("--05-06", "--06", as in xsd:gMonthDay / xsd:gMonth). A weekday alone ("jeudi",
"Wednesday") is the most recent such day on or before a full publication date, and "ce jour"
is the publication date itself; both are skipped when it is unknown.

dateparser misreads "1,3" as a date in running text, so the grammar is built from
``ontology/lang/<lang>.yaml`` (in :mod:`extractor.text.date_grammar`). Not dates: deictic
words ("hier", "aujourd'hui", "à ce jour"), durations ("en 4 ans", "six mois"), clock times,
phone numbers, and a bare four-digit number outside 1900–2100 or followed by a counted noun,
a currency or "%" ("2000 personnes").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from extractor.records import Match
from extractor.text.date_grammar import date_grammar
from extractor.text.numbers import blocked_spans
from extractor.text.spans import longest_first, overlaps

Pub = tuple[int | None, int | None, int | None]


def _pub(published: str | None) -> Pub:
    m = re.match(r"\s*([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", published or "")
    if not m:
        return None, None, None
    y, mo, d = (int(x) if x else None for x in m.groups())
    if _iso(y, mo, d) is None:
        return (y, None, None) if _iso(y) else (None, None, None)
    return y, mo, d


def _iso(y: int | None, mo: int | None = None, d: int | None = None) -> str | None:
    """ISO text of a (partial) date, or None when it does not exist."""
    try:
        dt.date(y or 2000, mo or 1, d or 1)
    except (ValueError, TypeError, OverflowError):
        return None
    head = f"{y:04d}" if y else "-"
    if mo is None:
        return head if y else None
    return f"{head}-{mo:02d}" + (f"-{d:02d}" if d else "")


def find_dates(text: str, lang: str, published: str | None = None) -> list[Match]:
    """Every date, month, year or period in ``text``, valued in ISO 8601.

    >>> [(m.text, m.value) for m in find_dates("Paris, le 27 mai 2019 : plan 2019-2021.", "fr")]
    [('27 mai 2019', '2019-05-27'), ('2019-2021', '2019/2021')]
    >>> [(m.text, m.value) for m in find_dates("Il a dit jeudi : en juin", "fr", "2023-07-14")]
    [('jeudi', '2023-07-13'), ('juin', '2023-06')]
    >>> [m.value for m in find_dates("Crack users, September 26, since the start of 2020", "en",
    ...                              "2021-12-09")]
    ['2021-09-26', '2020']
    """
    try:
        if not isinstance(text, str):
            return []
        return _find(text, lang, published if isinstance(published, str) else None)
    except (re.error, TypeError, ValueError, KeyError, IndexError, OverflowError):
        return []


def _find(text: str, lang: str, published: str | None) -> list[Match]:
    g = date_grammar(lang)
    if g is None:
        return []
    pub = _pub(published)
    blocked = blocked_spans(text, markup=False)
    found = []
    for name, pattern in g["patterns"]:
        for m in pattern.finditer(text):
            span = m.span("m") if name == "month" else m.span()
            if overlaps(span[0], span[1], blocked):
                continue
            value = _VALUES[name](m, g, pub, text)
            if value:
                found.append(Match(span[0], span[1], text[span[0] : span[1]], value))
    return longest_first(found)


def _ymd(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    return _iso(int(m["y"]), int(m["mo"]), int(m["d"]))


def _ym(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    return _iso(int(m["y"]), int(m["mo"]))


def _numeric(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if m["s"] == "." and len(m["y"]) == 2:
        return None
    y = y if len(m["y"]) == 4 else (2000 + y if y < 50 else 1900 + y)
    d, mo = (a, b) if g["order"] == "dmy" else (b, a)
    if mo > 12 >= d:
        d, mo = mo, d
    return _iso(y, mo, d)


def _dmy(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    mo = g["months"].get(m["m"].lower().rstrip("."))
    year = int(m["y"]) if m["y"] else _nearest_year(m, g, pub, text, mo)
    return _iso(year, mo, int(m["d"])) if year else _iso(None, mo, int(m["d"]))


def _nearest_year(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str,
                  month: int | None) -> int | None:
    """The year of a day written without one: the one that puts it nearest the publication
    ("à partir du lundi 1er janvier" in December is next January), a weekday that agrees
    first ("lundi 1er janvier" is a Monday), not after the publication when the text says it
    is past ("depuis le 15 décembre" in January)."""
    year, pub_month, pub_day = pub
    if year is None or pub_month is None or month is None:
        return year
    published = dt.date(year, pub_month, pub_day or 15)
    past = bool(g["past_before"].search(text, max(0, m.start() - 30), m.start())
                or g["past_after"].match(text, m.end()))
    options = []
    for y in (year - 1, year, year + 1):
        try:
            day = dt.date(y, month, int(m["d"]))
        except ValueError:
            continue
        if past and day > published:
            continue
        wrong_day = bool(m["wd"]) and day.weekday() != g["weekdays"].get(m["wd"].lower())
        options.append((wrong_day, abs((day - published).days), y))
    return min(options)[2] if options else year


def _my(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    return _iso(int(m["y"]), g["months"].get(m["m"].lower()))


def _range(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    return f"{y1}/{y2}" if 1900 <= y1 < y2 <= 2100 and y2 - y1 <= 50 else None


def _year(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    y = int(m["y"])
    if not 1900 <= y <= 2100 or g["not_year_after"].match(text, m.end()):
        return None
    return None if g["not_year_before"].search(text, max(0, m.start() - 30), m.start()) else m["y"]


def _decade(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    dec = int(m["dec"])
    dec = dec if dec >= 100 else 1900 + dec
    return f"{dec}/{dec + 9}" if 1800 <= dec <= 2090 else None


def _month(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    """A month alone is of the publication's year, or of the year before when the text says
    it is past and it comes after the publication's month ("depuis septembre" in February)."""
    month, year = g["months"].get(m["m"].lower()), pub[0]
    if year and pub[1] and month and month > pub[1] and (
            g["past_before"].search(text, max(0, m.start("m") - 30), m.start("m"))
            or g["past_after"].match(text, m.end())):
        year -= 1
    return _iso(year, month)


def _weekday(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    year, month, dom = pub
    if year is None or month is None or dom is None:
        return None
    if g["wd_before"].search(text, max(0, m.start() - 20), m.start()):
        return None
    if g["wd_after"].match(text, m.end()):
        return None
    day = dt.date(year, month, dom)
    back = (day.weekday() - g["weekdays"][m["wd"].lower()]) % 7
    return (day - dt.timedelta(days=back)).isoformat()


def _today(m: re.Match[str], g: dict[str, Any], pub: Pub, text: str) -> str | None:
    if pub[0] is None or g["today_before"].search(text, max(0, m.start() - 20), m.start()):
        return None
    if g["today_after"].match(text, m.end()):
        return None
    return _iso(*pub)


_VALUES: dict[str, Callable[[re.Match[str], dict[str, Any], Pub, str], str | None]] = {
    "ymd": _ymd,
    "ym": _ym,
    "numeric": _numeric,
    "dmy": _dmy,
    "mdy": _dmy,
    "my": _my,
    "range": _range,
    "year": _year,
    "decade": _decade,
    "month": _month,
    "weekday": _weekday,
    "today": _today,
}
