"""What the report shows, gathered once from a build folder or a store (no spaCy).

Claims, mentions and entities come from :mod:`extractor.read.load` as the pipeline's
records (the export contract's fields); this module adds what pages need: slugs for file
names, the actors of claims with their counts and money (:mod:`money`), and the comparisons of
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
from extractor.read.delivery import load_deliveries
from extractor.read.report.money import MoneyFact, actor_key, committed_money
from extractor.records import Claim, Delivery, Entity, Mention
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
    money: float = 0.0  # the sum of money_facts: each committed amount counted once
    money_facts: list[MoneyFact] = field(default_factory=list)


@dataclass
class ReportData:
    documents: dict[str, Doc]
    mentions: list[Mention]
    claims: list[Claim]
    entities: dict[str, Entity]
    actors: dict[str, Actor]
    comparisons: list[Comparison]
    # whether each commitment was delivered (by claim IRI), and every claim by IRI to show
    # the later claims that decided it
    deliveries: dict[str, Delivery] = field(default_factory=dict)
    by_id: dict[str, Claim] = field(default_factory=dict)


def claim_anchor(claim_id: str) -> str:
    """The HTML id of a claim on its document page: ``claim-`` and the IRI's last segment.

    >>> claim_anchor("https://w3id.org/plangraph/claim/d89b814073a5445e")
    'claim-d89b814073a5445e'
    """
    return "claim-" + slugify(str(claim_id or "").rstrip("/").rsplit("/", 1)[-1])


def _unique_slug(wanted: str, taken: set[str]) -> str:
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    taken.add(slug)
    return slug


def _actors(claims: list[Claim], entities: dict[str, Entity], published: dict[str, str],
            conf: dict[str, Any]) -> dict[str, Actor]:
    """One actor per agent of at least one claim: an organisation or person named without
    acting (a photo credit, a press contact) gets no line in the index and no page."""
    currency = str(conf.get("money_currency", "EUR"))
    kinds = list(conf.get("kinds", {}))
    money = committed_money(claims, published, currency)
    actors: dict[str, Actor] = {}
    taken: set[str] = set()
    agents = {actor_key(c) for c in claims}
    for ent in sorted(entities.values(), key=lambda e: e.id):
        if ent.id in agents:
            slug = _unique_slug(slugify(ent.id.rstrip("/").rsplit("/", 1)[-1]), taken)
            actors[ent.id] = Actor(ent.id, slug, ent.label or ent.id, ent.type)
    for claim in claims:
        key = actor_key(claim)
        if key not in actors:
            label = str(claim.actor or key)
            actors[key] = Actor(key, _unique_slug(slugify(label), taken), label, "Organization")
        actors[key].claims.append(claim)
    for key, actor in actors.items():
        actor.counts = {k: sum(c.kind == k for c in actor.claims) for k in kinds}
        actor.claims.sort(key=lambda c: (str(c.date or "9999"), c.document, c.start))
        actor.money_facts = money.get(key, [])
        actor.money = sum(fact.amount for fact in actor.money_facts)
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
    published = {doc_id: doc.published for doc_id, doc in documents.items()}
    return ReportData(documents, mentions, claims, entities,
                      _actors(claims, entities, published, conf), compare(source),
                      load_deliveries(source), {c.id: c for c in claims})
