"""The comparison keys of the scoring convention: when a found item counts as a gold one.

Surface forms are compared folded (markup, case, spaces, quote and apostrophe styles, a
leading determiner), numbers rounded to the cent (a range as ``(low, high)``), entities by
the slug at the end of their IRI, and quotes located in the stored text with whitespace and
apostrophe styles ignored. Kept apart from :mod:`extractor.read.evaluate` because these keys
are the convention of ``ANNOTATION.md`` itself, tested on their own, while the evaluator
only counts with them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from urllib.parse import unquote

from extractor.iris import slugify
from extractor.text.wordlists import every_language

__all__ = ["locate", "normalise", "number_key", "slug_of"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_QUOTES = re.compile(r"[«»“”„‟\"]")
_MARKUP = re.compile(r"<[^<>]{1,40}>|\^\{|\}")


def normalise(text: Any) -> str:
    """Comparison key of a surface form: markup, case, spaces, quotes, determiner folded.

    >>> normalise("la  Préfecture de Police")
    'préfecture de police'
    >>> normalise("l’ARS"), normalise("« the State »"), normalise("18<sup>ème</sup>")
    ('ars', 'state', '18ème')
    """
    key = unicodedata.normalize("NFC", str(text)).translate(_APOSTROPHES)
    key = _QUOTES.sub(" ", _MARKUP.sub("", key))
    key = " ".join(key.casefold().split()).strip(" .,;:")
    for det in _determiners():
        if key.startswith(det) and len(key) > len(det):
            return key[len(det):].strip()
    return key


@cache
def _determiners() -> tuple[str, ...]:
    """Part of the scoring convention (tests/gold/README.md), not extraction knowledge: a
    leading determiner (``gold_determiners`` of every language) never decides whether two
    surface forms are the same mention. Longest first."""
    return tuple(sorted(every_language("gold_determiners"), key=len, reverse=True))


def number_key(value: Any) -> float | tuple[float, float] | str | None:
    """A number rounded to the cent, a ``(low, high)`` pair, or the value as text if neither.

    >>> number_key(1300000), number_key([700, 800]), number_key([5, 5.0]), number_key(None)
    (1300000.0, (700.0, 800.0), 5.0, None)
    """
    if value is None:
        return None
    try:
        if isinstance(value, list | tuple):
            low, high = (round(float(v), 2) for v in value)
            return low if low == high else (low, high)
        return round(float(value), 2)
    except (TypeError, ValueError):
        return f"invalid:{value!r}"


def locate(needle: str, text: str) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text``, whitespace runs and apostrophe styles ignored.

    >>> locate("par le parquet", "traitées par le\\n\\nparquet de Paris")
    (9, 24)
    """
    words = ["".join("['’]" if c in "'’" else re.escape(c) for c in w) for w in needle.split()]
    if not words:
        return None
    match = re.search(r"\s+".join(words), text)
    return (match.start(), match.end()) if match else None


def slug_of(iri: Any) -> str:
    """The entity slug at the end of an entity IRI (or of a bare name)."""
    text = str(iri or "")
    if "/entity/" in text:
        return unquote(text.rsplit("/entity/", 1)[1]).strip("/")
    return slugify(text)
