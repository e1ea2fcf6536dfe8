"""The measures a promise lists: "a annoncé la création de 60 places, l'ouverture d'un centre
et le renforcement des maraudes", "announced a plan providing for the creation of 60 places
and the opening of a centre". The annotation guidelines make each measure a plan lists a
commitment; the parser hangs the list on its first noun (conjuncts, appositions), and a plan
noun (``plan_nouns``) may stand between the verb and the list through a verb of listing
(``listing_verbs``: "prévoyant", "providing for"). Each action noun of the list is one act.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractor.claims.actions import action_of, is_word_of
from extractor.claims.predicates import complements
from extractor.claims.record import actor_key, make_claim
from extractor.claims.reported import intended_act
from extractor.claims.roles import Role
from extractor.claims.sentences import Sentence, Tok, words
from extractor.records import Claim, Document, Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex

_LIST = ("conj", "appos")
_OBJECTS = ("obj", "dobj")


def _first_items(toks: list[Tok], k: int, lang: str) -> list[Tok]:
    """The first noun of each list the verb's object is or introduces."""
    out: list[Tok] = []
    for obj in complements(toks, k, _OBJECTS):
        if intended_act(toks, obj, lang) is not None:
            continue  # "a réaffirmé sa volonté de créer …": the intention is the promise
        if obj.pos == "NOUN" and action_of(obj, lang):
            out.append(obj)
        elif fold(obj.lemma) in words("plan_nouns", lang) or fold(obj.text) in words(
                "plan_nouns", lang):
            for verb in complements(toks, obj.i, ("acl", "relcl", "acl:relcl")):
                if verb.pos == "VERB" and is_word_of(verb, "listing_verbs", lang):
                    out += _objects_of(toks, verb.i)
    return out


def _objects_of(toks: list[Tok], k: int) -> list[Tok]:
    """A listing verb's objects, over a preposition ("providing for the creation")."""
    found = complements(toks, k, _OBJECTS)
    for prep in complements(toks, k, ("prep",)):
        found += complements(toks, prep.i, ("pobj",))
    return found


def listed_measures(toks: list[Tok], k: int, lang: str) -> list[int]:
    """The action nouns of the lists the promising verb ``k`` announces, in order."""
    out: list[int] = []
    todo = _first_items(toks, k, lang)
    while todo:
        tok = todo.pop(0)
        if tok.i in out or tok.pos != "NOUN":
            continue
        if action_of(tok, lang):
            out.append(tok.i)
        todo += complements(toks, tok.i, _LIST)
        # the parser often joins the next measure to the last noun of this one ("the creation
        # of 60 places and the opening of a centre": "opening" hangs on "places")
        for inner in [*complements(toks, tok.i, ("nmod",)), *_objects_of(toks, tok.i)]:
            todo += [c for c in complements(toks, inner.i, _LIST) if action_of(c, lang)]
    return sorted(out)


@dataclass(frozen=True)
class Listing:
    """A promise found in a unit: who promised, through which role and token, and the
    attribution its claims carry."""

    document: Document
    unit: Sentence
    actor: Mention
    role: Role
    token: int
    source: tuple[str | None, str]


def measure_claims(promise: Listing, toks: list[Tok], located: SpanIndex[Mention],
                   starts: list[int], seen: set[tuple[str, str, int]]) -> list[Claim]:
    """A commitment for each other measure the promise lists, with only a figure written in
    its own words (up to the next measure)."""
    lang, unit = promise.document.lang, promise.unit
    measures = listed_measures(toks, promise.role.trigger, lang)
    ends = [toks[n].start for n in measures[1:]] + [unit.end]
    out = []
    for m, end in zip(measures, ends, strict=False):
        action = str(action_of(toks[m], lang))
        key = (actor_key(promise.actor), action, unit.start)
        if m == promise.token or key in seen:
            continue
        seen.add(key)
        claim = make_claim(promise.document, unit, promise.actor, action, "commitment", m,
                           toks, located, starts, promise.role.how, promise.source)
        own = located.within(toks[m].start, end)
        if claim.amount is not None and not any(
                f.value == claim.amount for f in own if f.type in ("Money", "Quantity")):
            claim = replace(claim, amount=None, unit=None)
        out.append(claim)
    return out


__all__ = ["Listing", "listed_measures", "measure_claims"]
