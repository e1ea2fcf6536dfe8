"""Gazetteer of canonical places with WGS84 coordinates (``ontology/gazetteer.yaml``).

Lookups fold accents, case, apostrophes and hyphens so every spelling of a name
("Île-de-France", "Ile de France") reaches one entry. The folding keeps one character per
character, so :meth:`Gazetteer.find_names` can scan running text and keep its offsets.

Error code: ``E140`` a gazetteer entry is malformed (missing id, type or coordinates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from extractor.errors import error
from extractor.knowledge import load_yaml
from extractor.text.fold import fold_spaced

PLACE_TYPES = (
    "country", "region", "department", "city", "arrondissement", "neighbourhood", "street",
    "square", "gate", "park", "canal", "hospital", "station", "building",
)
_APOSTROPHES = "'’‘ʼ´`"
_HYPHENS = "-‐‑‒–—_"


@dataclass(frozen=True)
class Place:
    """A canonical place: ``labels`` are (lang, label) pairs, ``parent`` an enclosing id."""

    id: str
    type: str
    labels: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...]
    parent: str | None
    lat: float
    lon: float
    wikidata: str | None = None
    needs_context: tuple[str, ...] = ()  # languages where its bare name is also a person/word

    def label(self, lang: str | None = None) -> str:
        """The label in ``lang`` (by default the gazetteer's ``label_language``), else the first
        label, else the id."""
        return dict(self.labels).get(lang or label_language()) or (
            self.labels[0][1] if self.labels else self.id)

    def names(self) -> tuple[str, ...]:
        """Every label and alias, in file order."""
        return tuple(dict.fromkeys([label for _, label in self.labels] + list(self.aliases)))




def name_key(name: str) -> str:
    """The lookup key of a name: folded, spaces collapsed, none after an apostrophe.

    >>> name_key(" Ile  de-France ") == name_key("Île-de-France")
    True
    """
    return re.sub(r"' +", "'", " ".join(fold_spaced(name).split()))


_SEPARATORS = re.compile(rf"[\s{re.escape(_HYPHENS + _APOSTROPHES)}]+")


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(text) if w]


def case_fits(alias: str, found: str) -> bool:
    """True if ``found`` is capitalised wherever ``alias`` is ("Paris" needs a capital P).

    >>> case_fits("Paris", "PARIS"), case_fits("Paris", "paris"), case_fits("nord-est", "Nord-Est")
    (True, False, True)
    """
    for a_word, f_word in zip(_words(alias), _words(found), strict=False):
        for a_char, f_char in zip(a_word, f_word, strict=False):
            if a_char.isupper() and not f_char.isupper():
                return False
    return True


class Gazetteer:
    """Places by id and by folded name."""

    def __init__(self, places: list[Place]) -> None:
        self._by_id: dict[str, Place] = {}
        self._by_key: dict[str, Place] = {}
        for place in places:
            self._by_id.setdefault(place.id, place)
            for name in place.names():
                self._by_key.setdefault(name_key(name), place)

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def all(self) -> tuple[Place, ...]:
        return tuple(self._by_id.values())

    def lookup(self, name: str) -> Place | None:
        """The place any spelling of ``name`` refers to, or None.

        >>> load_gazetteer().lookup("ile de france").id
        'ile-de-france'
        """
        if not isinstance(name, str):
            return None
        return self._by_key.get(name_key(name))

    def ancestors(self, place_id: str) -> list[str]:
        """Enclosing place ids, nearest first (cycles in the file are cut)."""
        chain: list[str] = []
        place = self._by_id.get(place_id)
        while place and place.parent and place.parent not in chain and place.parent != place_id:
            chain.append(place.parent)
            place = self._by_id.get(place.parent)
        return chain

    @cached_property
    def _name_pattern(self) -> re.Pattern[str]:
        keys = sorted({k for k in self._by_key if re.search(r"[a-z]", k)}, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(part) for part in k.split()) for k in keys)
        return re.compile(rf"(?<![\w])(?:{body})(?![\w])")

    def find_names(self, text: str) -> list[tuple[int, int, Place]]:
        """Every gazetteer name in ``text`` whose capitals fit one of the entry's spellings.

        A name glued to a hyphen is part of a longer compound ("Faubourg-Saint-Denis").

        >>> [(s, e, p.id) for s, e, p in load_gazetteer().find_names("Ville de Paris, paris")]
        [(9, 14, 'paris')]
        """
        if not isinstance(text, str) or not self._by_key:
            return []
        found = []
        for match in self._name_pattern.finditer(fold_spaced(text)):
            start, end = match.span()
            if (start and text[start - 1] in _HYPHENS) or text[end : end + 1] in tuple(_HYPHENS):
                continue
            place = self._by_key.get(name_key(match.group()))
            surface = text[start:end]
            if place and any(
                name_key(n) == name_key(surface) and case_fits(n, surface) for n in place.names()
            ):
                found.append((start, end, place))
        return found


def _place(entry: Any, index: int) -> Place:
    if not isinstance(entry, dict) or not entry.get("id") or entry.get("type") not in PLACE_TYPES:
        raise error("E140", path="gazetteer.yaml", index=index,
                    reason="needs an id and a known type")
    try:
        lat, lon = float(entry["lat"]), float(entry["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise error("E140", path="gazetteer.yaml", index=entry["id"], reason="bad lat/lon") from exc
    labels = entry.get("labels") or {}
    return Place(
        id=str(entry["id"]),
        type=str(entry["type"]),
        labels=tuple((str(k), str(v)) for k, v in labels.items()),
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        parent=entry.get("parent"),
        lat=lat,
        lon=lon,
        wikidata=entry.get("wikidata"),
        needs_context=tuple(str(lang) for lang in entry.get("needs_context") or ()),
    )


def label_language() -> str:
    """The language of the places' main labels (``label_language`` of gazetteer.yaml)."""
    data = load_yaml("gazetteer.yaml")
    return str(data.get("label_language") or "") if isinstance(data, dict) else ""


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer of ``ontology/gazetteer.yaml``, parsed once per process."""
    data = load_yaml("gazetteer.yaml")
    entries = data.get("places", []) if isinstance(data, dict) else []
    return Gazetteer([_place(entry, i) for i, entry in enumerate(entries)])
