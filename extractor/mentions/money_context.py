"""When a number with a multiplier word and no currency ("650 millions", "9 million") is
money, and in which currency: the one currency of its sentence's explicit amounts, else of
the whole text's, unless it is counted ("9 millions de personnes") or is what a subject is
("Ils étaient 9 millions"); an amount a money noun names ("42 millions d'aides") takes the
language's own currency in a text that names none. The words are ``money_nouns``,
``copula_forms`` and ``default_currency`` of ``ontology/lang/<lang>.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

from extractor.knowledge import lexicon
from extractor.records import Match
from extractor.text.numbers import noun_like, sentence_bounds


def bare_currency(text: str, start: int, end: int, explicit: list[Match], g: dict[str, Any],
                  lang: str) -> str | None:
    """The currency of the bare amount ``text[start:end]``, if it is money (``g``: the money
    grammar of :mod:`extractor.mentions.money`)."""
    return _context_currency(text, start, explicit, g, lang) \
        or _money_noun_currency(text, end, explicit, g, lang)


def _money_noun_currency(text: str, end: int, explicit: list[Match], g: dict[str, Any],
                         lang: str) -> str | None:
    """The language's own currency for an amount its noun says is money ("42 millions
    d'aides pour soutenir les 121 millions d'investissement" in a text that names no
    currency), when the text names no other (``default_currency``)."""
    if _linked_word(text, end, g) not in g["money_nouns"]:
        return None
    default = lexicon(lang).get("default_currency")
    return str(default) if default and not explicit else None


def _linked_word(text: str, end: int, g: dict[str, Any]) -> str | None:
    """The word a currency link joins to the amount ("d'aides" → "aides"), folded to lower
    case and a straight apostrophe."""
    linked = g["after_link"].match(text, end)
    return linked.group("w").lower().replace("’", "'") if linked else None


def _after_copula(text: str, pos: int, g: dict[str, Any]) -> bool:
    """The number is what a subject is ("Ils étaient 9 millions", "they were 2 million"): a
    count of it, not money, whatever the text's currency."""
    before = re.search(r"([^\W\d_]+)\s*$", text[max(0, pos - 30):pos])
    return before is not None and before.group(1).lower() in g["copulas"]


def _context_currency(text: str, pos: int, explicit: list[Match], g: dict[str, Any],
                      lang: str) -> str | None:
    """The one currency of the sentence's explicit amounts; in a sentence with none, the one
    currency of the whole text's ("Le gouvernement débloque 650 millions pour les Ehpad"
    in an article that counts in euros), unless the sentence counts something else in
    millions ("12 millions de personnes …, dont 1,1 million touche l'allocation")."""
    start, end = sentence_bounds(text, pos)
    codes = {m.unit for m in explicit if start <= m.start < end}
    if not codes and not _after_copula(text, pos, g) and not any(
            counted_noun_follows(text, m.end(), g, lang)
            for m in g["bare"].finditer(text, start, end)):
        codes = {m.unit for m in explicit}
    return codes.pop() if len(codes) == 1 else None


def counted_noun_follows(text: str, end: int, g: dict[str, Any], lang: str) -> bool:
    """A noun counted by the multiplier ("9 millions de personnes"), not one that names what
    money is ("42 millions d'aides", "32 millions d'exploitation": ``money_nouns``)."""
    linked = _linked_word(text, end, g)
    if linked is not None:
        return linked not in g["money_nouns"]
    m = g["after_word"].match(text, end)
    if not m or lexicon(lang).get("multiplier_noun_needs_link"):
        return False
    word = m.group("w")
    units = lexicon(lang).get("units") or {}
    return word.lower() in units or noun_like(word, lang)


__all__ = ["bare_currency", "counted_noun_follows"]
