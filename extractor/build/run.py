"""The build: files → documents → extraction → resolution → RDF and every output file.

Documents stream through extraction; each one's outputs (quads in every RDF format, rows,
network, store) are written as soon as it is extracted, unless it uses an acronym that only
another document may define (:meth:`Resolver.settled`): those wait until all documents are
seen. Every result is also spooled to disk, so in the rare case where an acronym defined
early later resolves otherwise, every document is written again. The shared graphs
(entities, the build) close the outputs. Memory holds resolution counts, not texts, parses
or quads.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from extractor import __version__, iris
from extractor.build.cache import ExtractionCache, model_meta
from extractor.build.executors import Executor, ParseAheadExecutor, open_executor
from extractor.build.extract import DocResult, apply_rejections
from extractor.errors import PlangraphError, error
from extractor.graph.network import write_gexf, write_graphml
from extractor.graph.rdf import build_quads, entity_quads
from extractor.graph.resolve import Resolver
from extractor.graph.staging import Staging
from extractor.graph.writer import Outputs
from extractor.ingest.documents import collect_paths, document_id, read_document
from extractor.mentions.curation import Curation, load_curation
from extractor.namespaces import PREFIXES
from extractor.nlp.models import supported_languages
from extractor.records import Document, Mention
from extractor.store import StoreBuilder
from extractor.text.jsonl import json_line

OUTPUT_FILES = ["plan.nq", "plan.trig", "plan.ttl", "plan.jsonld", "plan.graphml", "plan.gexf",
                "mentions.jsonl", "entities.jsonl", "claims.jsonl", "claims.csv",
                "build-report.json"]
BATCH = 32
PARALLEL_BATCH = 8
OVERLAP_BATCH = 16  # small enough that the rules on the last chunk, not overlapped, are short
FIRST_CHUNK = 2  # the rules start on these while the helper parses the rest
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


def _iter_items(pairs: Sequence[tuple[Path, Path]], keys: Sequence[str | None],
                report: BuildReport, on_error: Callable[[str], None],
                cache: ExtractionCache) -> Iterator[tuple[str | None, Document | DocResult]]:
    """(cache key, cached result or document to extract) per file; bad files reported."""
    supported = set(supported_languages())
    for (path, root), key in zip(pairs, keys, strict=True):
        hit = cache.load(key)
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


def _batches(items: Iterable[T], size: int, first: int | None = None) -> Iterator[list[T]]:
    """Lists of ``size`` items, the first one of ``first`` (a short first chunk starts
    the parse-ahead pipeline sooner)."""
    batch: list[T] = []
    limit = first or size
    for d in items:
        batch.append(d)
        if len(batch) >= limit:
            yield batch
            batch, limit = [], size
    if batch:
        yield batch


Item = tuple[str | None, Document | DocResult]


def _chunks(items: Iterator[Item], size: int,
            first: int | None = None) -> Iterator[tuple[list[Item], list[Document]]]:
    """Windows of items, each with the documents in it still to extract."""
    for window in _batches(items, size, first):
        yield window, [item for _, item in window if isinstance(item, Document)]


def extracted(items: Iterator[Item], executor: Executor, cache: ExtractionCache, size: int,
              first: int | None = None) -> Iterator[DocResult]:
    """Every result in input order: cached ones as they are, the others from the executor."""
    for window, results in executor.map(_chunks(items, size, first)):
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
    entries = ExtractionCache(out_dir, enabled=cache)
    try:
        pairs = collect_paths(paths)
    except PlangraphError as exc:
        report.errors.append(str(exc))
        on_error(str(exc))
        pairs = []
    keys = [entries.key(path, root) for path, root in pairs]
    report.fingerprint = _outputs_fingerprint(keys, curation.digest()) if cache else ""
    previous = _up_to_date(out_dir, report.fingerprint)
    if previous is not None:
        for message in previous.errors:
            on_error(message)
        previous.seconds = time.perf_counter() - started_clock
        return previous
    build_iri = iris.build(iris.short_hash(__version__, *_installed_models(),
                                           *(document_id(p, r) for p, r in pairs)))
    staging = Staging(out_dir)
    writer: StoreBuilder | None = None
    try:
        writer = StoreBuilder(out_dir / "store")
        prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "wd"}
        outputs = Outputs(staging, writer, prefixes)
        spool = staging.file("spool.jsonl")
        resolver = Resolver(curation)
        languages: set[str] = set()
        waiting: set[int] = set()
        assumed: list[tuple[Mention, str | None]] = []
        with (open_executor(executor, jobs, scheduler, overlap) as pool,
              spool.open("w", encoding="utf-8") as handle):
            items = _iter_items(pairs, keys, report, on_error, entries)
            ahead = isinstance(pool, ParseAheadExecutor)
            size = PARALLEL_BATCH if pool.workers > 1 else OVERLAP_BATCH if ahead else BATCH
            for result in extracted(items, pool, entries, size, FIRST_CHUNK if ahead else None):
                if result.error:
                    report.errors.append(result.error)
                    on_error(result.error)
                    continue
                result = apply_rejections(result, curation)
                resolver.add(result.mentions)
                if resolver.settled(result.mentions):
                    assumed.extend(resolver.assumptions(result.mentions))
                    _write_document(outputs, resolver, result, build_iri)
                else:
                    waiting.add(len(report.documents))
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                languages.add(result.document.lang)
                report.documents.append(result.document.id)
                progress(result.document.id)
        if not resolver.still_hold(assumed):
            # Another document gave an acronym defined early another meaning more often:
            # what was written early is stale, so every document is written again.
            outputs.abandon()
            writer.discard()
            writer = StoreBuilder(out_dir / "store")
            outputs = Outputs(staging, writer, prefixes)
            resolver = Resolver(curation)
            for result in _spooled(spool):
                resolver.add(result.mentions)
            waiting = set(range(len(report.documents)))
        for index, result in enumerate(_spooled(spool)):
            if index in waiting:
                _write_document(outputs, resolver, result, build_iri)
        _finish(staging, outputs, resolver, report, build_iri, started, sorted(languages))
        writer.commit(staging.file("plan.nq"))
        staging.commit(OUTPUT_FILES)
        entries.prune()
    except BaseException:
        if writer is not None:
            writer.discard()
        staging.discard()
        raise
    report.seconds = time.perf_counter() - started_clock
    _rewrite_report(out_dir, report)
    return report


def _spooled(spool: Path) -> Iterator[DocResult]:
    with spool.open(encoding="utf-8") as handle:
        for line in handle:
            yield DocResult.from_dict(json.loads(line))


def _installed_models() -> list[str]:
    """Name and version of every configured model that is installed (for the build IRI)."""
    out = []
    for lang in supported_languages():
        try:
            out.extend(model_meta(lang))
        except PlangraphError:
            continue
    return out


def _write_document(outputs: Outputs, resolver: Resolver, result: DocResult,
                    build_iri: str) -> None:
    resolved = [resolver.resolve(m) for m in result.mentions]
    outputs.document(result.document, resolved, result.claims, build_iri)


def _outputs_fingerprint(keys: list[str | None], curation: str) -> str:
    """What the outputs depend on: every input's cache key (content, path, extraction code,
    models, knowledge; which files are bad follows from these), curation, the base IRI and
    the outputs' own code. Known before extraction, so an unchanged corpus extracts nothing."""
    if not keys or any(k is None for k in keys):
        return ""
    digest = hashlib.sha256()
    for part in [*map(str, keys), curation, iris.base(), __version__]:
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


def _finish(staging: Staging, outputs: Outputs, resolver: Resolver, report: BuildReport,
            build_iri: str, started: str, languages: list[str]) -> None:
    """The shared graphs (entities, build), entities.jsonl, the network files, the report."""
    entities = resolver.entities()
    report.entities = len(entities)
    outputs.quads(list(entity_quads(entities)))
    models = [model_meta(lang) for lang in languages]
    outputs.quads(build_quads(build_iri, started, _now(), ("plangraph", __version__), models,
                              report.documents))
    outputs.close()
    report.mentions = outputs.mentions
    report.claims = outputs.claims
    report.graphs = outputs.graphs
    report.triples = outputs.quads_written
    with staging.open("entities.jsonl") as efile:
        for e in entities:
            efile.write(json_line(_entity_row(e)))
    graph = outputs.network.finish(entities)
    write_graphml(graph, staging.file("plan.graphml"))
    write_gexf(graph, staging.file("plan.gexf"))
    with staging.open("build-report.json") as handle:
        handle.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


def _entity_row(e: object) -> dict[str, object]:
    row = e.to_dict()  # type: ignore[attr-defined]
    return {k: row[k] for k in ("id", "type", "label", "aliases", "wikidata", "mentions",
                                "documents", "parent", "lat", "lon", "roles", "member_of",
                                "curated")}


def _rewrite_report(out_dir: Path, report: BuildReport) -> None:
    path = out_dir / "build-report.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
