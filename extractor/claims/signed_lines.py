"""Words a paragraph gives without quotation marks and signs with a name after a dash:
"Les copropriétaires ne sont pas encore indemnisés … - Benoît Simian, député du Médoc",
"Je ne peux pas accepter … pic.twitter.com/… — François Bayrou (@bayrou) June 24, 2025".

Web pages set pull quotes and embedded posts this way: the words, a dash, and who said them
with a title, a handle or a date, then a new paragraph. :func:`extractor.claims.lead_ins`
reads a signature after a quotation's closing mark; here the marks are missing, so the
paragraph must end with the signature (a person's name first, no verb of its own, a short
line's end) and the words before the dash must be a sentence of their own (enough words, a
finite verb): a headline's "Crack à Paris - Anne Hidalgo annonce …" has the verb after the
name, a photo credit or a byline no sentence before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from extractor.claims.quoted import Quoted
from extractor.claims.sentences import Sentence, Tok, lex, tokens_in
from extractor.records import Mention

# the dash that sets a signature off: a spaced hyphen, en or em dash
_DASH = re.compile(r"[ \u00a0][-–—][ \u00a0]+")
_SIGNATURE_CHARS = 160  # the name, a title or a handle and a date: a line's end, no more


def signed_lines(text: str, toks: list[Tok], units: list[Sentence],
                 actors: Sequence[Mention], quoted: Sequence[Quoted]) -> list[Quoted]:
    """The paragraphs no other rule gave a speaker whose words a person signs after a dash."""
    persons = {m.start: m for m in actors if m.type == "Person"}
    done = [(q.start, q.end) for q in quoted]
    starts = [u.start for u in units]
    least = int(lex("min_quote_words") or 5)
    out = []
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        found = _signed(text, toks, at, end, persons, least)
        if found is not None and not any(s < found[1] and found[0] < e for s, e in done):
            qs, qe, person = found
            first = bisect.bisect_right(starts, qs) - 1
            last = max(first, bisect.bisect_left(starts, qe) - 1)
            if first >= 0:
                span = Sentence(units[first].start, qe, units[first].lo, units[last].hi, False)
                verb = bisect.bisect_left(toks, qe, key=lambda t: t.start) - 1
                out.append(Quoted(qs, qe, person, span, max(verb, span.lo)))
        at = end + 1
    return out


def _signed(text: str, toks: list[Tok], start: int, end: int, persons: dict[int, Mention],
            least: int) -> tuple[int, int, Mention] | None:
    """The words of the line ``text[start:end]`` and the person who signs them, if it ends
    with a dash and a signature."""
    line = text[start:end]
    dashes = list(_DASH.finditer(line))
    if not dashes:
        return None
    dash = dashes[-1]
    person = persons.get(start + dash.end())
    words_end = start + dash.start()
    qs = start + len(line) - len(line.lstrip())
    if person is None or end - person.start > _SIGNATURE_CHARS or \
            len(text[qs:words_end].split()) < least:
        return None
    finite = [t for t in tokens_in(toks, qs, end)
              if t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin"]
    if not finite or any(t.start >= person.start for t in finite):
        return None
    return qs, words_end, person


__all__ = ["signed_lines"]
