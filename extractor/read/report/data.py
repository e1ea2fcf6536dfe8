"""What the report shows, gathered once from a build folder or a store (no spaCy).

Claims, mentions and entities come from :mod:`extractor.read.load` as the pipeline's
records (the export contract's fields); this module adds what pages need: slugs for file
names, actors with their counts and money, and the comparisons of
:func:`extractor.read.compare.compare`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extractor.iris import document_slug, slugify
from extractor.knowledge import load_yaml
from extractor.namespaces import DCTERMS, PG
from extractor.read import load as claimsource
from extractor.read.compare import Comparison, compare
from extractor.records import Claim, Entity, Mention
from extractor.store import open_store


def settings() -> dict[str, Any]:
    """The report's settings file ``ontology/report/report.yaml``."""
    data = load_yaml("report/report.yaml")
    return data if isinstance(data, dict) else {}


@dataclass
class Doc:
    id: str
    slug: str
    lang: str
    title: str
    published: str
    text: str


@dataclass
class Actor:
    id: str
    slug: str
    label: str
    type: str
    claims: list[Claim] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    money: float = 0.0


@dataclass
class ReportData:
    documents: dict[str, Doc]
    mentions: list[Mention]
    claims: list[Claim]
    entities: dict[str, Entity]
    actors: dict[str, Actor]
    comparisons: list[Comparison]


def claim_anchor(claim_id: str) -> str:
    """The HTML id of a claim on its document page: ``claim-`` and the IRI's last segment.

    >>> claim_anchor("https://w3id.org/plangraph/claim/d89b814073a5445e")
    'claim-d89b814073a5445e'
    """
    return "claim-" + slugify(str(claim_id or "").rstrip("/").rsplit("/", 1)[-1])


def money_amount(amount: Any, unit: str | None, currency: str) -> float:
    """A claim's amount in ``currency`` (a range counts its low end), else 0.

    >>> money_amount((2.0, 3.0), "EUR", "EUR")
    2.0
    >>> money_amount(5, "place", "EUR")
    0.0
    """
    if unit != currency or amount is None:
        return 0.0
    if isinstance(amount, (list, tuple)):
        amount = amount[0] if amount else 0
    return float(amount) if isinstance(amount, (int, float)) else 0.0


def _unique_slug(wanted: str, taken: set[str]) -> str:
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    taken.add(slug)
    return slug


def _actors(claims: list[Claim], entities: dict[str, Entity],
            conf: dict[str, Any]) -> dict[str, Actor]:
    """One actor per organisation or person entity, and per claim actor outside the registry."""
    types = set(conf.get("actor_types", ["Organization", "Person"]))
    currency = str(conf.get("money_currency", "EUR"))
    kinds = list(conf.get("kinds", {}))
    actors: dict[str, Actor] = {}
    taken: set[str] = set()
    for ent in sorted(entities.values(), key=lambda e: e.id):
        if ent.type in types:
            slug = _unique_slug(slugify(ent.id.rstrip("/").rsplit("/", 1)[-1]), taken)
            actors[ent.id] = Actor(ent.id, slug, ent.label or ent.id, ent.type)
    for claim in claims:
        key = claim.actor_id or claim.actor or "?"
        if key not in actors:
            label = str(claim.actor or key)
            actors[key] = Actor(key, _unique_slug(slugify(label), taken), label, "Organization")
        actor = actors[key]
        actor.claims.append(claim)
        actor.money += money_amount(claim.amount, claim.unit, currency)
    for actor in actors.values():
        actor.counts = {k: sum(c.kind == k for c in actor.claims) for k in kinds}
        actor.claims.sort(key=lambda c: (str(c.date or "9999"), c.document, c.start))
    return actors


def _texts(source: Path) -> dict[str, str]:
    """Every stored document text in one query (document id → text)."""
    path = claimsource.store_path(source)
    if path is None:
        return {}
    sparql = f"""SELECT ?id ?text WHERE {{ GRAPH ?g {{
        ?d <{DCTERMS.identifier}> ?id ; <{PG.text}> ?text . }} }}"""
    solutions = open_store(path).query(sparql)
    assert isinstance(solutions, ox.QuerySolutions)  # a SELECT always answers with solutions
    return {row["id"].value: row["text"].value for row in solutions}


def load_report_data(source: Path) -> ReportData:
    """Everything the pages need, read once; documents keyed by id, actors by IRI."""
    source = Path(source)
    conf = settings()
    claims = claimsource.load_claims(source)
    mentions = claimsource.load_mentions(source)
    entities = {e.id: e for e in claimsource.load_entities(source)}
    meta = claimsource.documents(source)
    texts = _texts(source)
    ids = sorted(set(meta) | {c.document for c in claims} | {m.document for m in mentions})
    documents: dict[str, Doc] = {}
    taken: set[str] = set()
    for doc_id in ids:
        info = meta.get(doc_id, {})
        text = texts.get(doc_id)
        documents[doc_id] = Doc(doc_id, _unique_slug(document_slug(doc_id), taken),
                                info.get("lang") or "", info.get("title") or doc_id,
                                info.get("published") or "", text or "")
    return ReportData(documents, mentions, claims, entities, _actors(claims, entities, conf),
                      compare(source))
