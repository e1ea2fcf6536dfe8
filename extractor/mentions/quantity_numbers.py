"""Numbers and number ranges that may start a counted quantity.

Digits and number words ("80", "six", "1,5 million") are read with
:func:`extractor.text.numbers.parse_number`; a number next to the next one through a range
connector or frame ("700 à 800", "between 10 and 20") becomes one range. Numbers in
``skip`` (money, dates, identifiers) and articles written as numbers ("un", "one") are left
out. The quantity finder then decides which of them count something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractor.knowledge import lexicon
from extractor.text.numbers import parse_number
from extractor.text.spans import overlaps


@dataclass
class Num:
    """A number or range in the text: span, value, spelled out, looks like a year."""

    start: int
    end: int
    value: float | tuple[float, float]
    word: bool
    year_like: bool


def numbers(text: str, lang: str, g: dict[str, Any], skip: list[tuple[int, int]]) -> list[Num]:
    """Numbers of ``text`` outside ``skip``, neighbours joined into ranges."""
    out: list[Num] = []
    for m in g["num"].finditer(text):
        raw = m.group(0)
        is_word = not raw[0].isdigit()
        if overlaps(m.start(), m.end(), skip) or (is_word and raw.strip().lower() in g["articles"]):
            continue
        value = parse_number(raw, lang)
        if value is None:
            continue
        year_like = bool(re.fullmatch(r"\d{4}", raw)) and 1800 <= value <= 2100
        num = Num(m.start(), m.end(), value, is_word, year_like)
        split = re.fullmatch(r"(\d{3}) (\d{3})", raw)
        if split and lexicon(lang).get("juxtaposed_ranges") and int(split[2]) > int(split[1]):
            num.value = (float(split[1]), float(split[2]))
        out.append(num)
    return _ranges(text, out, g)


def _ranges(text: str, nums: list[Num], g: dict[str, Any]) -> list[Num]:
    out: list[Num] = []
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
                    Num(
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
