"""The delivery status of every commitment, as a build wrote it, for trace, report, compare.

From ``delivery.jsonl`` in a build folder, else from the store's ``delivery`` graph (the
same records either way; a build older than delivery has neither: an empty map).
The statuses are decided at build time by :mod:`extractor.graph.delivery`; this module only
reads them (the reading side never runs an extraction stage).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extractor.namespaces import PG
from extractor.read.load import store_path
from extractor.records import DELIVERY_STATUSES, Delivery, status_concept_name
from extractor.text.jsonl import read_jsonl

FILE = "delivery.jsonl"
# A status concept IRI (pg:NotDelivered) → its status string ("not delivered").
_STATUS_OF = {str(PG[status_concept_name(s)]): s for s in DELIVERY_STATUSES}


def load_deliveries(source: Path) -> dict[str, Delivery]:
    """Commitment IRI → its :class:`~extractor.records.Delivery` (empty when the build has none)."""
    path = Path(source) / FILE
    if path.is_file():
        found = [Delivery.from_dict(row) for row in read_jsonl(path)]
    else:
        found = _from_store(source)
    return {d.claim: d for d in found}


def _from_store(source: Path) -> list[Delivery]:
    from extractor.store import open_store

    where = store_path(Path(source))
    if where is None:
        return []
    sparql = f"""SELECT ?claim ?status ?rule ?evidence WHERE {{ GRAPH ?g {{
        ?d a <{PG.DeliveryFinding}> ; <{PG.deliveryOf}> ?claim ;
           <{PG.deliveryStatus}> ?status ; <{PG.deliveryRule}> ?rule .
        OPTIONAL {{ ?d <{PG.deliveryEvidence}> ?evidence }} }} }}"""
    rows: dict[str, dict[str, Any]] = {}
    solutions = open_store(where).query(sparql)
    assert isinstance(solutions, ox.QuerySolutions)  # a SELECT
    for r in solutions:
        claim = r["claim"].value
        row = rows.setdefault(claim, {"claim": claim, "status": _STATUS_OF[r["status"].value],
                                      "rule": r["rule"].value, "evidence": []})
        if r["evidence"] is not None:
            row["evidence"].append(r["evidence"].value)
    return [Delivery.from_dict(row) for row in rows.values()]
