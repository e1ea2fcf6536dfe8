"""Committees of a parliament named with their chamber: "la commission de la culture, de
l'éducation et de la communication du Sénat", "la commission d'enquête de l'Assemblée
nationale", "the Senate's economic affairs committee", "the finance committee of the
National Assembly".

A committee hears ministers and auditors, votes reports and amendments: an actor of its
own, distinct from its chamber (which stays a mention of its own inside the name). The
model cuts such names at their first comma or line break, or finds only the chamber; the
shape of the name (a committee word, up to 140 characters without a sentence's end, the
chamber) finds all of it. The words are data (``ontology/lang/actors.yaml``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from extractor.records import Mention, key_for
from extractor.text.patterns import alternation
from extractor.text.spans import overlaps
from extractor.text.wordlists import per_language

_LEXICON = "lang/actors.yaml"


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    heads = per_language(_LEXICON, "committee_heads").get(lang, ())
    chambers = per_language(_LEXICON, "committee_chambers").get(lang, ())
    if not heads or not chambers:
        return ()
    head, chamber = alternation(heads), alternation(chambers)
    # a name's words, never past a sentence's end or a paragraph (a line may wrap inside)
    body = r"(?:[^.;:!?()«»“”\"\n]|\n(?!\s*\n)){0,140}?"
    return (
        # "commission … du Sénat", "committee of the Senate"
        re.compile(rf"(?<![\w-])(?i:{head})(?:\s+{body})?\s+(?:{chamber})(?![\w-])"),
        # "the Senate('s) … committee"
        re.compile(rf"(?<![\w-])(?:{chamber})\s+(?:[A-Za-z][\w-]*\s+){{0,5}}?(?i:{head})"
                   rf"(?![\w-])"),
    )


def committee_mentions(text: str, lang: str, mentions: list[Mention], starts: list[int],
                       document: str, parsed: Sequence[tuple[int, Any]]) -> list[Mention]:
    """A mention of each committee the text names with its chamber, unless a longer
    organisation mention already covers it. A name holds none of the parse's verbs ("la
    commission a adopté le texte voté par le Sénat" is a sentence, not a name)."""
    taken = [(m.start, m.end) for m in mentions if m.type == "Organization"
             and len(m.text) > 30]
    out: list[Mention] = []
    verbs: list[int] | None = None  # read from the parse at the first candidate only
    for pattern in _patterns(lang):
        for hit in pattern.finditer(text):
            name = " ".join(hit.group().split())
            if verbs is None:
                verbs = [offset + t.idx for offset, doc in parsed for t in doc
                         if t.pos_ in ("VERB", "AUX")]
            first = bisect.bisect_left(verbs, hit.start())
            if first < len(verbs) and verbs[first] < hit.end() or overlaps(
                    hit.start(), hit.end(), taken) or any(
                    o.start <= hit.start() < o.end for o in out):
                continue
            out.append(Mention(document=document, type="Organization", text=hit.group(),
                               start=hit.start(), end=hit.end(),
                               sentence=max(0, bisect.bisect_right(starts, hit.start()) - 1),
                               key=key_for("Organization", name), source="committee"))
    return out


__all__ = ["committee_mentions"]
