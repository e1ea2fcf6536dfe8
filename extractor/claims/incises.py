"""The verb of an incise: the words between a quotation and the speaker named after it.

"« … », a ironisé X", "”, hammered the minister, X", "« … », se félicite X": the
construction says the verb is one of saying, whatever the verb; a list of such verbs never
would be complete.
"""

from __future__ import annotations

import bisect

from extractor.claims.kind import any_language_words
from extractor.claims.sentences import Tok


def incise_verb(toks: list[Tok], start: int, end: int) -> int | None:
    """The verb of an incise between a quotation and its speaker, whatever the verb: a
    comma, the verb with its auxiliaries and adverbs, then at most a title ("», a également
    ironisé X", "”, hammered the Secretary of State in charge of disabled people, X"): the
    construction says it is a verb of saying, a list of such verbs never would."""
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    seq = [t for t in toks[first:first + 30] if t.start < end]
    i = 0
    while i < len(seq) and seq[i].pos == "PUNCT":
        i += 1
    # "« C'est colossal ! » s'enthousiasme X": no comma after a question or an exclamation
    asked = any(t.text in ("!", "?", "…") for t in toks[max(0, first - 2):first])
    if not asked and not any(t.text == "," for t in seq[:i]):
        return None
    reflexive = False
    while i < len(seq) and (seq[i].pos in ("AUX", "ADV", "PART") or seq[i].text == "-t-"
                            or seq[i].feat("Reflex") == "Yes"):
        # "», se félicite X", "», s'indigne X": a pronominal verb says too, and the word
        # after its pronoun is its verb whatever the tagger made of it
        reflexive = reflexive or seq[i].feat("Reflex") == "Yes"
        i += 1
    light = any_language_words("not_actions")
    if i + 1 < len(seq) and seq[i].pos == seq[i + 1].pos == "VERB" and seq[i].lemma in light \
            and seq[i + 1].feat("VerbForm") == "Inf":
        i += 1  # "», a fait savoir X", "», a tenu à préciser X": the infinitive says
    if i >= len(seq) or seq[i].pos not in ("VERB", *(("ADJ", "NOUN") if reflexive else ())) or any(
            t.pos in ("VERB", "AUX") for t in seq[i + 1:]):
        return None
    return seq[i].i
