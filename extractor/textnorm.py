"""Length-preserving text folding, so rule matches on folded text keep their offsets.

Registry and gazetteer names are matched accent-, case- and apostrophe-insensitively
("Ile-de-France" = "Île-de-France") with plain regular expressions over the folded text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "‐": "-", "‑": "-", "—": "-",
            "\u00a0": " ", "\u202f": " ", "œ": "o", "Œ": "o", "æ": "a", "Æ": "a"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and dashes; same length as the input.

    >>> fold("Agence Régionale de Santé Île-de-France — l’ARS")
    "agence regionale de sante ile-de-france - l'ars"
    """
    return text.translate(_FOLD_TABLE)


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on demand: folding runs at C speed after first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD_TABLE = _FoldTable()


def fold_name(text: str) -> str:
    """A comparison key for names: folded, spaces collapsed, leading determiner dropped.

    >>> fold_name("la  Ville de Paris")
    'ville de paris'
    >>> fold_name("l'Agence")
    'agence'
    """
    key = " ".join(fold(text).split())
    for det in ("l'", "la ", "le ", "les ", "the ", "d'", "de la ", "du ", "des "):
        if key.startswith(det) and len(key) > len(det) + 1:
            key = key[len(det):]
            break
    return key.strip(" .,;:")
