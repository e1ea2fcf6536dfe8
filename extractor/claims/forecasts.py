"""A figure a speaker puts on what is to come: "Il a affirmé que la part de l'État serait
de 150 millions d'euros", "« 28 000 communes seront concernées », a-t-elle fait savoir",
"the plant will produce 1,200 tonnes a year, its chairman said".

Words said are a statement; but when what they say is a figure for something that will be
(a future or conditional verb whose clause holds the figure), the speaker forecasts it for
their own plan, which the annotation guidelines count as a commitment carrying that figure
("a figure an actor forecasts for its own plan"). Read by :func:`extractor.claims.record.
make_claim` for claims that would otherwise be statements without a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.claims.kind import negated, verb_kind
from extractor.claims.sentences import Sentence, Tok, hangs_on, tokens_in
from extractor.records import Mention

_FIGURES = ("Money", "Quantity")
_HOPS = 3  # a figure this many links below the verb is still in its clause


def forecast_figure(toks: list[Tok], unit: Sentence, k: int, mentions: Sequence[Mention],
                    lang: str) -> Mention | None:
    """The money or count that a future or conditional verb of the unit (not the trigger's
    own, not negated) has in its clause, or None."""
    figures = [m for m in mentions if m.type in _FIGURES and m.value is not None]
    if not figures:
        return None
    for t in toks[unit.lo:unit.hi]:
        if t.i == k or t.pos not in ("VERB", "AUX") or t.feat("VerbForm") == "Inf" \
                or verb_kind(toks, t.i, lang) != "commitment" or negated(toks, t.i):
            continue
        # a copula or an auxiliary stands for its predicate ("serait de 150 M€")
        head = toks[t.head] if t.dep in ("cop", "aux", "aux:tense") else t
        found = next((m for m in figures if _under(toks, unit, m, head.i)), None) \
            or _subject_cut_off(toks, unit, head, figures)
        if found is not None:
            return found
    return None


def _subject_cut_off(toks: list[Tok], unit: Sentence, verb: Tok,
                     figures: list[Mention]) -> Mention | None:
    """The figure a broken parse left before a verb with no subject ("1.000 places destinées
    aux femmes victimes de violences seront ouvertes": the parser made "places" a root of
    its own): the nearest before it, no finite verb in between."""
    span = toks[unit.lo:unit.hi]
    if any(t.head == verb.i and t.dep.startswith("nsubj") for t in span):
        return None
    before = [m for m in figures if m.end <= verb.start]
    if not before:
        return None
    last = max(before, key=lambda m: m.end)
    return None if any(last.end <= t.start < verb.start and t.feat("VerbForm") == "Fin"
                       and t.head != verb.i for t in span) else last


def _under(toks: list[Tok], unit: Sentence, m: Mention, i: int) -> bool:
    """Whether a token of the mention hangs on token ``i`` within a few links."""
    return any(m.start <= t.start < m.end and hangs_on(toks, t, i, _HOPS)
               for t in toks[unit.lo:unit.hi])




def said_sum(toks: list[Tok], unit: Sentence, mentions: Sequence[Mention],
             speaker: Mention) -> Mention | None:
    """The one sum of money a statement's sentence names outside its speaker's name: the
    figure of what is said ("« C'est 100.000 euros pour le département », reconnaît X",
    "Ce qui représente un coup de pouce de 650 millions, a précisé le ministère"), which a
    reader looks for beside the quote. Only a sum said of a pronoun ("c'est", "on a mis",
    "ce qui représente") or of the speaker: one whose clause has a noun for subject ("a
    déclaré que la ville avait perdu 3 M€") is that subject's, and its act, if any, carries
    it. With two sums or more, which one is the point is not known; a count is too often a
    side fact ("les 5,7 millions d'agents")."""
    sums = [m for m in mentions if m.type == "Money" and m.value is not None
            and not speaker.start <= m.start < speaker.end]
    if len(sums) != 1:
        return None
    subject = _subject_over(toks, unit, sums[0])
    if subject is not None and subject.pos in ("NOUN", "PROPN") \
            and not speaker.start <= subject.start < speaker.end:
        return None
    return sums[0]


def _subject_over(toks: list[Tok], unit: Sentence, m: Mention) -> Tok | None:
    """The subject of the nearest clause above the figure (a verb's, or a copular
    predicate's) within its sentence."""
    span = toks[unit.lo:unit.hi]
    tok = next(iter(tokens_in(toks, m.start, m.end)), None)
    for _ in range(_HOPS + 3):
        if tok is None:
            return None
        subject = next((t for t in span if t.head == tok.i and t.dep.startswith("nsubj")), None)
        if subject is not None or tok.head == tok.i or not unit.lo <= tok.head < unit.hi:
            return subject
        tok = toks[tok.head]
    return None


__all__ = ["forecast_figure", "said_sum"]
