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
from extractor.claims.sentences import Sentence, Tok, words
from extractor.nlp.models import quote_marks
from extractor.text.fold import fold


def pronoun_word(t: Tok) -> str:
    """A subject pronoun as listed, also when glued to its verb ("-t-elle", "-il")."""
    return fold(t.text).strip("-").removeprefix("t-")


def inverted_reporter(toks: list[Tok], unit: Sentence, t: Tok, lang: str) -> Tok | None:
    """The reporting verb ``t`` is the inverted subject of, ending the sentence; else None."""
    if not unit.lo <= t.head < t.i or t.pos not in ("PRON", "NOUN", "PROPN") \
            or addressed(toks, t.head, t, lang):
        return None  # "…, she told AFP": whom it was said to
    verb = toks[t.head]
    if verb.pos != "VERB" or not any(is_word_of(verb, section, lang) for section in (
            "reporting", "stance_verbs", "assessing")):
        return None
    before = verb.i - 1
    while before > unit.lo and (toks[before].pos == "AUX" or toks[before].pos == "PRON"
                                and fold(toks[before].text) not in words("as_cues", lang)):
        before -= 1  # ", a conclu le ministre", "comme l'avait dénoncé la CFDT"
    between = toks[verb.i + 1:t.i]
    if any(b.pos != "DET" and pronoun_word(b) not in ("", "t") for b in between):
        return None
    after = toks[t.i + 1:unit.hi]
    if toks[before].text == ",":  # ending the sentence
        return verb if all(a.pos == "PUNCT" for a in after) else None
    # a parenthetical "comme l'a dit X", closed by a comma or the sentence's end
    cue = " ".join(fold(x.text) for x in toks[max(unit.lo, before - 1):before + 1])
    as_cue = fold(toks[before].text) in words("as_cues", lang) or cue in words("as_cues", lang)
    return verb if as_cue and (not after or after[0].pos == "PUNCT") else None


def addressed(toks: list[Tok], k: int, t: Tok, lang: str) -> bool:
    """``t`` is the object of a verb whose object is whom it was said to ("…, she told AFP",
    `addressee_verbs`), not its inverted subject ("…, said the minister"; a French inverted
    subject the parser often reads as an object: "…, a annoncé la préfecture")."""
    return t.head == k and t.dep in ("dobj", "obj", "iobj", "dative") \
        and toks[k].lemma in words("addressee_verbs", lang)


def reporting_after_comma(toks: list[Tok], t: Tok, lang: str) -> bool:
    """A reporting verb right after a comma (over its auxiliaries): an inverted speaker's."""
    j = t.i - 1
    while j > 0 and toks[j].pos == "AUX":
        j -= 1
    return toks[j].text == "," and is_word_of(t, "reporting", lang)


def subject_like(toks: list[Tok], t: Tok, lang: str) -> bool:
    """A subject, not one the parser gave an incise's verb (:func:`_before_incise`); or the
    inverted subject of a verb of saying after a comma the parser read as its object ("« … »,
    rappelle la Cour des comptes, qui salue …"): the speaker, whom the next "elle" continues."""
    if t.dep.startswith("nsubj"):
        return not _before_incise(toks, t)
    verb = toks[t.head]
    return t.dep == "obj" and verb.i < t.i and reporting_after_comma(toks, verb, lang) \
        and all(b.pos == "DET" for b in toks[verb.i + 1:t.i])


def _before_incise(toks: list[Tok], t: Tok) -> bool:
    """A subject the parser gave the verb of an incise after a quotation that follows it
    ("X et Y, « seront convoqués », a déclaré la ministre"): that verb's subject is after it."""
    j = t.head - 1
    while j > t.i and toks[j].pos == "AUX":
        j -= 1
    return t.i < j - 1 and toks[j].text == "," and toks[j - 1].text in quote_marks()


__all__ = ["inverted_reporter", "pronoun_word", "reporting_after_comma", "subject_like"]
