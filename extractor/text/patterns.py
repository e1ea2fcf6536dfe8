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
