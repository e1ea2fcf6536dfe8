"""Quoted passages of a text: where each quotation mark opens and closes. Kept apart from
:mod:`extractor.claims.sentences`, which cuts the text into units; the quotations cross them.
"""

from __future__ import annotations

from functools import lru_cache

from extractor.claims.sentences import lex


@lru_cache(maxsize=4)  # asked for each sentence of a document: read its text once
def quotations(text: str, min_words: int) -> list[tuple[int, int]]:
    """Quoted passages of at least ``min_words`` words as (open, close+1) offsets; shorter
    ones are scare quotes, not statements. A quotation of another style inside is skipped;
    a closing mark of another style ends it (sloppy “ … »); the same opening mark again
    before any close means the first was never closed, so it is no quotation.

    >>> quotations('Il dit « une phrase de cinq mots ici » puis « court ».', 5)
    [(7, 38)]
    >>> t = 'noted “ one two three four five ». He warns “ six seven. And “ a b c d e ”.'
    >>> [t[a:b] for a, b in quotations(t, 5)]
    ['“ one two three four five »', '“ a b c d e ”']
    >>> t = 'Il dit « un “ deux trois ” quatre cinq six ».'
    >>> [t[a:b] for a, b in quotations(t, 5)]
    ['« un “ deux trois ” quatre cinq six »']
    """
    return [q for q in _every_quotation(text) if len(text[q[0] + 1:q[1] - 1].split()) >= min_words]


@lru_cache(maxsize=8)
def _every_quotation(text: str) -> tuple[tuple[int, int], ...]:
    """Every quoted passage, of any length: scanned once per text however many rules ask."""
    pairs: dict[str, str] = lex("quotes") or {}
    closers = set(pairs.values()) - set(pairs)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = pairs.get(text[i])
        if close is None:
            i += 1
            continue
        limit = text.find("\n\n", i)
        limit = len(text) if limit < 0 else limit
        j = _closing(text, i, limit, pairs, closers)
        if j < 0:
            i += 1
            continue
        out.append((i, j + 1))
        i = j + 1
    return tuple(out)


def _closing(text: str, i: int, limit: int, pairs: dict[str, str], closers: set[str]) -> int:
    """Where the quotation opened at ``i`` closes, or -1."""
    opener, close = text[i], pairs[text[i]]
    inner: list[str] = []
    for k in range(i + 1, limit):
        ch = text[k]
        if inner and ch == inner[-1]:
            inner.pop()
        elif ch == close:
            return k
        elif ch == opener:
            return -1
        elif ch in pairs:
            inner.append(pairs[ch])
        elif ch in closers and not inner:
            return k
    return -1


__all__ = ["quotations"]
