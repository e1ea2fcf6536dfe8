"""An unnamed office-holder acts for the body of its title.

The annotation guidelines make an unnamed office-holder a mention of the body it heads
("the mayor of Paris" is the City of Paris), so in "La directrice de l'ARS Bretagne a
annoncé …" or "the president of Rennes Métropole said …" the body is the subject of the
title's verb. Only the titles of ``ontology/lang/actors.yaml`` (``role_heads``) count, for
any body the text names: the bodies the institution grammar knows have their own office
forms, and this reads every other one the same way. A title whose holder is named ("La
directrice de l'ARS, Amélie Verdier, a annoncé", "Amélie Verdier, directrice de l'ARS, a
annoncé") is the person's, who acts in their own name: the body then does nothing.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from extractor.claims.kind import any_language_words
from extractor.claims.sentences import Sentence, Tok, words
from extractor.claims.triggers import head_subject
from extractor.mentions.institutions import find_institutions
from extractor.mentions.naming import lexicon_words
from extractor.mentions.registry import load_registry
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation


@cache
def _office(lang: str) -> re.Pattern[str]:
    """A title and its possessive marker right before a body ("la directrice générale de
    l'", "the head of the"), on folded text."""
    titles = alternation(lexicon_words("role_heads", lang))
    extra = alternation(lexicon_words("title_words", lang))
    poss = alternation(words("possessive_markers", lang))
    det = alternation(any_language_words("determiners"))
    return re.compile(rf"(?:^|\W)({titles})(?:\s+(?:{extra}))?\s+(?:{poss})\s*"
                      rf"(?:(?:{det})\s*)?$")


def holder_named(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                  persons: list[Mention], title: Tok | None) -> bool:
    """A person is given the title: named right after the body (", Amélie Verdier"), or
    the title is set beside a name in the parse (its apposition, or it is one)."""
    for p in persons:
        # a person the grouping joined to the body ("Président du SMT et maire de Tours,
        # Emmanuel Denis"): named after the body, not after the group
        end = group[0].end if p in group[1:] else group[-1].end
        if p.start >= end and (re.fullmatch(r"[\s,(]*", text[end:p.start]) or _qualified(
                text, toks, end, p.start)):
            return True
        # or given the titles the body is named in ("Président du SMT et maire de Tours,
        # Emmanuel Denis répond"): the sentence names the holder
        gap, role = fold(text[end:p.start]).rstrip(" ,"), fold(p.role or "")
        if unit.start <= p.start < unit.end and role and (fold(group[0].text) in role or (
                p.start > end and gap.endswith(role) and len(gap) - len(role) <= 6)):
            return True
    if title is None:
        return False
    if title.dep == "appos":
        return True
    return any(t.head == title.i and t.dep in ("appos", "flat:name", "flat") and t.pos == "PROPN"
               for t in toks[unit.lo:unit.hi])


def _holder_before(persons: list[Mention], title: str, group: tuple[Mention, ...],
                   lang: str, guess: bool = True) -> Mention | None:
    """The person the document named earlier with this office ("Jean-Luc Moudenc, maire de
    Toulouse et président de Toulouse Métropole … Le président de Toulouse Métropole a
    toujours dit"), or named with it by a demonstrative ("le président de cette instance"):
    the title is that person, as the guidelines make a named person's title; with ``guess``,
    else the last person named when the document gives them no role."""
    body = fold(group[0].text)
    before = [p for p in persons if p.end <= group[0].start]
    # the whole title: "président" is not the "vice-président" named before
    whole = re.compile(rf"(?<![\w-]){re.escape(title)}(?![\w-])")
    held = [p for p in before if p.role and whole.search(fold(p.role)) and (
        body in fold(p.role) or _demonstrative(p.role, title, lang)
        or _role_names(p, group[0], lang))]
    if held:  # "le président de cette instance, André Laignel … a ajouté le président du CFL"
        return held[-1]
    # news prose names a person, then calls them by an office it never gave them ("Jean-
    # Michel Lattes a répondu … Le président de Tisséo-SMTC s'est fendu d'un communiqué"):
    # the title is the last person named, when the document gives that person no role
    last = before[-1] if before and guess else None
    # only just before: a person named paragraphs earlier is no one the title recalls
    if last is None or group[0].start - last.end > _GUESS_REACH or any(
            p.role for p in persons if p.key == last.key):
        return None
    return last


_GUESS_REACH = 300  # characters: the sentence before, as news prose recalls a name


def _role_names(person: Mention, body: Mention, lang: str) -> bool:
    """The person's role names the body by another of its names ("Carole Delga, présidente
    de la Région Occitanie, … la présidente du conseil régional"): a body the registry or
    the institution grammar finds in the role has the body's key."""
    return bool(body.key and person.role and body.key in _role_keys(person.role, lang))


@cache
def _role_keys(role: str, lang: str) -> frozenset[str]:
    """The keys of the bodies a role names, as mentions are keyed."""
    return frozenset({f"reg:{h.actor}" for h in load_registry().find(role)}
                     | {i.key for i in find_institutions(role, lang)})


def _demonstrative(role: str, title: str, lang: str) -> bool:
    """The role names its body by a demonstrative right after the title ("président de cette
    instance")."""
    rest = fold(role).split(title, 1)[-1].replace("'", " ").split()
    return any(w in words("demonstratives", lang) for w in rest[:3])


def office_before(text: str, body: Mention, lang: str) -> bool:
    """Whether a title names an office of the body right before it ("le président de la")."""
    return _office(lang).search(fold(text[max(0, body.start - 60):body.start])) is not None


def titled_holder(text: str, m: Mention, actors: list[Mention], lang: str) -> Mention | None:
    """The person a body's title before its name stands for when that body speaks (« … », a
    ajouté le président du CFL"): the one the document named with the office, as for a
    title's verb (``_holder_before``); None when the name has no title before it."""
    if m.type != "Organization":
        return None
    match = _office(lang).search(fold(text[max(0, m.start - 60):m.start]))
    if match is None:
        return None
    # only a person given the office: a quotation's words are not guessed to be the last
    # person's ("writes the president of the Oppelia association" after a CRC magistrate)
    return _holder_before([p for p in actors if p.type == "Person"], match.group(1), (m,), lang,
                          guess=False)


def holder_after(text: str, toks: list[Tok], body: Mention, actors: list[Mention],
                 lang: str) -> Mention | None:
    """The person named after a body that a title before it makes an office, across what
    qualifies the office ("s'est ému le vice-président de la Région chargé des transports,
    Patrick Mignola"): a comma, then the name, with no stop, colon or quotation between."""
    if _office(lang).search(fold(text[max(0, body.start - 60):body.start])) is None:
        return None
    return next((p for p in actors if p.type == "Person" and body.end < p.start
                 and _qualified(text, toks, body.end, p.start)), None)


# what qualifies an office between its body and its holder's name: "chargé des transports, ",
# "en charge des Transports, le Savoyard "; no stop, colon or quotation
_QUALIFIED = re.compile(r"[^.;:!?«»“”\"]*,\s*(?:\w+\s+){0,2}")


def _qualified(text: str, toks: list[Tok], start: int, end: int) -> bool:
    """Only words that qualify an office between ``start`` and ``end``: a short phrase and a
    comma, no finite verb ("a annoncé 12 centres, a indiqué X" is another clause)."""
    if end - start > 60 or not _QUALIFIED.fullmatch(text[start:end]):
        return False
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    return not any(t.pos == "AUX" or t.pos == "VERB" and t.feat("VerbForm") == "Fin"
                   for t in toks[first:first + 20] if t.start < end)


def office_role(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                before: str, actors: list[Mention], persons: list[Mention], lang: str
                ) -> tuple[bool, tuple[tuple[Mention, ...], int] | None]:
    """(whether an office title comes right before the group, (who acts, the verb)): the
    body, or the person the document named with the office; nobody when the sentence names
    the holder beside the title. Not an office when the title is no verb's subject ("le
    rapport du président de la CRC"): the words before the title say what the group is."""
    match = _office(lang).search(before)
    if match is None:
        return False, None
    title = next((t for t in reversed(toks[unit.lo:unit.hi])
                  if t.end <= group[0].start and fold(t.text) == match.group(1)), None)
    k = head_subject(toks, unit, group[0].start)
    if holder_named(toks, unit, text, group, [m for m in actors if m.type == "Person"],
                     title):
        # the holder named in the group ("Président du SMT et maire de Tours, Emmanuel Denis
        # répond"): the holder acts, not the body
        named = tuple(m for m in group[1:] if m.type == "Person")
        verb = next((t.head for t in toks[unit.lo:unit.hi] if named and t.dep == "nsubj"
                     and named[0].start <= t.start < named[0].end), k)  # or the title's
        return True, (named, verb) if named and verb is not None else None
    if k is None:
        return False, None
    holder = _holder_before(persons, match.group(1), group, lang)
    return True, ((holder,) if holder else group, k)


__all__ = ["holder_after", "holder_named", "office_role", "titled_holder"]
