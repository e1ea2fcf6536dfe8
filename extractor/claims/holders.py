"""Offices that stand for the person holding them, in a document that names that person.

By the annotation guidelines an unnamed office-holder ("le préfet de police", "the mayor
of Paris") is a mention of the body. But news prose names a person once and then calls them
by their office ("Emmanuel Macron est attendu à Marseille … le chef de l'État veut faire
…", "Prime Minister Jean Castex … the Prime Minister expresses a reservation"): the claim is
the person's. The office stands for a person only when the document names them, either
with that office as their role or as its holder on the document's date
(``ontology/holders.yaml``); otherwise it stays the body's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractor.claims.pairs import title_synonyms
from extractor.claims.sentences import words
from extractor.mentions.document_names import office_terms
from extractor.mentions.institutions import find_institutions, is_title_reference
from extractor.mentions.naming import lexicon_words, strip_determiner
from extractor.mentions.registry import load_registry, offices_in
from extractor.records import Mention, key_for
from extractor.text.fold import fold, fold_name

_OFFICE_SOURCES = ("registry:office", "institution:office")


@cache
def _holders() -> dict[str, list[tuple[str, str, str]]]:
    """Body id → (folded name, from, to) of each holder of its office."""
    return {body: [(fold_name(name), start, end) for name, start, end in terms]
            for body, terms in office_terms().items()}


def _body(m: Mention) -> str:
    return (m.key or "").removeprefix("reg:")


@cache
def _role_bodies(role: str, lang: str) -> frozenset[str]:
    """The bodies a person's role names as an office ("maire de Marseille" → the city's
    council, "Prime Minister" → the Prime Minister's office)."""
    hits = set(offices_in(role))
    hits |= {i.key for i in find_institutions(role, lang) if i.office}
    return frozenset(hits)


def office_holders(actors: Sequence[Mention], published: str | None,
                   lang: str, text: str = "") -> dict[tuple[int, int], Mention]:
    """Office mentions (by span) → the person mention they stand for; with the ``text``,
    also a person whose brackets give the office's place ("les maires de Pantin et
    d'Aubervilliers … Bertrand Kern (Pantin, PS)", the French press's way to place an
    elected official)."""
    persons = [m for m in actors if m.type == "Person"]
    # "Gabriel Attal, alors ministre de l'Education nationale": he holds it no longer
    holding = [p for p in persons if not _former(p, lang)]
    out: dict[tuple[int, int], Mention] = {}
    for m in actors:
        if m.type != "Organization" or not _an_office(m, lang):
            continue
        body, bare = _body(m), fold(m.text) if m.source == "institution" else None
        # named with that office as role; a bare title, with that title and no other body
        # ("Lyon Mayor Marc Durand … added the mayor")
        # a synonym of the title too ("l'édile" after "Son maire, Rémy Guillou")
        bares = title_synonyms().get(bare, frozenset({bare})) if bare else frozenset()
        named = [p for p in holding if p.role and (
            body in _role_bodies(p.role, lang) or bares & set(fold(p.role).split())
            and not _role_bodies(p.role, lang))]
        # the last named before; else the first after: a lead gives the title, a later
        # sentence the name ("Le maire de Dijon a fait le point … indique le maire de Dijon,
        # François Rebsamen")
        earlier = [p for p in named if p.end <= m.start]
        person = earlier[-1] if earlier else named[0] if named else _holder_named(
            persons, body, published) or _placed_in_brackets(persons, m, text)
        if person is not None:
            out[(m.start, m.end)] = person
    return out


def _former(person: Mention, lang: str) -> bool:
    """A role that opens with a word of a past tenure ("alors ministre", "ex-préfet",
    "former minister", ``past_title_markers``)."""
    first = re.split(r"[\s-]+", fold(person.role or "").strip(), maxsplit=1)[0]
    return bool(first) and first in lexicon_words("past_title_markers", lang)


def _placed_in_brackets(persons: Sequence[Mention], office: Mention,
                        text: str) -> Mention | None:
    """The one person whose brackets right after the name hold the office's place, for an
    office of the institution grammar written with its place ("maires de Pantin")."""
    place = re.search(r"[A-ZÀ-Ý][\w'’-]*(?:[\s-][A-ZÀ-Ý][\w'’-]*)*$", office.text)
    if not text or office.source != "institution:office" or place is None:
        return None
    found = {p.key or p.text: p for p in persons if (bracket := re.match(
        r"\s*\(([^()]{1,60})\)", text[p.end:p.end + 64])) and fold(place.group(0)) in {
        fold(part.strip()) for part in bracket.group(1).split(",")}}
    return next(iter(found.values())) if len(found) == 1 else None


def _an_office(m: Mention, lang: str) -> bool:
    """An office's mention: a registry or grammar office ("le préfet de police"), or a bare
    title that is also a body's reference ("the mayor", "le préfet"), which the body stands
    for only when the document names no holder."""
    return m.source in _OFFICE_SOURCES or m.source == "institution" and is_title_reference(
        m.text[:1].lower() + m.text[1:], lang)


def _holder_named(persons: Sequence[Mention], body: str,
                  published: str | None) -> Mention | None:
    """The mention of the person who held the body's office on the document's date; in an
    undated text (a page that prints no date), the one person it names who ever held it
    ("François Bayrou … announced the Prime Minister"): two past holders named leave the
    office to its body, as no date says which one it means."""
    terms = _holders().get(body, [])
    day = published[:10] if published else None
    names = {name for name, start, end in terms if day is None or start <= day < end}
    found = [p for p in persons if fold_name(p.text) in names
             or (p.key or "").removeprefix("per:") in names]  # "Ms. Borne", keyed as her
    if day is None and len({p.key or fold_name(p.text) for p in found}) != 1:
        return None
    return found[0] if found else None


def holder_of(holding: dict[tuple[int, int], Mention], m: Mention) -> Mention:
    """The person holding the office a mention names, as ``office_holders`` found; else the
    mention itself."""
    return holding.get((m.start, m.end), m)


def held_offices_dropped(mentions: Sequence[Mention], published: str | None,
                         lang: str) -> list[Mention]:
    """The mentions without the bare offices that stand for a person the document names
    ("added the mayor", after "Paris Mayor Anne Hidalgo": her anaphor, not the city); an
    office the registry names ("le Premier ministre", "le chef de l'État") stays a mention
    of its body although the claims give its acts to the holder (tests/gold/README.md,
    Titles). Run after the claims, which need them."""
    actors = [m for m in mentions if m.type in ("Organization", "Person")]
    holding = office_holders(actors, published, lang)
    out = []
    for m in mentions:
        if m.source == "institution" and (m.start, m.end) in holding:
            continue
        out.append(_seat_of_periphrasis(m, lang) if m.source in _OFFICE_SOURCES else m)
    return out


def _seat_of_periphrasis(m: Mention, lang: str) -> Mention:
    """An office named by its seat ("le locataire de la place Beauvau", "the tenant of
    Matignon") as an entity mention: its seat, the body a registry name makes of it
    ("Matignon") or else a place ("place Beauvau"); any other mention unchanged."""
    folded = fold(m.text)
    head = next((h for h in sorted(words("seat_periphrasis_heads", lang), key=len, reverse=True)
                 if folded.startswith(h + " ") or folded.startswith(h + "'")), None)
    if head is None:
        return m
    rest = len(head) + len(m.text[len(head):]) - len(m.text[len(head):].lstrip(" "))
    offset, _ = strip_determiner(m.text, rest, len(m.text))  # "la place Beauvau"
    seat, start = m.text[offset:], m.start + offset
    hit = next((h for h in load_registry().find(seat) if (h.start, h.end) == (0, len(seat))
                and h.kind not in ("office", "seat")), None)
    if hit is not None:
        return replace(m, text=seat, start=start, key=f"reg:{hit.actor}", source="registry:name")
    return replace(m, type="Place", text=seat, start=start, key=key_for("Place", seat),
                   source="rule")


__all__ = ["held_offices_dropped", "holder_of", "office_holders"]
