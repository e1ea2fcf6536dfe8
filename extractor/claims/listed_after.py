"""Actors listed after the clause that counts them: "Quatre régions ont signé avec l'État :
la Région Bretagne, la Région Normandie et la Région Grand Est", "the cost will be borne by
the three operators – Bouygues, Free, Orange and SFR".

The clause's subject (or passive agent) is a plural common noun, a count of actors; a colon
or a dash then opens the list of who they are, to the end of the sentence. Each listed actor
does what the plural noun does (the annotation guidelines: "when several actors are joined,
each actor gets the claim"). The parser hangs such a list anywhere (an apposition of the
object, of the last noun), so it is read on the words: an opening mark, nothing but
separators, conjunctions, determiners and one head noun ("les régions") between the names,
nothing after the last one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractor.claims.conjuncts import Role
from extractor.claims.sentences import Sentence, Tok, words
from extractor.records import Mention
from extractor.text.fold import fold

# a colon, or a dash set off by spaces ("opérateurs – Bouygues"), never a hyphen in a word
_OPENERS = re.compile(r":|\s[–—-]\s")
_SEPARATORS = re.compile(r"[\s,;&.)»”\"'’–—-]+")


@cache
def _glue(lang: str) -> frozenset[str]:
    """The words allowed between the listed names: conjunctions and determiners."""
    return words("conjunctions", lang) | words("determiners", lang)


def _residue(text: str, start: int, end: int, actors: Sequence[Mention]) -> list[str]:
    """The words of ``text[start:end]`` outside every actor mention (the glue the callers
    drop is among them)."""
    chars = list(text[start:end])
    for m in actors:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return [w for w in _SEPARATORS.split("".join(chars)) if w]


def _counted(toks: list[Tok], unit: Sentence, before: int) -> tuple[str, int] | None:
    """(how, verb) of the plural common noun that is the subject or the passive agent of a
    verb of the clause ending at offset ``before``: the count the list details."""
    for t in toks[unit.lo:unit.hi]:
        if t.end > before or t.pos != "NOUN" or t.feat("Number") != "Plur":
            continue
        head = toks[t.head]
        if t.dep == "nsubj" and head.pos == "VERB" and head.start < before:
            return "subject-dep", head.i  # not a passive's subject: what is done to them
        if t.dep == "obl:agent" and head.pos == "VERB":
            return "agent", head.i
        if t.dep == "pobj" and head.dep == "agent" and toks[head.head].pos == "VERB":
            return "agent", head.head
    return None


def listed_after(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                 actors: Sequence[Mention], lang: str) -> Role | None:
    """The role of a group listed after the clause that counts it, else None."""
    openers = list(_OPENERS.finditer(text, unit.start, group[0].start))
    if not openers:
        return None
    opener = openers[-1]
    listed = [m for m in actors if m.type in ("Organization", "Person")]
    glue = _glue(lang)
    between = [w for w in _residue(text, opener.end(), group[0].start, listed)
               if fold(w) not in glue]
    after = [w for w in _residue(text, group[-1].end, unit.end, listed) if fold(w) not in glue]
    # one lower-case head noun may name what the actors are ("les régions Alsace, …")
    if after or len(between) > 1 or between and not between[0].islower():
        return None
    counted = _counted(toks, unit, opener.start())
    if counted is None:
        return None
    return Role(group, *counted)


__all__ = ["listed_after"]
