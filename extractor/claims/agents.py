"""The verb a passive agent ("par l'ARS", "by the council") does: the passive participle
the parse hangs it on, over a title or a name set beside it; else, when the parser hung it on
a noun in between, the passive participle nearest before it.
"""

from __future__ import annotations

from extractor.claims.actions import light_action
from extractor.claims.predicates import passive
from extractor.claims.sentences import Sentence, Tok

_STOPS = (".", "!", "?", ";")


def agent_governor(toks: list[Tok], unit: Sentence, start: int, lang: str) -> int | None:
    """The passive verb the agent at ``start`` hangs on, whatever label the parser gave the
    link ("signalés en rupture de stock par l'Agence"), over a title before the name ("par la
    ministre X"), unless a light verb's ("L'annonce en a été faite par la ministre X")."""
    tok = next((t for t in toks[unit.lo:unit.hi] if t.start >= start and t.pos != "DET"), None)
    if tok is not None and tok.dep in ("appos", "flat:name", "compound") \
            and unit.lo <= tok.head < tok.i and toks[tok.head].dep in ("obl:agent", "agent") \
            and not light_action(toks[toks[tok.head].head], lang):
        tok = toks[tok.head]
    if tok is None or not unit.lo <= tok.head < tok.i or toks[tok.head].pos != "VERB":
        return None
    return tok.head if passive(toks, toks[tok.head]) else None


def passive_before(toks: list[Tok], unit: Sentence, before: int) -> int | None:
    """The passive participle nearest before a passive agent the parser hung elsewhere
    ("signalés en « rupture de stock » ou en « risque de rupture » par l'Agence"), over no
    finite verb or stop."""
    for tok in reversed([t for t in toks[unit.lo:unit.hi] if t.start < before][-25:]):
        if tok.text in _STOPS or tok.pos == "VERB" and tok.feat("VerbForm") == "Fin":
            return None
        if tok.pos == "VERB" and tok.feat("VerbForm") == "Part" and passive(toks, tok):
            return tok.i
    return None


__all__ = ["agent_governor", "passive_before"]
