"""Canonical entities across documents and languages.

Every Organization/Person/Place mention carries a key from the mention stage
(``reg:<id>`` registry, ``geo:<id>`` gazetteer or place of France, ``org:|per:|loc:<folded
name>`` otherwise). Places carry coordinates and their GeoNames IRI.
Keys meet across documents by name; acronyms defined in one document resolve alone in
another; curation merges, splits, rejects, relabels, retypes and adds aliases last.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor import iris
from extractor.mentions.curation import Curation
from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.registry import load_registry
from extractor.records import ENTITY_TYPES, Entity, Mention, key_for
from extractor.text.fold import fold_name


def _is_acronym(text: str) -> bool:
    return text.isupper() and " " not in text and 2 <= len(text) <= 10


class Resolver:
    """Accumulates keyed mentions, then assigns one IRI per real-world thing."""

    def __init__(self, curation: Curation | None = None) -> None:
        self.curation = curation or Curation()
        self.acronym_keys: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.types: dict[str, Counter[str]] = defaultdict(Counter)
        self.documents: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[str, set[str]] = defaultdict(set)
        self.role_orgs: dict[str, set[str]] = defaultdict(set)
        # the key of "l'ARS" in a text naming no place → the bodies it names elsewhere
        self.local_keys: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, mentions: Iterable[Mention]) -> None:
        """Record entity mentions of one document (keys already unified within it); a local
        body counts once per document that names it."""
        local: set[tuple[str, str]] = set()
        for m in mentions:
            if m.type not in ENTITY_TYPES or not m.key:
                continue
            if _is_acronym(m.text) and not m.key.startswith(("org:", "per:", "loc:")):
                self.acronym_keys[m.text][m.key] += 1
            elif _is_acronym(m.text) and fold_name(m.text) != m.key.split(":", 1)[1]:
                self.acronym_keys[m.text][m.key] += 1
            placeless = _placeless_key(m)
            if placeless and m.key != placeless:
                local.add((placeless, m.key))
        for placeless, key in local:
            self.local_keys[placeless][key] += 1

    def _looks_elsewhere(self, m: Mention) -> bool:
        """An unregistered acronym: the one mention that resolves by the other documents
        (see :meth:`canonical_key`)."""
        return bool(m.key and m.key.startswith("org:") and _is_acronym(m.text)
                    and not (m.source or "").startswith("registry")
                    and fold_name(m.text) not in self.curation.split
                    and fold_name(m.text) not in self.curation.alias)

    def settled(self, mentions: Iterable[Mention]) -> bool:
        """False when an unregistered acronym appears without its long form: a later
        document may define it, so the build writes this document's outputs at the end."""
        return not any(m.key and (self._looks_elsewhere(m) and fold_name(m.text) == m.key.split(
            ":", 1)[1] or m.key == _placeless_key(m)) for m in mentions)

    def assumptions(self, mentions: Iterable[Mention]) -> list[tuple[Mention, str | None]]:
        """How the acronyms a document defines resolve now. They change only if other
        documents give the same acronym another long form more often (rare): the build
        checks them with :meth:`still_hold` before trusting outputs written early."""
        return [(m, self.canonical_key(m)) for m in mentions if self._looks_elsewhere(m)]

    def still_hold(self, assumptions: Iterable[tuple[Mention, str | None]]) -> bool:
        return all(self.canonical_key(m) == key for m, key in assumptions)

    def canonical_key(self, mention: Mention) -> str | None:
        """The key after cross-document acronym resolution and curation."""
        if not mention.key:
            return None
        key = mention.key
        folded = fold_name(mention.text)
        if folded in self.curation.split:
            return "cur:" + self.curation.split[folded][0]
        if folded in self.curation.alias:
            return "cur:" + self.curation.alias[folded]
        known = self.acronym_keys.get(mention.text)
        # a registry acronym keyed by its document's place ("CAF" in a text about Bordeaux:
        # the CAF de la Gironde) stays that document's body
        if key.startswith("org:") and _is_acronym(mention.text) and known \
                and not (mention.source or "").startswith("registry"):
            key = known.most_common(1)[0][0]
        if local := self.local_keys.get(key):  # "l'ARS" of a text naming no place
            # the body the other documents name, when they are about one place (a corpus on
            # one city); among several cities' bodies, none is this text's: it stays generic
            ranked = local.most_common(2)
            if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
                key = ranked[0][0]
        return key

    def entity_id(self, key: str) -> str:
        kind, _, rest = key.partition(":")
        ident = rest if kind in ("reg", "geo", "cur") else iris.slugify(rest)
        seen: set[str] = set()
        while ident in self.curation.merge and ident not in seen:
            seen.add(ident)
            ident = self.curation.merge[ident]
        return ident

    def resolve(self, mention: Mention) -> Mention:
        """The mention with ``value`` set to its entity IRI (bookkeeping for :meth:`entities`)."""
        key = self.canonical_key(mention)
        if key is None:
            return mention
        ident = self.entity_id(key)
        self.surfaces[ident][mention.text] += 1
        self.types[ident][mention.type] += 1
        self.documents[ident].add(mention.document)
        if mention.role:
            self.roles[ident].add(mention.role)
        curated = key.startswith("cur:") or ident != self.entity_id_uncurated(key)
        source = "curation" if curated else mention.source
        return replace(mention, value=iris.entity(ident), source=source)

    def entity_id_uncurated(self, key: str) -> str:
        kind, _, rest = key.partition(":")
        return rest if kind in ("reg", "geo", "cur") else iris.slugify(rest)

    def entities(self) -> list[Entity]:
        """One Entity per id seen, with registry/gazetteer/GeoNames facts and curated overrides."""
        registry = load_registry()
        out: list[Entity] = []
        for ident in sorted(self.surfaces):
            surfaces = self.surfaces[ident]
            mentioned_as = self.types[ident].most_common(1)[0][0]
            facts = known_facts(ident, mentioned_as) or Facts(
                type=mentioned_as, label=max(surfaces, key=lambda s: (surfaces[s], len(s), s)))
            curated = ident in self.curation.relabel or ident in self.curation.retype
            curated = curated or ident in set(self.curation.merge.values())
            member_of = sorted({iris.entity(h.actor) for role in self.roles[ident]
                                for h in registry.find(role) if h.actor != ident})
            parent = facts.parent
            out.append(Entity(
                id=iris.entity(ident), type=self.curation.retype.get(ident, facts.type),
                label=self.curation.relabel.get(ident, facts.label),
                aliases=tuple(sorted(set(surfaces) | facts.names)), wikidata=facts.wikidata,
                geonames=facts.geonames,
                mentions=sum(surfaces.values()), written=tuple(sorted(surfaces.items())),
                documents=tuple(sorted(self.documents[ident])), labels=facts.labels,
                parent=iris.entity(parent) if parent else None, lat=facts.lat, lon=facts.lon,
                roles=tuple(sorted(self.roles[ident])), member_of=tuple(member_of),
                curated=curated,
            ))
        return out


def _placeless_key(m: Mention) -> str | None:
    """The key a generic registry name ("l'ARS", ``local`` in registry.yaml) gets in a text
    naming no place (its ``unplaced``): such a text is about the place the other documents
    name, so the mention resolves to the body they name, when most of them name one."""
    if m.type != "Organization" or not m.source.startswith("registry"):
        return None
    return _unplaced_key(m.text)


@lru_cache(maxsize=8192)
def _unplaced_key(name: str) -> str | None:
    """:func:`_placeless_key` of a registry name, memoised by the name: every document's
    mentions are asked twice (:meth:`Resolver.add`, :meth:`Resolver.settled`), and a
    registry scan of the same few hundred names took 1.5 s of a 433-document build."""
    registry = load_registry()
    hit = next((h for h in registry.find(name) if (h.start, h.end) == (0, len(name))), None)
    actor = registry.get(hit.actor) if hit else None
    local = actor.local if actor else None
    return key_for("Organization", local.unplaced) if local and local.unplaced else None


@dataclass(frozen=True)
class Facts:
    """What the registry, the gazetteer or the places of France say about an entity."""

    type: str
    label: str
    labels: tuple[tuple[str, str], ...] = ()
    names: frozenset[str] = frozenset()
    wikidata: str | None = None
    geonames: str | None = None
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None


def known_facts(ident: str, mentioned_as: str) -> Facts | None:
    """The registry's actor, the gazetteer's place (linked to GeoNames) or, for an entity
    mentioned as a place, a region, department or commune of France (:mod:`france`)."""
    actor = load_registry().get(ident)
    if actor is not None:
        return Facts(actor.type, actor.label(), actor.labels,
                     frozenset(v for _, v in actor.labels), actor.wikidata, None, actor.parent)
    place = load_gazetteer().get(ident)
    france = france_places()
    if place is not None:
        linked = france.geonames_of(place)
        return Facts("Place", place.label(), tuple(sorted(place.labels)),
                     frozenset(v for _, v in place.labels), place.wikidata,
                     iris.geonames(linked) if linked else None, place.parent, place.lat,
                     place.lon)
    found = france.get(ident) if mentioned_as == "Place" else None
    if found is None:
        return None
    return Facts("Place", found.label(), tuple(sorted(found.labels)),
                 frozenset(v for _, v in found.labels) | {found.label()}, None,
                 iris.geonames(found.geonames) if found.geonames else None, found.parent,
                 found.lat, found.lon)
