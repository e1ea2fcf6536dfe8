"""Places anywhere in France, for the names the hand gazetteer does not know: regions and
departments (``ontology/france.yaml``) and communes of GeoNames
(:mod:`extractor.mentions.geonames`), with coordinates and a GeoNames id.

:func:`place_key` gives a place name found by the language model or a rule the key of what
it names: a gazetteer id first, else a region or department, else a commune. Several French
communes share most names ("Saint-Denis", "Montreuil", "Valence"): the most populous wins,
the one a news text means most often (Saint-Denis of La Réunion, 150 000 inhabitants, over
the one of Seine-Saint-Denis, which the gazetteer knows anyway). A commune is looked up
only for a span the language model or a rule already took for a place: a name that is also
a common word or a person ("Orange", "Nancy") is never looked for in running text here (the
one rule that finds communes, :mod:`extractor.mentions.place_cities`, wants a locative
preposition before and no given name).

An entity id of a commune is the slug of its GeoNames name ("roubaix", the id a name key
gives too), or the slug and the GeoNames id when a gazetteer or area id or a more populous
commune already has that slug ("saint-pierre-11919821", "marseille-2995469": GeoNames'
Marseille, which the gazetteer's ``marseille`` is linked to anyway).
:meth:`France.geonames_of` links the gazetteer's own places to GeoNames;
:func:`area_gazetteer` lets the place finder find regions and departments.

Error code: ``E140`` an entry of france.yaml is malformed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractor.errors import error
from extractor.knowledge import languages, load_yaml
from extractor.mentions.gazetteer import (
    Gazetteer,
    Place,
    label_language,
    load_gazetteer,
    name_key,
)
from extractor.mentions.geonames import GeoIndex, GeoPlace, load_index
from extractor.text.fold import fold_name
from extractor.text.wordlists import per_language

SAME_PLACE_KM = 10.0  # a gazetteer city and a GeoNames place this close are one place


@dataclass(frozen=True)
class FrancePlace:
    """A region, department or commune: ``geonames`` is its GeoNames id (None if unknown)."""

    id: str
    type: str
    labels: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    code: str | None = None  # INSEE code of a region or department
    name: str = ""  # a commune's GeoNames name (in no particular language: no labels)

    def label(self) -> str:
        labels = dict(self.labels)
        return labels.get(label_language()) or next(iter(labels.values()), self.name)

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([label for _, label in self.labels] + list(self.aliases)
                                   + ([self.name] if self.name else [])))


class France:
    """Regions and departments by id and name; communes of the GeoNames index."""

    def __init__(self, areas: list[FrancePlace], index: GeoIndex, regions: dict[str, str],
                 country: tuple[str, str], reserved: frozenset[str]) -> None:
        self.index = index
        self.regions = regions  # "FR.32" / "RE" -> region id
        self.country = country  # metropolitan France: (GeoNames code, gazetteer id)
        self._areas = {a.id: a for a in areas}
        self._by_key: dict[str, FrancePlace] = {}
        for area in areas:
            for name in area.names():
                self._by_key.setdefault(name_key(name), area)
        self._reserved = reserved | frozenset(self._areas)
        self._by_slug: dict[str, int] = {}
        for i, row in enumerate(index.rows):
            self._by_slug.setdefault(row[7], i)
        self._by_geonameid: dict[int, int] = {}

    def department(self, code: str) -> FrancePlace | None:
        """The department of that INSEE code ("63", "2A"), named by it in the press ("SDIS 63")."""
        return next((a for a in self._areas.values() if a.type == "department"
                     and a.code == code.upper()), None)

    def areas(self) -> tuple[FrancePlace, ...]:
        return tuple(self._areas.values())

    def area(self, name: str) -> FrancePlace | None:
        """The region or department of that name."""
        return self._by_key.get(name_key(name)) if isinstance(name, str) else None

    def lookup(self, name: str) -> FrancePlace | None:
        """A region or department of that name, else the most populous commune.

        >>> [france_places().lookup(n).id for n in ("Nord", "Bretagne", "Roubaix")]
        ['nord', 'bretagne', 'roubaix']
        """
        found = self.area(name)
        if found is not None:
            return found
        city = self.index.lookup(name) if isinstance(name, str) else None
        return self.city(city) if city else None

    def get(self, ident: str) -> FrancePlace | None:
        """The place an entity id names (see :meth:`ident`)."""
        if ident in self._areas:
            return self._areas[ident]
        i = self._by_slug.get(ident)
        if i is not None and ident not in self._reserved:
            return self.city(self.index.place(i))
        slug, _, number = ident.rpartition("-")
        if not number.isdigit():
            return None
        if not self._by_geonameid:
            self._by_geonameid = {row[0]: i for i, row in enumerate(self.index.rows)}
        j = self._by_geonameid.get(int(number))
        place = self.index.place(j) if j is not None else None
        return self.city(place) if place and place.slug == slug else None

    def ident(self, place: GeoPlace) -> str:
        """The slug of its name, unless a gazetteer or area id or a bigger place has it."""
        if place.slug not in self._reserved and self.index.rows[
                self._by_slug[place.slug]][0] == place.geonameid:
            return place.slug
        return f"{place.slug}-{place.geonameid}"

    def city(self, place: GeoPlace) -> FrancePlace:
        region = self.regions.get(f"{place.country}.{place.admin1}") or self.regions.get(
            place.country)
        return FrancePlace(id=self.ident(place), type="city", labels=(), name=place.name,
                           parent=region, lat=place.lat, lon=place.lon,
                           geonames=place.geonameid)

    def geonames_of(self, place: Place) -> int | None:
        """The GeoNames id of a gazetteer place: its country, region or department, or the
        commune of one of its names nearest to it (within :data:`SAME_PLACE_KM`)."""
        if place.id in self._areas:
            return self._areas[place.id].geonames
        if place.id == self.country[1]:
            return self.index.countries.get(self.country[0])
        if place.type != "city":
            return None
        near = [(_km(place.lat, place.lon, c.lat, c.lon), c.geonameid)
                for name in place.names() for c in self.index.candidates(name)]
        best = min(near, default=None)
        return best[1] if best and best[0] <= SAME_PLACE_KM else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere (equirectangular: exact enough under 100 km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


@lru_cache(maxsize=1)
def area_gazetteer() -> Gazetteer:
    """The regions and departments the hand gazetteer lacks, for the place finder: found by
    name anywhere like gazetteer places ("Hauts-de-France", "Bouches-du-Rhône", "du
    Morbihan"); one whose one-word name is also a word or a given name of a language ("Nord",
    "Lot", "Cher", "Aude": ``area_homonyms``, places.yaml) only beside a context word or a
    locative preposition in that language (``needs_context``)."""
    known, langs = load_gazetteer(), tuple(sorted(languages()))
    homonyms = {lang: {fold_name(w) for w in words}
                for lang, words in per_language("lang/places.yaml", "area_homonyms").items()}
    return Gazetteer([
        Place(id=a.id, type=a.type, labels=a.labels, aliases=a.aliases, parent=a.parent,
              lat=a.lat, lon=a.lon, needs_context=tuple(lang for lang in langs if any(
                  re.fullmatch(r"\w+", label) and fold_name(label) in homonyms.get(lang, ())
                  for _, label in a.labels)))
        for a in france_places().areas()
        if known.get(a.id) is None and a.lat is not None and a.lon is not None])


def place_key(surface: str) -> str | None:
    """``geo:<id>`` for a place name the gazetteer or France knows, else None.

    >>> place_key("Roubaix"), place_key("la Seine-Saint-Denis"), place_key("Gotham")
    ('geo:roubaix', 'geo:seine-saint-denis', None)
    """
    gaz, france = load_gazetteer(), france_places()
    for name in dict.fromkeys((surface, fold_name(surface))):
        found: Place | FrancePlace | None = gaz.lookup(name) or france.lookup(name)
        if found is not None:
            return f"geo:{found.id}"
    return None


@lru_cache(maxsize=1)
def france_places() -> France:
    """Regions and departments of ``ontology/france.yaml`` with the GeoNames index, once per
    process."""
    data = load_yaml("france.yaml")
    data = data if isinstance(data, dict) else {}
    raw = data.get("country")
    country: dict[str, Any] = raw if isinstance(raw, dict) else {}
    code, country_id = str(country.get("code") or ""), str(country.get("id") or "")
    regions = [_entry(e, i, ("id", "code", "labels")) for i, e in enumerate(
        data.get("regions") or [])]
    countries = frozenset({code} | {str(r["country"]) for r in regions if r.get("country")})
    index = load_index(countries)
    by_code = {str(r["code"]): str(r["id"]) for r in regions}
    region_of = {(f"{code}.{r['code']}" if not r.get("country") else str(r["country"])):
                 str(r["id"]) for r in regions}
    areas = [_region(r, index, code, country_id) for r in regions]
    for i, entry in enumerate(data.get("departments") or []):
        areas.append(_department(_entry(entry, i, ("id", "code", "labels", "region", "seat")),
                                 index, by_code, code))
    reserved = frozenset(p.id for p in load_gazetteer().all())
    return France(areas, index, region_of, (code, country_id), reserved)


def _entry(entry: Any, index: int, needed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(entry, dict) or any(not entry.get(k) for k in needed):
        raise error("E140", path="france.yaml", index=index,
                    reason=f"needs {', '.join(needed)}")
    if not isinstance(entry["labels"], dict):
        raise error("E140", path="france.yaml", index=entry["id"], reason="bad labels")
    return entry


def _labels(entry: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(entry["id"]), "code": str(entry["code"]),
            "labels": tuple((str(k), str(v)) for k, v in entry["labels"].items()),
            "aliases": tuple(str(a) for a in entry.get("aliases") or ())}


def _region(entry: dict[str, Any], index: GeoIndex, code: str, country_id: str) -> FrancePlace:
    """A region at the mean position of its places; an overseas one is its own territory."""
    overseas = str(entry.get("country") or "")
    point = index.centroid(overseas or f"{code}.{entry['code']}")
    geonames = index.countries.get(overseas) if overseas else entry.get("geonames")
    return FrancePlace(**_labels(entry), type="region", parent=country_id,
                       lat=point[0] if point else None, lon=point[1] if point else None,
                       geonames=int(geonames) if geonames else None)


def _department(entry: dict[str, Any], index: GeoIndex, regions: dict[str, str],
                code: str) -> FrancePlace:
    """A department at its prefecture: the most populous place of that name in its region."""
    seats = entry["seat"] if isinstance(entry["seat"], list) else [entry["seat"]]
    region = str(entry["region"])
    if region not in regions:
        raise error("E140", path="france.yaml", index=entry["id"], reason="unknown region")
    seat = next((p for name in seats for p in index.candidates(str(name))
                 if (p.country, p.admin1) == (code, region)), None)
    geonames = entry.get("geonames")
    return FrancePlace(**_labels(entry), type="department", parent=regions[region],
                       lat=seat.lat if seat else None, lon=seat.lon if seat else None,
                       geonames=int(geonames) if geonames else None)
