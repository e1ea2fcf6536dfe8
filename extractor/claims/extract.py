"""Claims: which actor committed, did, judged or said what, tied to the exact sentence.

Rules over the dependency parse and the mentions, in any language with a section in
``ontology/lang/claims.yaml``: an actor acts as subject, passive agent ("par l'ARS"),
possessive ("un effort d'1M€ de la Ville") or speaker of a quotation; the action's tense,
mood and governing verbs give the kind; "selon"/"according to" and quotations give the
attribution. Actor, place and speaker ids are ``#mention-<start>-<end>`` placeholders that
the build replaces with entity IRIs after resolution.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractor import iris
from extractor.claims.actions import is_word_of, misread_verbs
from extractor.claims.anaphora import (
    anaphor_roles,
    salient_subjects,
)
from extractor.claims.attribution import attribution, source_at_start, speakers
from extractor.claims.continued_quotes import continued_quotes, repeated_quotes
from extractor.claims.gapping import gapped
from extractor.claims.groups import qualifier
from extractor.claims.holders import holder_of, office_holders
from extractor.claims.interpret import interpret
from extractor.claims.inverted import inverted_speakers
from extractor.claims.kind import hedged, is_auditor, judged, negated
from extractor.claims.lead_ins import lead_in_speakers
from extractor.claims.measures import Listing, measure_claims
from extractor.claims.predicates import (
    attributed_promise,
    boilerplate,
    compares,
    unit_intro,
)
from extractor.claims.quotation_claims import quoted_claims
from extractor.claims.quote_speakers import pronoun_source, pronoun_speakers
from extractor.claims.quoted import Quoted
from extractor.claims.record import (
    actor_key,
    by_speaker,
    make_claim,
    placeholder,
    said_once,
    spoken,
)
from extractor.claims.roles import ACTOR_TYPES, Role, relative_roles, roles
from extractor.claims.said import unasserted
from extractor.claims.sentences import (
    Sentence,
    Tok,
    lex,
    sentence_spans,
    sentences,
    tokens,
    words,
)
from extractor.claims.signed_lines import signed_lines
from extractor.records import Claim, Document, Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex

log = logging.getLogger(__name__)


def extract_claims(document: Document, parsed: Sequence[tuple[int, Any]],
                   mentions: Sequence[Mention]) -> list[Claim]:
    """Every claim of a document, one per actor and action, in text order."""
    try:
        return _extract(document, parsed, mentions)
    except Exception as exc:  # a bad parse must not stop a build of many documents
        log.warning("claims: %s skipped (%s: %s)", document.id, type(exc).__name__, exc)
        return []


def _extract(document: Document, parsed: Sequence[tuple[int, Any]],
             mentions: Sequence[Mention]) -> list[Claim]:
    text, lang = document.text, document.lang
    actors = _actors(mentions, text, lang)
    toks = misread_verbs(tokens(parsed), actors, lang)
    starts, all_units = _units(text, parsed, toks)
    located, by_actor = SpanIndex(mentions), SpanIndex(actors)
    holding = office_holders(actors, document.published, lang, text)
    carried = salient_subjects(toks, all_units, actors, holding, lang, text)
    quoted = _quotations(text, toks, all_units, actors, holding, carried, lang)
    marked = _marked(text, quoted)
    out, seen = quoted_claims(document, quoted, toks, located, starts)
    said, acted = by_speaker(out), {(k, s) for k, _, s in seen}  # quoted; who acted where
    persons, bodies = _persons_and_bodies(actors)
    for index, unit in enumerate(all_units):
        if boilerplate(text, unit, lang):
            continue
        inside, before = by_actor.within(unit.start, unit.end), len(out)
        anaphors = anaphor_roles(toks, unit, persons, inside, lang, carried[index], bodies, text)
        source = source_at_start(text, unit, inside, lang, persons) or pronoun_source(
            text, unit, persons, lang, carried[index], toks)
        if not inside and not anaphors and source is None:
            continue
        intro = unit_intro(toks, all_units, index)
        said_by, source = source, holder_of(holding, source) if source else None
        if source is not None and not spoken(out[before:], said, source, "state", unit):
            out.append(_source_claim(document, unit, source, toks, located, starts))
            seen.add((actor_key(source), out[-1].action, unit.start))
        acting = [m for m in inside if said_by is None or m.start != said_by.start]
        if compares(toks, unit, lang):  # "les dépenses … dépassent leurs engagements"
            finding = _audit_finding(document, unit, actors, toks, located, starts, out)
            out.extend([finding] if finding else [])
            continue
        acts = roles(toks, unit, text, acting, lang, persons) + (relative_roles(
            toks, unit, (said_by,), lang) if said_by else [])  # "Pour X, qui a ouvert …"
        for role in _unquoted(acts, toks, marked, lang) + anaphors:
            for actor in (holder_of(holding, a) for a in role.actors  # not the
                          if not unasserted(toks, role.trigger, lang, a.start)):  # State wished
                verb = toks[role.trigger]
                auditor = judged(actor, text[verb.start:unit.end], lang, verb) \
                    or _document_subject(toks, unit, role.trigger, lang)
                found = interpret(toks, role, lang, auditor, intro)
                if found is None:
                    continue
                action, kind, k = found
                key = (actor_key(actor), action, unit.start)
                if key in seen or role.how != "subject-relative" and spoken(
                        out[before:], said, actor, action, unit) or (
                        action == "state" and (key[0], unit.start) in acted):
                    continue  # "wants to equip itself …, it explained": one claim
                seen.add(key)
                acted.add((key[0], unit.start))
                src = attribution(text, unit, actor, actors, quoted, lang)
                out.extend(_with_pledge(make_claim(document, unit, actor, action, kind, k, toks,
                                               located, starts, role.how, src), actor_key(actor)))
                out += measure_claims(Listing(document, unit, actor, role, k, src), toks,
                                      located, starts, seen) if kind == "commitment" else []
    out += _gapped(document, out, located, seen)
    return said_once(sorted(out, key=lambda c: (c.start, c.actor_id, c.action)))


def _units(text: str, parsed: Sequence[tuple[int, Any]],
           toks: list[Tok]) -> tuple[list[int], list[Sentence]]:
    """The sentences' start offsets (what a claim's ``sentence`` counts) and the units
    claims quote (sentences, bullet items)."""
    sents = sentence_spans(parsed)
    return [s for s, _ in sents] or [0], sentences(text, sents, toks)


def _actors(mentions: Sequence[Mention], text: str, lang: str) -> list[Mention]:
    """The mentions that may act: persons and bodies; not a photo credit or a byline (who
    took the picture or wrote), nor a party qualifying a person ("a précisé l'élue (LR)")."""
    return [m for m in mentions if m.type in ACTOR_TYPES and m.source != "credit"
            and not qualifier(text, m, lang)]


def _gapped(document: Document, found: list[Claim], located: SpanIndex[Mention],
            seen: set[tuple[str, str, int]]) -> list[Claim]:
    """The same act of the actors of elliptical clauses after a claim's figure ("…, la
    Région 100 millions et le Département 50 millions"), each for its own figure."""
    out = []
    for c in found:
        for actor, figure in gapped(document.text, c, located.within(c.start, c.end),
                                    document.lang):
            if (actor_key(actor), c.action, c.start) not in seen:
                seen.add((actor_key(actor), c.action, c.start))
                out.append(replace(c, id=iris.claim(document.id, c.start, c.end, actor_key(actor),
                                                    c.action), actor=actor.text,
                                   actor_id=placeholder(actor), amount=figure.value))
    return out


def _source_claim(document: Document, unit: Sentence, source: Mention, toks: list[Tok],
                  located: SpanIndex[Mention], starts: list[int]) -> Claim:
    """What "selon X" / "according to X" attributes: a statement; an assessment when it
    judges, when it gives figures ("only 4,500 places delivered, according to figures
    from the chancellery": a count or estimate of results) or when it estimates ("les
    rendements pourraient être diminués", "there are likely to be more such cases")."""
    promise = attributed_promise(toks, unit, document.lang)
    if promise is not None:  # "allocations will increase by 5%, according to the minister"
        return make_claim(document, unit, source, promise[0], "commitment", promise[1], toks,
                      located, starts, "attribution", (placeholder(source), "stated"))
    root = next((t.i for t in toks[unit.lo:unit.hi] if t.head == t.i), None)
    judging = judged(source, document.text[unit.start:unit.end], document.lang) or any(
        m.type in ("Money", "Quantity") for m in located.within(unit.start, unit.end)) or (
        root is not None and hedged(toks, root, document.lang))  # "pourraient être", "likely"
    action, kind = ("assess", "assessment") if judging else ("state", "statement")
    return make_claim(document, unit, source, action, kind, _first(toks, unit, source), toks,
                  located, starts, "attribution", (placeholder(source), "stated"))


def _persons_and_bodies(actors: list[Mention]) -> tuple[list[Mention], tuple[Mention, ...]]:
    return ([m for m in actors if m.type == "Person"],
            tuple(m for m in actors if m.type == "Organization"))


def _marked(text: str, quoted: Sequence[Quoted]) -> SpanIndex[Quoted]:
    """The quotations in quotation marks, by position."""
    opening = lex("quotes") or {}
    return SpanIndex(sorted((q for q in quoted if text[q.start] in opening),
                            key=lambda q: q.start))


def _unquoted(found: list[Role], toks: list[Tok], marked: SpanIndex[Quoted],
              lang: str) -> list[Role]:
    """Roles less those inside quotation marks (``marked``: "« cet engagement de l'État »"),
    the speaker's words about a body, not its act (unmarked, "L'État apportera 300 M€, a
    indiqué la Région" keeps it), unless the words tell of its act (:func:`_told_act`); and
    less those of names before a quotation on the verb of its incise ("X et Y, « seront
    convoqués », a déclaré la ministre": her words)."""
    incises = [(p.unit.start, p.start, *p.verb_span()) for p in marked.items]
    out = []
    for r in found:
        at, first = toks[r.trigger].start, r.actors[0]
        q = marked.at(at)
        if q is None or not q.start <= first.start < q.end or _told_act(toks, r, lang):
            out += [r] if not any(u <= first.start and first.end <= s <= at and lo <= at < hi
                                  for u, s, lo, hi in incises) else []
    return out


def _told_act(toks: list[Tok], role: Role, lang: str) -> bool:
    """An act the speaker tells of in a main clause, its doer the subject or the passive
    agent ("« L'État va faire appel »", "« le dossier a été refusé par le conseil
    départemental »"): the doer's, as it would be unquoted; not what is denied, wished or
    supposed ("« il faut que l'État nous donne »", "« as long as the government has not »")."""
    verb = toks[role.trigger]
    main = verb.dep in ("ROOT", "root", "conj", "acl") or verb.dep == "ccomp" and is_word_of(
        toks[verb.head], "reporting", lang)  # English: '"…," said X' governs it
    return role.how in ("subject", "agent") and main and not negated(toks, verb.i)


def _with_pledge(claim: Claim, key: str) -> list[Claim]:
    """An act that puts money on the table ("a signé une convention de 3 M€", "adopted a £5m
    plan") is done, and bears on that sum (what was signed is worth it); the money is also a
    commitment to fund, a claim of its own (the guidelines: the act of signing is an
    achievement, the budget it pledges a commitment). Only commitments add up as money
    committed (``money-per-actor-year``)."""
    if claim.kind != "achievement" or not (claim.unit or "").isupper() \
            or claim.action not in {str(a) for a in lex("pledging_acts") or []}:
        return [claim]
    fund = replace(claim, id=iris.claim(claim.document, claim.start, claim.end, key, "fund"),
                   kind="commitment", action="fund")
    return [claim, fund]


def _quotations(text: str, toks: list[Tok], units: list[Sentence], actors: list[Mention],
                holding: dict[tuple[int, int], Mention], carried: list[Mention | None],
                lang: str) -> list[Quoted]:
    """Quotations with their speaker: named (an office standing for its holder) or a
    pronoun continuing the sentence's subject."""
    def held(q: Quoted) -> Quoted:
        span = (q.speaker.start, q.speaker.end)
        return replace(q, speaker=holding[span], written=q.speaker) if span in holding else q

    quoted = [held(q) for q in speakers(text, actors, toks, units, lang)]
    persons = [m for m in actors if m.type == "Person"]
    quoted += pronoun_speakers(text, toks, units, persons, quoted, lang, carried)
    quoted += inverted_speakers(text, actors, toks, units, quoted, lang)
    quoted += lead_in_speakers(text, toks, units, actors, quoted, lang, carried)
    quoted += continued_quotes(text, toks, units, quoted)  # « … », dit X.\n\n« … »
    quoted += signed_lines(text, toks, units, actors, quoted)  # … - Jane Roe, mayor
    quoted += repeated_quotes(text, toks, units, quoted)  # a pull quote of words quoted
    return [held(q) for q in quoted]


def _audit_finding(document: Document, unit: Sentence, actors: Sequence[Mention],
                   toks: list[Tok], mentions: SpanIndex[Mention], starts: list[int],
                   out: list[Claim]) -> Claim | None:
    """The assessment of the auditor the document names, for a comparing sentence ("les
    dépenses … dépassent leurs engagements initiaux (3 M€)"): a finding about what was
    promised and spent, the auditor's assessment, no new commitment."""
    auditors = [m for m in actors if m.type == "Organization" and is_auditor(m)]
    # the auditor the document names most (the one speaking), not a court it mentions once
    counts = {m.key: sum(1 for a in auditors if a.key == m.key) for m in auditors}
    auditor = max(auditors, key=lambda m: counts[m.key], default=None)
    if auditor is None or any(c.start == unit.start and c.action == "assess" for c in out):
        return None
    return make_claim(document, unit, auditor, "assess", "assessment", _first(toks, unit, auditor),
                  toks, mentions, starts, "audit-finding", (placeholder(auditor), "stated"))


def _document_subject(toks: list[Tok], unit: Sentence, k: int, lang: str) -> bool:
    """The verb's subject is a document ("le rapport souligne", "the study found"): what it
    says is its author's findings, an assessment, as an auditor's words are."""
    documents = words("document_nouns", lang)
    return any(t.head == k and t.dep.startswith("nsubj") and fold(t.text) in documents
               for t in toks[unit.lo:unit.hi])


def _first(toks: list[Tok], unit: Sentence, m: Mention) -> int:
    return next((k for k in range(unit.lo, unit.hi) if toks[k].start >= m.start), unit.lo)


__all__ = ["extract_claims", "placeholder"]
