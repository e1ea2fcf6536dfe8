"""A hand gazetteer's local site is that site only in a text about its city.

The hand gazetteer (``ontology/gazetteer.yaml``) lists the streets, squares, districts,
stations and arrondissements of the corpus's city. Their names are often common ones: "Les
Halles" is a Paris district and any town's covered market ("Les Halles de Millau"), "1er
arrondissement" is Lyon's or Marseille's as well as Paris's. Read as the Paris site in a
text about Millau, the name also makes Paris the text's city, and "la municipalité" of Millau
becomes the City of Paris. So a site whose city the text never names, in a text that names
another city, stays a place as written (its own key), with no coordinates and no seat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import load_gazetteer
from extractor.records import Mention, key_for

# the kinds of place a city contains: named alone, they belong to the text's city
_SITES = frozenset({"arrondissement", "neighbourhood", "street", "square", "gate", "park",
                    "canal", "hospital", "station", "building"})


def _place_type(ident: str) -> str | None:
    place = load_gazetteer().get(ident) or france_places().get(ident)
    return getattr(place, "type", None)


def _city_of(ident: str) -> str | None:
    """The city a hand-gazetteer site lies in, if any."""
    return next((a for a in load_gazetteer().ancestors(ident) if _place_type(a) == "city"),
                None)


def _geo(m: Mention) -> str | None:
    """The gazetteer id a place mention is keyed by, else None."""
    return m.key[4:] if m.type == "Place" and m.key and m.key.startswith("geo:") else None


def foreign_sites(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions, a site of a city the text does not name rekeyed as written when the
    text names another city."""
    kinds = {ident: _place_type(ident) for m in mentions if (ident := _geo(m)) is not None}
    cities = {ident for ident, kind in kinds.items() if kind == "city"}
    foreign = {s for s, kind in kinds.items() if kind in _SITES
               and (city := _city_of(s)) is not None and city not in cities}
    if not foreign or not cities:
        return list(mentions)
    return [replace(m, key=key_for("Place", m.text)) if _geo(m) in foreign else m
            for m in mentions]


__all__ = ["foreign_sites"]
