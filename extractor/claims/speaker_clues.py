"""Clues in the grammar of a sentence to who says a quotation: a relative clause on the name
("X, qui souhaite « … »"), a pronoun subject of the reporting verb ("Comme X avant lui, il a
estimé « … »"), a noun object that makes the verb an act ("a lancé sa campagne … « … »").
Read by :mod:`extractor.claims.attribution`."""

from __future__ import annotations

import re
from functools import cache

from extractor.claims.sentences import Tok, words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation


@cache
def _relative(lang: str) -> re.Pattern[str]:
    rel = alternation(words("relative_subjects", lang))
    return re.compile(rf"\s*,\s*(?:{rel})\s+[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*)?\s*")


def relative_intro(gap: str, lang: str) -> bool:
    """A relative clause on the name opens the quotation (", qui souhaite « …", ", who
    wants “…"): the name's words."""
    return _relative(lang).fullmatch(fold(gap)) is not None


def aside(toks: list[Tok], k: int, m: Mention) -> bool:
    """A name that is no subject before a pronoun subject of the reporting verb ("Comme X
    avant lui, il a estimé"); not the subject it stands for ("X, …, denounced what she called")."""
    return pronoun_said(toks, k, m.end, toks[k].start) and not any(
        t.dep.startswith("nsubj") for t in toks[first_token(toks, m):k] if t.end <= m.end)


def pronoun_said(toks: list[Tok], k: int, start: int, end: int) -> bool:
    """The reporting verb's subject is a pronoun between the offsets ("qui" is the name's)."""
    return any(t.head == k and t.pos == "PRON" and t.dep.startswith("nsubj") and t.feat(
        "PronType") != "Rel" and start <= t.start < end for t in toks[max(0, k - 6):k + 3])


def has_object(toks: list[Tok], k: int, before: int) -> bool:
    """The reporting word takes a noun object before the quotation: it names an act on a
    thing ("a lancé sa campagne", "presented its plan"), not the quoted words."""
    lo, hi = max(0, k - 30), min(len(toks), k + 30)
    return any(t.head == k and t.dep in ("obj", "dobj") and t.pos == "NOUN"
               and t.start < before for t in toks[lo:hi])


def first_token(toks: list[Tok], m: Mention) -> int:
    """The index of the mention's first token (the last token's when none starts at it)."""
    return next((t.i for t in toks if t.start >= m.start), max(0, len(toks) - 1))


__all__ = ["aside", "first_token", "has_object", "pronoun_said", "relative_intro"]
