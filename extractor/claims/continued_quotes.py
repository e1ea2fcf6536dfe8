"""A quotation that is a paragraph of its own, right after a paragraph quoting a speaker:
the same speaker going on.

Press prose quotes a speaker, then gives more of their words in the next paragraph without
naming them again:

    « Nos taux de programmation sont supérieurs à la moyenne », assure Isabelle Martin.

    « La courbe de consommation des crédits est exponentielle. »

The second quotation names no one and has no verb of saying; a reader takes it as Isabelle
Martin's. Only a paragraph that is wholly a quotation ending as a sentence does (a quoted
subheading has no final stop), and only when the paragraph before ends with a quotation
whose speaker is known, so a quotation that opens a new subject (after a paragraph of
narration) is never given to anyone.
"""

from __future__ import annotations

import bisect
import re

from extractor.claims.quotation_marks import quotations
from extractor.claims.quoted import Quoted
from extractor.claims.sentences import Sentence, Tok, lex
from extractor.records import Mention

_PARAGRAPH = re.compile(r"\n\s*\n")
# what may close the paragraph after the quotation's closing mark
_TRAILING = re.compile(r"[\s.…!?]*")
# a sentence's end inside or after the closing mark: a quoted subheading has none ("« Chaque
# jour de plus est un jour de trop »" above the paragraph that quotes it)
_ENDED = re.compile(r"[.…!?]\W{0,3}$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of ``text``, in order."""
    bounds, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    return [*bounds, (start, len(text))]


def continued_quotes(text: str, toks: list[Tok], units: list[Sentence],
                     quoted: list[Quoted]) -> list[Quoted]:
    """Quotations that are whole paragraphs, without a speaker, following a paragraph whose
    last quotation has one (a quotation so continued may be continued in turn): that
    speaker's."""
    if not quoted:
        return []
    known = sorted(quoted, key=lambda q: q.end)
    paragraphs = [p for p in _paragraphs(text) if text[p[0]:p[1]].strip()]
    starts = [p[0] for p in paragraphs]
    out: list[Quoted] = []
    for qs, qe in quotations(text, int(lex("min_quote_words") or 5)):
        if any(q.start <= qs < q.end for q in known):
            continue
        at = bisect.bisect_right(starts, qs) - 1
        if at < 1:
            continue  # no paragraph before this one
        (start, end), before = paragraphs[at], paragraphs[at - 1]
        if text[start:qs].strip() or not _TRAILING.fullmatch(text, qe, end) \
                or not _ENDED.search(text[start:end].rstrip()):
            continue  # not a paragraph wholly the quotation, after another; or a heading
        last = next((q for q in reversed(known) if q.end <= before[1]), None)
        found = _quoted_by(qs, qe, last.speaker, toks, units) \
            if last is not None and last.end >= before[0] else None
        if found is None:
            continue
        out.append(found)
        bisect.insort(known, found, key=lambda q: q.end)
    return out


def repeated_quotes(text: str, toks: list[Tok], units: list[Sentence],
                    quoted: list[Quoted]) -> list[Quoted]:
    """Quotations without a speaker whose words are those of a quotation the text gives a
    speaker elsewhere (a quoted subheading or pull quote repeats words quoted in the body,
    "« Chaque jour de plus est un jour de trop »" above "« Chaque jour de plus est un jour de
    trop », a enchaîné X"): that speaker's."""
    said: dict[str, Quoted] = {}
    for q in quoted:
        said.setdefault(_words(text[q.start:q.end]), q)
    out: list[Quoted] = []
    for qs, qe in quotations(text, int(lex("min_quote_words") or 5)):
        known = said.get(_words(text[qs:qe]))
        if known is None or any(q.start <= qs < q.end for q in quoted):
            continue
        found = _quoted_by(qs, qe, known.speaker, toks, units)
        out.extend([found] if found is not None else [])
    return out


def _quoted_by(qs: int, qe: int, speaker: Mention, toks: list[Tok],
               units: list[Sentence]) -> Quoted | None:
    """The quotation ``text[qs:qe]`` said by ``speaker``, quoting the sentences it spans."""
    span = [u for u in units if u.start < qe and qs < u.end]
    if not span:
        return None
    unit = Sentence(span[0].start, span[-1].end, span[0].lo, span[-1].hi, False)
    first = bisect.bisect_left(toks, qs, key=lambda t: t.start)
    return Quoted(qs, qe, speaker, unit, min(first, unit.hi - 1))


def _words(quote: str) -> str:
    """A quotation's words, without its marks, punctuation or case."""
    return " ".join(re.findall(r"\w+", quote.casefold()))


__all__ = ["continued_quotes", "repeated_quotes"]
