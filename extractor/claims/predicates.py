"""What a predicate says about its actor: the promise a quotation or a promising verb makes,
whether an action is dated after the document, whether a sentence only compares amounts,
the tense a list's introduction gives its items.

Readings of one predicate, apart from the loop that finds predicates (:mod:`extract`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache
from itertools import takewhile

from extractor.claims.actions import (
    action_of,
    is_word_of,
    light_action,
    phrasal_action,
    speech_name,
)
from extractor.claims.kind import any_language_words, is_past, negated, promising, verb_kind
from extractor.claims.promised import promised_subject, subject_act
from extractor.claims.sentences import Sentence, Tok, lex, relative_clause, words
from extractor.text.fold import fold


def quoted_acts(toks: list[Tok], start: int, end: int,
                lang: str) -> list[tuple[str, str, int]]:
    """What the speaker commits to or reports doing inside a quotation: each of its own
    predicates that promises ("« On investira 500.000 euros … »", "« Nous porterons le
    budget à 4 milliards »"), and each act the speakers say they did ("« we have launched an
    experiment in 18 departments »"). A quotation with neither is the speaker's statement."""
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    inside = [t for t in toks[first:] if t.start < end]
    own = [t for t in inside if t.pos in ("VERB", "AUX") and _predicate_of_quote(
        toks, t, start, end, lang)]
    out: list[tuple[str, str, int]] = []
    for tok in own:
        found = _quoted_act(toks, tok, lang)
        if found is not None and found[0] not in {a for a, _, _ in out}:
            out.append(found)
    # "« Je vous annonce que dix nouvelles usines vont sortir de terre »": what others will
    # do, announced by the speakers themselves, is their promise
    announced = next((t for t in own if is_word_of(t, "reporting", lang) and promising(t, lang)
                      and _speaker_subject(toks, t.i, lang) and not is_past(toks, t.i)
                      and not negated(toks, t.i)), None)
    if not out and announced is not None:
        out.append((_announced(announced, lang), "commitment", announced.i))
    aimed = None if out else _goal_infinitive(inside, lang)
    if aimed is not None:  # "« L'objectif est de créer 500 places »", "“The goal is to …”"
        out.append((str(action_of(aimed, lang)), "commitment", aimed.i))
    return out


def _goal_infinitive(inside: list[Tok], lang: str) -> Tok | None:
    """The infinitive a goal noun is said to be ("l'objectif est de créer", "our aim is to
    open"), when it names an action: read on the words, whatever the parse made of them."""
    goals, copulas = words("goal_nouns", lang), words("auxiliary_lemmas", lang)
    for i, t in enumerate(inside[:-3]):
        if t.pos == "NOUN" and fold(t.lemma) in goals and fold(inside[i + 1].lemma) in copulas:
            inf = next((u for u in inside[i + 2:i + 4] if u.pos == "VERB"), None)
            if inf is not None and inf.feat("VerbForm") == "Inf" and action_of(inf, lang):
                return inf
    return None


def _announced(tok: Tok, lang: str) -> str:
    """The English name of a promising verb of speech ("annonce" → announce)."""
    return speech_name(tok, lang) or (
        fold(tok.lemma) if lex("speech_acts_are_lemmas", lang) is True else "announce")


def _predicate_of_quote(toks: list[Tok], tok: Tok, start: int, end: int, lang: str) -> bool:
    """The quotation's own predicate: its root, a verb coordinated with it, or the clause
    a speaker's own announcing verb introduces ("I am announcing that we are generalizing")."""
    seen = 0
    while seen < 4:
        head = toks[tok.head]
        if head.i == tok.i or not start <= head.start < end:
            return True
        if tok.dep == "conj" or (tok.dep in ("ccomp", "xcomp") and _speaker_subject(
                toks, head.i, lang) and is_word_of(head, "reporting", lang)) or (
                tok.dep == "xcomp" and is_word_of(head, "commitment_markers", lang)):
            tok, seen = head, seen + 1
            continue
        return False
    return False


def _quoted_act(toks: list[Tok], tok: Tok, lang: str) -> tuple[str, str, int] | None:
    if negated(toks, tok.i) or is_word_of(tok, "reporting", lang) or (is_word_of(
            tok, "commitment_markers", lang) and complements(toks, tok.i, ("xcomp",))):
        return None  # "we must not be forced": no promise; "I am announcing", "prévoit de
        # dépenser": the clause they govern is the act
    kind = verb_kind(toks, tok.i, lang)
    speaker = _speaker_subject(toks, tok.i, lang)
    action = action_of(tok, lang) or phrasal_action(toks, tok, lang)
    if action is None and kind == "commitment" and tok.pos == "VERB" and tok.lemma.isalpha():
        # "nous porterons le budget à …", "le gouvernement veut faire du vélo …": a light
        # verb promised; any verb the speakers promise themselves
        action = subject_act(toks, tok.i, lang) or light_action(tok, lang) or (
            tok.lemma if speaker or promised_subject(toks, tok.i, lang) else None)
    if action is None:
        return None
    if kind == "commitment" and (_exhorted(toks, tok, action, lang) or _forecast(toks, tok, lang)):
        return None  # "« Nous devons nous hisser à la hauteur »": words, no promise
    if kind == "commitment" or (speaker and is_past(toks, tok.i)):
        return action, kind, tok.i
    return None


def _exhorted(toks: list[Tok], tok: Tok, action: str, lang: str) -> bool:
    """The act is the speakers' own obligation in the present ("nous devons assumer", "we
    must continue"), not money they put in: an exhortation."""
    if action in words("money_actions"):
        return False
    modals = words("obligation_modals", lang)
    lo, hi = max(0, tok.i - 6), min(len(toks), tok.i + 2)
    gov = toks[tok.head] if tok.dep == "xcomp" and 0 <= tok.head < len(toks) else None
    if gov is not None and fold(gov.lemma) in modals and gov.feat("Mood") != "Cnd" \
            and _speaker_subject(toks, gov.i, lang):
        return True
    return _speaker_subject(toks, tok.i, lang) and any(
        t.head == tok.i and t.dep.startswith("aux") and fold(t.lemma) in modals
        for t in toks[lo:hi])


def _forecast(toks: list[Tok], tok: Tok, lang: str) -> bool:
    """The future of a thing no one puts in place ("le retour à la normale prendra du temps",
    "les augmentations vont conduire à une hausse"): a forecast, not a promise; the future
    of a thing an actor provides ("la ligne sera opérationnelle") stays one."""
    lo, hi = max(0, tok.i - 20), min(len(toks), tok.i + 20)
    kids = [t for t in toks[lo:hi] if t.head == tok.i]
    bodies = words("generic_body_nouns", lang)  # "la collectivité apportera": a body acts
    return any(t.dep == "nsubj" and t.pos == "NOUN" and fold(t.text) not in bodies
               for t in kids) and not any(t.dep in ("aux:pass", "auxpass") for t in kids) \
        and not promised_subject(toks, tok.i, lang)


def _speaker_subject(toks: list[Tok], k: int, lang: str) -> bool:
    """The predicate's subject is the speaker ("nous", "on", "je", "we", "I")."""
    pronouns = words("first_person_subjects", lang)
    lo, hi = max(0, k - 12), min(len(toks), k + 12)
    return any(t.head == k and t.dep.startswith("nsubj") and fold(t.text) in pronouns
               for t in toks[lo:hi])


@cache
def _promising_acts() -> frozenset[str]:
    return any_language_words("promise_verbs") | any_language_words("commitment_markers")


def time_anchored(toks: list[Tok], unit: Sentence, k: int, lang: str) -> bool:
    """The noun at ``k`` follows a preposition of time, over its article ("après les
    accusations de X", "deux mois après la création de"): an event that dates another. Not
    a promise, which stays its author's commitment however it is recalled ("following the
    promise of the mayor")."""
    if action_of(toks[k], lang) in _promising_acts():
        return False
    anchors = words("time_anchor_prepositions", lang)
    j = k - 1
    while j >= unit.lo and toks[j].pos in ("DET", "ADJ", "NUM"):
        j -= 1
    return j >= unit.lo and fold(toks[j].text) in anchors


def attributed_promise(toks: list[Tok], unit: Sentence, lang: str) -> tuple[str, int] | None:
    """The act a sentence's main verb promises, when the sentence is attributed to a source
    ("State allocations will increase by 5%, according to the minister"): the source's
    commitment, not an estimate."""
    root = next((t for t in toks[unit.lo:unit.hi] if t.head == t.i), None)
    if root is None or root.pos != "VERB" or negated(toks, root.i) \
            or verb_kind(toks, root.i, lang) != "commitment":
        return None
    # "seront portées à 2 000": raise
    action = action_of(root, lang) or phrasal_action(toks, root, lang) or light_action(root, lang)
    return (action, root.i) if action else None


def promised(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int]:
    """A promise ("a promis l'éradication", "pledged to open", "avait promis 100 milliards")
    is a commitment to what is promised, or to the promise itself when it names no action;
    reported later, it is still the promiser's commitment."""
    # not an adverbial clause: "Pour lutter contre le fléau, le gouvernement a annoncé …"
    # gives the aim of the announcement, not what it announces
    for child in complements(toks, k, ("xcomp", "ccomp", "obj", "dobj")):
        action = None if relative_clause(toks, child) else action_of(child, lang)
        if action:
            # "announced that 300 officers had been deployed": done, whoever announces it;
            # "a annoncé la signature d'un protocole": signed
            done = child.dep == "ccomp" and is_past(toks, child.i) or child.pos == "NOUN" and \
                _done_when_announced(action)
            return action, "achievement" if done else "commitment", child.i
    # the object the parser lost behind a date ("a annoncé, mardi 17 septembre, le lancement")
    after = next((t for t in takewhile(lambda t: t.text not in _STOPS, toks[k + 1:k + 10])
                  if t.pos in ("VERB", "AUX") or t.pos == "NOUN" and action_of(t, lang)), None)
    if after is not None and after.pos == "NOUN":
        act = str(action_of(after, lang))
        return act, "achievement" if _done_when_announced(act) else "commitment", after.i
    return action_of(toks[k], lang) or _announced(toks[k], lang), "commitment", k


def _done_when_announced(action: str) -> bool:
    """An act that took place once announced (``announced_done_acts``: a signing)."""
    return action in {str(a) for a in lex("announced_done_acts") or []}


def passive(toks: list[Tok], verb: Tok) -> bool:
    """A passive verb, by its morphology or, where the model gives none (English), by its
    passive subject or auxiliary."""
    lo, hi = max(0, verb.i - 8), min(len(toks), verb.i + 2)
    return verb.feat("Voice") == "Pass" or any(
        t.head == verb.i and t.dep in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass")
        for t in toks[lo:hi])


def active_verb(toks: list[Tok], k: int) -> bool:
    """A finite verb in the active voice: "par"/"by" after it gives a means or a credit, never
    the agent, which only a passive participle or an act's noun takes."""
    return toks[k].pos == "VERB" and toks[k].feat("VerbForm") == "Fin" \
        and not passive(toks, toks[k])


_STOPS = (".", "!", "?", ";")  # the sentence ends: what follows is not what was promised


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


def budgeted(tok: Tok, action: str, auxes: Sequence[Tok] = ()) -> bool:
    """Money put on an action in the present ("la métropole investit 70 M€", "the region
    funds 80 places", "the 6.4 billion are mobilised by the State") is a budget, pledged,
    not yet spent: a commitment. The past ("a financé", "funded") is what was done."""
    if action not in {str(a) for a in lex("money_actions") or []}:
        return False
    if tok.feat("VerbForm") == "Part":  # a present passive: its auxiliary's tense
        return any(a.dep in ("aux:pass", "auxpass") and a.feat("Tense") == "Pres"
                   for a in auxes)
    return tok.pos in ("VERB", "AUX") and tok.feat("Tense") == "Pres" and tok.feat(
        "VerbForm") in ("Fin", "")


def boilerplate(text: str, unit: Sentence, lang: str) -> bool:
    """A link or caption between paragraphs ("> A lire aussi : …"), or the writer's own
    question ("L'État va-t-il enfin améliorer la distribution de l'eau ?", "Will the city
    pay?"): no claim of this text, as a question asserts nothing. A quoted question is a
    speaker's words, read as such."""
    head = fold(text[unit.start:unit.start + 40]).lstrip(" >*-•#|")
    said = text[unit.start:unit.end]
    return any(head.startswith(lead) for lead in words("boilerplate_leads", lang)) or (
        said.rstrip().endswith("?") and not any(q in said for q in lex("quotes") or {}))


def unit_intro(toks: list[Tok], units: list[Sentence], index: int) -> str | None:
    """For a bullet item, the tense of the sentence introducing the list: items of a list
    of things done ("Différentes mesures ont été prises … :") are achievements."""
    if not units[index].bullet:
        return None
    for unit in reversed(units[:index]):
        if unit.bullet:
            continue
        verbs = [t for t in toks[unit.lo:unit.hi] if t.pos in ("VERB", "AUX")]
        return "achievement" if not any(t.feat("Tense") == "Fut" for t in verbs) and any(
            is_past(toks, t.i) for t in verbs) else "commitment"
    return None
