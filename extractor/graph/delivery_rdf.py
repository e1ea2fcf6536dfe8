"""The delivery graph: one finding per commitment, its status, evidence and rule.

A finding (``pg:DeliveryFinding``, ``<claim>#delivery``) lives in its own named graph,
``…/graph/delivery``, computed after every document is read; each document graph stays
as it was written, and each subject still lives in one graph. The status is a SKOS
concept of ``pg:DeliveryStatusScheme`` (declared in ``ontology/plangraph.ttl``, its
``skos:notation`` the status string of :data:`~extractor.records.DELIVERY_STATUSES`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Quad

from extractor import iris
from extractor.graph.delivery import Ledger
from extractor.graph.rdf_terms import GraphWriter, text
from extractor.graph.staging import Staging
from extractor.namespaces import PG, PROV, RDF
from extractor.records import DELIVERY_STATUSES, Delivery, Entity, status_concept_name
from extractor.text.jsonl import json_line

FILE = "delivery.jsonl"


# The SKOS concept of every status: "not delivered" → pg:NotDelivered.
CONCEPTS = {status: str(PG[status_concept_name(status)]) for status in DELIVERY_STATUSES}


def delivery_quads(found: Iterable[Delivery], build_iri: str) -> list[Quad]:
    """The ``delivery`` named graph of a build."""
    g = GraphWriter(iris.graph("delivery"))
    for d in found:
        node = iris.delivery(d.claim)
        g.add(node, RDF.type, PG.DeliveryFinding)
        g.add(node, PG.deliveryOf, d.claim)
        g.add(node, PG.deliveryStatus, CONCEPTS[d.status])
        g.add(node, PG.deliveryRule, text(d.rule))
        for evidence in d.evidence:
            g.add(node, PG.deliveryEvidence, evidence)
        g.add(node, PROV.wasGeneratedBy, build_iri)
    return g.quads


def delivery_outputs(ledger: Ledger, entities: Iterable[Entity], build_iri: str,
                     staging: Staging) -> list[Quad]:
    """Decide every commitment's status once the corpus is resolved, write ``delivery.jsonl``
    (one :class:`Delivery` per line) and return the ``delivery`` graph's quads."""
    found = ledger.deliveries(entities)
    with staging.open(FILE) as handle:
        for d in found:
            handle.write(json_line(d.row()))
    return delivery_quads(found, build_iri)
