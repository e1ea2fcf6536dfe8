"""Who a bare title or a recent mention stands for: the person last named with a title in
their role ("a conclu le ministre"), the one person named just before, the words a body's
name is shortened to. Shared by the readers of anaphors, quotation speakers and inverted
verbs (:mod:`extractor.claims.anaphora`, :mod:`extractor.claims.quote_speakers`,
:mod:`extractor.claims.inverted`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from extractor.claims.genders import person_gender
from extractor.claims.sentences import words
from extractor.mentions.naming import lexicon_words
from extractor.records import Mention
from extractor.text.fold import fold

PRONOUN_REACH = 400  # characters back to the person a pronoun stands for


def recent(items: Sequence[Mention], at: int, limit: int = 200) -> list[Mention]:
    """The mentions (sorted by position) that end before ``at``, the last ``limit`` of them:
    an antecedent is looked for among what was named recently, in time linear in the text."""
    last = bisect.bisect_left(items, at, key=lambda m: m.start)
    return [m for m in items[max(0, last - limit):last] if m.end <= at]


def one_person_before(persons: list[Mention], at: int) -> Mention | None:
    """The person named in the characters just before ``at``, when only one was."""
    near = [p for p in recent(persons, at, 50) if at - PRONOUN_REACH <= p.start]
    return near[-1] if near and len({p.key or p.text for p in near}) == 1 else None


def name_heads(name: str, lang: str) -> tuple[str, ...]:
    """The words a body's name can be shortened to: its first and last words less
    determiners ("la Métropole de Lyon" → métropole, lyon; "the Interior Ministry" →
    interior, ministry); a hyphenated word is one ("Vélo-Cité" is no "vélo")."""
    found = [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", fold(name))
             if len(w) > 2 and w not in words("determiners", lang)]
    return (found[0], found[-1]) if found else ()


def titled_person(word: str, persons: Sequence[Mention], at: int,
                  lang: str, gender: str | None = None) -> Mention | None:
    """The person a bare title stands for: the last one named before ``at`` with that title
    in their role ("a conclu le ministre", "according to the minister"), or, for a generic
    one ("the elected official"), the last person named; never one of the other gender than
    the title shows ("la ministre" is not "Jacques Mézard, ministre de …")."""
    generic = word in words("generic_person_nouns", lang)
    named = [p for p in recent([m for m in persons if m.type == "Person"], at)
             if (generic or p.role and word in title_words(p.role, lang))
             and (gender is None or person_gender(p.text) in (None, gender))]
    heads = lexicon_words("role_heads", lang)
    if not named and gender is not None and (word in heads or word.split("-")[-1] in heads):
        # "… a indiqué Elisabeth Borne en présence du ministre Jacques Mézard. … a poursuivi
        # la ministre", "a reconnu l'ex-députée": the one person just named of the title's
        # gender, named there with no title
        named = [p for p in recent(persons, at, 50) if p.type == "Person" and not p.role
                 and at - PRONOUN_REACH <= p.start and person_gender(p.text) in (None, gender)]
        named = named if len({p.key or p.text for p in named}) == 1 else []
    return named[-1] if named else None


def title_words(role: str, lang: str) -> list[str]:
    """The words of a role before its complement: "préfet de police de Paris" → préfet,
    "the chairman of the Oppelia association" → the, chairman; the organisation a role
    names ("la Ville" of "maire de la Ville") is not a title."""
    markers = words("possessive_markers", lang)
    out: list[str] = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*'?", fold(role)):  # vice-président whole
        if word in markers:
            break
        out.append(word)
    return out


__all__ = ["PRONOUN_REACH", "name_heads", "one_person_before", "recent", "title_words",
           "titled_person"]
