"""Things an actor puts in place, as the subject of a future verb it reports ("a assuré que
l'opération durera", "said the new tax will help fund the scheme", "les contrôles auront
lieu partout, a précisé la ministre"): the speaker's promise, not a forecast; and the act
such a subject names when its verb names none ("les décaissements se feront": pay).

Kept apart from :mod:`extractor.claims.predicates` so the reported-speech rules read them
without the quotation rules.
"""

from __future__ import annotations

from functools import cache

from extractor.claims.sentences import Tok, lex, mapping, words
from extractor.text.fold import fold


def promised_subject(toks: list[Tok], k: int, lang: str) -> bool:
    """The predicate's subject is a thing an actor puts in place ("l'opération durera",
    "the remaining prisoners will be sent", "la ligne sera opérationnelle"): its future,
    reported by the actor, is the actor's promise, not a forecast."""
    things = _promised_things(lang)
    lo, hi = max(0, k - 20), min(len(toks), k + 20)
    return any(t.head == k and t.dep.startswith("nsubj") and t.pos == "NOUN"
               and (fold(t.lemma) in things or fold(t.text) in things) for t in toks[lo:hi])


def subject_act(toks: list[Tok], k: int, lang: str) -> str | None:
    """The act a predicate's subject names, for a verb that names none of its own ("les
    contrôles auront lieu", "les décaissements se feront"): inspect, pay; only a measure
    put in place (``promised_things``' acts), not a phenomenon ("la hausse sera forte")."""
    acts = _provided_acts(lang)
    lo, hi = max(0, k - 20), min(len(toks), k + 20)
    return next((acts[w] for t in toks[lo:hi] if t.head == k and t.dep.startswith("nsubj")
                 for w in (fold(t.lemma), fold(t.text)) if w in acts), None)


@cache
def _provided_acts(lang: str) -> dict[str, str]:
    """Folded noun → action, of the nouns that name a measure an actor puts in place."""
    acts = set(lex("promised_things").get("acts") or [])
    own = ((lex("promised_things").get("act_nouns") or {}).get(lang) or {}).items()
    return {n: action for n, action in mapping("nouns", lang).items() if action in acts} | {
        fold(str(n)): str(action) for n, action in own}


@cache
def _promised_things(lang: str) -> frozenset[str]:
    return words("promised_things", lang) | words("plan_nouns", lang) \
        | words("budget_nouns", lang) | frozenset(_provided_acts(lang))


__all__ = ["promised_subject", "subject_act"]
