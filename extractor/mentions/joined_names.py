"""A body named by an acronym joined by a hyphen to a known body's name or acronym: a trade
union's branch or federation ("le SNP-FO", "l'UFAP-UNSA", "le SNP-Force Ouvrière", "la
CFE-CGC"). The registry reads no name inside another word, so the known part alone is not
found either; the whole compound is one organisation, keyed by its own name.
"""

from __future__ import annotations

import re

from extractor.mentions.naming import Found
from extractor.mentions.registry import load_registry
from extractor.records import key_for

# an upper-case acronym, then hyphenated parts: acronyms or capitalised words ("Force
# Ouvrière" spans two words after its hyphen)
_JOINED = re.compile(r"(?<![\w-])[A-Z]{2,}(?:-(?:[A-Z]{2,}|[A-ZÀ-Ý][a-zà-ÿ]+"
                     r"(?:\s[A-ZÀ-Ý][a-zà-ÿ]+)?))+(?![\w-])")


def joined_acronyms(text: str) -> list[Found]:
    """Every hyphenated compound one of whose parts is a body the registry knows."""
    registry = load_registry()
    out = []
    for m in _JOINED.finditer(text):
        parts = m.group().split("-")
        known = [p for p in parts if registry.lookup(p)]
        if known and len(known) < len(parts):
            out.append(Found("Organization", m.start(), m.end(),
                             key_for("Organization", m.group()), "rule"))
    return out
