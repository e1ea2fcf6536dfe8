"""Subjects written after their reporting verb, at the end of a sentence: "…, relève
l'institution.", "…, ajoute-t-elle.", "…, observe-t-elle.", "…, said the minister."

French puts the speaker after the verb when the words come first, quoted or not; the small
models then read the subject as an object or a loose dependant ("-elle" dep of "ajoute"),
so the parse alone gives no subject. The order on the page does: a reporting verb right
after a comma, then only a determiner or the euphonic "-t-", the subject, and the end of the
sentence.
"""

from __future__ import annotations

from extractor.claims.actions import is_word_of
from extractor.claims.sentences import Sentence, Tok
from extractor.text.fold import fold


def pronoun_word(t: Tok) -> str:
    """A subject pronoun as listed, also when glued to its verb ("-t-elle", "-il")."""
    return fold(t.text).strip("-").removeprefix("t-")


def inverted_reporter(toks: list[Tok], unit: Sentence, t: Tok, lang: str) -> Tok | None:
    """The reporting verb ``t`` is the inverted subject of, ending the sentence; else None."""
    if not unit.lo <= t.head < t.i or t.pos not in ("PRON", "NOUN", "PROPN"):
        return None
    verb = toks[t.head]
    if verb.pos != "VERB" or not is_word_of(verb, "reporting", lang):
        return None
    before = verb.i - 1
    while before > unit.lo and toks[before].pos == "AUX":
        before -= 1  # ", a conclu le ministre"
    between = toks[verb.i + 1:t.i]
    if toks[before].text != "," or any(
            b.pos != "DET" and pronoun_word(b) not in ("", "t") for b in between):
        return None
    return verb if all(a.pos == "PUNCT" for a in toks[t.i + 1:unit.hi]) else None


__all__ = ["inverted_reporter", "pronoun_word"]
