"""Where a text is, for the bodies it names without their place: "l'ARS", "le préfet de
région", "la CAF", "le Département", "the regional health agency" are the agency, prefecture,
fund or council of the region, department or city the text is about, not of Paris.

Every place the text names has a city, department and region (:func:`containing`: a street of
Paris is in the city and department of Paris and in Île-de-France; Lyon in the Rhône, its
prefecture's department, and in Auvergne-Rhône-Alpes). A body named without its place is
seated (:func:`document_seat`) in the place of its seat type the text names in the same
sentence (the last one before it, else the first after), else last before it, else most
often. :func:`localised` gives the registry's generic names (``local`` in
``ontology/registry.yaml``) the key of the body of that place: the registry's body where the
place is its own, else the key the institution grammar gives that body named in full
("ARS Nouvelle-Aquitaine").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from extractor.knowledge import load_yaml
from extractor.mentions.foreign_sites import foreign_sites
from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import load_gazetteer, name_key
from extractor.mentions.institutions import seat_key, seat_type
from extractor.mentions.registry import Actor, load_registry
from extractor.records import Mention, key_for

AREA_TYPES = ("department", "region")


class Seat(NamedTuple):
    """A city, department or region: its entity id and French label."""

    id: str
    label: str


@cache
def _area_ids() -> frozenset[str]:
    return frozenset(a.id for a in france_places().areas())


@cache
def _departments_by_city() -> dict[str, Seat]:
    """Folded name of a department's prefecture (``seat`` in france.yaml) → the department;
    a city that is a department by itself (``department_cities`` of institutions.yaml) → it."""
    france = france_places()
    data = load_yaml("france.yaml")
    out: dict[str, Seat] = {}
    for entry in (data.get("departments") or []) if isinstance(data, dict) else []:
        area = france.get(str(entry.get("id")))
        seats = entry.get("seat")
        for seat in seats if isinstance(seats, list) else [seats]:
            if area is not None and seat:
                out.setdefault(name_key(str(seat)), Seat(area.id, area.label()))
    config = load_yaml("institutions.yaml")
    for city in (config.get("department_cities") or []) if isinstance(config, dict) else []:
        place = load_gazetteer().lookup(str(city))
        if place is not None:
            out[name_key(str(city))] = Seat(place.id, place.label())
    return out


def _place(ident: str) -> tuple[str, str, str | None] | None:
    """(type, French label, parent id) of a gazetteer place or a place of France."""
    known = load_gazetteer().get(ident)
    if known is not None:
        return known.type, known.label(), known.parent
    found = france_places().get(ident)
    return (found.type, found.label(), found.parent) if found is not None else None


@lru_cache(maxsize=8192)
def containing(ident: str) -> tuple[tuple[str, Seat], ...]:
    """(type, seat) of the place ``ident`` and of the city, department and region it is in.

    >>> dict(containing("lyon"))["department"], dict(containing("lyon"))["region"].id
    (Seat(id='rhone', label='Rhône'), 'auvergne-rhone-alpes')
    """
    out: dict[str, Seat] = {}
    seen: set[str] = set()
    current: str | None = ident
    while current and current not in seen:
        seen.add(current)
        found = _place(current)
        if found is None:
            break
        type_, label, parent = found
        if type_ == "city":
            out.setdefault("city", Seat(current, label))
            if department := _departments_by_city().get(name_key(label)):
                out.setdefault("department", department)
            if parent not in _area_ids():  # a city of the gazetteer placed in France only
                commune = france_places().lookup(label)
                parent = commune.parent if commune is not None and commune.type == "city" \
                    else parent
        elif type_ in AREA_TYPES and current in _area_ids():
            out.setdefault(type_, Seat(current, label))
        current = parent
    return tuple(out.items())


def document_seat(mentions: list[Mention], start: int, sentence: int, wanted: str,
                  unique: bool = False) -> Seat | None:
    """The ``wanted`` (city, department, region) of the place the text names in the sentence
    at ``start`` (the last before it, else the first after), else last before it, else most
    often; with ``unique``, the one the whole text names, else the one named last in the
    sentence or the two before it, else none."""
    placed = [(m, seat) for m in mentions if m.type == "Place" and m.key
              and m.key.startswith("geo:")
              and (seat := dict(containing(m.key[4:])).get(wanted)) is not None]
    if len({seat for _, seat in placed}) > 1:  # of several seats, not "Chevreuse" of "Vallée
        inner = _inside_longer_places(mentions)  # de Chevreuse" when another is named alone
        placed = [p for p in placed if (p[0].start, p[0].end) not in inner] or placed
    if unique:
        seats = {seat for _, seat in placed}
        if len(seats) == 1:
            return next(iter(seats))
        # of several, the one named last before, in the sentence or the three before it ("c'est
        # le cas à Obernai, en Alsace. […] la mairie espère"): the city the passage is about
        recent = [p for p in placed if p[0].start < start and sentence - 3 <= p[0].sentence]
        return max(recent, key=lambda p: p[0].start)[1] if recent else None
    same = [(m, s) for m, s in placed if m.sentence == sentence]
    for group, last in (([p for p in same if p[0].start < start], True),
                        ([p for p in same if p[0].start >= start], False),
                        ([p for p in placed if p[0].start < start], True)):
        if group:
            return max(group, key=lambda p: p[0].start)[1] if last else \
                min(group, key=lambda p: p[0].start)[1]
    counts = Counter(seat for _, seat in placed)
    return counts.most_common(1)[0][0] if counts else None


def _inside_longer_places(mentions: list[Mention]) -> set[tuple[int, int]]:
    """Spans of places named inside a longer place's name ("Chevreuse" of "Vallée de
    Chevreuse", "Lyon" of "gare de Lyon"): the city the passage is about is one named
    on its own, when there is one."""
    spans = sorted({(m.start, m.end) for m in mentions if m.type == "Place"},
                   key=lambda s: (s[0], -s[1]))
    out, reach = set(), -1
    for start, end in spans:  # a span ending before the furthest end seen is inside one
        if end <= reach:
            out.add((start, end))
        reach = max(reach, end)
    return out


def localised(mentions: list[Mention]) -> list[Mention]:
    """Every generic registry name ("l'ARS", "le préfet de région") keyed as the body of the
    text's own place; first, the sites of a city the text does not name are no sites
    (:func:`extractor.mentions.foreign_sites.foreign_sites`), so they seat nothing."""
    registry = load_registry()
    mentions = foreign_sites(mentions)
    out = []
    for m in mentions:
        actor = registry.get(m.key[4:]) if m.key and m.key.startswith("reg:") else None
        if actor is not None and actor.local is not None and actor.local.means(m.text):
            m = replace(m, key=_local_key(actor, mentions, m))
        out.append(m)
    return out


def _local_key(actor: Actor, mentions: list[Mention], mention: Mention) -> str | None:
    """The body of the actor's kind seated in the text's place: the registry body itself in
    its own place (or inside its ``within`` area); ``unplaced`` where the text names none."""
    local = actor.local
    assert local is not None  # the caller checks
    wanted = seat_type(local.kind)
    seat = document_seat(mentions, mention.start, mention.sentence, wanted) if wanted else None
    if seat is None:
        return key_for("Organization", local.unplaced) if local.unplaced else mention.key
    if local.within and local.within in {s.id for _, s in containing(seat.id)}:
        return mention.key
    return seat_key(local.kind, seat.label) or mention.key
