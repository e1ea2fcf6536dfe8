"""What a predicate says about its actor: the promise a quotation or a promising verb makes,
whether an action is dated after the document, whether a sentence only compares amounts.

Readings of one predicate, apart from the loop that finds predicates (:mod:`extract`).
"""

from __future__ import annotations

import bisect

from extractor.claims.actions import action_of, is_word_of, phrasal_action
from extractor.claims.kind import negated, verb_kind
from extractor.claims.sentences import Sentence, Tok, lex, words
from extractor.text.fold import fold


def quoted_promise(toks: list[Tok], start: int, end: int,
                    lang: str) -> tuple[str, str, int] | None:
    """The speaker's own promise inside a quotation ("« On investira 500.000 euros … »"):
    the speaker's commitment to that action, not a mere statement."""
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    for tok in toks[first:]:
        if tok.start >= end:
            break
        if tok.pos not in ("VERB", "AUX"):
            continue
        head = toks[tok.head]
        if start <= head.start < end and head.i != tok.i:
            continue  # not the quotation's own predicate
        action = action_of(tok, lang) or phrasal_action(toks, tok, lang)
        if action and verb_kind(toks, tok.i, lang) == "commitment" \
                and not negated(toks, tok.i):  # "we must not be forced": no promise
            return action, "commitment", tok.i
    return None


def promised(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int]:
    """A promise ("a promis l'éradication", "pledged to open", "avait promis 100 milliards")
    is a commitment to what is promised, or to the promise itself when it names no action;
    reported later, it is still the promiser's commitment."""
    for child in complements(toks, k):
        action = action_of(child, lang)
        if action:
            return action, "commitment", child.i
    return action_of(toks[k], lang) or "promise", "commitment", k


def complements(toks: list[Tok], k: int,
                 deps: tuple[str, ...] = ("xcomp", "ccomp", "advcl", "obj", "dobj")) -> list[Tok]:
    lo, hi = max(0, k - 30), min(len(toks), k + 30)
    return [t for t in toks[lo:hi] if t.head == k and t.i != k and t.dep in deps]


def later(date: str | None, published: str | None) -> bool:
    """Whether an action's date comes after the document's (compared at the coarser
    precision of the two; a period by its start)."""
    if not date or not published:
        return False
    a, b = date.split("/")[0], published.split("/")[0]
    size = min(len(a), len(b))
    return a[:size] > b[:size]


def compares(toks: list[Tok], unit: Sentence, lang: str) -> bool:
    """The unit's main verb compares amounts ("dépasse", "exceeded", "falls short of")."""
    return any(t.pos == "VERB" and not t.dep.startswith("acl")
               and is_word_of(t, "comparison_verbs", lang) for t in toks[unit.lo:unit.hi])


def reports(tok: Tok, lang: str) -> bool:
    return is_word_of(tok, "reporting", lang) or is_word_of(tok, "assessing", lang)


def budgeted(tok: Tok, action: str) -> bool:
    """Money put on an action in the present ("la métropole investit 70 M€", "the region
    funds 80 places") is a budget, pledged, not yet spent: a commitment. The past ("a
    financé", "funded") is what was done."""
    if action not in {str(a) for a in lex("money_actions") or []}:
        return False
    return tok.pos in ("VERB", "AUX") and tok.feat("Tense") == "Pres" and tok.feat(
        "VerbForm") in ("Fin", "")


def boilerplate(text: str, unit: Sentence, lang: str) -> bool:
    """A link or caption between paragraphs ("> A lire aussi : …"): no claim of this text."""
    head = fold(text[unit.start:unit.start + 40]).lstrip(" >*-•#|")
    return any(head.startswith(lead) for lead in words("boilerplate_leads", lang))
