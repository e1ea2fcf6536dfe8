"""The one builder of regular-expression alternations over word lists from ``ontology/``."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(items: Iterable[object]) -> str:
    """Regex alternation of phrases, longest first (so "mille" never hides "millions"); a space
    matches any run of spaces and an apostrophe either style. An empty list matches nothing.

    >>> bool(re.fullmatch(alternation(["M€", "millions d'euros"]), "millions  d’euros"))
    True
    >>> re.fullmatch(alternation([]), "") is None
    True
    """
    out = []
    for item in sorted({" ".join(str(i).split()) for i in items}, key=len, reverse=True):
        if not item:
            continue
        piece = re.escape(item).replace(r"\ ", r"\s+")
        # one pass: replacing ' then ’ would rewrite the class the first replacement wrote
        out.append(re.sub("['’]", "['’]", piece))
    return "|".join(out) if out else r"(?!x)x"


def trie_alternation(items: Iterable[object]) -> str:
    """:func:`alternation` factored on shared prefixes ("ville de (?:paris|lyon)"), for long
    name lists matched at every position of a text: ``re`` tries the branches of a plain
    alternation one by one at each position, so 1,600 registry names cost 1,600 tests per
    character; factored, a handful. The same matches for a pattern without the IGNORECASE
    flag: the alternatives that can match at one position are then prefixes of each other,
    longest first, as in :func:`alternation` (``tests/text/test_patterns.py``).

    >>> trie_alternation(["ville de Paris", "ville de Lyon", "Lyon"])
    'ville\\\\s+de\\\\s+(?:Paris|Lyon)|Lyon'
    >>> re.fullmatch(trie_alternation(["a b", "a"]), "a  b") is not None
    True
    """
    ordered = sorted({" ".join(str(i).split()) for i in items}, key=len, reverse=True)
    sequences = [_tokens(item) for item in ordered if item]
    return "|".join(_trie(sequences)) if sequences else r"(?!x)x"


def _tokens(item: str) -> tuple[str, ...]:
    """One regex token per character, as :func:`alternation` writes it: a space any run of
    spaces, an apostrophe either style. No two distinct tokens match the same character."""
    return tuple(r"\s+" if c == " " else "['’]" if c in "'’" else re.escape(c) for c in item)


def _trie(sequences: list[tuple[str, ...]]) -> list[str]:
    """The branches of the alternation of token sequences grouped by first token, in order of
    first sight (an ended sequence, the empty branch, comes after the longer ones it prefixes)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        groups.setdefault(sequence[0] if sequence else "", []).append(sequence[1:])
    branches = []
    for head, rests in groups.items():
        body = _trie(rests) if head and len(rests) > 1 else ["".join(rests[0])]
        branches.append(head + (f"(?:{'|'.join(body)})" if len(body) > 1 else body[0]))
    return branches
