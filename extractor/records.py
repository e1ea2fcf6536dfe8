"""Record types passed between pipeline stages.

Frozen dataclasses with ``to_dict``/``from_dict`` so the JSONL export is the one
definition of each field (the export contract in the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, TypeVar

from extractor.text.fold import fold_name

T = TypeVar("T")

MENTION_TYPES = ("Organization", "Person", "Place", "Money", "Quantity", "Date")
ENTITY_TYPES = ("Organization", "Person", "Place")
CLAIM_KINDS = ("commitment", "achievement", "assessment", "statement")
# What later sources say about a commitment (extractor/graph/delivery.py), best first.
DELIVERY_STATUSES = ("delivered", "partly", "not delivered", "disputed", "no later report")
# The prefix of the name key of an entity neither the registry nor the gazetteer knows.
KEY_TYPES = {"org": "Organization", "per": "Person", "loc": "Place"}


class _Record:
    """Shared dict conversion: ``from_dict`` ignores unknown keys so old files still load."""

    def to_dict(self) -> dict[str, Any]:
        # Shallow on purpose: dataclasses.asdict deep-copies every value (slow on big builds).
        # A plain ``type``: mypy wrongly finds ``type[Self]`` not Hashable for the cache.
        kind: type = type(self)
        return {name: _jsonable(getattr(self, name)) for name in _names(kind)}

    def row(self) -> dict[str, Any]:
        """The exported fields only (the JSONL/CSV columns), in their declared order."""
        kind: type = type(self)  # a plain ``type`` for the cache, as in to_dict
        return {name: _jsonable(getattr(self, name)) for name in columns(kind)}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        # arg-type: every _Record subclass is a dataclass, which the TypeVar T cannot say
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: _frozen(v) for k, v in data.items() if k in names}
        return cls(**kwargs)


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


INTERNAL = {"export": False}  # field metadata: kept in the cache and the RDF, not exported


@cache
def columns(cls: type) -> tuple[str, ...]:
    """The exported columns of a record type: every field not marked :data:`INTERNAL`. The one
    definition every JSONL file, CSV header, reader and table derives its fields from.

    >>> columns(Mention)[:5]
    ('document', 'type', 'text', 'start', 'end')
    """
    return tuple(f.name for f in fields(cls) if f.metadata.get("export", True))


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class Match(_Record):
    """A span found by a rule-based finder (money, quantity, date) in a text."""

    start: int
    end: int
    text: str
    value: Any
    unit: str | None = None
    per: str | None = None


@dataclass(frozen=True)
class Document(_Record):
    """One source document after ingestion: the repaired text every offset points into."""

    id: str
    path: str
    text: str
    lang: str
    sha256: str
    media_type: str
    title: str | None = None
    published: str | None = None
    issuer: str | None = None
    original_length: int = 0
    offset_anchors: tuple[tuple[int, int], ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Mention(_Record):
    """A typed span of a document; ``value`` is an entity IRI, a number, a range or an ISO date."""

    document: str
    type: str
    text: str
    start: int
    end: int
    value: Any = None
    unit: str | None = None
    sentence: int = 0
    source: str = "rule"
    key: str | None = field(default=None, metadata=INTERNAL)
    role: str | None = None
    per: str | None = None


@dataclass(frozen=True)
class Entity(_Record):
    """A canonical actor or place, shared by every document that names it."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None  # the GeoNames IRI of a place (https://sws.geonames.org/<id>/)
    mentions: int = 0
    written: tuple[tuple[str, int], ...] = field(default=(), metadata=INTERNAL)
    documents: tuple[str, ...] = ()
    labels: tuple[tuple[str, str], ...] = field(default=(), metadata=INTERNAL)
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    roles: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    curated: bool = False


@dataclass(frozen=True)
class Claim(_Record):
    """What a document says an actor did, will do or judged, tied to its exact text."""

    id: str
    document: str
    kind: str
    actor: str
    actor_id: str
    action: str
    object: str | None
    amount: Any
    unit: str | None
    date: str | None
    place: str | None
    quote: str
    start: int
    end: int
    confidence: float
    attributed_to: str | None = None
    factuality: str = "stated"
    negated: bool = False
    place_id: str | None = None
    sentence: int = 0
    # the construction the claim was read from (subject, agent, possessive, quotation…): what
    # its confidence is calibrated on (ontology/confidence.yaml)
    construction: str = ""
    # the trigger word, the actor's role, a modality: for debugging rules, not exported
    extra: tuple[tuple[str, str], ...] = field(default=(), metadata=INTERNAL)



@dataclass(frozen=True)
class Delivery(_Record):
    """Whether a commitment was delivered, by what later sources say (``delivery.jsonl``).

    ``claim`` is the commitment's IRI, ``status`` one of :data:`DELIVERY_STATUSES`, ``rule``
    why (which evidence decided, amounts compared), ``evidence`` the later claims' IRIs."""

    claim: str
    status: str
    rule: str
    evidence: tuple[str, ...] = ()


def status_concept_name(status: str) -> str:
    """The local name of a delivery status's SKOS concept in the ``pg:`` vocabulary.

    >>> status_concept_name("not delivered")
    'NotDelivered'
    """
    return "".join(word.capitalize() for word in status.split())


def key_for(type_: str, surface: str) -> str:
    """The name key of an entity the registry and gazetteer do not know ("org:ville de x"):
    mentions write it, resolution merges by it.

    >>> key_for("Organization", "la Ville de Rennes")
    'org:ville de rennes'
    """
    prefix = {v: k for k, v in KEY_TYPES.items()}[type_]
    return f"{prefix}:{fold_name(surface)}"
