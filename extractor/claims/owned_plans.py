"""What a group owns: an English possessor ("the Region's fund") and the plan it owns whose
verb of listing promises what the plan lists ("la stratégie de l'UE prévoit …"). Kept apart
from :mod:`extractor.claims.roles`, which calls it for every group."""

from __future__ import annotations

import re

from extractor.claims.actions import is_word_of
from extractor.claims.groups import patterns
from extractor.claims.sentences import Sentence, Tok, words
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
