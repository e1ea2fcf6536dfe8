"""Two persons named together, then taken up as a pair: "les deux édiles déplorent",
"l'un et l'autre espèrent", "the two mayors said". Each of the two acts.

The pair is the last two persons the text named (within a few sentences), or the last two
named with the title the pair gives ("les deux maires" after "Bertrand Kern, maire de
Pantin, … Karine Franclet, maire d'Aubervilliers"); never one person twice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from extractor.claims.sentences import Sentence, Tok, lex, words
from extractor.mentions.naming import lexicon_words
from extractor.records import Mention
from extractor.text.fold import fold

_REACH = 1200  # characters back to the pair's two persons


def pair_subject(toks: list[Tok], unit: Sentence, t: Tok, persons: Sequence[Mention],
                 lang: str, bodies: Sequence[Mention] = ()) -> tuple[Mention, ...] | None:
    """The two persons a plural noun counted as two ("les deux édiles", "the two mayors")
    or "l'un et l'autre" ending at ``t`` stands for, or the two bodies a body's noun counted
    as two does ("les deux organisations", "the two unions"); None when it is no such pair."""
    two = t.pos == "NOUN" and t.feat("Number") != "Sing" and any(
        c.head == t.i and fold(c.text) in words("pair_numbers", lang)
        for c in toks[max(unit.lo, t.i - 3):t.i])
    of_bodies = two and fold(t.lemma) in words("generic_body_nouns", lang)
    counted = two and not of_bodies and _a_title(t, lang)
    # "les ministres ont promis", "the ministers said": every person just named with the title
    titled = not two and t.pos == "NOUN" and t.feat("Number") == "Plur" \
        and fold(t.lemma) in title_synonyms() and _bare_definite(toks, unit, t)
    both = fold(t.text) in _pair_words(lang) and any(  # "l'un et l'autre", read around t
        " ".join(fold(x.text) for x in toks[lo:hi]).replace("' ", "'")
        in words("pair_subjects", lang) for lo in range(max(unit.lo, t.i - 3), t.i + 1)
        for hi in range(t.i + 1, min(unit.hi, t.i + 5) + 1))
    if not (counted or both or of_bodies or titled) or t.dep.endswith("pass"):
        return None  # "deux structures ont été lancées": things, done
    pool = sorted(bodies, key=lambda b: b.start) if of_bodies else persons
    first = bisect.bisect_left(pool, t.start, key=lambda p: p.start)
    named = [p for p in pool[:first] if t.start - _REACH <= p.start]
    if counted or titled:
        title = title_synonyms().get(fold(t.lemma), {fold(t.lemma)})
        holding = [p for p in named if p.role and title & set(fold(p.role).split())]
        named = holding if titled else holding or named
        if titled and not named:  # the offices a plural title just listed
            return listed_offices(bodies, t.start, fold(t.text)) or None
    distinct: list[Mention] = []
    for p in reversed(named):
        if all((p.key or p.text) != (d.key or d.text) for d in distinct):
            distinct.append(p)
    return tuple(reversed(distinct if titled else distinct[:2])) if len(distinct) >= 2 else None


def listed_offices(bodies: Sequence[Mention], before: int, title: str) -> tuple[Mention, ...]:
    """The offices one plural title named together before ``before`` ("les ministres de
    l'Intérieur, de l'Agriculture et de la Transition écologique", then "les ministres
    demandent"): the last office mention written with the title, and the offices listed
    after it in its sentence; at least two."""
    offices = [b for b in sorted(bodies, key=lambda b: b.start)
               if b.source.endswith("office") and before - _REACH <= b.start < before]
    first = next((i for i in range(len(offices) - 1, -1, -1)
                  if title in fold(offices[i].text).split()), None)
    if first is None:
        return ()
    listed = [o for o in offices[first:] if o.sentence == offices[first].sentence]
    return tuple(listed) if len(listed) >= 2 else ()


def _bare_definite(toks: list[Tok], unit: Sentence, t: Tok) -> bool:
    """The noun has a definite article and nothing else ("les ministres européens" are
    others)."""
    kids = [c for c in toks[max(unit.lo, t.i - 3):min(unit.hi, t.i + 4)]
            if c.head == t.i and c.i != t.i]
    return bool(kids) and all(c.dep == "det" and c.feat("Definite") == "Def" for c in kids)


@cache
def _pair_words(lang: str) -> frozenset[str]:
    """The words of the pair phrases: a subject that is none of them opens no such phrase."""
    return frozenset(w for phrase in words("pair_subjects", lang)
                     for w in re.split(r"[\s']+", phrase) if w)


def names_actors(t: Tok, lang: str) -> bool:
    """A noun naming persons by their office or bodies by their kind ("ministres", "the two
    unions", "quatre régions", "the three operators"): a count of it counts actors, not what
    they act on."""
    lemma = fold(t.lemma)
    return _a_title(t, lang) or lemma in words("generic_body_nouns", lang) \
        or any(lemma in lexicon_words(section, lang) for section in ("org_heads", "company_heads"))


def _a_title(t: Tok, lang: str) -> bool:
    """A noun naming persons by their office ("édiles", "ministres", "mayors")."""
    lemma = fold(t.lemma)
    return lemma in title_synonyms() or lemma in lexicon_words("role_heads", lang) \
        or lemma in words("generic_person_nouns", lang)


@cache
def title_synonyms() -> dict[str, frozenset[str]]:
    """Folded title → the titles that name the same office ("édile" → maire, édile)."""
    out: dict[str, frozenset[str]] = {}
    for group in lex("title_synonyms") or []:
        folded = frozenset(fold(str(w)) for w in group)
        out.update({w: folded for w in folded})
    return out


__all__ = ["names_actors", "pair_subject", "title_synonyms"]
