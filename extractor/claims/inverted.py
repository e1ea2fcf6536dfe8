"""Speakers named after what they said, with no quotation marks: an inverted reporting verb
("Nous passerons à 47 départements, a annoncé la ministre du Travail, X"), a speaker after the
comma ("…, Macron said"), a bare title ("…, says the president") or a study's author ("…, révèle
une étude rendue publique par X"). The clause before the comma is the speaker's, as a quotation
would be (:class:`~extractor.claims.attribution.Quoted`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from extractor.claims.actions import is_word_of
from extractor.claims.attribution import medium, pick_speaker
from extractor.claims.genders import title_gender
from extractor.claims.inversion import addressed
from extractor.claims.predicates import complements, passive
from extractor.claims.quoted import Quoted
from extractor.claims.sentences import Sentence, Tok, lemmas, lex, source_patterns, words
from extractor.claims.titles import titled_person
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation
from extractor.text.spans import SpanIndex


def inverted_speakers(text: str, actors: Sequence[Mention], toks: list[Tok],
                      units: list[Sentence], quoted: Sequence[Quoted],
                      lang: str) -> list[Quoted]:
    """Reported clauses without quotation marks, their speaker named after an inverted
    reporting verb ("Nous passerons à 47 départements, a annoncé la ministre du Travail,
    Catherine Vautrin"; "…, detailed the elected official"): the clause before the comma is
    the speaker's, as a quotation would be."""
    reporting, clitics = words("reporting", lang), words("reflexive_clitics", lang)
    causative = words("causative_verbs", lang)
    out: list[Quoted] = []
    said = SpanIndex(sorted((q.unit for q in quoted), key=lambda u: u.start))
    ordered = sorted(actors, key=lambda m: m.start)
    index = SpanIndex(ordered)
    for unit in units:
        if said.within(unit.start, unit.end) or said.at(unit.start) or said.at(unit.end - 1):
            continue  # a quotation's speaker is already named here ("…", X told AFP)
        # the unit's own actors, and the persons named just before it: each verb looks only
        # there, so a long text costs time in proportion to its length
        local = index.within(unit.start, unit.end)
        last = bisect.bisect_left(ordered, unit.start, key=lambda m: m.start)
        recent = ordered[max(0, last - 50):last] + local
        for k in range(unit.lo + 2, unit.hi):
            verb = toks[k]
            if verb.pos not in ("VERB", "AUX"):
                continue
            j = k - 1
            if verb.feat("VerbForm") == "Inf" and toks[j].lemma in causative:
                j -= 1  # "…, a fait savoir la ministre": the tense is the light verb's
            j = _over_adverbs(toks, j, unit)  # "…, a ainsi détaillé la ministre"
            while j > unit.lo and (toks[j].pos == "AUX" or fold(toks[j].text) in clitics):
                j -= 1
            learned = is_word_of(verb, "learning_verbs", lang)
            says = learned or any(w in reporting for w in lemmas(verb, lang))
            reflexive = any(fold(t.text) in clitics for t in toks[j + 1:k])
            if (not says or reflexive) and not _incise(toks, k, j, unit, lang, says):
                continue  # "A ce montant, s'ajoute …": a reflexive verb says only in an incise
            found = (_named_after(text, toks, k, unit, local, lang)
                     or _titled_after(toks, k, unit, recent, lang)
                     or _cited_after(text, toks[k], unit, local, lang)
                     ) if toks[j].text == "," else None
            if toks[j].text != ",":  # "…, Macron said in a speech": the speaker before it
                found = next((m for m in local if 0 <= toks[j + 1].start - m.end <= 2
                              and _after_comma(toks, m, unit)), None)
                j = max((t.i for t in toks[unit.lo:k] if found is not None
                         and t.end <= found.start and t.text == ","), default=j)
                if not any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin"
                           for t in toks[unit.lo:j]) or _says_its_own(toks, k):
                    # "Peu après sa prise de fonction, le préfet a promis"; "…, la Région a
                    # promis 100 millions": a clause of its own, no incise
                    found = None
            if found is not None and learned:  # the medium's source, or no one
                found = _learned_from(text, verb, unit, local, lang)
            if found is not None and toks[j].text == ",":
                # the clause's own head carries its object and its kind, not the verb
                root = next((t.i for t in toks[unit.lo:j] if not unit.lo <= t.head < j
                             or t.head == t.i), k)
                out.append(Quoted(unit.start, toks[j].start, found, unit, root))
                break
    return out


def _over_adverbs(toks: list[Tok], j: int, unit: Sentence) -> int:
    """Before adverbs set between an auxiliary and its participle ("a ainsi détaillé", "has
    also said"), not negative ones ("n'a pas encore tranché"): where the auxiliary is; else
    ``j``."""
    i = j
    while i > unit.lo and toks[i].pos == "ADV" and toks[i].feat("Polarity") != "Neg":
        i -= 1
    return i if i < j and toks[i].pos == "AUX" else j


def _incise(toks: list[Tok], k: int, j: int, unit: Sentence, lang: str, says: bool) -> bool:
    """A verb of any meaning that inverts its subject right after a comma, in a language whose
    incises do so ("…, se félicite son président"), after a clause with a finite verb and its
    subject (not "Dans la salle, se tenait le préfet", "A ce montant, s'ajoute …") and not
    passive ("En 2019, a été lancé …")."""
    verb = toks[k]  # finite, or a participle after its auxiliary ("s'est félicitée X")
    finite = verb.feat("VerbForm") == "Fin" or any(t.pos == "AUX" for t in toks[j + 1:k])
    return (says or lex("incise_any_verb", lang) is True) and toks[j].text == "," \
        and finite and not passive(toks, verb) \
        and any(t.dep.startswith(("nsubj", "expl")) and any(  # "les résultats sont là"
            v.feat("VerbForm") == "Fin" for v in toks[unit.lo:j] if v.i == t.head
            or v.head == t.head and v.dep in ("cop", "aux", "aux:tense", "aux:pass"))
            for t in toks[unit.lo:j])


def _says_its_own(toks: list[Tok], k: int) -> bool:
    """The verb takes an object or a clause after it: it says something of its own."""
    return any(t.i > k for t in complements(toks, k, ("obj", "dobj", "ccomp", "xcomp")))


def _after_comma(toks: list[Tok], m: Mention, unit: Sentence) -> bool:
    """A comma opens the mention, over a title ("…, Mayor Michaël Delafosse told")."""
    before = [t for t in toks[unit.lo:unit.hi] if t.end <= m.start]
    for t in reversed(before[-4:]):
        if t.text == ",":
            return True
        if t.pos not in ("PROPN", "NOUN", "ADJ", "DET"):
            return False
    return False


def _cited_after(text: str, verb: Tok, unit: Sentence, actors: Sequence[Mention],
                 lang: str) -> Mention | None:
    """The author of a study or report after an inverted verb ("…, révèle une étude rendue
    publique lundi par l'association Villes de France", "…, says a report by the Court of
    Audit")."""
    for m in actors:
        if verb.end < m.start <= verb.end + 90 and m.end <= unit.end:
            gap = fold(text[verb.end:m.start])
            return m if source_patterns(lang)[1].fullmatch(gap) else None
    return None


def _titled_after(toks: list[Tok], k: int, unit: Sentence, actors: Sequence[Mention],
                  lang: str) -> Mention | None:
    """The person a bare title after an inverted verb names ("…, says the president", "…,
    a précisé le ministre"): the last person named before with that title in their role; a
    generic one ("…, detailed the elected official") the last person named."""
    after = [t for t in toks[k + 1:min(unit.hi, k + 8)] if t.pos not in ("DET", "ADJ")
             and t.dep != "amod"]  # "the elected official": "elected" read as a verb
    media = words("medium_prepositions", lang)
    if after and fold(after[0].text) in media:  # "a annoncé sur TF1 la ministre": the
        # medium's name is capitalised ("Europe 1/CNews", "TF1" tagged as a noun)
        after = after[1 + next((i for i, t in enumerate(after[1:]) if not (
            t.text[:1].isupper() or t.pos in ("PROPN", "NUM") or t.text == "/")),
            len(after) - 1):]
    title = after[0] if after and after[0].pos == "NOUN" else None
    if title is None or (len(after) > 1 and (after[1].pos == "PROPN" or after[1].pos == "ADP"
                         and fold(after[1].text) in words("possessive_markers", lang))):
        # "le ministre de la Santé" is an office, found as a mention; "la ministre sur
        # Europe 1", "le magistrat à propos du chapitre" a title and where or what it spoke
        return None
    det = toks[title.i - 1]
    if det.pos == "DET" and det.feat("Definite") == "Ind":
        return None  # "souligne un élu d'opposition": someone the text does not name
    return titled_person(fold(title.text), actors, toks[k].start, lang,
                         title_gender(det, title, lang))


@cache
def _learning_sources(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(words('learning_sources', lang))})(?!\w)")


def _learned_from(text: str, verb: Tok, unit: Sentence, actors: Sequence[Mention],
                  lang: str) -> Mention | None:
    """The source a medium learned a clause from, named after the verb ("…, a appris France
    Inter mardi auprès de la ministre, X", "…, the paper learned on Tuesday from the
    minister, X"); none when the text names none: the clause is then no one's."""
    sources = _learning_sources(lang)
    for m in actors:
        if verb.end < m.start <= verb.end + 120 and m.end <= unit.end:
            gap = fold(text[verb.end:m.start])
            hit = sources.search(gap)
            if hit and not re.search(r"[.;:«»\"“”]", gap[hit.end():]):
                return m
    return None


def _named_after(text: str, toks: list[Tok], k: int, unit: Sentence,
                 actors: Sequence[Mention], lang: str) -> Mention | None:
    """The actor named right after an inverted verb, over a title ("the new Minister of
    Labor, Catherine Vautrin") and the medium it spoke on ("a expliqué sur BFMTV le
    ministre"), with no other verb between."""
    near = [m for m in actors if toks[k].end <= m.start <= toks[k].end + 80 and m.end <= unit.end
            and not any(m.start <= t.start < m.end and addressed(toks, k, t, lang)
                        for t in toks[k + 1:k + 6])]
    media = [m for m in near if medium(text, m, lang)]
    near = [m for m in near if m not in media]
    if not near:
        return None
    between = [t for t in toks[k + 1:unit.hi] if t.start < near[0].start]
    on_medium = any(between and between[0].start < m.start for m in media)
    # a participle of the title is no verb ("la secrétaire d'État chargée des Personnes
    # handicapées, Sophie Cluzel"): then the name is the one after a comma, not what the
    # title names ("chargée des Collectivités", "chargé de mission par l'Élysée")
    titled = [t for t in between if t.dep.startswith("acl") and t.feat("VerbForm") == "Part"]
    if titled:
        near = [m for m in near if m.start > titled[0].start and text[
            titled[0].start:m.start].rstrip().endswith(",")][:1]
        between = [t for t in toks[k + 1:unit.hi] if near and t.start < near[0].start]
    if not near or any(t.pos in ("VERB", "AUX", "SCONJ") and t not in titled or t.text in (
            ".", ";", ":", "«", "“", '"') for t in between) \
            or between and between[0].pos == "ADP" and not on_medium:
        # "a déclaré M. Beaune au journal Le Parisien": whom it was said to; "a annoncé,
        # mardi au Figaro, que le financement de l'État …": what was said
        return None
    return pick_speaker([m for m in near if m.start - near[0].start < 40])


__all__ = ["inverted_speakers"]
