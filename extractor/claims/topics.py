"""A topic set at the head of a sentence and taken up by its pronoun subject: "Quant à la
CGT, elle a annoncé une grève", "Quant au syndicat majoritaire, l'Ufap-Unsa-Justice, il a
indiqué …", "As for the unions, they …". The pronoun is the topic, whoever was the subject
before (a left dislocation; centering would carry the last sentence's actor)."""

from __future__ import annotations

from extractor.claims.sentences import Sentence, Tok, words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex


def fronted_topic(toks: list[Tok], unit: Sentence, actors: SpanIndex[Mention],
                  lang: str) -> Mention | None:
    """The actor a topic marker opens the unit with, before its first comma ("Quant à X,"), or
    in the apposition right after it ("Quant au syndicat majoritaire, l'Ufap, il …")."""
    head = " ".join(fold(t.text) for t in toks[unit.lo:min(unit.hi, unit.lo + 3)])
    if not any(head == m or head.startswith(m + " ") for m in words("topic_markers", lang)):
        return None
    commas = [t.start for t in toks[unit.lo:unit.hi] if t.text == ","][:2]
    if not commas:
        return None
    named = actors.within(unit.start, commas[0]) or (
        actors.within(commas[0], commas[1]) if len(commas) > 1 else [])
    return named[-1] if named else None
