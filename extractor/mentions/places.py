"""Rule-based place finder (rule set ``plangraph.places.v1``) for French and English text.

Five sources of candidates, then the longest non-overlapping spans win:
gazetteer names anywhere (``extractor.mentions.gazetteer``, and the regions and departments of
``extractor.mentions.france``), names after or before a type word
("square Forceval", "Pitié-Salpêtrière hospital"; both in ``extractor.mentions.place_names``),
arrondissement ordinals in every spelling ("18ème", "XIXe arrondissement", "19th
district"; ``extractor.mentions.arrondissements``) and communes of France after a locative
preposition ("à Roubaix") or departments by their number ("dans le 93"; both in
``extractor.mentions.place_cities``). This module runs them and
picks the winners. The language knowledge is in ``ontology/lang/places.yaml``.
``Match.value`` is a gazetteer (or region or department) id, or None for a place found by
pattern only (the mention stage keys it by :func:`extractor.mentions.france.place_key`, else
by its name).
"""

from __future__ import annotations

import logging
import re

from extractor.mentions.arrondissements import arrondissement_cands
from extractor.mentions.france import area_gazetteer, place_key
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.naming import Found
from extractor.mentions.place_cities import (
    apposition_cands,
    bracketed_area_cands,
    city_cands,
    contracted_city_cands,
    dateline_cands,
    department_number_cands,
    road_cands,
)
from extractor.mentions.place_lexicon import TOKEN, Cand, by_lang, folded_set, norm, places_config
from extractor.mentions.place_names import AREA_TYPES, name_cands, typed_cands
from extractor.records import Match, key_for

log = logging.getLogger(__name__)

_BLOCKED = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?|ftp|mailto):\S+|www\.\S+|(?<![\w@])@\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info|io)\b(?:/\S*)?"
)


def find_places(text: str, lang: str) -> list[Match]:
    """Place mentions in ``text``, sorted by offset; never raises.

    >>> text = "Le square Forceval, dans le XIXe arrondissement de Paris."
    >>> [(m.text, m.value) for m in find_places(text, "fr")]  # doctest: +NORMALIZE_WHITESPACE
    [('square Forceval', 'square-forceval'), ('XIXe arrondissement', 'paris-19e'),
     ('Paris', 'paris')]
    >>> [(m.text, m.value) for m in find_places("at the Porte de la Villette square", "en")]
    [('Porte de la Villette square', 'porte-de-la-villette')]
    >>> find_places("au 18e siècle", "fr")
    []
    """
    try:
        return _find(text, lang)
    except Exception:  # noqa: BLE001 - a finder over untrusted text must not stop the build
        log.exception("find_places failed; returning no places")
        return []


def _find(text: str, lang: str) -> list[Match]:
    if not isinstance(text, str) or not text.strip():
        return []
    gaz = load_gazetteer()
    blocked = [m.span() for m in _BLOCKED.finditer(text)]
    names = name_cands(text, lang, gaz) + name_cands(text, lang, area_gazetteer())
    city = str(places_config().get("arrondissement", {}).get("city", "paris"))
    paris_like = any(c.value == city or city in gaz.ancestors(c.value or "") for c in names)
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    cands = names + typed_cands(text, lang, gaz, tokens)
    elsewhere = not paris_like and any(
        (p := gaz.get(c.value or "")) is not None and p.type == "city" for c in names)
    cands += arrondissement_cands(text, lang, gaz, paris_like, elsewhere)
    cands += city_cands(text, lang) + apposition_cands(text, lang) + dateline_cands(text)
    cands += contracted_city_cands(text, lang)
    cands += department_number_cands(text, lang) + bracketed_area_cands(text, lang)
    cands += road_cands(text, lang)
    chosen: list[Cand] = []
    spans = list(blocked)  # and the chosen ones, added as they are
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.value is None, c.start)):
        if not any(cand.start < e and s < cand.end for s, e in spans):
            chosen.append(cand)
            spans.append((cand.start, cand.end))
    return [Match(c.start, c.end, text[c.start : c.end], c.value) for c in sorted(chosen)]


def widened_places(text: str, places: list[Match], ner: list[Found]) -> list[Match]:
    """A place the language model reads with a name word before it ("le Grand Lyon",
    "Greater Manchester", words of ``name_prefixes``) is that longer place, not the city
    inside it."""
    prefixes = {norm(str(w)) for w in places_config().get("name_prefixes") or ()}
    out = []
    for p in places:
        wider = next((f for f in ner if f.type == "Place" and f.start < p.start
                      and p.end == f.end and norm(text[f.start:p.start]) in prefixes), None)
        out.append(Match(wider.start, wider.end, text[wider.start:wider.end], None)
                   if wider else p)
    return out


def inner_place(text: str, place: Match) -> tuple[int, int, str] | None:
    """The town a place found by its type word is named after ("gare de Champigny-sur-Marne",
    "hôpital de Valenciennes"): (start, end, key) of that place of France, also mentioned; a
    place the gazetteer knows is left whole ("Porte de Montreuil" is in Paris)."""
    if place.value:
        return _parent_inside(text, place)
    particles = folded_set(by_lang(places_config().get("particles"), "*"))
    for m in re.finditer(r"[\w-]+['’]?", text[place.start:place.end]):
        # the type word's own words ("centre de santé de Mâcon") name no town
        if m.start() == 0 or norm(m.group()) in particles or not m.group()[:1].isupper():
            continue
        before = text[place.start:place.start + m.start()]
        if norm(before.split()[-1]) not in particles and before[-1:] not in "'’":
            break  # "hôpital Nord" is the hospital's own name; "gare de Champigny" names a town
        key = place_key(text[place.start + m.start():place.end]) if m.group()[:1].isupper() \
            else None
        site = load_gazetteer().get(key[4:]) if key else None
        if key and (site is None or site.type in AREA_TYPES and site.type != "country"):
            return place.start + m.start(), place.end, key  # a town, not a site ("Stade de
            # France" is named after the country, no town)
        break
    return None


def _parent_inside(text: str, place: Match) -> tuple[int, int, str] | None:
    """The place a gazetteer area is named by when it is the one it lies in ("the north-east
    of Paris", "nord-est de Paris": Paris), also mentioned; not another town the name
    borrows ("Porte de Montreuil" is in Paris, not Montreuil)."""
    known = load_gazetteer().get(str(place.value))
    if known is None or not known.parent:
        return None
    surface = text[place.start:place.end]
    last = re.search(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*$", surface)
    key = place_key(last.group()) if last and last.start() > 0 else None
    if key != "geo:" + known.parent:
        return None
    assert last is not None
    return place.start + last.start(), place.end, key


def named_place(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The place of France an institution is named by, at the end or the start of its name
    ("conseil départemental du Nord", "Bouches-du-Rhône departmental council"): (start, end,
    key), the longest such name; None when there is none."""
    # a name may start after an elided article ("ARS d'Île-de-France")
    bounds = [m.start() + start for m in re.finditer(r"(?<![\w-])[\w]", text[start:end])]
    spans = [(b, end) for b in bounds] + [(start, m.end() + start) for m in
                                         re.finditer(r"[\w](?![\w'’-])", text[start:end])]
    # the whole name is the place where a coordinated form names bodies by it ("Dijon")
    for s, e in sorted(spans, key=lambda span: span[0] - span[1]):
        last = text[s:e].split()[-1]
        if text[s].isupper() and last[:1].isupper() and not text[s:e].isupper() \
                and (key := place_key(text[s:e])):  # an acronym ("ARS") names no town
            return s, e, key
    return None


def named_tail(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The capitalised words that end a name an institution grammar read, when no gazetteer
    knows them as a place ("communauté de communes Sor-et-Agout", "Communauté de communes du
    Pays Bigouden Sud"): the grammar read them as the place the body serves, so they are a
    place mention (the annotation guidelines' place inside an organisation's name)."""
    words = list(re.finditer(r"[\w’'\u2010\u2011-]+", text[start:end]))
    particles = folded_set(by_lang(places_config().get("particles"), "*"))
    i = len(words)
    # a particle between two capitalised words is the name's ("Bassin de Pompey")
    while i > 0 and (words[i - 1].group()[:1].isupper() or i > 1 and i < len(words)
                     and norm(words[i - 1].group()) in particles
                     and words[i - 2].group()[:1].isupper()):
        i -= 1
    if i in (0, len(words)):
        return None  # no capitalised tail, or a name capitalised throughout
    s, e = start + words[i].start(), start + words[-1].end()
    return s, e, key_for("Place", text[s:e])


def body_place(text: str, start: int, end: int, by_place: bool,
               source: str) -> tuple[int, int, str] | None:
    """The place a body is named by: a place of France in its name (``named_place``, for a
    body ``by_place``), else the words a grammar read as its place (``named_tail``)."""
    found = named_place(text, start, end) if by_place else None
    if found is None and source in ("institution", "institution:office"):
        return named_tail(text, start, end)
    return found


def country_in_name(text: str, place: Match) -> bool:
    """The country's name joined to a capitalised word or a number with no preposition
    ("France Inter", "France Travail", "France 2030", "Radio France", "Choose France"): a
    medium's, a body's or a scheme's name, not the country. Not after a sentence's first word
    ("En France"), and a city stays a place ("Toulouse Métropole": the guidelines annotate
    the place a council is named by)."""
    found = load_gazetteer().get(str(place.value)) if place.value else None
    if found is None or found.type != "country":
        return False
    if re.match(r" [A-ZÀ-Ý0-9]", text[place.end:place.end + 2]):
        return True  # "France Inter", "France 2030"
    # a capitalised word before it, not the first of its sentence or line ("En France")
    before = re.search(r"(\S*) [A-ZÀ-Ý][\w’'-]* \Z", text[max(0, place.start - 40):place.start])
    return before is not None and before.group(1)[-1:] not in ("", ".", "!", "?", ":", "«",
                                                               '"', "“", "(")
