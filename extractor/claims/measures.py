"""The measures a promise lists: "a annoncé la création de 60 places, l'ouverture d'un centre
et le renforcement des maraudes", "announced a plan providing for the creation of 60 places
and the opening of a centre". The annotation guidelines make each measure a plan lists a
commitment; the parser hangs the list on its first noun (conjuncts, appositions), and a plan
noun (``plan_nouns``) may stand between the verb and the list through a verb of listing
(``listing_verbs``: "prévoyant", "providing for"). Each action noun of the list is one act.
"""

from __future__ import annotations

from extractor.claims.actions import action_of, is_word_of
from extractor.claims.predicates import complements
from extractor.claims.sentences import Tok, words
from extractor.text.fold import fold

_LIST = ("conj", "appos")
_OBJECTS = ("obj", "dobj")


def _first_items(toks: list[Tok], k: int, lang: str) -> list[Tok]:
    """The first noun of each list the verb's object is or introduces."""
    out: list[Tok] = []
    for obj in complements(toks, k, _OBJECTS):
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
        todo += [c for c in complements(toks, tok.i, _LIST)]
    return sorted(out)


__all__ = ["listed_measures"]
