"""All mentions of one document: actors from :mod:`actors`, places, money, quantities, dates.

Runs on the parsed pieces of a document (offsets shifted back into the whole text) and
keys every actor/place mention for :mod:`resolve`: registry ids, gazetteer ids, places of
France (:mod:`france`: regions, departments, GeoNames communes), or names;
acronyms defined in the text ("Long Name (ACR)") share their expansion's key.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractor.mentions.acronyms import unify_acronyms
from extractor.mentions.actors import find_actors, registry_hits
from extractor.mentions.committees import committee_mentions
from extractor.mentions.common_bodies import common_noun_bodies
from extractor.mentions.conjoined_names import conjoined_bodies
from extractor.mentions.curation import Curation
from extractor.mentions.document_names import (
    acronym_uses,
    former_acronyms,
    head_mentions,
    holder_surnames,
    initialisms,
    persons_named_as_organisations,
    surname_mentions,
    surnames_typed_as_bodies,
)
from extractor.mentions.france import place_key
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.institutions import kind_of
from extractor.mentions.metonymy import place_bodies
from extractor.mentions.money import find_money
from extractor.mentions.naming import Found, lexicon_data
from extractor.mentions.ner_names import ner_found
from extractor.mentions.places import (
    body_place,
    country_in_name,
    find_places,
    inner_place,
    widened_places,
)
from extractor.mentions.quantities import find_quantities
from extractor.mentions.references import adjective_rekeyed, institution_references, office_bodies
from extractor.mentions.registry import load_registry
from extractor.mentions.seats import localised
from extractor.nlp.models import doc_text
from extractor.records import Document, Match, Mention, key_for
from extractor.text.dates import find_dates
from extractor.text.fold import fold_name
from extractor.text.patterns import alternation
from extractor.text.spans import overlaps
from extractor.text.wordlists import all_languages


def sentence_starts(parsed: Sequence[tuple[int, Any]]) -> list[int]:
    """Start offsets (in the whole text) of every sentence, in order."""
    starts: list[int] = []
    for offset, doc in parsed:
        starts.extend(offset + s.start_char for s in doc.sents)
    return starts or [0]


def _not_in_offices(text: str, places: list[Match],
                    ner: list[Found]) -> tuple[list[Match], list[Found]]:
    """The places found, and the model's names, less the places in offices' names."""
    offices = _office_words(text)
    return [p for p in places if not _inside((p.start, p.end), offices)], \
        [f for f in ner if f.type != "Place" or not _inside((f.start, f.end), offices)]


def _office_words(text: str) -> list[tuple[int, int]]:
    """The words of offices' names that are no places ("la garde des Sceaux Nicole
    Belloubet"): an office's name but its place, when what goes before the place is an office
    already ("le préfet de police de Paris": Paris is a place)."""
    out = []
    for hit in registry_hits(text):
        if hit.kind != "office":
            continue
        last = text.rfind(" ", hit.start, hit.end)
        head = _HEAD_LINK.sub("", text[hit.start:last]) if last > hit.start else ""
        offices = [h for h in registry_hits(head) if h.kind == "office"]
        if not any((h.start, h.end) == (0, len(head)) for h in offices):
            out.append((hit.start, hit.end))
    return out


_HEAD_LINK = re.compile(rf"\s+(?:{alternation(all_languages('lang/actors.yaml', 'head_links'))})$")


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
    text, lang = doc_text(doc), document.lang
    ner = ner_found(doc, lang)
    actors = find_actors(doc, lang, ner)
    places = widened_places(text, find_places(text, lang), ner)
    money = find_money(text, lang)
    dates = find_dates(text, lang, document.published)
    quantities = find_quantities(text, lang, exclude=_numbers_taken(money + dates, places, actors))

    places, ner = _not_in_offices(text, places, ner)
    place_spans = [(p.start, p.end) for p in places]
    out: list[Mention] = []

    def add(type_: str, start: int, end: int, **kw: Any) -> None:
        s, e = offset + start, offset + end
        sentence = max(0, bisect.bisect_right(starts, s) - 1)
        out.append(Mention(document=document.id, type=type_, text=document.text[s:e], start=s,
                           end=e, sentence=sentence, **kw))

    for a in actors:
        surface = text[a.start:a.end]
        if not a.source.startswith(("registry", "institution", "rule:head")) and \
                _inside((a.start, a.end), place_spans):
            continue  # the NER called a place an organisation ("Porte de la Villette")
        add(a.type, a.start, a.end, key=_actor_key(a, surface), source=a.source, role=a.role)
    for p in places:
        surface = text[p.start:p.end]
        if _no_place(p, surface, actors, text):
            continue
        key = "geo:" + str(p.value) if p.value else _unplaced_key(surface)
        add("Place", p.start, p.end, key=key, source="gazetteer" if p.value else "rule")
        if inner := inner_place(text, p):
            add("Place", inner[0], inner[1], key=inner[2], source="rule")
    taken = place_spans + [(a.start, a.end) for a in actors]
    named_by_place = [(a.start, a.end) for a in actors if _named_by_place(a)]
    for f in ner:
        # the place an institution is named by is a place mention too ("métropole Aix-Marseille")
        surface = text[f.start:f.end]
        inside = _named_inside(f, surface, named_by_place, place_spans)
        if f.type == "Place" and (inside or not overlaps(f.start, f.end, taken)) \
                and not load_registry().lookup(surface):
            add("Place", f.start, f.end, key=place_key(surface) or key_for("Place", surface),
                source="ner")
    for a in actors:  # the place an institution is named by, when no finder saw it
        found = body_place(text, a.start, a.end, _named_by_place(a), a.source)
        if found and not any(offset + found[0] <= m.start and m.end <= offset + found[1]
                             for m in out if m.type == "Place"):
            add("Place", found[0], found[1], key=found[2], source="rule")
    for m in money:
        add("Money", m.start, m.end, value=m.value, unit=m.unit, per=m.per)
    for m in quantities:
        add("Quantity", m.start, m.end, value=_number(m), unit=m.unit)
    for m in dates:
        add("Date", m.start, m.end, value=m.value)
    return out


def _numbers_taken(figures: list[Match], places: list[Match],
                   actors: list[Found]) -> list[tuple[int, int]]:
    """Spans whose numbers count nothing: money, dates, places, and a known body's name or a
    name a head gives ("Utopia 56", "France 2", "la CRS 8", "l'association Espérer 95")."""
    return [(m.start, m.end) for m in figures + places] + [
        (a.start, a.end) for a in actors if a.source.startswith(("registry", "rule:head"))]


def _no_place(place: Match, surface: str, actors: list[Found], text: str) -> bool:
    """A place finder's match naming a body ("commente Bercy", "France Inter")."""
    return country_in_name(text, place) or not place.value and bool(
        load_registry().lookup(surface) or _in_known_name(place, actors)) or any(
        a.source == "registry:seat" and (a.start, a.end) == (place.start, place.end)
        for a in actors) or any(
        a.source == "rule:head" and a.start <= place.start and place.end <= a.end
        for a in actors)  # "l'association Vélo-Cité": named by its head, no place


def _in_known_name(place: Match, actors: list[Found]) -> bool:
    """A place read by its type word inside a registry body's name: a word of that name
    ("French Hospital" of "the French Hospital Federation")."""
    return any(a.source.startswith("registry") and a.start <= place.start
               and place.end <= a.end and a.end - a.start > place.end - place.start
               for a in actors)


def _named_inside(f: Found, surface: str, named_by_place: list[tuple[int, int]],
                  place_spans: list[tuple[int, int]]) -> bool:
    """Whether a model's place lies inside the name of a body named by its place: a name
    ("the City of" cut out of "the City of Paris" is none), nor a span the model ran past a
    place the finders read ("Comptes Auvergne-Rhône Alpes" over "Auvergne-Rhône Alpes")."""
    return surface.split()[-1][:1].isupper() and any(
        s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in named_by_place) \
        and not any(s < f.end and f.start < e and (s, e) != (f.start, f.end)
                    for s, e in place_spans)


def _unplaced_key(surface: str) -> str:
    """The key of a place the finder left unresolved: a place of France by name, never a
    Paris arrondissement the finder declined ("3e arrondissement" in a text on Marseille)."""
    key = place_key(surface)
    known = load_gazetteer().get(key[4:]) if key else None
    if key and (known is None or known.type != "arrondissement"):
        return key
    return key_for("Place", surface)


def _named_by_place(a: Found) -> bool:
    """A body named by the place it serves: an institution form, or a registry body of one
    of their kinds ("métropole Aix-Marseille")."""
    return a.source in ("institution", "institution:office") or bool(
        a.source == "registry:name" and a.key and kind_of("reg:" + a.key))


def _number(m: Match) -> Any:
    value = m.value
    if isinstance(value, (tuple, list)):
        return tuple(float(v) for v in value)
    return value


def unify_surnames(mentions: list[Mention]) -> list[Mention]:
    """A surname alone ("Cadot", "Abdul Malak", "Le Drian"), or after its given name's initial
    ("E. Piolle"), joins the one full name of the document that ends with it (and begins with
    that initial); a name cut short ("Philippe de Fontaine") the one it begins."""
    full = [(m.key, fold_name(m.text).split()) for m in mentions if m.type == "Person"
            and len(m.text.split()) >= 2 and not _initialled(m.text)]  # folded once
    out = []
    for m in mentions:
        initial = _initialled(m.text) if m.type == "Person" else None
        if m.type == "Person" and m.key and m.key.startswith("per:"):
            tail = fold_name(m.text).split()[1:] if initial else fold_name(m.text).split()
            same = {key for key, names in full if len(names) > len(tail) and (
                names[-len(tail):] == tail or not initial and len(tail) > 1
                and names[:len(tail)] == tail) and names[0].startswith(initial or "")}
            if len(same) == 1:
                m = replace(m, key=same.pop())
        out.append(m)
    return out


def _initialled(name: str) -> str | None:
    """The folded initial of a name written "E. Piolle" (one letter and a dot, then one
    word); not a civility ("M. Destot": ``honorifics`` of ontology/lang/actors.yaml)."""
    words = name.split()
    if len(words) != 2 or re.fullmatch(r"[A-ZÀ-Ý]\.", words[0]) is None \
            or words[0] in (lexicon_data().get("honorifics") or ()):
        return None
    return fold_name(words[0][0])


def extract_mentions(document: Document, parsed: Sequence[tuple[int, Any]],
                     curation: Curation | None = None) -> list[Mention]:
    """Every mention of the document, sorted by position, rejected ones dropped."""
    curation = curation or Curation()
    starts = sentence_starts(parsed)
    mentions: list[Mention] = []
    for offset, doc in parsed:
        mentions.extend(piece_mentions(document, offset, doc, starts))
    mentions = unify_surnames(unify_acronyms(document, mentions))
    mentions = holder_surnames(mentions, document.published)
    mentions = surnames_typed_as_bodies(persons_named_as_organisations(mentions))
    mentions += former_acronyms(document.text, mentions)
    mentions += acronym_uses(document.text, mentions, starts)
    mentions += initialisms(document.text, mentions, starts)
    mentions += committee_mentions(document.text, document.lang, mentions, starts, document.id,
                                   parsed)
    mentions += surname_mentions(document.text, mentions, starts) if mentions else []
    mentions = localised(mentions)  # "l'ARS" of a text on Bordeaux: Nouvelle-Aquitaine's
    referred = institution_references(document, mentions, starts)
    mentions = [m for m in mentions if m.source != "ner" or not overlaps(
        m.start, m.end, [(r.start, r.end) for r in referred])] + referred
    mentions = office_bodies(document, mentions, starts)
    mentions += place_bodies(document, mentions, parsed, starts)
    heads = head_mentions(document.text, mentions, starts)  # replaces the model's reading
    mentions = [m for m in mentions if not any(h.start <= m.start and m.end <= h.end and (
        (m.start, m.end) == (h.start, h.end) or m.source == "ner") for h in heads)] + heads
    mentions = adjective_rekeyed(mentions)
    mentions = conjoined_bodies(document, mentions, parsed, starts)
    mentions += common_noun_bodies(document, mentions, parsed, starts)
    mentions = [m for m in mentions if not curation.rejects(document.id, m.text)]
    mentions.sort(key=lambda m: (m.start, m.end, m.type))
    return _dedupe(mentions)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for m in mentions:
        k = (m.start, m.end, m.type)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out
