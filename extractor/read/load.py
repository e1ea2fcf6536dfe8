"""Claims, mentions, entities and documents for the reading side, from a build or a store.

``source`` is a build folder (``claims.jsonl``, ``mentions.jsonl``, ``entities.jsonl`` and
``store/``) or a store folder. The JSONL files are primary: they are the export contract
and load without a database. The store is read only for what the files do not carry
(document titles, publication dates, texts), or for everything when ``source`` is a bare
store. Both paths give the same records (tested), so ``trace`` and ``compare`` run on either.

Claims, mentions and entities come back as the pipeline's own records (:mod:`extractor.records`)
rather than dicts, so a reader names fields the type checker knows and a renamed field fails
at once instead of reading as None. What a record does not carry (a claim's document title
and date) is joined by the view that needs it, from :func:`documents`.

Error codes: ``E150`` nothing readable at ``source``; ``E151`` a broken JSONL line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any, TypeVar

from extractor.errors import error
from extractor.namespaces import DCTERMS, GEO, OA, ORG, PG, PROV, RDF, RDFS, SDO, SKOS, WD, XSD
from extractor.records import Claim, Entity, Mention, columns
from extractor.text.jsonl import read_jsonl

R = TypeVar("R", Claim, Mention, Entity)

# The exported columns, defined once by the records.
CLAIM_FIELDS = columns(Claim)
MENTION_FIELDS = columns(Mention)
# The store's entity graph does not list each entity's documents (its mentions do).
ENTITY_FIELDS = tuple(c for c in columns(Entity) if c != "documents")
_TYPES = {str(ORG.Organization): "Organization", str(SDO.Person): "Person",
          str(SDO.Place): "Place"}


def store_path(source: Path) -> Path | None:
    """The store folder of a build folder, or ``source`` itself when it is a store."""
    source = Path(source)
    if (source / "CURRENT").is_file():
        return source
    if (source / "store").is_dir() or (source / ".store.old").is_dir():
        return source / "store"
    return None


def _store(source: Path) -> Any | None:
    from extractor.store import open_store

    path = store_path(source)
    return open_store(path) if path else None


def _value(term: Any) -> Any:
    """A SPARQL term as Python: numbers for xsd numerics and booleans, strings otherwise."""
    if term is None:
        return None
    value = term.value
    datatype = getattr(getattr(term, "datatype", None), "value", "")
    if datatype in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
        return float(value)
    if datatype in (str(XSD.integer), str(XSD.nonNegativeInteger)):
        return int(value)
    if datatype == str(XSD.boolean):
        return value == "true"
    return value


def _rows(store: Any, sparql: str) -> list[dict[str, Any]]:
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: _value(row[n]) for n in names} for row in result]


def documents(source: Path) -> dict[str, dict[str, Any]]:
    """Document id → ``title``, ``published``, ``lang``, ``publisher`` (empty without a store)."""
    store = _store(source)
    if store is None:
        return {}
    sparql = f"""SELECT ?id ?title ?published ?lang ?publisher WHERE {{ GRAPH ?g {{
        ?d a <{PG.Document}> ; <{DCTERMS.identifier}> ?id .
        OPTIONAL {{ ?d <{DCTERMS.title}> ?title }} OPTIONAL {{ ?d <{DCTERMS.issued}> ?published }}
        OPTIONAL {{ ?d <{DCTERMS.language}> ?lang }}
        OPTIONAL {{ ?d <{DCTERMS.publisher}> ?publisher }} }} }}"""
    return {r["id"]: {k: (str(v) if v is not None else None) for k, v in r.items()}
            for r in _rows(store, sparql)}


def document_text(source: Path, document: str) -> str | None:
    """The stored text of a document (what every offset points into), or None without a store."""
    from extractor.read.text import document_text as read

    store = _store(source)
    return read(store, document) if store is not None else None


def _records(cls: type[R], rows: Iterable[dict[str, Any]], names: tuple[str, ...]) -> list[R]:
    """Records from exported rows, keeping only the ``names`` both sources carry.

    A field with no default that a row lacks is None (a hand-written or older file still
    loads, as it did when rows were dicts); a missing field with a default takes it.
    """
    required = [f.name for f in fields(cls) if f.name in names
                and f.default is MISSING and f.default_factory is MISSING]
    return [cls.from_dict({**dict.fromkeys(required), **{k: row[k] for k in names if k in row}})
            for row in rows]


def _floats(value: Any) -> Any:
    """A range (a JSON list) as floats, whatever its source wrote (``[700, 800]``)."""
    return [float(v) for v in value] if isinstance(value, (list, tuple)) else value


def load_claims(source: Path) -> list[Claim]:
    """Every claim, by document and span; join :func:`documents` for titles and dates."""
    path = Path(source) / "claims.jsonl"
    rows = read_jsonl(path) if path.is_file() else _claims_from_store(_require_store(source))
    rows = [{**row, "amount": _floats(row.get("amount"))} for row in rows]
    claims = _records(Claim, rows, CLAIM_FIELDS)
    return sorted(claims, key=lambda c: (c.document, c.start, c.end, c.id))


def load_mentions(source: Path) -> list[Mention]:
    """Every mention, by document, span and type."""
    path = Path(source) / "mentions.jsonl"
    rows = read_jsonl(path) if path.is_file() else _mentions_from_store(_require_store(source))
    rows = [{**row, "value": _floats(row.get("value"))} for row in rows]
    mentions = _records(Mention, rows, MENTION_FIELDS)
    return sorted(mentions, key=lambda m: (m.document, m.start, m.end, m.type))


def load_entities(source: Path) -> list[Entity]:
    """Every canonical entity by id; ``aliases`` holds every name, the label included, sorted.

    ``documents`` is always empty: the store's entity graph does not list it, and both
    sources must give the same records.
    """
    path = Path(source) / "entities.jsonl"
    rows = read_jsonl(path) if path.is_file() else _entities_from_store(_require_store(source))
    rows = [{**row, "aliases": sorted({row["label"], *(row.get("aliases") or [])}),
             "roles": sorted(row.get("roles") or []),
             "member_of": sorted(row.get("member_of") or [])} for row in rows]
    return sorted(_records(Entity, rows, ENTITY_FIELDS), key=lambda e: e.id)


def _require_store(source: Path) -> Any:
    store = _store(source)
    if store is None:
        raise error("E150", path=source)
    return store


def _claims_from_store(store: Any) -> list[dict[str, Any]]:
    sparql = f"""SELECT * WHERE {{ GRAPH ?g {{
        ?id a <{PG.Claim}> ; <{PG.kind}> ?kind ; <{PG.actorName}> ?actor ; <{PG.action}> ?action ;
            <{PG.quote}> ?quote ; <{PG.factuality}> ?factuality ; <{PG.negated}> ?negated ;
            <{PG.confidence}> ?confidence ; <{PG.sentenceIndex}> ?sentence ;
            <{PROV.wasDerivedFrom}> ?doc ; <{OA.hasTarget}>/<{OA.hasSelector}> ?sel .
        ?sel a <{OA.TextPositionSelector}> ; <{OA.start}> ?start ; <{OA.end}> ?end .
        ?doc <{DCTERMS.identifier}> ?document .
        OPTIONAL {{ ?doc <{DCTERMS.publisher}> ?publisher }}
        OPTIONAL {{ ?id <{PG.actor}> ?actor_id }} OPTIONAL {{ ?id <{PG.object}> ?object }}
        OPTIONAL {{ ?id <{PG.dateText}> ?date }} OPTIONAL {{ ?id <{PG.placeName}> ?place }}
        OPTIONAL {{ ?id <{SDO.location}> ?place_id }}
        OPTIONAL {{ ?id <{PROV.wasAttributedTo}> ?attributed }}
        OPTIONAL {{ ?id <{PG.construction}> ?construction }}
        OPTIONAL {{ ?id <{PG.amount}> ?a .
            OPTIONAL {{ ?a <{SDO.value}> ?value }} OPTIONAL {{ ?a <{SDO.minValue}> ?low }}
            OPTIONAL {{ ?a <{SDO.maxValue}> ?high }} OPTIONAL {{ ?a <{SDO.currency}> ?currency }}
            OPTIONAL {{ ?a <{SDO.unitText}> ?unit_text }} }} }} }}"""
    rows = []
    for r in _rows(store, sparql):
        attributed = r["attributed"] if r["attributed"] != r["publisher"] else None
        r.update(amount=_amount(r), unit=r["currency"] or r["unit_text"],
                 attributed_to=attributed, actor_id=r["actor_id"] or "",
                 construction=r.get("construction") or "")
        rows.append({k: r.get(k) for k in CLAIM_FIELDS})
    return rows


def _amount(r: dict[str, Any]) -> Any:
    if r.get("low") is not None and r.get("high") is not None:
        return [r["low"], r["high"]]
    return r.get("value")


def _mentions_from_store(store: Any) -> list[dict[str, Any]]:
    sparql = f"""SELECT * WHERE {{ GRAPH ?g {{
        ?m a <{PG.Mention}> ; <{PG.mentionType}> ?type ; <{PG.sentenceIndex}> ?sentence ;
           <{PG.linkedBy}> ?source ; <{OA.hasTarget}> ?t .
        ?t <{OA.hasSource}>/<{DCTERMS.identifier}> ?document ; <{OA.hasSelector}> ?p, ?q .
        ?p <{OA.start}> ?start ; <{OA.end}> ?end . ?q <{OA.exact}> ?text .
        OPTIONAL {{ ?m <{PG.role}> ?role }}
        OPTIONAL {{ ?m <{OA.hasBody}> ?body .
            OPTIONAL {{ ?body <{RDF.value}> ?date }} OPTIONAL {{ ?body <{SDO.value}> ?value }}
            OPTIONAL {{ ?body <{SDO.minValue}> ?low }} OPTIONAL {{ ?body <{SDO.maxValue}> ?high }}
            OPTIONAL {{ ?body <{SDO.currency}> ?currency }}
            OPTIONAL {{ ?body <{SDO.unitText}> ?unit_text }}
            OPTIONAL {{ ?body <{PG.per}> ?per }} }} }} }}"""
    rows = []
    for r in _rows(store, sparql):
        if r["type"] in ("Money", "Quantity"):
            value = _amount(r)
        else:
            value = r["date"] if r["type"] == "Date" else r["body"]
        r.update(value=value, unit=r["currency"] or r["unit_text"])
        rows.append({k: r.get(k) for k in MENTION_FIELDS})
    return rows


def _entities_from_store(store: Any) -> list[dict[str, Any]]:
    graph = "https://w3id.org/plangraph/graph/entities"
    sparql = f"""SELECT ?id ?class ?label ?name ?wikidata ?parent ?role ?org ?count ?lat ?lon
        ?curated WHERE {{
        GRAPH <{graph}> {{ ?id a <{PG.Entity}>, ?class ; <{RDFS.label}> ?label .
        OPTIONAL {{ ?id <{SKOS.prefLabel}>|<{SKOS.altLabel}> ?name }}
        OPTIONAL {{ ?id <http://www.w3.org/2002/07/owl#sameAs> ?wikidata }}
        OPTIONAL {{ ?id <{ORG.subOrganizationOf}>|<{SDO.containedInPlace}> ?parent }}
        OPTIONAL {{ ?id <{PG.role}> ?role }} OPTIONAL {{ ?id <{ORG.memberOf}> ?org }}
        OPTIONAL {{ ?id <{PG.mentionCount}> ?count }}
        OPTIONAL {{ ?id <{GEO.lat}> ?lat ; <{GEO.long}> ?lon }}
        OPTIONAL {{ ?id <{PG.curated}> ?curated }} }} }}"""
    found: dict[str, dict[str, Any]] = {}
    for r in _rows(store, sparql):
        e = found.setdefault(r["id"], {"id": r["id"], "type": None, "label": r["label"],
                                       "aliases": set(), "wikidata": None, "geonames": None,
                                       "parent": r["parent"],
                                       "roles": set(), "member_of": set(),
                                       "mentions": r["count"], "lat": r["lat"],
                                       "lon": r["lon"], "curated": bool(r["curated"])})
        e["type"] = e["type"] or _TYPES.get(r["class"])
        same = r["wikidata"] or ""  # owl:sameAs: Wikidata, or GeoNames for places
        if same.startswith(str(WD)):
            e["wikidata"] = same.rsplit("/", 1)[-1]
        elif same:
            e["geonames"] = same
        for key, value in (("aliases", r["name"]), ("roles", r["role"]),
                           ("member_of", r["org"])):
            if value:
                e[key].add(value)
    return [{**e, "aliases": sorted(e["aliases"]), "roles": sorted(e["roles"]),
             "member_of": sorted(e["member_of"])} for e in found.values()]
