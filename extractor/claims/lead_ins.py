"""Quotations that stand as sentences of their own, spoken by the actor the sentence before
introduces: "Marine Ducamin réagit vivement. « Cette institution n'a pas à … »", "Car la
Chambre pointe du doigt un déficit. « Les plans … »", "The minister hit back. “We …”".

Press prose often names the speaker and the act of speaking in one sentence and gives the
words in the next, with no reporting verb of their own. The quotation is the speaker's when
it fills its sentence (nothing outside the marks but punctuation), follows the lead-in
sentence in the same paragraph, and the lead-in's subject is an actor whose verb reports or
judges ("réagit", "pointe du doigt", "hit back"), or the lead-in opens with an attribution
cue ("Pour la CRC, …", "According to X, …"). A lead-in of another kind ("Le préfet a ordonné
l'évacuation. « On n'a nulle part où aller »") gives the quotation no speaker: it may be
anyone's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from extractor.claims.actions import is_word_of
from extractor.claims.attribution import source_at_start
from extractor.claims.quotation_marks import quotations
from extractor.claims.quoted import Quoted
from extractor.claims.sentences import (
    Sentence,
    Tok,
    children,
    hangs_on,
    lex,
    tokens_in,
    words,
)
from extractor.records import Mention
from extractor.text.fold import fold

# between a quotation's closing mark and the name that signs it on the same line
_SIGNATURE_GAP = re.compile(r"[ \u00a0]*(?:[-–—][ \u00a0]*)?")


def lead_in_speakers(text: str, toks: list[Tok], units: list[Sentence],
                     actors: Sequence[Mention], quoted: Sequence[Quoted], lang: str,
                     carried: Sequence[Mention | None]) -> list[Quoted]:
    """The quotations no other rule gave a speaker, filling their sentences, whose speaker
    the sentence before introduces."""
    done = [(q.start, q.end) for q in quoted]
    starts = [u.start for u in units]
    out = []
    for qs, qe in quotations(text, int(lex("min_quote_words") or 5)):
        if any(s < qe and qs < e for s, e in done):
            continue
        first = bisect.bisect_right(starts, qs) - 1
        last = max(first, bisect.bisect_left(starts, qe - 1) - 1)
        after = text[qe:qe + 4].lstrip(" \u00a0")
        # the quotation ends its sentence: the text, a line, or a new sentence follows (the
        # closing mark is sometimes split off with the next sentence)
        if first < 0 or text[units[first].start:qs].strip() or after and not (
                after[0] in ".!?…\n-–—" or after[0].isupper()):
            continue
        found = _signed(text, toks, qe, actors, same_line=True) or (_signed(
            text, toks, qe, actors) if first == 0 or "\n" in text[units[first - 1].end:qs]
            else _introduced(text, toks, units[first - 1], actors, lang, carried[first - 1]))
        if found is not None:
            speaker, verb = found
            span = Sentence(units[first].start, max(units[last].end, qe), units[first].lo,
                            units[last].hi, False)  # with its closing mark
            out.append(Quoted(qs, qe, speaker, span, verb))
    return out


def _signed(text: str, toks: list[Tok], qe: int, actors: Sequence[Mention],
            same_line: bool = False) -> tuple[Mention, int] | None:
    """The speaker a press release names on the line right after a quotation that ends its
    paragraph, alone or with a title ("« … »\nChristelle Morançais, Présidente du Conseil
    régional"), or ``same_line`` right after its closing mark ("« … » Ginette Allard,
    présidente de l'association", "“…” – Jane Roe, mayor"): a signature, with no verb of its
    own."""
    line_end = text.find("\n", qe)
    if same_line:
        nxt = len(text) if line_end < 0 else line_end
        gap = _SIGNATURE_GAP.match(text, qe)
        start = gap.end() if gap else qe
    elif line_end < 0 or text[qe:line_end].strip(" .\u00a0"):
        return None
    else:
        nxt = text.find("\n", line_end + 1)
        nxt = len(text) if nxt < 0 else nxt
        start = line_end + 1 + len(text[line_end + 1:nxt]) - len(text[line_end + 1:nxt].lstrip())
    person = next((m for m in actors if m.start == start and m.type == "Person"), None)
    line = tokens_in(toks, start, nxt)
    if person is None or nxt - start > 160 or any(
            t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in line):
        return None
    k = bisect.bisect_left(toks, qe, key=lambda t: t.start) - 1
    return person, max(k, 0)


def _introduced(text: str, toks: list[Tok], lead: Sentence, actors: Sequence[Mention],
                lang: str, continued: Mention | None) -> tuple[Mention, int] | None:
    """The actor a lead-in sentence makes speak, and the token that says so."""
    inside = [m for m in actors if lead.start <= m.start and m.end <= lead.end]
    cited = source_at_start(text, lead, inside, lang)
    if cited is not None:
        return cited, lead.lo
    pronouns = words("subject_pronouns", lang)
    if lead.hi <= lead.lo or toks[lead.hi - 1].text == "?":
        return None  # a question introduces no one's words
    for verb in toks[lead.lo:lead.hi]:
        if verb.pos not in ("VERB", "AUX") or not (is_word_of(verb, "reporting", lang)
                                                   or is_word_of(verb, "assessing", lang)):
            continue
        for subject in children(toks, verb.i):
            if not subject.dep.startswith("nsubj") or subject.dep.endswith("pass"):
                continue
            # the subject's name, or the name set beside its title ("Le maire de X, Patrice
            # Leclerc, a alerté"; the parser may hang it on the title's complement)
            named = next((m for m in inside if m.start <= subject.start < m.end), None) or next(
                (m for c in toks[subject.i + 1:verb.i] if c.dep == "appos" and hangs_on(
                    toks, c, subject.i) for m in inside if m.start <= c.start < m.end), None)
            if named is None and fold(subject.text) in pronouns:
                named = continued
            if named is not None:
                return named, verb.i
    return None


__all__ = ["lead_in_speakers"]
