"""Claims, mentions, entities and documents for the reading side, from a build or a store.

``source`` is a build folder (``claims.jsonl``, ``mentions.jsonl``, ``entities.jsonl`` and
``store/``) or a store folder. The JSONL files are primary: they are the export contract
and load without a database. The store is read only for what the files do not carry
(document titles, publication dates, texts), or for everything when ``source`` is a bare
store. Both paths give the same rows (tested), so ``trace`` and ``compare`` run on either.

Error codes: ``E150`` nothing readable at ``source``; ``E151`` a broken JSONL line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.errors import error
from extractor.namespaces import DCTERMS, GEO, OA, ORG, PG, PROV, RDF, RDFS, SDO, SKOS, XSD
from extractor.records import Claim, Entity, Mention, columns
from extractor.text.jsonl import read_jsonl

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


def _with_documents(rows: list[dict[str, Any]], source: Path) -> list[dict[str, Any]]:
    docs = documents(source)
    for row in rows:
        meta = docs.get(row["document"], {})
        row["document_title"] = meta.get("title")
        row["published"] = meta.get("published")
    return rows


def load_claims(source: Path) -> list[dict[str, Any]]:
    """Every claim as a claims.jsonl row plus ``document_title`` and ``published``."""
    path = Path(source) / "claims.jsonl"
    if path.is_file():
        rows = [{k: row.get(k) for k in CLAIM_FIELDS} for row in read_jsonl(path)]
    else:
        rows = _claims_from_store(_require_store(source))
    for row in rows:
        if isinstance(row["amount"], (list, tuple)):
            row["amount"] = [float(v) for v in row["amount"]]
    rows.sort(key=lambda c: (c["document"], c["start"], c["end"], c["id"]))
    return _with_documents(rows, source)


def load_mentions(source: Path) -> list[dict[str, Any]]:
    """Every mention as a mentions.jsonl row."""
    path = Path(source) / "mentions.jsonl"
    if path.is_file():
        rows = [{k: row.get(k) for k in MENTION_FIELDS} for row in read_jsonl(path)]
    else:
        rows = _mentions_from_store(_require_store(source))
    for row in rows:
        if isinstance(row["value"], (list, tuple)):
            row["value"] = [float(v) for v in row["value"]]
    return sorted(rows, key=lambda m: (m["document"], m["start"], m["end"], m["type"]))


def load_entities(source: Path) -> list[dict[str, Any]]:
    """Every canonical entity; ``aliases`` holds every name, the label included, sorted."""
    path = Path(source) / "entities.jsonl"
    if path.is_file():
        rows = [{k: row.get(k) for k in ENTITY_FIELDS} for row in read_jsonl(path)]
    else:
        rows = _entities_from_store(_require_store(source))
    for row in rows:
        row["aliases"] = sorted({row["label"], *(row.get("aliases") or [])})
        row["roles"] = sorted(row.get("roles") or [])
        row["member_of"] = sorted(row.get("member_of") or [])
    return sorted(rows, key=lambda r: r["id"])


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
        OPTIONAL {{ ?id <{PG.amount}> ?a .
            OPTIONAL {{ ?a <{SDO.value}> ?value }} OPTIONAL {{ ?a <{SDO.minValue}> ?low }}
            OPTIONAL {{ ?a <{SDO.maxValue}> ?high }} OPTIONAL {{ ?a <{SDO.currency}> ?currency }}
            OPTIONAL {{ ?a <{SDO.unitText}> ?unit_text }} }} }} }}"""
    rows = []
    for r in _rows(store, sparql):
        attributed = r["attributed"] if r["attributed"] != r["publisher"] else None
        r.update(amount=_amount(r), unit=r["currency"] or r["unit_text"],
                 attributed_to=attributed, actor_id=r["actor_id"] or "")
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
                                       "aliases": set(), "wikidata": None, "parent": r["parent"],
                                       "roles": set(), "member_of": set(),
                                       "mentions": r["count"], "lat": r["lat"],
                                       "lon": r["lon"], "curated": bool(r["curated"])})
        e["type"] = e["type"] or _TYPES.get(r["class"])
        if r["wikidata"]:
            e["wikidata"] = r["wikidata"].rsplit("/", 1)[-1]
        for key, value in (("aliases", r["name"]), ("roles", r["role"]),
                           ("member_of", r["org"])):
            if value:
                e[key].add(value)
    return [{**e, "aliases": sorted(e["aliases"]), "roles": sorted(e["roles"]),
             "member_of": sorted(e["member_of"])} for e in found.values()]
