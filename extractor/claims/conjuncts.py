"""Who else does what an actor does: the actions joined to its verb by a conjunction ("a
recruté 12 médecins et ouvrira deux centres"), also where a dash or a bracket broke the
parse. The :class:`Role` record (an actor group and the token of what it did) lives here,
where :mod:`extractor.claims.roles` and the anaphora rules both take it from."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.claims.actions import is_word_of
from extractor.claims.inversion import reporting_after_comma
from extractor.claims.sentences import Sentence, Tok
from extractor.records import Mention


@dataclass(frozen=True)
class Role:
    """A group of actors and the token naming what they did, with how it was found."""

    actors: tuple[Mention, ...]
    how: str
    trigger: int


def _noun_subject(toks: list[Tok], verb: Tok) -> bool:
    lo, hi = max(0, verb.i - 30), min(len(toks), verb.i + 30)
    return any(t.head == verb.i and t.dep.startswith("nsubj") and t.pos in ("NOUN", "PROPN")
               for t in toks[lo:hi])


def coordinated(toks: list[Tok], unit: Sentence, role: Role, lang: str) -> list[Role]:
    """The same actors' other actions joined to the first by a conjunction, with no subject
    of their own ("a recruté 12 médecins et ouvrira deux centres")."""
    out = []
    # the trigger, the infinitives it governs ("a fait évacuer le squat et a relogé …") and what
    # a reporting verb reports with no noun subject ("said it had dismantled … and arrested")
    reports = is_word_of(toks[role.trigger], "reporting", lang)
    heads = {role.trigger} | {t.i for t in toks[unit.lo:unit.hi] if t.head == role.trigger
                              and t.pos == "VERB" and (t.dep == "xcomp" or reports and t.dep
                                                       == "ccomp" and not _noun_subject(toks, t))}
    for t in toks[unit.lo:unit.hi]:
        if reporting_after_comma(toks, t, lang):
            continue  # "X a ouvert trois centres, a indiqué Y": Y's words, not X's act
        if t.head in heads and t.i not in heads and t.dep == "conj" \
                and t.pos == "VERB" and not any(  # nor what they undergo ("et n'a pas été
                    c.head == t.i and c.dep.startswith(("nsubj", "aux:pass", "auxpass"))
                    for c in toks[unit.lo:unit.hi]):  # redéfinie")
            out.append(Role(role.actors, role.how, t.i))
        elif _orphan_conjunct(toks, unit, role.trigger, t):
            out.append(Role(role.actors, role.how, t.i))
    return out


def _orphan_conjunct(toks: list[Tok], unit: Sentence, trigger: int, t: Tok) -> bool:
    """A finite verb after a conjunction that the parser joined to no verb, when a dash or
    a bracket broke the sentence ("la Région a choisi un cabinet - RemplaFrance - et vient
    de lancer une campagne": "vient" hung on the dash): it continues the clause before it,
    when no verb in between has a subject of its own."""
    if t.dep != "conj" or t.pos != "VERB" or t.i <= trigger or toks[t.head].pos in (
            "VERB", "AUX") or not any(c.head == t.i and c.dep == "cc" for c in toks[t.i - 1:t.i]):
        return False
    span = toks[unit.lo:unit.hi]
    if t.feat("VerbForm") != "Fin" and not any(  # a participle with no auxiliary describes
            c.head == t.i and c.dep.startswith("aux") for c in span):  # ("et doté de …")
        return False
    return not any(c.dep.startswith(("nsubj", "aux:pass", "auxpass"))
                   and (c.head == t.i or trigger < c.head < t.i) for c in span)


__all__ = ["Role", "coordinated"]
