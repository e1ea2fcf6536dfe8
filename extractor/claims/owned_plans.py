"""What a group owns: an English possessor ("the Region's fund") and the plan it owns whose
verb of listing promises what the plan lists ("la stratégie de l'UE prévoit …"); and a plan
a possessive determiner gives to the actor the text continues ("Son plan prévoit …"). Kept
apart from :mod:`extractor.claims.roles`, which calls the first for every group, and from
:mod:`extractor.claims.anaphora`, which calls the last for a subject naming no actor."""

from __future__ import annotations

import re

from extractor.claims.actions import is_word_of
from extractor.claims.groups import patterns
from extractor.claims.kind import verb_kind
from extractor.claims.sentences import Sentence, Tok, lex, words
from extractor.records import Mention
from extractor.text.fold import fold


def owned_by_s(text: str, group: tuple[Mention, ...]) -> bool:
    """The group is an English possessor ("the Region's fund", "the unions' call")."""
    return re.match(r"['’]s?\b", text[group[-1].end:group[-1].end + 3]) is not None


def plan_lists(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                before: str, lang: str) -> int | None:
    """The verb of listing whose subject is the plan a group owns ("la stratégie de l'Union
    européenne prévoit la plantation de 3 milliards d'arbres", "the City's plan provides
    for"): the owner promises what its plan lists."""
    owned, span = owned_by_s(text, group), toks[unit.lo:unit.hi]  # "the City's plan"
    if not owned and not patterns(lang)["poss"].search(before):  # "la stratégie de l'UE"
        return None
    noun = next((t for t in span if t.start >= group[-1].end and t.pos == "NOUN"), None) \
        if owned else next((t for t in reversed(span) if t.end <= group[0].start
                            and t.pos == "NOUN"), None)
    if noun is None or fold(noun.lemma) not in words("plan_nouns", lang) \
            or not noun.dep.startswith("nsubj") or not unit.lo <= noun.head < unit.hi:
        return None
    verb = toks[noun.head]
    return verb.i if verb.pos == "VERB" and is_word_of(verb, "listing_verbs", lang) else None


def pronoun_plan(toks: list[Tok], unit: Sentence, t: Tok, verb: Tok, previous: Mention | None,
                 lang: str) -> tuple[Mention, int] | None:
    """The owner of a plan named by a possessive determiner, as the subject of a verb of
    listing or a promise ("Son plan prévoit la création de 30 000 places", "His plan will
    create 30,000 places"): the actor the text continues, of the determiner's kind ("his",
    "her" a person, "its" a body), whose plan lists what it promises; with the verb that
    promises."""
    if previous is None or t.pos != "NOUN" or fold(t.lemma) not in words("plan_nouns", lang) \
            or not t.dep.startswith("nsubj") or t.dep.endswith("pass"):
        return None
    det = next((c for c in toks[max(unit.lo, t.i - 5):t.i] if c.head == t.i
                and c.feat("Poss") == "Yes"), None)
    if det is None:
        return None
    if lex("grammatical_gender", lang) is not True and det.feat("Gender"):
        # where the determiner agrees with its owner: "his plan" a person's, "its" a body's
        if (det.feat("Gender") in ("Masc", "Fem")) != (previous.type == "Person"):
            return None
    # the verb, or one joined to it ("focuses on training and will create 30,000 places")
    verbs = [verb] + [c for c in toks[verb.i + 1:unit.hi] if c.head == verb.i and c.dep == "conj"]
    promises = next((v for v in verbs if is_word_of(v, "listing_verbs", lang)
                     or verb_kind(toks, v.i, lang) == "commitment"), None)
    return (previous, promises.i) if promises is not None else None
