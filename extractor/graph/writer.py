"""Every output a document contributes, written as soon as its entities are resolved.

A document whose mentions resolve the same whatever comes later (nearly all: see
:meth:`Resolver.settled`) is written while the next ones are still being parsed, so
the outputs cost no time after extraction. Each document's quads are serialised once
per format and appended: TriG and Turtle chunks share one prefix header, JSON-LD chunks
are the node objects of one top-level array. Named graphs share no subject (each
subject lives in its document's graph), so the appended union needs no merging.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import IO, Any

import pyoxigraph as ox

from extractor import iris
from extractor.graph.delivery import Ledger
from extractor.graph.document_rdf import document_quads
from extractor.graph.network import NetworkBuilder
from extractor.graph.staging import Staging, csv_row, csv_writer
from extractor.mentions.registry import load_registry
from extractor.records import Claim, Document, Mention, key_for
from extractor.store import StoreBuilder
from extractor.text.jsonl import json_line

QUAD_FILES = ("plan.nq", "plan.trig", "plan.ttl", "plan.jsonld")
ROW_FILES = ("mentions.jsonl", "claims.jsonl", "claims.csv")


_SLICE = 20000  # quads serialised at once


def _header(fmt: ox.RdfFormat, prefixes: dict[str, str]) -> bytes:
    """The prefix lines the serialiser writes before any content."""
    probe = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"),
                    ox.NamedNode("urn:x:g"))
    items = [probe] if fmt == ox.RdfFormat.TRIG else [probe.triple]
    text = ox.serialize(items, format=fmt, prefixes=prefixes) or b""
    lines = text.splitlines(keepends=True)
    return b"".join(line for line in lines if line.startswith(b"@prefix"))


class Outputs:
    """The open output files of one build, the network and the store being filled."""

    def __init__(self, staging: Staging, store: StoreBuilder, prefixes: dict[str, str]) -> None:
        self.store = store
        self.prefixes = prefixes
        self.files: dict[str, IO[Any]] = {name: staging.open(name, "wb") for name in QUAD_FILES}
        self.files.update({name: staging.open(name) for name in ROW_FILES})
        self.claim_csv = csv_writer(self.files["claims.csv"])
        self.headers = {fmt: _header(fmt, prefixes)
                        for fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE)}
        self.files["plan.trig"].write(self.headers[ox.RdfFormat.TRIG])
        self.files["plan.ttl"].write(self.headers[ox.RdfFormat.TURTLE])
        self.files["plan.jsonld"].write(b"[")
        self.jsonld_items = 0
        self.network = NetworkBuilder()
        self.delivery = Ledger()  # every claim, for the delivery of commitments at the end
        self.mentions: Counter[str] = Counter()
        self.quads_written = 0
        self.graph_names: set[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = set()
        self.claims = 0

    def quads(self, quads: Sequence[ox.Quad]) -> None:
        """Append one named graph's quads to every RDF file and to the store, a slice at a
        time: four serialisations of a long document's million quads at once took 2.7 GB,
        and every format allows a subject's statements to come in several blocks."""
        if not quads:
            return
        for at in range(0, len(quads), _SLICE):
            self._slice(quads[at:at + _SLICE])
        self.quads_written += len(quads)
        self.graph_names.add(quads[0].graph_name)

    def _slice(self, quads: Sequence[ox.Quad]) -> None:
        nq = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        self.files["plan.nq"].write(nq)
        self.store.add(nq)
        trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=self.prefixes) or b""
        self.files["plan.trig"].write(self._strip(trig, ox.RdfFormat.TRIG))
        triples = [q.triple for q in quads]
        ttl = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=self.prefixes) or b""
        self.files["plan.ttl"].write(self._strip(ttl, ox.RdfFormat.TURTLE))
        items = (ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]").strip()[1:-1]
        if items.strip():
            self.files["plan.jsonld"].write((b"," if self.jsonld_items else b"") + items)
            self.jsonld_items += 1

    @property
    def graphs(self) -> int:
        """Distinct named graphs written (what the summary and the report count)."""
        return len(self.graph_names)

    def _strip(self, chunk: bytes, fmt: ox.RdfFormat) -> bytes:
        header = self.headers[fmt]
        return chunk[len(header):] if header and chunk.startswith(header) else chunk

    def document(self, document: Document, resolved: list[Mention], claims: Sequence[Claim],
                 build_iri: str) -> None:
        """Write one document whose mentions carry their entity IRIs."""
        by_span: dict[str, Mention] = {}
        for m in resolved:  # an actor before the place it is named for ("La Corrèze veut")
            by_span.setdefault(f"#mention-{m.start}-{m.end}", m)
        finished = finish_claims(claims, by_span)
        self.delivery.add(document.id, document.published, finished)
        publisher = publisher_of(document, resolved)
        self.quads(document_quads(document, resolved, finished, build_iri, publisher))
        self.network.add_document(document.id, document.title, document.published)
        rows = self.files["mentions.jsonl"]
        for m in resolved:
            self.mentions[m.type] += 1
            rows.write(json_line(m.row()))
            if isinstance(m.value, str) and m.value.startswith("http"):
                self.network.add_mention(document.id, m.value)
        for c in finished:
            row = c.row()
            self.files["claims.jsonl"].write(json_line(row))
            self.claim_csv.writerow(csv_row(row))
            self.network.add_claim(c)
            self.claims += 1

    def abandon(self) -> None:
        """Close the files as they are (they are about to be written again from scratch)."""
        for handle in self.files.values():
            handle.close()

    def close(self) -> None:
        """Close the files; the store goes on loading and compacting in its thread."""
        self.store.end_input()
        self.files["plan.jsonld"].write(b"]\n")
        for handle in self.files.values():
            handle.close()


def publisher_of(document: Document, mentions: list[Mention]) -> str | None:
    """The issuer's entity IRI: a registry name, or the document's own mention of it."""
    if not document.issuer:
        return None
    found = load_registry().lookup(document.issuer)
    if found:
        return iris.entity(found)
    hits = load_registry().find(document.issuer)
    if hits and hits[0].end - hits[0].start >= len(document.issuer) * 0.5:
        return iris.entity(hits[0].actor)
    key = key_for("Organization", document.issuer)
    for m in mentions:
        if m.key == key and isinstance(m.value, str):
            return m.value
    return None


def finish_claims(claims: Sequence[Claim], by_span: dict[str, Mention]) -> list[Claim]:
    """Replace ``#mention-start-end`` placeholders by resolved entity IRIs."""
    out = []
    for c in claims:
        actor = by_span.get(c.actor_id)
        if actor is None or not isinstance(actor.value, str):
            continue
        place = by_span.get(c.place_id or "")
        attributed = by_span.get(c.attributed_to or "")
        out.append(replace(
            c, actor_id=actor.value,
            place_id=place.value if place and isinstance(place.value, str) else None,
            attributed_to=(attributed.value if attributed and isinstance(attributed.value, str)
                           else (c.attributed_to if c.attributed_to
                                 and c.attributed_to.startswith("http") else None))))
    return out
