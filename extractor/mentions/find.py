"""All mentions of one document: actors from :mod:`actors`, places, money, quantities, dates.

Runs on the parsed pieces of a document (offsets shifted back into the whole text) and
keys every actor/place mention for :mod:`resolve`: registry ids, gazetteer ids, places of
France (:mod:`france`: regions, departments, GeoNames communes), or names;
acronyms defined in the text ("Long Name (ACR)") share their expansion's key.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractor.mentions.acronyms import acronym_definitions
from extractor.mentions.actors import find_actors, is_org_name, ner_found
from extractor.mentions.curation import Curation
from extractor.mentions.france import place_key
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.institutions import (
    capital_marks_body,
    find_references,
    kind_of,
    seat_key,
    seat_type,
)
from extractor.mentions.money import find_money
from extractor.mentions.naming import Found, strip_determiner
from extractor.mentions.places import find_places
from extractor.mentions.quantities import find_quantities
from extractor.records import Document, Match, Mention, key_for
from extractor.text.dates import find_dates
from extractor.text.fold import fold_name
from extractor.text.spans import overlaps


def sentence_starts(parsed: Sequence[tuple[int, Any]]) -> list[int]:
    """Start offsets (in the whole text) of every sentence, in order."""
    starts: list[int] = []
    for offset, doc in parsed:
        starts.extend(offset + s.start_char for s in doc.sents)
    return starts or [0]


def _inside(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    """``a`` overlaps a span without strictly containing it (a name around a place is kept)."""
    return any(a[0] < e and s < a[1] and not (a[0] <= s and e <= a[1] and a != (s, e))
               for s, e in spans)


def _actor_key(f: Found, surface: str) -> str:
    if f.key and f.key.startswith("org:"):  # an institution's canonical name
        return f.key
    if f.key:
        return "reg:" + f.key
    return key_for(f.type, surface)


def piece_mentions(document: Document, offset: int, doc: Any, starts: list[int]) -> list[Mention]:
    """Mentions of one parsed piece, offsets in the whole document text."""
    text, lang = doc.text, document.lang
    ner = ner_found(doc, lang)
    actors = find_actors(doc, lang, ner)
    places = find_places(text, lang)
    money = find_money(text, lang)
    dates = find_dates(text, lang, document.published)
    numbers_taken = [(m.start, m.end) for m in money + dates]
    numbers_taken += [(p.start, p.end) for p in places]
    quantities = find_quantities(text, lang, exclude=numbers_taken)

    place_spans = [(p.start, p.end) for p in places]
    out: list[Mention] = []

    def add(type_: str, start: int, end: int, **kw: Any) -> None:
        s, e = offset + start, offset + end
        sentence = max(0, bisect.bisect_right(starts, s) - 1)
        out.append(Mention(document=document.id, type=type_, text=document.text[s:e], start=s,
                           end=e, sentence=sentence, **kw))

    for a in actors:
        surface = text[a.start:a.end]
        if not a.source.startswith("registry") and _inside((a.start, a.end), place_spans):
            continue  # the NER called a place an organisation ("Porte de la Villette")
        add(a.type, a.start, a.end, key=_actor_key(a, surface), source=a.source, role=a.role)
    for p in places:
        surface = text[p.start:p.end]
        key = "geo:" + str(p.value) if p.value else place_key(surface) or key_for("Place", surface)
        add("Place", p.start, p.end, key=key, source="gazetteer" if p.value else "rule")
    taken = place_spans + [(a.start, a.end) for a in actors]
    named_by_place = [(a.start, a.end) for a in actors if a.source.startswith("institution")]
    for f in ner:
        # the place an institution is named by is a place mention too ("métropole Aix-Marseille")
        inside = any(s <= f.start and f.end <= e and e - s > f.end - f.start
                     for s, e in named_by_place)
        if f.type == "Place" and (inside or not overlaps(f.start, f.end, taken)):
            surface = text[f.start:f.end]
            add("Place", f.start, f.end, key=place_key(surface) or key_for("Place", surface),
                source="ner")
    for m in money:
        add("Money", m.start, m.end, value=m.value, unit=m.unit, per=m.per)
    for m in quantities:
        add("Quantity", m.start, m.end, value=_number(m), unit=m.unit)
    for m in dates:
        add("Date", m.start, m.end, value=m.value)
    return out


def _number(m: Match) -> Any:
    value = m.value
    if isinstance(value, (tuple, list)):
        return tuple(float(v) for v in value)
    return value


def unify_acronyms(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Give "ACR" the key of "Long Name" where the text defines "Long Name (ACR)"."""
    by_span = {(m.start, m.end): m for m in mentions if m.key}
    acronym_key: dict[str, str] = {}
    for ns, ne, as_, ae in acronym_definitions(document.text):
        long = next((m for (s, e), m in by_span.items() if s <= ns < e or ns <= s < ne), None)
        if long is None:
            long = _defined_organisation(document, ns, ne, mentions)
        if long is None or long.type != "Organization":
            continue
        acronym_key[document.text[as_:ae]] = long.key or ""
        if (as_, ae) not in by_span:
            mentions.append(Mention(document=document.id, type="Organization",
                                    text=document.text[as_:ae], start=as_, end=ae,
                                    sentence=long.sentence, key=long.key, source="acronym"))
    out = []
    for m in mentions:
        if m.text in acronym_key and m.key and m.key.startswith("org:"):
            m = replace(m, key=acronym_key[m.text])
        out.append(m)
    return out


def _defined_organisation(document: Document, start: int, end: int,
                          mentions: list[Mention]) -> Mention | None:
    """An organisation the NER missed but the text defines: "Agence nationale … (ANRU)"."""
    start, end = strip_determiner(document.text, start, end)
    surface = document.text[start:end]
    if not is_org_name(surface, document.lang) or "\n" in surface:
        return None
    sentence = next((m.sentence for m in mentions if m.start >= end), 0)
    found = Mention(document=document.id, type="Organization", text=surface, start=start,
                    end=end, sentence=sentence, key=key_for("Organization", surface),
                    source="acronym")
    mentions.append(found)
    return found


def unify_surnames(mentions: list[Mention]) -> list[Mention]:
    """A surname alone ("Cadot") or a spelling variant joins the full name in the document."""
    full = [m for m in mentions if m.type == "Person" and len(m.text.split()) >= 2]
    out = []
    for m in mentions:
        if m.type == "Person" and len(m.text.split()) == 1 and m.key and m.key.startswith("per:"):
            same = {f.key for f in full if fold_name(f.text).split()[-1] == fold_name(m.text)}
            if len(same) == 1:
                m = replace(m, key=same.pop())
        out.append(m)
    return out


def extract_mentions(document: Document, parsed: Sequence[tuple[int, Any]],
                     curation: Curation | None = None) -> list[Mention]:
    """Every mention of the document, sorted by position, rejected ones dropped."""
    curation = curation or Curation()
    starts = sentence_starts(parsed)
    mentions: list[Mention] = []
    for offset, doc in parsed:
        mentions.extend(piece_mentions(document, offset, doc, starts))
    mentions = unify_surnames(unify_acronyms(document, mentions))
    mentions += institution_references(document, mentions, starts)
    mentions = adjective_rekeyed(mentions)
    mentions = [m for m in mentions if not curation.rejects(document.id, m.text)]
    mentions.sort(key=lambda m: (m.start, m.end, m.type))
    return _dedupe(mentions)


def institution_references(document: Document, mentions: list[Mention],
                           starts: list[int]) -> list[Mention]:
    """"la mairie", "the prefecture": a mention of the one body of that kind the document names
    by its place ("mairie de Rennes"); nothing when it names none or several."""
    keys = _named_kinds(mentions)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for start, end, kind in find_references(document.text, document.lang):
        found = keys.get(kind, set())
        noun = document.text[start:end]
        if not found and capital_marks_body(noun, document.lang):
            found = {key_for("Organization", noun)}
        elif not found:
            found = _seated(kind, mentions)
        if len(found) != 1 or overlaps(start, end, taken):
            continue
        out.append(Mention(document=document.id, type="Organization", text=noun, start=start,
                           end=end, sentence=max(0, bisect.bisect_right(starts, start) - 1),
                           key=next(iter(found)), source="institution"))
    return out


def _named_kinds(mentions: list[Mention]) -> dict[str, set[str]]:
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
    keys = _named_kinds(mentions)
    out = []
    for m in mentions:
        kind = kind_of(m.key) if m.source == "institution:adjective" and m.key else None
        if kind and len(keys.get(kind, ())) == 1:
            m = replace(m, key=next(iter(keys[kind])))
        out.append(m)
    return out


def _seated(kind: str, mentions: list[Mention]) -> set[str]:
    """The body of ``kind`` of the one place of its seat type the text names ("la
    municipalité" in a text about Marseille alone is the Ville de Marseille)."""
    wanted = seat_type(kind)
    if wanted is None:
        return set()
    gazetteer = load_gazetteer()
    seats = {place.label() for m in mentions if m.type == "Place" and m.key
             and m.key.startswith("geo:") and (place := gazetteer.get(m.key[4:])) is not None
             and place.type == wanted}
    key = seat_key(kind, next(iter(seats))) if len(seats) == 1 else None
    return {key} if key else set()


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for m in mentions:
        k = (m.start, m.end, m.type)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out
