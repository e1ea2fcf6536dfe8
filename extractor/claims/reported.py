"""What a speaker's verb of saying reports: an act the speaker puts in place or promises
("a assuré que l'opération durera", "a réaffirmé sa volonté de créer 300 places"), a review
of results ("a reconnu que"), else the words themselves, a statement. Read by
:mod:`extractor.claims.interpret` and by the quotation rules."""

from __future__ import annotations

from extractor.claims.actions import action_of, is_word_of, light_action, phrasal_action
from extractor.claims.kind import negated, verb_kind
from extractor.claims.predicates import complements, passive
from extractor.claims.promised import promised_subject, subject_act
from extractor.claims.said import speech_act
from extractor.claims.sentences import Tok, relative_clause, words
from extractor.nlp.models import quote_marks
from extractor.text.fold import fold

_MARK_DEPS = ("mark", "case", "aux")  # "de", "à", "to" before an intended act


def reported(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int]:
    """What a subject's verb of saying reports: the act of its clause when the speaker does
    it or puts in place what the clause is about; else the words, a statement."""
    for child in complements(toks, k, ("xcomp", "ccomp", "obj", "dobj")):
        if relative_clause(toks, child) or _asked(toks, child, lang):
            continue  # "a rappelé le point d'indice, qui n'a pas évolué": not what was said
        if (meant := intended(toks, child, lang)) is not None:
            return meant
        action = phrasal_action(toks, child, lang) or action_of(child, lang)  # "mis en place"
        # "a assuré que l'opération durera …": what the speaker puts in place, promised
        # "a confirmé que l'état de catastrophe naturelle serait reconnu dès mercredi": an
        # act with no agent named, its doer the speaker who tells it will be done; not one
        # whose agent is named ("sera fermé par l'ARS": the agency's)
        agent = _agent_named(toks, child)
        promise = child.pos in ("VERB", "AUX") and not agent and (promised_subject(
            toks, child.i, lang) or passive(toks, child)) \
            and verb_kind(toks, child.i, lang) == "commitment"
        if promise and not negated(toks, child.i):
            inf = infinitive(toks, child.i, lang)  # "will help fund": fund
            action = action or (action_of(inf, lang) if inf else None) \
                or subject_act(toks, child.i, lang) or light_action(child, lang) or child.lemma
            return action, "commitment", child.i
        # "ajoute que 92 % des logements ont été rénovés": a passive with no agent, done by
        # nobody the text names (no claim, says the guide), so the words are the claim
        if action and child.pos in ("VERB", "AUX") and not own_subject(toks, child.i) \
                and not own_subject(toks, child.i, undergoes=True) and not negated(toks, child.i):
            return action, verb_kind(toks, child.i, lang), child.i  # "cannot be met": none
    if _admits(toks, k, lang):
        return speech_act(toks[k], lang), "assessment", k
    return "state", "statement", k


def _admits(toks: list[Tok], k: int, lang: str) -> bool:
    """A verb of admitting or of verdict that reports words, a clause ("a reconnu que",
    "admitted that") or a quoted noun ("a reconnu une « erreur »"): the speaker's review of
    results, an assessment; not an act on a thing ("a reconnu l'état de catastrophe")."""
    if not any(is_word_of(toks[k], s, lang) for s in ("admission_verbs", "verdict_verbs")):
        return False
    return any(t.head == k and t.dep == "ccomp" for t in toks[k + 1:k + 30]) or any(
        t.text[:1] in quote_marks() for t in toks[k + 1:k + 10])


def _asked(toks: list[Tok], clause: Tok, lang: str) -> bool:
    """An indirect question ("n'a pas précisé si les fonds seraient débloqués", "did not say
    whether funds would be released", "asked whether the region would pay"): what it asks
    about is asserted by nobody, the speaker's words are the claim."""
    marks = words("question_marks", lang)
    return any(t.head == clause.i and t.dep == "mark" and fold(t.text) in marks
               for t in toks[max(0, clause.i - 8):clause.i])


def _agent_named(toks: list[Tok], verb: Tok) -> bool:
    """A passive with its agent ("sera fermé par l'ARS", "will be run by the City")."""
    return passive(toks, verb) and bool(complements(toks, verb.i, ("obl:agent", "agent")))


def infinitive(toks: list[Tok], k: int, lang: str) -> Tok | None:
    """The infinitive a verb governs (also one the tagger gave another verb form:
    "va venir l'officialiser" read "officialiser" as a participle)."""
    return next((c for c in complements(toks, k, ("xcomp",)) if c.pos == "VERB"
                 and c.lemma.isalpha() and (c.feat("VerbForm") == "Inf" or fold(c.text).endswith(
                     tuple(words("infinitive_endings", lang))))), None)


def own_subject(toks: list[Tok], k: int, undergoes: bool = False) -> bool:
    """A reported clause with a subject of its own, a noun ("she warned that crack use had
    tripled"): what it reports is not the speaker's act; a pronoun or a passive subject
    ("announced that 300 officers would be deployed") may be. With ``undergoes``, a passive
    subject of any kind ("que les logements ont été rénovés"), not a speaker's infinitive
    ("indique avoir renforcé")."""
    lo, hi = max(0, k - 30), min(len(toks), k + 30)
    return any(t.head == k and (t.dep in ("nsubj:pass", "nsubjpass") if undergoes else (
        t.dep == "nsubj" and t.pos in ("NOUN", "PROPN", "NUM"))) for t in toks[lo:hi])


def intended(toks: list[Tok], noun: Tok, lang: str) -> tuple[str, str, int] | None:
    """An intention the speaker states its own ("a réaffirmé sa volonté de créer 5 000
    places", "a rappelé son engagement à financer", "confirmed its intention to close"): the
    speaker's commitment to the act the noun's infinitive names, whatever the verb of saying."""
    act = intended_act(toks, noun, lang)
    if act is None:
        return None
    return action_of(act, lang) or phrasal_action(toks, act, lang) or act.lemma, "commitment", act.i


def intended_act(toks: list[Tok], noun: Tok, lang: str) -> Tok | None:
    """The infinitive an intention noun (``intention_nouns``) governs ("sa volonté de créer",
    "its decision to close"), or None: the act intended, not a measure of its own."""
    if noun.pos != "NOUN" or fold(noun.lemma) not in words("intention_nouns", lang):
        return None
    marks = words("intention_marks", lang)
    return next((c for c in complements(toks, noun.i, ("acl", "xcomp", "advcl", "nmod"))
                 if c.pos == "VERB" and c.i > noun.i and any(
                     fold(m.text) in marks for m in complements(toks, c.i, _MARK_DEPS))), None)


__all__ = ["infinitive", "intended", "intended_act", "own_subject", "reported"]
