"""The slots of a claim around its action: object, figure, date, place, and a list's tense.

Figures, dates and places are mentions of the same unit, the nearest to the action word;
money is preferred for funding actions, counts for the others ("open 60 places").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from extractor.claims.actions import is_word_of
from extractor.claims.inversion import inverted_reporter
from extractor.claims.marked_sums import marked_sum
from extractor.claims.pairs import names_actors
from extractor.claims.said import idiom_end
from extractor.claims.sentences import Sentence, Tok, relative_clause, words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.numbers import is_closed
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages

_NEAR = 160
_OBJ_DEPS = ("obj", "dobj", "nsubj:pass", "nsubjpass", "attr")
_NOUN_OBJ_DEPS = ("nmod", "pobj", "prep", "obj")
_FIGURES = ("Money", "Date")  # a count is often the object itself: "ouvrir 60 places"
# Words that cannot start an object: "que"/"that", pronouns, punctuation, "de", "le".
_NOT_OBJECT_START = ("SCONJ", "PRON", "PUNCT", "ADP", "DET", "CCONJ")
# the relations by which an act's noun or infinitive is an argument of a verb above it
_ARGUMENT_DEPS = ("obj", "dobj", "xcomp", "ccomp")
_AGENT = ("obl:agent", "agent")


def _nearest(cands: list[Mention], trigger: Tok, reach: int = _NEAR) -> Mention | None:
    near = [m for m in cands if abs(m.start - trigger.start) <= reach]
    return min(near, key=lambda m: abs(m.start - trigger.start) + (
        0 if m.start >= trigger.start else 20)) if near else None


def _outside_actors(mentions: Sequence[Mention], type_: str) -> list[Mention]:
    actors = [(m.start, m.end) for m in mentions if m.type in ("Organization", "Person")]
    return [m for m in mentions if m.type == type_
            and not any(s <= m.start and m.end <= e for s, e in actors)]


def argument_spans(toks: list[Tok], k: int, unit: Sentence) -> list[tuple[int, int]]:
    """Offsets of the action's object or passive subject ("1000 procédures … traitées")."""
    return _dependent_spans(toks, unit, {k}, lambda t: t.dep in _OBJ_DEPS)


def _dependent_spans(toks: list[Tok], unit: Sentence, heads: set[int],
                     keep: Callable[[Tok], bool]) -> list[tuple[int, int]]:
    """Offsets of the whole phrase of each dependent of ``heads`` that ``keep`` keeps."""
    out = []
    for t in toks[unit.lo:unit.hi]:
        if t.head in heads and t.i != t.head and keep(t):
            lo, hi = _subtree(toks, t.i, unit)
            out.append((toks[lo].start, toks[hi].end))
    return out


def amount_of(mentions: Sequence[Mention], trigger: Tok, action: str, unit: Sentence,
              args: list[tuple[int, int]], passive: bool = False,
              toks: list[Tok] | None = None, lang: str = "fr",
              own_only: bool = False) -> tuple[Any, str | None]:
    """The figure the action bears on, (value, unit): a money or count mention in its
    arguments, else (for a passive verb) the nearest before it, else the nearest (anywhere in
    a bullet item); not one a clause before the action holds ("Faced with 750,000 arrivals,
    the government presented a plan"), nor one outside a relative clause's own ("The plan,
    which was drawn up by X, aims to get 100,000 young people into work"). Money first for
    acts that fund or table a budget, counts first for the others ("open 60 places").
    A sum the sentence names as the amount ("pour un montant de", ``amount_marks``) is the
    act's whatever stands nearer."""
    money = {*words("money_actions"), *words("pledging_acts")}  # and acts tabling a budget
    order = ("Money", "Quantity") if action in money else ("Quantity", "Money")
    reach = unit.end - unit.start if unit.bullet else _NEAR
    by_type = {type_: _outside_actors(mentions, type_) for type_ in order}
    marked = None if toks is None or own_only else marked_sum(toks, unit, mentions, lang)
    if marked is not None:  # "pour un montant total de 45 M€": the act's amount, said so
        return figure_of(marked)
    # its own arguments' figure first, either type ("cut €100 million from 50 universities")
    for cands in by_type.values():
        m = _nearest([m for m in cands if any(s <= m.start < e for s, e in args)], trigger, reach)
        if m is not None:
            return figure_of(m)
    if own_only or trigger.dep in ("relcl", "acl:relcl"):
        return None, None
    # the count that is the acting subject ("les deux ministres ont promis") is no figure of
    # the act
    subject = _subject_spans(toks, trigger, unit, lang) \
        if toks is not None and any(by_type.values()) else []
    for cands in by_type.values():
        cands = [m for m in cands if not any(s <= m.start < e for s, e in subject)]
        if toks is not None:  # a clause set before the action: its own
            cands = [m for m in cands if m.start > trigger.start
                     or not _held_elsewhere(toks, m, trigger)]
        before = [m for m in cands if m.end <= trigger.start] if passive else []
        m = _nearest(before, trigger, reach) or _nearest(cands, trigger, reach)
        if m is not None:
            return figure_of(m)
    return None, None


def _subject_spans(toks: list[Tok], trigger: Tok, unit: Sentence,
                   lang: str) -> list[tuple[int, int]]:
    """Offsets of the active subject or passive agent that counts actors ("les deux
    ministres", "the two unions", "borne by the three operators", whose "by" heads the noun)
    of the action, or of the verb whose argument names it ("the two ministers promised")."""
    governors, k = {trigger.i}, trigger.i
    while toks[k].dep in _ARGUMENT_DEPS and len(governors) < 4:
        k = toks[k].head
        if not unit.lo <= k < unit.hi or k in governors:
            break
        governors.add(k)
    by = {t.i for t in toks[unit.lo:unit.hi] if t.head in governors and t.dep == "agent"}
    return _dependent_spans(toks, unit, governors | by,
                            lambda t: t.dep in ("nsubj", "obl:agent", "pobj")
                            and names_actors(t, lang))


def figure_of(m: Mention) -> tuple[Any, str | None]:
    return (list(m.value) if isinstance(m.value, tuple) else m.value), m.unit


def date_of(mentions: Sequence[Mention], trigger: Tok,
            toks: list[Tok] | None = None) -> str | None:
    """The action's own date: the nearest date of the sentence that no other predicate
    holds ("Après un plan lancé en octobre 2012, un deuxième vient d'être adopté": October
    2012 is the launch's, not the adoption's)."""
    dates = _outside_actors(mentions, "Date")
    if toks is not None:
        dates = [m for m in dates if not _held_elsewhere(toks, m, trigger)]
    m = _nearest(dates, trigger)
    return str(m.value) if m is not None and m.value else None


def _held_elsewhere(toks: list[Tok], m: Mention, trigger: Tok) -> bool:
    """The date or figure hangs on another verb than the action, one the action does not
    hang on (a participle, a relative or adverbial clause of its own)."""
    first = bisect.bisect_left(toks, m.start, key=lambda t: t.start)
    if first >= len(toks):
        return False
    ancestors, up = set(), trigger.i
    for _ in range(8):
        ancestors.add(up)
        if toks[up].head == up:
            break
        up = toks[up].head
    tok = toks[first]
    for _ in range(8):
        if tok.i == trigger.i or tok.i in ancestors:
            return False
        if tok.pos in ("VERB", "AUX") and tok.i != first:
            return True
        if tok.head == tok.i:
            return False
        tok = toks[tok.head]
    return False


def place_of(mentions: Sequence[Mention], trigger: Tok) -> Mention | None:
    return _nearest(_outside_actors(mentions, "Place"), trigger)


def _subtree(toks: list[Tok], k: int, unit: Sentence) -> tuple[int, int]:
    lo = hi = k
    changed = True
    while changed:
        changed = False
        for t in toks[unit.lo:unit.hi]:
            if t.i not in range(lo, hi + 1) and lo <= t.head <= hi and t.head != t.i and (
                    t.i == lo - 1 or t.i == hi + 1):
                lo, hi = min(lo, t.i), max(hi, t.i)
                changed = True
    return lo, hi


def _governed_by_other_preposition(toks: list[Tok], t: Tok, unit: Sentence, lang: str) -> bool:
    """"pour un montant", "sur l'espace public": a circumstance, not what is acted on (the
    complement of an action noun comes with "de"/"of")."""
    allowed = words("possessive_markers", lang)
    return any(c.head == t.i and c.dep == "case" and fold(c.text) not in allowed
               for c in toks[unit.lo:unit.hi])


def object_of(toks: list[Tok], k: int, unit: Sentence, text: str,
              mentions: Sequence[Mention], lang: str, reports: bool = False) -> str | None:
    """Text of what is acted on, by the parse: the verb's object, the noun's "de …"
    complement, the clause a reporting verb reports ("relève que le plan …"), or what a sum
    or an agent is "of" ("2 millions d'euros de maraudes": the parser hangs it on the sum).

    Never an actor, a pronoun, a time or the claim's own sum (those have their own slots), a
    circumstance ("pour un montant"), nor words merely following the action, except after a
    reporting verb (``reports``), whose content is what follows it ("recognizes it: …")."""
    trigger = toks[k]
    deps = _OBJ_DEPS if trigger.pos in ("VERB", "AUX") else _NOUN_OBJ_DEPS
    taken = [(m.start, m.end) for m in mentions
             if m.type in ("Organization", "Person", *_FIGURES)]
    actors = [(m.start, m.end) for m in mentions if m.type in ("Organization", "Person")]

    def inside(tok: Tok) -> bool:
        return any(s <= tok.start < e for s, e in taken)

    def noun_phrase(t: Tok, any_preposition: bool = False) -> str | None:
        if any(s <= t.start < e for s, e in actors) or t.pos not in ("NOUN", "PROPN") \
                or inverted_reporter(toks, unit, t, lang) is not None \
                or inside(t) or is_closed(t.text, lang) or not any_preposition and \
                _governed_by_other_preposition(toks, t, unit, lang):
            return None
        lo, hi = _subtree(toks, t.i, unit)
        lo = min(lo, t.i)
        lo, hi = (max(lo, k + 1), hi) if t.i > k else (lo, min(hi, k - 1))
        while any_preposition and lo < t.i and toks[lo].pos == "ADP":
            lo += 1  # "sur les écoles": the schools
        if all(inside(u) or u.pos in _NOT_OBJECT_START for u in toks[lo:hi + 1]):
            return None
        return _clean(text[toks[lo].start:toks[hi].end], lang)

    span = toks[unit.lo:unit.hi]
    end = idiom_end(toks, k, lang)
    if end is not None:  # "a fait le point sur les écoles": what the set phrase bears on
        return _idiom_object(toks, k, end, span, lambda t: noun_phrase(t, True))
    for t in span:
        if t.head == k and t.i != k and t.dep in deps and (found := noun_phrase(t)):
            return found
    for t in span:  # the complement of the claim's sum or agent, after the action
        if t.i > k and t.dep == "nmod" and inside(toks[t.head]) and (found := noun_phrase(t)):
            return found
    if (clause := _reported_clause(toks, k, unit, lang)) is not None:
        return _clean(text[toks[clause[0]].start:toks[clause[1]].end], lang)
    if (head := _qualified(toks, k, span)) is not None and (found := noun_phrase(head)):
        return found  # "les demandes, rappelées par le maire": the demands, not the mayor
    if reports and not any(inverted_reporter(toks, unit, t, lang) for t in span if t.head == k):
        first = k + 1  # what follows it, unless its subject does (", relève l'institution")
        while first < unit.hi and toks[first].pos in ("SCONJ", "PRON", "PUNCT", "ADP"):
            first += 1
        if first < unit.hi:
            return _clean(text[toks[first].start:unit.end], lang)
    return None


def _reported_clause(toks: list[Tok], k: int, unit: Sentence, lang: str) -> tuple[int, int] | None:
    """The clause a verb reports, not a relative one nor an incise (", a indiqué X")."""
    for t in toks[unit.lo:unit.hi]:
        if t.head == k and t.dep in ("ccomp", "parataxis") and t.pos in ("VERB", "AUX") \
                and not relative_clause(toks, t) \
                and not (t.dep == "parataxis" and is_word_of(t, "reporting", lang)):
            lo, hi = _subtree(toks, t.i, unit)
            while lo <= hi and toks[lo].pos in ("SCONJ", "PUNCT"):
                lo += 1
            if lo <= hi:
                return lo, hi
    return None


def _qualified(toks: list[Tok], k: int, span: list[Tok]) -> Tok | None:
    """The noun a participle with an agent qualifies ("les demandes, rappelées par X")."""
    verb = toks[k]
    if not verb.dep.startswith("acl") or verb.feat("VerbForm") != "Part":
        return None
    return toks[verb.head] if any(t.head == k and t.dep in _AGENT for t in span) else None


def _idiom_object(toks: list[Tok], k: int, end: int, span: list[Tok],
                  phrase: Callable[[Tok], str | None]) -> str | None:
    """The noun phrase a set phrase from ``k`` to ``end`` bears on ("a fait le point sur les
    écoles", "took stock of the operation"), never the set phrase's own words."""
    def on_idiom(t: Tok) -> bool:
        head = toks[t.head]
        return k <= t.head <= end or head.pos == "ADP" and k <= head.head <= end
    return next((found for t in span if t.i > end and on_idiom(t)
                 and t.dep.startswith(("obl", "nmod", "obj", "pobj"))
                 and (found := phrase(t))), None)


@cache
def _object_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where an object ends (punctuation or an ``object_ends`` word) and the lead word cut from
    its start (``object_lead_words``, longest first, written with their space or apostrophe)."""
    ends = alternation(all_languages("lang/claims.yaml", "object_ends"))
    lead = sorted(all_languages("lang/claims.yaml", "object_lead_words"), key=len, reverse=True)
    return (re.compile(rf"\s*(?:[;(:«»“”]|,(?!\d)|\s(?:{ends})\s)"),
            re.compile("^(?:" + "|".join(re.escape(w) for w in lead) + ")", re.I))


def _clean(span: str, lang: str) -> str | None:
    """The noun phrase alone: cut at a relative or agent word, no leading "de", no trailing
    function word ("a flash audit of" → "a flash audit"), never punctuation alone."""
    stop, lead = _object_patterns()
    span = stop.split(span, maxsplit=1)[0]
    words_ = lead.sub("", " ".join(span.split())).strip(" .;,-–—\"«»“”").split()
    while words_ and (is_closed(words_[-1], lang) or not any(c.isalnum() for c in words_[-1])):
        words_.pop()
    span = " ".join(words_)
    return span[:160] if any(c.isalpha() for c in span) else None
