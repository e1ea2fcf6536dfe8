"""A person's office speaking or acting for the body the person heads ("the minister's
office said", "Ms Hédon's office published a report", "le cabinet de la ministre précise"):
by the annotation guidelines an unnamed part of a body acting for it is a mention of that
body, here the one the person's title names (the ministry of a minister, the Prime
Minister's office), not the person, who did not speak. The people close to the person
("Macron's aides", "l'entourage du ministre") are not the office: the person stays the actor.

The person is a name right after the French noun and its link ("le cabinet de Claire
Masson") or before the English possessive ("Masson's office"), or a bare title there ("la
ministre", "the minister"): the last person named before with that title. The body is the
office the title names in the registry ("the prime minister's office"), else the office
the person's role names; with neither, nothing is found.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from extractor.mentions.naming import lexicon_words
from extractor.mentions.registry import offices_in
from extractor.records import Document, Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    """The staff noun with the person or title it belongs to: after the noun and a link
    where the language writes one ("le cabinet de la ministre"), else before the noun with a
    possessive ending ("the minister's office", "Masson's office")."""
    nouns = alternation(sorted(lexicon_words("staff_nouns", lang)))
    if not nouns:
        return None
    links = sorted(lexicon_words("staff_links", lang), key=len, reverse=True)
    title = r"(?P<title>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)"
    if links:
        return re.compile(rf"(?<![\w-])(?P<noun>(?i:{nouns}))\s+(?i:{alternation(links)})\s*"
                          rf"{title}?", re.IGNORECASE)
    dets = alternation(lexicon_words("role_determiners", lang))
    return re.compile(rf"(?:(?<![\w-])(?i:{dets})\s+{title}|(?P<name>\S+))(?:'s|’s)\s+"
                      rf"(?P<noun>(?i:{nouns}))(?![\w-])")


def staff_bodies(document: Document, mentions: list[Mention],
                 starts: list[int]) -> list[Mention]:
    """The body a person's staff stands for, one mention over the words ("cabinet de la
    ministre", "minister's office", "Masson's office"); none where a body is named there
    already ("the Prime Minister's Office" of the registry)."""
    pattern = _pattern(document.lang)
    if pattern is None:
        return []
    persons = sorted((m for m in mentions if m.type == "Person"), key=lambda m: m.start)
    bodies = [(m.start, m.end) for m in mentions if m.type == "Organization"]
    out = []
    for hit in pattern.finditer(document.text):
        found = _body(hit, persons)
        if found is None:
            continue
        body, who_start, who_end = found
        start, end = min(hit.start("noun"), who_start), max(hit.end("noun"), who_end)
        if any(s < end and start < e for s, e in bodies):
            continue
        out.append(Mention(document=document.id, type="Organization",
                           text=document.text[start:end], start=start, end=end,
                           sentence=max(0, bisect.bisect_right(starts, start) - 1),
                           key="reg:" + body, source="institution"))
    return out


def _body(hit: re.Match[str], persons: list[Mention]) -> tuple[str, int, int] | None:
    """The registry body of the person or title the staff belongs to, and where the person
    or title is written."""
    if not hit.group("title") and "name" not in hit.re.groupindex:
        return None
    where = hit.start("title") if hit.group("title") else hit.start("name")
    person = next((p for p in persons if p.start <= where < p.end), None)
    if person is not None:
        return _office_of(person, persons, person.start, person.end)
    if not hit.group("title"):
        return None
    offices = offices_in(hit.group("title"))
    if offices:  # "the prime minister's office", "le cabinet du Premier ministre"
        return offices[0], hit.start("title"), hit.end("title")
    for word in reversed(list(re.finditer(r"\S+", hit.group("title")))):
        # "la ministre" (of "la ministre précise"): the last person named with that title
        titled = [p for p in persons if p.end <= hit.start() and p.role
                  and fold(word.group()) in fold(p.role).split()]
        if titled:
            at = hit.start("title") + word.start()
            return _office_of(titled[-1], persons, at, at + len(word.group()))
    return None


def _office_of(person: Mention, persons: list[Mention], start: int,
               end: int) -> tuple[str, int, int] | None:
    """The body whose office a role of the person is (any mention of them that has one)."""
    roles = [p.role for p in persons if p.key == person.key and p.role]
    offices = [body for role in roles for body in offices_in(role)]
    return (offices[0], start, end) if offices else None


__all__ = ["staff_bodies"]
