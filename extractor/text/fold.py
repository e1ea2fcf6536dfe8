"""Length-preserving text folding, so rule matches on folded text keep their offsets.

Registry and gazetteer names are matched accent-, case- and apostrophe-insensitively
("Ile-de-France" = "Île-de-France") with plain regular expressions over the folded text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from extractor.text.wordlists import every_language

_SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "–": "-", "‐": "-", "‑": "-",
            "‒": "-", "—": "-",
            "\u00a0": " ", "\u202f": " ", "œ": "o", "Œ": "o", "æ": "a", "Æ": "a"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[:1].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and dashes; same length as the input.

    >>> fold("Agence Régionale de Santé Île-de-France — l’ARS")
    "agence regionale de sante ile-de-france - l'ars"
    """
    return text.translate(_FOLD_TABLE)


class FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand by ``fold_char``: folding runs at C speed after
    a character's first sight. Each folding (names here, place names in the gazetteer) has one."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_char = fold_char

    def __missing__(self, code: int) -> str:
        value = self[code] = self.fold_char(chr(code))
        return value


_FOLD_TABLE = FoldTable(_fold_char)


def _case_kept_char(ch: str) -> str:
    folded = _fold_char(ch)
    upper = folded.upper()
    return upper if ch.isupper() and len(upper) == 1 else folded


_CASE_KEPT_TABLE = FoldTable(_case_kept_char)


def fold_keep_case(text: str) -> str:
    """:func:`fold` with the capitals kept, so a name pattern can still see them; same
    length as the input (a table, as :func:`fold`: a loop over the characters in Python was
    a second of a 433-document build).

    >>> fold_keep_case("Agence Régionale — l’ARS Île")
    "Agence Regionale - l'ARS Ile"
    """
    return text.translate(_CASE_KEPT_TABLE)


def fold_name(text: str) -> str:
    """A comparison key for names: folded, spaces collapsed, leading determiner dropped.

    >>> fold_name("la  Ville de Paris")
    'ville de paris'
    >>> fold_name("l'Agence")
    'agence'
    """
    key = " ".join(fold(text).split())
    for det in _name_determiners():
        if key.startswith(det) and len(key) > len(det) + 1:
            key = key[len(det):]
            break
    return key.strip(" .,;:")


@cache
def _name_determiners() -> tuple[str, ...]:
    """The ``name_determiners`` of every language, folded, longest first."""
    folded = dict.fromkeys(fold(d) for d in every_language("name_determiners"))
    return tuple(sorted(folded, key=len, reverse=True))


def _space_char(ch: str) -> str:
    return " " if ch.isspace() or ch in "-_" else ch


_SPACE_TABLE = FoldTable(_space_char)


def fold_spaced(text: str) -> str:
    """:func:`fold`, with hyphens, underscores and every space as one space each: place names
    are written "Île-de-France" and "Ile de France" alike. Same length as the input.

    >>> fold_spaced("Île-de-France d’Éole")
    "ile de france d'eole"
    """
    return fold(text).translate(_SPACE_TABLE)
