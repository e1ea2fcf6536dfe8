"""The claims of quotations: what a speaker's quoted words commit, report, judge or state.

A quotation whose words promise or tell the speaker's acts gives those acts
(:func:`extractor.claims.predicates.quoted_acts`); else its reporting verb decides: a promise
("a promis"), a verdict or an estimate ("a jugé le tribunal", "estime le syndicat" over a
figure: an assessment), an auditor's words (its assessment), or a statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractor.claims.actions import is_word_of
from extractor.claims.goals import set_goal
from extractor.claims.kind import (
    auditor_judging,
    judged,
    judging_verb,
    negated,
    pledged_between,
    promised_between,
    tokens_between,
    verb_kind,
)
from extractor.claims.predicates import quoted_acts
from extractor.claims.quoted import Quoted
from extractor.claims.record import actor_key, make_claim, placeholder
from extractor.claims.reported import reported
from extractor.claims.said import speech_act
from extractor.claims.sentences import Sentence, Tok
from extractor.records import Claim, Document, Mention
from extractor.text.spans import SpanIndex


def quoted_claims(document: Document, quoted: Sequence[Quoted], toks: list[Tok],
                  mentions: SpanIndex[Mention],
                  starts: list[int]) -> tuple[list[Claim], set[tuple[str, str, int]]]:
    """The claims of each quotation: the speaker's commitments and reported acts when it
    promises or tells what the speaker did ("« On investira … »", "« we have launched … »"),
    else one statement, or an auditor's assessment; with the (speaker, action, unit) each
    covers."""
    out: list[tuple[Quoted, Claim]] = []
    for q in quoted:
        # "Les objectifs du gouvernement : « 100 % prévention »": a goal, whatever its figures
        goal = set_goal(document.text[q.unit.start:q.start], document.lang)
        lo, hi = q.verb_span()
        # "« … 5,3 % … », a annoncé le ministre": a promise, whatever its shares
        auditor = not goal and (judged(q.speaker, document.text[q.start:q.end], document.lang)
                                or auditor_judging(q.speaker, toks, lo, hi, document.lang)) \
            and not promised_between(toks, lo, hi, document.lang)
        acts = [] if auditor else quoted_acts(toks, q.start, q.end, document.lang)
        said = not acts  # what the reporting verb takes is the quotation, not an object
        acts = acts or [_words_act(document, q, toks, mentions, auditor, goal)]
        out += [(q, replace(claim, object=None) if said else claim) for claim in (
            make_claim(document, q.unit, q.speaker, action, kind, k, toks, mentions, starts,
                   "quotation", (placeholder(q.speaker), "stated")) for action, kind, k in acts)]
    # "“…”, it is “…” and “…”, greeted the Prime Minister": one statement, not three
    stated: set[tuple[str, Sentence]] = set()
    kept = []
    for q, c in out:
        if c.action == "state":
            if (actor_key(q.speaker), q.unit) in stated:
                continue
            stated.add((actor_key(q.speaker), q.unit))
        kept.append((q, c))
    out = kept
    return [c for _, c in out], {(actor_key(q.speaker), c.action, q.unit.start) for q, c in out}



def _words_act(document: Document, q: Quoted, toks: list[Tok], mentions: SpanIndex[Mention],
               auditor: bool, goal: bool) -> tuple[str, str, int]:
    """What quoted words that tell no act of the speaker's are: an auditor's assessment, a
    goal set, a promise ("a promis"), a verdict or an estimate of figures ("a jugé le
    tribunal", "« 200 grévistes », estime le syndicat": an assessment), else a statement."""
    lo, hi = q.verb_span()
    lang = document.lang
    if auditor:
        return "assess", "assessment", q.unit_token
    if goal:
        return "set", "commitment", q.unit_token
    first = next((t for t in toks[q.unit.lo:q.unit.hi] if q.start <= t.start < q.end
                  and t.pos == "VERB"), None)  # the words' first verb, however it hangs
    if first is not None and negated(toks, first.i) and verb_kind(
            toks, first.i, lang) == "commitment" and promised_between(toks, lo, hi, lang) \
            and not any(is_word_of(t, "promise_verbs", lang) for t in tokens_between(toks, lo, hi)):
        return "refuse", "statement", first.i  # "L'aide ne sera pas prolongée, a annoncé
        # le ministre": what will not be done is refused, not promised
    if pledged_between(toks, lo, hi, lang):
        return "promise", "commitment", q.unit_token
    # "a précisé qu'un chèque … serait versé … « d'ici la fin de l'année »": a quoted
    # fragment of a promise the reporting verb's clause tells
    verb = next((t for t in tokens_between(toks, lo, hi) if is_word_of(t, "reporting", lang)),
                None)
    promise = reported(toks, verb.i, lang) if verb is not None else None
    if promise is not None and promise[1] == "commitment" \
            and not q.start <= toks[promise[2]].start < q.end:  # told outside the quotation
        return promise
    figures = any(m.type in ("Money", "Quantity") for m in mentions.within(q.start, q.end))
    judge = judging_verb(toks, lo, hi, lang, figures)
    if judge is not None:
        return speech_act(judge, lang), "assessment", q.unit_token
    return "state", "statement", q.unit_token


__all__ = ["quoted_claims"]
