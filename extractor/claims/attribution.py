"""Who asserts a claim: the speaker of a quotation, or the source named by "selon"/"according to".

A quotation's speaker is an actor right after it with a reporting verb ("» abonde X",
"”, notes X", "”, X said") or right before it ("X déclare : «", "Pour X : «"). Claims
made inside the quotation are the speaker's report, not the issuer's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.claims.sentences import Sentence, Tok, lemmas, lex, quotations, words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex

_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÀ-Ý]|\n\s*\n")


@dataclass(frozen=True)
class Quoted:
    """A quotation, its speaker, and the unit (span of sentences) the statement quotes."""

    start: int
    end: int
    speaker: Mention
    unit: Sentence
    unit_token: int


def _reporting(toks: list[Tok], start: int, end: int, lang: str,
               verb_only: bool = False) -> int | None:
    """The first reporting word between the offsets; ``verb_only`` after a speaker's name,
    where "the CRC report, “ …" is a noun introducing the next quotation."""
    verbs = words("reporting", lang)
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    for t in toks[first:]:
        if t.start >= end:
            break
        if (any(w in verbs for w in lemmas(t, lang))
                                       or fold(t.text) in verbs) \
                and (not verb_only or t.pos in ("VERB", "AUX")):
            return t.i  # the inflection read too: "», note X" is often tagged a noun
    return None


def _pick(cands: list[Mention]) -> Mention | None:
    persons = [m for m in cands if m.type == "Person"]
    return next(iter(persons or cands), None)


def _speaker(text: str, qs: int, qe: int, actors: Sequence[Mention], toks: list[Tok],
             lang: str) -> tuple[Mention, int] | None:
    after = sorted((m for m in actors if qe <= m.start <= qe + 60
                    and not _SENTENCE_END.search(text[qe:m.start])), key=lambda m: m.start)
    for m in after:
        k = _reporting(toks, qe, m.start, lang)
        if k is None and _cue(fold(text[qe:m.start]), lang):
            k = _first_token(toks, m)
        if k is None:
            k = _reporting(toks, m.end, m.end + 25, lang, verb_only=True)
        if k is not None:
            chosen = _pick([a for a in after if abs(a.start - m.start) < 30]) or m
            return chosen, k
    before = [m for m in actors if qs - 220 <= m.end <= qs
              and not _SENTENCE_END.search(text[m.end:qs])]
    before.sort(key=lambda m: -m.end)
    for m in before:
        gap = text[m.end:qs]
        k = _reporting(toks, m.end, qs, lang)
        if k is not None and not gap.rstrip().endswith(":") and _has_object(toks, k, qs):
            continue  # "a lancé sa campagne … dans l'objectif de « … »": an act, not words
        if k is not None or gap.rstrip().endswith(":"):
            chosen = _pick(before) or m
            return chosen, k if k is not None else _first_token(toks, chosen)
    return None


def _has_object(toks: list[Tok], k: int, before: int) -> bool:
    """The reporting word takes a noun object before the quotation: it names an act on a
    thing ("a lancé sa campagne", "presented its plan"), not the quoted words."""
    lo, hi = max(0, k - 30), min(len(toks), k + 30)
    return any(t.head == k and t.dep in ("obj", "dobj") and t.pos == "NOUN"
               and t.start < before for t in toks[lo:hi])


def _cue(gap: str, lang: str) -> bool:
    """The gap after a quotation is only an attribution cue that need not open a sentence ("”,
    according to the CRC"); in "» Nevertheless, according to the CRC, “ …" the cue
    introduces what follows.

    >>> _cue("”, according to the ", "en"), _cue("» Nevertheless, according to the ", "en")
    (True, False)
    """
    return any(re.fullmatch(rf"\W*{re.escape(c)}\s+(?:\w+'|\w+\s+)?", gap)
               for c in words("attribution", lang) - words("attribution_openers", lang))


def source_at_start(text: str, unit: Sentence, actors: Sequence[Mention],
                    lang: str) -> Mention | None:
    """The actor of "Pour la CRC, …" / "Selon X, …" / "According to X, …" opening a unit:
    the rest of the sentence is that actor's judgement."""
    head = fold(text[unit.start:unit.start + 40])
    for cue in words("attribution", lang):
        if not head.startswith(cue + " "):
            continue
        start = unit.start + len(cue) + 1
        first = next((a for a in actors if start <= a.start <= start + 6
                      or start < a.start <= start + 40
                      and _source_noun(fold(text[start:a.start]), lang)), None)
        if first is not None and re.match(r"\s*[,:]", text[first.end:first.end + 3]):
            return first
    return source_inside(text, unit, actors, lang)


def source_inside(text: str, unit: Sentence, actors: Sequence[Mention],
                  lang: str) -> Mention | None:
    """The actor of "… selon Alain Juppé, président de …" / "…, according to the CRC":
    a cue that attributes wherever it stands (not one that does only opening a sentence),
    right before an actor."""
    span = fold(text[unit.start:unit.end])
    cues = words("attribution", lang) - words("attribution_openers", lang)
    for cue in sorted(cues, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(cue)}\s+", span):
            start = unit.start + m.end()
            found = next((a for a in actors if start <= a.start <= start + 6
                          or start < a.start <= start + 40
                          and _source_noun(fold(text[start:a.start]), lang)), None)
            if found is not None:
                return found
    return None


def _source_noun(gap: str, lang: str) -> bool:
    """The words between a cue and an actor only name what of theirs is cited ("selon les
    chiffres de la préfecture", "according to figures from the chancellery")."""
    nouns = "|".join(re.escape(w) for w in words("source_nouns", lang)) or "(?!)"
    links = "|".join(re.escape(w) for w in words("source_links", lang)) or "(?!)"
    return re.fullmatch(rf"(?:\w+\s+){{0,2}}(?:{nouns})\s+(?:\w+\s+){{0,2}}(?:{links})\s*"
                        rf"(?:\w+'|\w+\s+)?", gap) is not None


def _first_token(toks: list[Tok], m: Mention) -> int:
    return next((t.i for t in toks if t.start >= m.start), max(0, len(toks) - 1))


def speakers(text: str, actors: Sequence[Mention], toks: list[Tok], units: list[Sentence],
             lang: str) -> list[Quoted]:
    """Every quotation long enough to be a statement whose speaker is a named actor."""
    out: list[Quoted] = []
    for qs, qe in quotations(text, int(lex("min_quote_words") or 5)):
        inside = [m for m in actors if not (qs < m.start < qe)]
        found = _speaker(text, qs, qe, inside, toks, lang)
        if found is None:
            continue
        speaker, k = found
        lo, hi = min(qs, speaker.start), max(qe, speaker.end)
        span = [u for u in units if u.start < hi and lo < u.end]
        if not span:
            continue
        unit = Sentence(span[0].start, span[-1].end, span[0].lo, span[-1].hi, False)
        out.append(Quoted(qs, qe, speaker, unit, k))
    return out


def inverted_speakers(text: str, actors: Sequence[Mention], toks: list[Tok],
                      units: list[Sentence], quoted: Sequence[Quoted],
                      lang: str) -> list[Quoted]:
    """Reported clauses without quotation marks, their speaker named after an inverted
    reporting verb ("Nous passerons à 47 départements, a annoncé la ministre du Travail,
    Catherine Vautrin"; "…, detailed the elected official"): the clause before the comma is
    the speaker's, as a quotation would be."""
    reporting = words("reporting", lang)
    out: list[Quoted] = []
    said = SpanIndex(sorted((q.unit for q in quoted), key=lambda u: u.start))
    for unit in units:
        if said.within(unit.start, unit.end) or said.at(unit.start) or said.at(unit.end - 1):
            continue  # a quotation's speaker is already named here ("…", X told AFP)
        for k in range(unit.lo + 2, unit.hi):
            verb = toks[k]
            if verb.pos not in ("VERB", "AUX") or not any(
                    w in reporting for w in lemmas(verb, lang)):
                continue
            j = k - 1
            while j > unit.lo and toks[j].pos == "AUX":
                j -= 1
            found = (_named_after(toks, k, unit, actors) or _titled_after(toks, k, unit, actors)
                     or _cited_after(text, toks[k], unit, actors, lang)
                     ) if toks[j].text == "," else None
            if toks[j].text != ",":  # "…, Macron said in a speech": the speaker before it
                found = next((m for m in actors if 0 <= toks[j + 1].start - m.end <= 2
                              and _after_comma(toks, m, unit)), None)
                j = max((t.i for t in toks[unit.lo:k] if found is not None
                         and t.end <= found.start and t.text == ","), default=j)
                if not any(t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin"
                           for t in toks[unit.lo:j]):
                    found = None  # "Peu après sa prise de fonction, le préfet a promis"
            if found is not None and toks[j].text == ",":
                # the clause's own head carries its object and its kind, not the verb
                root = next((t.i for t in toks[unit.lo:j] if not unit.lo <= t.head < j
                             or t.head == t.i), k)
                out.append(Quoted(unit.start, toks[j].start, found, unit, root))
                break
    return out


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
    nouns = "|".join(re.escape(w) for w in words("source_nouns", lang)) or "(?!)"
    links = "|".join(re.escape(w) for w in words("source_links", lang)) or "(?!)"
    for m in actors:
        if verb.end < m.start <= verb.end + 90 and m.end <= unit.end:
            gap = fold(text[verb.end:m.start])
            if re.fullmatch(rf"\s+(?:\w+\s+)?(?:{nouns})\b[^.;:«»“”\"]*?\s(?:{links})\s*"
                            rf"(?:\w+'|\w+\s+)?", gap):
                return m
            return None
    return None


def _titled_after(toks: list[Tok], k: int, unit: Sentence,
                  actors: Sequence[Mention]) -> Mention | None:
    """The person a bare title after an inverted verb names ("…, says the president", "…,
    a précisé le ministre"): the last person named before with that title in their role."""
    after = [t for t in toks[k + 1:min(unit.hi, k + 5)] if t.pos not in ("DET", "ADJ")]
    title = after[0] if after and after[0].pos == "NOUN" else None
    if title is None or (len(after) > 1 and after[1].pos in ("ADP", "PROPN")):
        return None  # "le ministre de la Santé" is an office, found as a mention
    word = fold(title.text)
    named = [m for m in actors if m.type == "Person" and m.end <= toks[k].start and m.role
             and word in re.findall(r"\w+", fold(m.role))]
    return named[-1] if named else None


def _named_after(toks: list[Tok], k: int, unit: Sentence,
                 actors: Sequence[Mention]) -> Mention | None:
    """The actor named right after an inverted verb, over a title ("the new Minister of
    Labor, Catherine Vautrin"), with no other verb between."""
    near = [m for m in actors if toks[k].end <= m.start <= toks[k].end + 80 and m.end <= unit.end]
    if not near:
        return None
    between = [t for t in toks[k + 1:unit.hi] if t.start < near[0].start]
    if any(t.pos in ("VERB", "AUX") or t.text in (".", ";", ":", "«", "“", '"')
           for t in between) or between and between[0].pos == "ADP":
        return None  # "a déclaré M. Beaune au journal Le Parisien": whom it was said to
    return _pick([m for m in near if m.start - near[0].start < 40])


def attribution(text: str, unit: Sentence, actor: Mention, actors: Sequence[Mention],
                quoted: Sequence[Quoted], lang: str) -> tuple[str | None, str]:
    """(attributed_to placeholder or None, factuality) for an actor's claim in a unit."""
    for q in quoted:
        if q.start < actor.start < q.end and q.speaker != actor:
            return _ph(q.speaker), "reported"
    openers = words("attribution_openers", lang)
    for cue_end, cue in cue_ends(text, unit, lang):
        source = next((a for a in actors if cue_end <= a.start <= cue_end + 25), None)
        if source is not None and source != actor:
            return _ph(source), "reported"
        if source is None and cue not in openers:
            return None, "reported"
    return None, "stated"


def cue_ends(text: str, unit: Sentence, lang: str) -> list[tuple[int, str]]:
    """(offset after the cue, cue) of each attribution cue of a unit, cue by cue; an
    opener ("pour") counts only at the unit's start."""
    folded = fold(text[unit.start:unit.end])
    openers = words("attribution_openers", lang)
    return [(unit.start + m.end(1), cue) for cue in words("attribution", lang)
            for m in re.finditer(rf"(?:^|\W)({re.escape(cue)})\W", folded)
            if cue not in openers or m.start(1) < 3]


def _ph(m: Mention) -> str:
    return f"#mention-{m.start}-{m.end}"
