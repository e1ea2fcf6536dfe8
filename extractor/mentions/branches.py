"""A known body's local branch, named by its place right after the body's name ("la Fnaim
Hérault", "la Fédération nationale de l'immobilier du Nord", "l'association SPA
Marseille-Provence", "le Secours populaire de la Gironde"): a body of its own, which acts
in its place where the national one does not. The registry knows the national body; the
branch is the whole name, found here so that the registry's shorter name does not cut it.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import load_gazetteer
from extractor.text.fold import fold
from extractor.text.wordlists import all_languages

_WORD = r"[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*"
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-ZÀ-Ý]")


@cache
def _after() -> re.Pattern[str]:
    links = sorted(all_languages("lang/actors.yaml", "branch_links"), key=len, reverse=True)
    link = "|".join(re.escape(w) for w in links)
    joint = rf"[ \t]+(?:(?:{link})(?<=['’])|(?:{link})[ \t]+)?"  # "du Nord", "de l'Eure"
    return re.compile(rf"{joint}(?P<place>{_WORD}(?:{joint}{_WORD}){{0,3}})")


def _is_place(name: str) -> bool:
    """A French region, department or city, or a hyphenated pair opening with one
    ("Marseille-Provence"); not the country ("Michelin de France" is the company)."""
    first = name.split("-")[0] if "-" in name and " " not in name else None
    found = [load_gazetteer().lookup(n) or france_places().lookup(n)
             for n in (name, first) if n]
    return any(f is not None and f.type != "country" for f in found)


@cache
def _titles() -> frozenset[str]:
    """Role nouns of every language: "députée PS du Nord" gives a member's party and seat."""
    return frozenset(fold(w) for w in all_languages("lang/actors.yaml", "role_heads"))


def branch_end(text: str, start: int, end: int) -> int | None:
    """Where a branch's name ends when a place's name follows a body's name at ``start`` …
    ``end``; None when none does. The longest run of capitalised words that names a place
    is the branch's place. Not in brackets after a name ("Annie Genevard (LR du Doubs)")
    nor after a title ("députée PS du Nord"): the press's way to give an elected official's
    party and constituency."""
    m = _after().match(text, end)
    if m is None or text[start - 1:start] == "(":
        return None
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])
    if before and fold(before[-1]) in _titles():
        return None
    words = list(re.finditer(r"\S+", m.group("place")))
    for last in reversed(words):
        name = m.group("place")[:last.end()]
        if last.group()[:1].isupper() and _is_place(name):
            end = m.start("place") + last.end()
            # the place ends the run of capitalised words: "François" of "le gouvernement
            # de François Hollande" is a given name
            return None if _NEXT_CAPITAL.match(text, end) else end
    return None


__all__ = ["branch_end"]
