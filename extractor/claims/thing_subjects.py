"""What a pronoun subject may stand for when the sentence before it talks of a thing.

The subject chain of :func:`extractor.claims.anaphora.salient_subjects` passes over a
sentence whose subject is a thing ("Un plan a été lancé") so that a later "il" still finds
the actor before it. But the pronoun right after such a sentence most often continues that
thing (centering: the last sentence's subject first): "Le fonds sera doté de 15 millions. Il
pourra financer les réhabilitations", "The bill went to the Assembly. It rejected …" is the
fund, the bill, no actor. A thing does not speak, so a pronoun subject of a verb of saying
("Il a annoncé") still continues the actor.
"""

from __future__ import annotations

from extractor.claims.actions import is_word_of
from extractor.claims.sentences import Sentence, Tok, lex, words
from extractor.mentions.naming import lexicon_words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex

# the lists of verbs by which a subject speaks or judges: a thing does neither
_SPEAKING = ("reporting", "assessing", "finding_verbs", "stance_verbs", "request_verbs",
             "refusal_verbs", "promise_verbs", "wish_verbs")


def thing_subjects(toks: list[Tok], units: list[Sentence], actors: list[Mention],
                   lang: str) -> list[Tok | None]:
    """For each sentence, the thing the sentence just before it has as its main subject (a
    common noun naming no actor), if any."""
    index = SpanIndex(actors)
    nouns = words("generic_body_nouns", lang) | words("generic_person_nouns", lang) \
        | lexicon_words("role_heads", lang)
    out: list[Tok | None] = [None]
    for unit in units[:-1]:
        subject = next((t for t in toks[unit.lo:unit.hi] if t.dep.startswith("nsubj")
                        and toks[t.head].head == t.head), None)
        # a thing: a common noun that is no title or body word, its phrase naming no actor
        # ("Le préfet du Nord, Bertrand Gaume, est venu": a person)
        thing = subject is not None and subject.pos == "NOUN" \
            and fold(subject.lemma) not in nouns and fold(subject.text) not in nouns \
            and not _names_actor(toks, unit, subject, index)
        out.append(subject if thing else None)
    return out


def _names_actor(toks: list[Tok], unit: Sentence, head: Tok, index: SpanIndex[Mention]) -> bool:
    """A word of the noun phrase of ``head`` (it and the words that depend on it, however
    far down) is in an actor's mention."""
    for t in toks[head.i:unit.hi]:
        up, steps = t, 0
        while up.i != head.i and steps < 8 and unit.lo <= up.head < unit.hi and up.head != up.i:
            up, steps = toks[up.head], steps + 1
        if up.i == head.i and index.at(t.start) is not None:
            return True
    return False


def continues_thing(pronoun: Tok, verb: Tok, thing: Tok | None, lang: str) -> bool:
    """The pronoun subject of ``verb`` stands for ``thing``: of its gender and number, and
    the verb is not one of saying."""
    if thing is None or any(is_word_of(verb, s, lang) for s in _SPEAKING):
        return False
    if lex("grammatical_gender", lang) is not True \
            and fold(pronoun.text) not in words("body_pronouns", lang):
        return False  # "he", "she": a person, never a thing
    for feat in ("Gender", "Number"):
        mine, its = pronoun.feat(feat), thing.feat(feat)
        if mine and its and mine != its:
            return False
    return True


__all__ = ["continues_thing", "thing_subjects"]
