"""References to a body by its kind alone ("la mairie", "the prefecture", "la métropole"):
the one body of that kind the document names, by its place or in the registry.

A reference resolves to the one body of its kind the text names; of several, to the one whose
place the text named last before it; with none named, to the body seated in the one city the
text names ("la municipalité" in a text about Marseille alone). A body named by its place's
adjective ("la métropole bordelaise") is the one body of its kind the text names by name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from extractor.knowledge import load_yaml
from extractor.mentions.institutions import (
    capital_marks_body,
    find_references,
    is_title_reference,
    kind_of,
    seat_key,
    seat_type,
    seated_reference,
)
from extractor.mentions.registry import load_registry, offices_in
from extractor.mentions.seats import document_seat
from extractor.mentions.staff_bodies import staff_bodies
from extractor.records import Document, Mention, key_for
from extractor.text.fold import fold_name
from extractor.text.patterns import alternation
from extractor.text.spans import overlaps
from extractor.text.wordlists import all_languages

_LEXICON = "lang/actors.yaml"


def institution_references(document: Document, mentions: list[Mention],
                           starts: list[int]) -> list[Mention]:
    """"la mairie", "the prefecture": a mention of the one body of that kind the document names
    by its place ("mairie de Rennes"); nothing when it names none or several."""
    keys = named_kinds(mentions)
    # the small model's reading of the noun alone ("le Crous" as a place) gives way
    taken = [(m.start, m.end) for m in mentions if m.source != "ner"]
    persons = [m.start for m in mentions if m.type == "Person"]
    out = []
    for start, end, kind in find_references(document.text, document.lang):
        if _titles_person(document, start, end, persons):
            continue  # "le maire socialiste Benoît Payan": the person's title
        found = keys.get(kind, set())
        noun = document.text[start:end]
        sentence = max(0, bisect.bisect_right(starts, start) - 1)
        if not found and seated_reference(noun, kind, document.lang):
            found = _seated(kind, mentions, start, sentence)
        if not found and capital_marks_body(noun, document.lang):
            found = {key_for("Organization", noun)}
        elif len(found) > 1:
            found = _nearest_seat(found, mentions, start)
        if len(found) != 1 or overlaps(start, end, taken):
            continue
        out.append(Mention(document=document.id, type="Organization", text=noun, start=start,
                           end=end, sentence=sentence, key=next(iter(found)),
                           source="institution"))
    return out


def office_body_references(document: Document, mentions: list[Mention],
                           starts: list[int]) -> list[Mention]:
    """"le ministère", "the ministry", "le tribunal", "the court" written bare: the one body
    of that head the document names before it, by name (in the registry or by the
    institution grammar: "le tribunal administratif de Caen … Le tribunal maintient") or as
    the office of a person it names ("Agnès Buzyn, ministre des Solidarités et de la Santé
    … », assure le ministère"); nothing when it names several."""
    if not _reference_nouns(document.lang):
        return []
    # the bodies named, and those whose office a named person's role is, each at the first
    # place it is named, by the first and last words of their names (a French name's head
    # opens it, an English one's may close it: "the Caen administrative court")
    named: dict[str, dict[str, int]] = {}
    for m in mentions:
        for key, name in _named_bodies(m, document.lang):
            for head in {fold_name(w) for w in (name.split()[0], name.split()[-1])}:
                at = named.setdefault(head, {})
                at[key] = min(at.get(key, m.start), m.start)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    hits = (h for pattern in _bare_references(document.lang)
            for h in pattern.finditer(document.text))
    for hit in hits:
        found = {key for key, at in named.get(fold_name(hit.group("noun")), {}).items()
                 if at < hit.start()}
        if len(found) == 1 and not overlaps(hit.start("noun"), hit.end("noun"), taken):
            out.append(Mention(document=document.id, type="Organization", text=hit.group(
                "noun"), start=hit.start("noun"), end=hit.end("noun"), sentence=max(
                0, bisect.bisect_right(starts, hit.start()) - 1),
                key=next(iter(found)), source="institution"))
    return out


def office_bodies(document: Document, mentions: list[Mention],
                  starts: list[int]) -> list[Mention]:
    """The mentions with the bodies named by their office alone ("the ministry") and by a
    person's staff ("the minister's office", "le cabinet de X"); a person named inside the
    staff's words is no mention of its own there."""
    staff = staff_bodies(document, mentions, starts)
    spans = [(m.start, m.end) for m in staff]
    kept = [m for m in mentions if m.type != "Person" or not any(
        s <= m.start and m.end <= e for s, e in spans)]
    return kept + office_body_references(document, mentions, starts) + staff


def _named_bodies(m: Mention, lang: str) -> list[tuple[str, str]]:
    """(key, name) of the bodies a mention names: its own (a registry body by its label in
    the document's language, a body of the institution grammar as written), or the
    registry offices its person holds."""
    if m.type == "Organization" and m.key and m.key.startswith("reg:"):
        actor = load_registry().get(m.key[4:])
        return [(m.key, actor.label(lang))] if actor is not None else []
    if m.type == "Organization" and m.key and m.key.startswith("org:") and m.text.split():
        return [(m.key, m.text)]
    if m.type == "Person" and m.role:
        return [("reg:" + ident, actor.label(lang)) for ident in offices_in(m.role)
                if (actor := load_registry().get(ident)) is not None]
    return []


@cache
def _bare_references(lang: str) -> list[re.Pattern[str]]:
    """Each reference noun after one of its determiners, not followed by its complement ("le
    ministère ," but not "le ministère de la Santé")."""
    links = alternation(all_languages(_LEXICON, "longer_name_links"))
    return [re.compile(rf"(?<![\w-])(?i:{alternation(dets)})\s*(?P<noun>(?i:{re.escape(noun)}))"
                       rf"(?![\w-])(?!\s+(?:{links})\b)(?!\s+[A-ZÀ-Ý])")
            for noun, dets in _reference_nouns(lang).items()]


@cache
def _reference_nouns(lang: str) -> dict[str, list[str]]:
    """Noun → the determiners it takes written bare (``office_body_references``)."""
    section = load_yaml(_LEXICON).get("office_body_references") or {}
    nouns = section.get(lang) if isinstance(section, dict) else None
    return {str(n): [str(d) for d in dets or []] for n, dets in (nouns or {}).items()}


def _titles_person(document: Document, start: int, end: int, persons: list[int]) -> bool:
    """Whether a title reference ("le maire") ends one word (an adjective, a party in
    brackets) before a person's name: "le maire socialiste Benoît Payan", "le maire (PS) X"."""
    if not is_title_reference(document.text[start:end], document.lang):
        return False
    return any(re.fullmatch(r"\s+(?:[\w'’-]+\s+|\([^()\n]{1,30}\)\s+)?", document.text[end:p])
               for p in persons if end < p <= end + 40)


def named_kinds(mentions: list[Mention]) -> dict[str, set[str]]:
    """Kind of body ("Ville de {place}") → the keys of the bodies of that kind named by their
    place; one named by its place's adjective does not count ("la métropole bordelaise")."""
    keys: dict[str, set[str]] = {}
    for m in mentions:
        kind = kind_of(m.key) if m.type == "Organization" and m.key else None
        if kind and m.key and m.source != "institution:adjective":
            keys.setdefault(kind, set()).add(m.key)
    return keys


def adjective_rekeyed(mentions: list[Mention]) -> list[Mention]:
    """A body named by its place's adjective is the one body of its kind the text names by
    name, if only one ("la métropole bordelaise" … "Bordeaux Métropole")."""
    keys = named_kinds(mentions)
    out = []
    for m in mentions:
        kind = kind_of(m.key) if m.source == "institution:adjective" and m.key else None
        if kind and len(keys.get(kind, ())) == 1:
            m = replace(m, key=next(iter(keys[kind])))
        out.append(m)
    return out


def _nearest_seat(keys: set[str], mentions: list[Mention], start: int) -> set[str]:
    """Of several bodies of one kind, the one whose place the text last named before the
    reference ("les métropoles de Lyon, Grenoble et Strasbourg … Lyon : … la métropole")."""
    for m in sorted((m for m in mentions if m.type == "Place" and m.end <= start),
                    key=lambda m: m.start, reverse=True):
        place = re.compile(rf"(?<![\w-]){re.escape(fold_name(m.text))}(?![\w-])")
        seated = {k for k in keys if any(place.search(n) for n in _names_of(k))}
        if len(seated) == 1:
            return seated
    return keys


def _names_of(key: str) -> list[str]:
    """The folded names of the body a key stands for (a registry body's labels and aliases)."""
    actor = load_registry().get(key[4:]) if key.startswith("reg:") else None
    return [fold_name(n) for n in actor.names()] if actor else [key.partition(":")[2]]


def _seated(kind: str, mentions: list[Mention], start: int, sentence: int) -> set[str]:
    """The body of ``kind`` seated in the text's place of its seat type ("la municipalité" in
    a text about Marseille alone is the Ville de Marseille, "le Département" in a text about
    Mâcon the council of the Saône-et-Loire): a city only where the text names one city."""
    wanted = seat_type(kind)
    if wanted is None:
        return set()
    seat = document_seat(mentions, start, sentence, wanted, unique=wanted == "city")
    key = seat_key(kind, seat.label) if seat else None
    return {key} if key else set()
