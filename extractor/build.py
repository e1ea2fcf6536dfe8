"""The build: files → documents → extraction → resolution → RDF and every output file.

Phase 1 streams documents through extraction and spools the records to disk; phase 2
resolves entities across all documents; phase 3 streams the spool into the outputs.
Memory holds mentions (small), not texts or parses.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from . import __version__, iris
from .cache import ExtractionCache, model_meta
from .curation import Curation, load_curation
from .errors import PlangraphError, error
from .executors import Executor, ParseAheadExecutor, open_executor
from .exports import NetworkBuilder, write_gexf, write_graphml
from .extract import DocResult, apply_rejections
from .ingest import collect_paths, read_document
from .namespaces import PREFIXES
from .nlp import supported_languages
from .outputs import Staging, csv_row, csv_writer, json_line
from .rdf import build_quads, document_quads, entity_quads
from .records import Claim, Document, Mention
from .registry import load_registry
from .resolve import Resolver, key_for
from .store import write_store

OUTPUT_FILES = ["plan.nq", "plan.trig", "plan.ttl", "plan.jsonld", "plan.graphml", "plan.gexf",
                "mentions.jsonl", "entities.jsonl", "claims.jsonl", "claims.csv",
                "build-report.json"]
BATCH = 32
PARALLEL_BATCH = 8
OVERLAP_BATCH = 16  # small enough that the rules on the last chunk, not overlapped, are short
T = TypeVar("T")


@dataclass
class BuildReport:
    """What a build did, for the summary line and ``build-report.json``."""

    out_dir: str
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    claims: int = 0
    triples: int = 0
    graphs: int = 0
    seconds: float = 0.0
    fingerprint: str = ""
    up_to_date: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"out_dir": self.out_dir, "documents": self.documents, "errors": self.errors,
                "mentions": dict(sorted(self.mentions.items())), "entities": self.entities,
                "claims": self.claims, "quads": self.triples, "named_graphs": self.graphs,
                "seconds": round(self.seconds, 2), "fingerprint": self.fingerprint}


def _now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _iter_items(paths: Sequence[str | Path], report: BuildReport,
                on_error: Callable[[str], None],
                cache: ExtractionCache | None) -> Iterator[tuple[str | None, Document | DocResult]]:
    """(cache key, cached result or document to extract) per file; bad files reported."""
    supported = set(supported_languages())
    try:
        pairs = collect_paths(paths)
    except PlangraphError as exc:
        report.errors.append(str(exc))
        on_error(str(exc))
        return
    for path, root in pairs:
        key = cache.key(path, root) if cache else None
        hit = cache.load(key) if cache else None
        if hit is not None:
            yield key, hit
            continue
        try:
            document = read_document(path, root)
            if document.lang not in supported:
                raise error("E007", path=path, lang=document.lang, supported=", ".join(supported))
        except PlangraphError as exc:
            report.errors.append(str(exc))
            on_error(str(exc))
            continue
        yield key, document


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for d in items:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


Item = tuple[str | None, Document | DocResult]


def _chunks(items: Iterator[Item], size: int) -> Iterator[tuple[list[Item], list[Document]]]:
    """Windows of items, each with the documents in it still to extract."""
    for window in _batches(items, size):
        yield window, [item for _, item in window if isinstance(item, Document)]


def extracted(items: Iterator[Item], executor: Executor,
              cache: ExtractionCache, size: int) -> Iterator[DocResult]:
    """Every result in input order: cached ones as they are, the others from the executor."""
    for window, results in executor.map(_chunks(items, size)):
        fresh = iter(results)
        for key, item in window:
            if isinstance(item, Document):
                item = next(fresh)
                cache.store(key, item)
            yield item


def build(paths: Sequence[str | Path], out_dir: Path, *, curation: Curation | None = None,
          on_error: Callable[[str], None] = lambda _: None,
          progress: Callable[[str], None] = lambda _: None, jobs: int = 1,
          executor: str = "local", cache: bool = True,
          scheduler: str | None = None, overlap: bool | None = None) -> BuildReport:
    """Build ``paths`` into ``out_dir``; returns the report (errors listed, not raised).

    ``jobs`` extraction processes (or Dask workers with ``executor="dask"``, on the cluster
    at ``scheduler`` or a local one); ``cache`` reuses ``out_dir/.cache`` for unchanged files;
    ``overlap`` parses in a helper process while the rules run here (default: when a
    second core is available).
    """
    started_clock = time.perf_counter()
    started = _now()
    curation = curation if curation is not None else load_curation()
    report = BuildReport(out_dir=str(out_dir))
    staging = Staging(out_dir)
    store = ExtractionCache(out_dir, enabled=cache)
    keys: list[str | None] = []
    try:
        spool = staging.file("spool.jsonl")
        resolver = Resolver(curation)
        languages: set[str] = set()
        with (open_executor(executor, jobs, scheduler, overlap) as pool,
              spool.open("w", encoding="utf-8") as handle):
            items = _recording(_iter_items(paths, report, on_error, store), keys)
            size = (PARALLEL_BATCH if pool.workers > 1 else
                    OVERLAP_BATCH if isinstance(pool, ParseAheadExecutor) else BATCH)
            for result in extracted(items, pool, store, size):
                result = apply_rejections(result, curation)
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                resolver.add(result.mentions)
                languages.add(result.document.lang)
                report.documents.append(result.document.id)
                progress(result.document.id)
        report.fingerprint = (_outputs_fingerprint(keys, report.errors, curation.digest())
                              if cache else "")
        previous = _up_to_date(out_dir, report.fingerprint)
        if previous is not None:
            staging.discard()
            previous.seconds = time.perf_counter() - started_clock
            return previous
        _write_outputs(staging, spool, resolver, report, started, sorted(languages))
        write_store(out_dir / "store", staging.file("plan.nq"))
        staging.commit(OUTPUT_FILES)
        store.prune()
    except BaseException:
        staging.discard()
        raise
    report.seconds = time.perf_counter() - started_clock
    _rewrite_report(out_dir, report)
    return report


def _recording(items: Iterator[Item], keys: list[str | None]) -> Iterator[Item]:
    for key, item in items:
        keys.append(key)
        yield key, item


def _outputs_fingerprint(keys: list[str | None], errors: list[str], curation: str) -> str:
    """What the outputs depend on: every input's cache key (content, path, extraction code,
    models, knowledge), the bad files, curation, the base IRI and the outputs' own code."""
    if not keys or any(k is None for k in keys):
        return ""
    digest = hashlib.sha256()
    for part in [*map(str, keys), *errors, curation, iris.base(), __version__]:
        digest.update(part.encode("utf-8") + b"\0")
    for module in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:24]


def _up_to_date(out_dir: Path, fingerprint: str) -> BuildReport | None:
    """The previous report when the outputs in ``out_dir`` were built from exactly these
    inputs: rebuilding an unchanged corpus then rewrites nothing."""
    path = out_dir / "build-report.json"
    if not fingerprint or not path.exists() or not (out_dir / "store").is_dir():
        return None
    if not all((out_dir / name).exists() for name in OUTPUT_FILES):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != fingerprint:
        return None
    return BuildReport(out_dir=str(out_dir), documents=list(data.get("documents", [])),
                       errors=list(data.get("errors", [])),
                       mentions=Counter(data.get("mentions", {})),
                       entities=int(data.get("entities", 0)), claims=int(data.get("claims", 0)),
                       triples=int(data.get("quads", 0)), graphs=int(data.get("named_graphs", 0)),
                       fingerprint=fingerprint, up_to_date=True)


def _publisher(document: Document, mentions: list[Mention]) -> str | None:
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


def _finish_claims(claims: Sequence[Claim], by_span: dict[str, Mention]) -> list[Claim]:
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


def _write_outputs(staging: Staging, spool: Path, resolver: Resolver, report: BuildReport,
                   started: str, languages: list[str]) -> None:
    models = [model_meta(lang) for lang in languages]
    build_iri = iris.build(iris.short_hash(__version__, *models, *report.documents))
    network = NetworkBuilder()
    prefixes = {k: str(v) for k, v in PREFIXES.items() if k not in ("wd",)}
    with (spool.open(encoding="utf-8") as source, staging.open("plan.nq", "wb") as nq,
          staging.open("mentions.jsonl") as mfile, staging.open("claims.jsonl") as cfile,
          staging.open("claims.csv") as csvfile):
        claim_csv = csv_writer(csvfile)
        for line in source:
            result = DocResult.from_dict(json.loads(line))
            document = result.document
            mentions = [resolver.resolve(m) for m in result.mentions]
            by_span = {f"#mention-{m.start}-{m.end}": m for m in mentions}
            claims = _finish_claims(result.claims, by_span)
            publisher = _publisher(document, mentions)
            quads = document_quads(document, mentions, claims, build_iri, publisher)
            ox.serialize(quads, nq, ox.RdfFormat.N_QUADS)
            report.triples += len(quads)
            report.graphs += 1
            network.add_document(document.id, document.title, document.published)
            for m in mentions:
                report.mentions[m.type] += 1
                mfile.write(json_line(_mention_row(m)))
                if isinstance(m.value, str) and m.value.startswith("http"):
                    network.add_mention(document.id, m.value)
            for c in claims:
                row = c.to_dict()
                cfile.write(json_line(row))
                claim_csv.writerow(csv_row(row))
                network.add_claim(c)
                report.claims += 1
        entities = resolver.entities()
        report.entities = len(entities)
        entity_list = list(entity_quads(entities))
        build_list = build_quads(build_iri, started, _now(), ("plangraph", __version__), models,
                                 report.documents)
        ox.serialize(entity_list + build_list, nq, ox.RdfFormat.N_QUADS)
        report.triples += len(entity_list) + len(build_list)
        report.graphs += 2
    with staging.open("entities.jsonl") as efile:
        for e in entities:
            efile.write(json_line(_entity_row(e)))
    _serialise_union(staging, prefixes)
    graph = network.finish(entities)
    write_graphml(graph, staging.file("plan.graphml"))
    write_gexf(graph, staging.file("plan.gexf"))
    with staging.open("build-report.json") as handle:
        handle.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


def _mention_row(m: Mention) -> dict[str, object]:
    """The exported fields (read directly: ``to_dict`` deep-copies and is a hot spot)."""
    return {k: getattr(m, k) for k in ("document", "type", "text", "start", "end", "value",
                                       "unit", "sentence", "per", "role", "source")}


def _entity_row(e: object) -> dict[str, object]:
    row = e.to_dict()  # type: ignore[attr-defined]
    return {k: row[k] for k in ("id", "type", "label", "aliases", "wikidata", "mentions",
                                "documents", "parent", "lat", "lon", "roles", "member_of",
                                "curated")}


def _serialise_union(staging: Staging, prefixes: dict[str, str]) -> None:
    """TriG keeps the named graphs; Turtle and JSON-LD hold their union."""
    nq = staging.file("plan.nq")
    quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
    ox.serialize(quads, str(staging.file("plan.trig")), ox.RdfFormat.TRIG, prefixes=prefixes)
    # Streamed, so memory does not grow with the corpus. Named graphs share no triple (each
    # subject lives in one graph), so the union needs no deduplication.
    for name, fmt in (("plan.ttl", ox.RdfFormat.TURTLE), ("plan.jsonld", ox.RdfFormat.JSON_LD)):
        triples = (q.triple for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
        ox.serialize(triples, str(staging.file(name)), fmt,
                     prefixes=prefixes if fmt == ox.RdfFormat.TURTLE else None)


def _rewrite_report(out_dir: Path, report: BuildReport) -> None:
    path = out_dir / "build-report.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
