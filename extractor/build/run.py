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

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from extractor import __version__, iris
from extractor.build.cache import ExtractionCache, model_meta
from extractor.build.executors import Executor, ParseAheadExecutor, open_executor
from extractor.build.extract import DocResult, apply_rejections
from extractor.build.inputs import Item, Source, build_sources, read_items
from extractor.build.report import (
    OUTPUT_FILES,
    BuildReport,
    now,
    outputs_fingerprint,
    up_to_date,
)
from extractor.errors import PlangraphError, error
from extractor.graph.delivery_rdf import delivery_outputs
from extractor.graph.network import write_gexf, write_graphml
from extractor.graph.rdf import build_quads, entity_quads
from extractor.graph.resolve import Resolver
from extractor.graph.staging import Staging
from extractor.graph.writer import Outputs
from extractor.mentions.curation import Curation, load_curation
from extractor.namespaces import PREFIXES
from extractor.nlp.models import supported_languages
from extractor.records import Document, Mention
from extractor.store import StoreBuilder
from extractor.text.jsonl import json_line

BATCH = 32
PARALLEL_BATCH = 8
OVERLAP_BATCH = 8  # small: the last chunk is extracted by one worker while the other idles
FIRST_CHUNK = 2  # the writing starts on these while the helper's workers extract the rest
TAPER = 4  # the last chunks hold a quarter of the items left (see _batches)
T = TypeVar("T")


def _batches(items: Iterable[T], size: int, first: int | None = None,
             total: int | None = None) -> Iterator[list[T]]:
    """Lists of ``size`` items, the first one of ``first`` (a short first chunk starts
    the extraction helper's pipeline sooner). With the ``total`` known, the chunks shrink
    over the last ``TAPER`` chunks' worth of items (a quarter of what is left, down to one),
    so parallel workers finish together: with chunks of 8 to the end, one worker extracted
    the last chunk alone while the other idled (1.5 s of a 58 s build, bench/README)."""
    batch: list[T] = []
    limit, seen = first or size, 0
    for d in items:
        batch.append(d)
        if len(batch) >= limit:
            yield batch
            seen += len(batch)
            batch, limit = [], size
            if total is not None and total - seen < TAPER * size:
                limit = max(1, min(size, -(-(total - seen) // TAPER)))
    if batch:
        yield batch


def _chunks(items: Iterator[Item], size: int, first: int | None = None,
            total: int | None = None) -> Iterator[tuple[list[Item], list[Document]]]:
    """Windows of items, each with the documents in it still to extract."""
    for window in _batches(items, size, first, total):
        yield window, [item for _, item in window if isinstance(item, Document)]


def extracted(items: Iterator[Item], executor: Executor, cache: ExtractionCache, size: int,
              first: int | None = None, total: int | None = None) -> Iterator[DocResult]:
    """Every result in input order: cached ones as they are, the others from the executor."""
    for window, results in executor.map(_chunks(items, size, first, total)):
        fresh = iter(results)
        for key, item in window:
            if isinstance(item, Document):
                item = next(fresh)
                cache.store(key, item)
            yield item


@dataclass(frozen=True)
class BuildSettings:
    """How to run a build (what it builds is the paths and the output folder).

    ``jobs`` extraction processes (or Dask workers with ``executor="dask"``, on the cluster
    at ``scheduler`` or a local one); ``cache`` reuses ``out_dir/.cache`` for unchanged files;
    ``overlap`` extracts in a helper process while the outputs are written here (default:
    when a second core is available); ``curation`` defaults to ``ontology/curation.yaml``.
    """

    curation: Curation | None = None
    jobs: int = 1
    executor: str = "local"
    cache: bool = True
    scheduler: str | None = None
    overlap: bool | None = None


def build(paths: Sequence[str | Path], out_dir: Path, *,
          on_error: Callable[[str], None] = lambda _: None,
          progress: Callable[[str], None] = lambda _: None,
          **settings: Any) -> BuildReport:
    """Build ``paths`` into ``out_dir``; returns the report (bad files listed, not raised).
    A build with no document to write raises instead (E050 a path is missing, E052 none
    holds a document, E053 all failed): nothing must replace a good build.
    ``settings`` are the fields of :class:`BuildSettings`."""
    options = BuildSettings(**settings)
    started_clock = time.perf_counter()
    curation = options.curation if options.curation is not None else load_curation()
    report = BuildReport(out_dir=str(out_dir))
    entries = ExtractionCache(out_dir, enabled=options.cache)
    sources, report.errors = build_sources(paths, on_error)
    keys = [entries.key(s.path, s.root, s.id) for s in sources]
    report.fingerprint = outputs_fingerprint(keys, curation.digest()) if options.cache else ""
    previous = up_to_date(out_dir, report.fingerprint)
    if previous is not None:
        for message in previous.errors:
            if message not in report.errors:  # those were reported while listing
                on_error(message)
        previous.seconds = time.perf_counter() - started_clock
        return previous
    run = _Run(out_dir, curation, report, on_error, progress, started_clock)
    run.execute(sources, keys, entries, options)
    return report


class _Run:
    """One build's writing side: staging folder, store, outputs and resolution."""

    def __init__(self, out_dir: Path, curation: Curation, report: BuildReport,
                 on_error: Callable[[str], None], progress: Callable[[str], None],
                 clock: float) -> None:
        self.out_dir, self.curation, self.report, self.clock = out_dir, curation, report, clock
        self.on_error, self.progress = on_error, progress
        self.started = now()
        self.staging = Staging(out_dir)
        self.prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "wd"}
        self.writer: StoreBuilder | None = None
        self.languages: set[str] = set()
        self.waiting: set[int] = set()

    def execute(self, sources: Sequence[Source], keys: list[str | None],
                entries: ExtractionCache, options: BuildSettings) -> None:
        """Extract and write every document, then switch the outputs into place; on any
        failure the previous outputs stay as they were."""
        self.build_iri = iris.build(iris.short_hash(__version__, *_installed_models(),
                                                    *(s.id for s in sources)))
        try:
            self._open_outputs()
            spool = self.staging.file("spool.jsonl")
            assumed = self._extract_all(sources, keys, entries, options, spool)
            if not self.report.documents:  # nothing must not replace a good build
                raise error("E053", failed=len(self.report.errors), out=self.out_dir)
            if not self.resolver.still_hold(assumed):
                self._restart(spool)
            for index, result in enumerate(_spooled(spool)):
                if index in self.waiting:
                    _write_document(self.outputs, self.resolver, result, self.build_iri)
            self.report.seconds = time.perf_counter() - self.clock
            _finish(self.staging, self.outputs, self.resolver, self.report, self.build_iri,
                    self.started, sorted(self.languages))
            assert self.writer is not None
            self.writer.commit(self.staging.file("plan.nq"))
            self.staging.commit(OUTPUT_FILES)
            entries.prune()
        except BaseException:
            if self.writer is not None:
                self.writer.discard()
            self.staging.discard()
            raise

    def _open_outputs(self) -> None:
        self.writer = StoreBuilder(self.staging.store_dir, checked=True)
        self.outputs = Outputs(self.staging, self.writer, self.prefixes)
        self.resolver = Resolver(self.curation)

    def _extract_all(self, sources: Sequence[Source], keys: list[str | None],
                     entries: ExtractionCache, options: BuildSettings,
                     spool: Path) -> list[tuple[Mention, str | None]]:
        """Extract every document, writing each one whose names are settled at once."""
        assumed: list[tuple[Mention, str | None]] = []
        report = self.report
        with (open_executor(options.executor, options.jobs, options.scheduler,
                            options.overlap) as pool,
              spool.open("w", encoding="utf-8") as handle):
            items = read_items(sources, keys, report, self.on_error, entries)
            ahead = isinstance(pool, ParseAheadExecutor)
            size = OVERLAP_BATCH if ahead else PARALLEL_BATCH if pool.workers > 1 else BATCH
            parallel = ahead or pool.workers > 1
            for result in extracted(items, pool, entries, size, FIRST_CHUNK if ahead else None,
                                    len(sources) if parallel else None):
                if result.error:
                    report.errors.append(result.error)
                    self.on_error(result.error)
                    continue
                result = apply_rejections(result, self.curation)
                self.resolver.add(result.mentions)
                if self.resolver.settled(result.mentions):
                    assumed.extend(self.resolver.assumptions(result.mentions))
                    _write_document(self.outputs, self.resolver, result, self.build_iri)
                else:
                    self.waiting.add(len(report.documents))
                handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                self.languages.add(result.document.lang)
                report.documents.append(result.document.id)
                self.progress(result.document.id)
        return assumed

    def _restart(self, spool: Path) -> None:
        """Another document gave an acronym defined early another meaning more often: what
        was written early is stale, so every document is written again."""
        self.outputs.abandon()
        assert self.writer is not None
        self.writer.discard()
        self._open_outputs()
        for result in _spooled(spool):
            self.resolver.add(result.mentions)
        self.waiting = set(range(len(self.report.documents)))


def _spooled(spool: Path) -> Iterator[DocResult]:
    with spool.open(encoding="utf-8") as handle:
        for line in handle:
            yield DocResult.from_dict(json.loads(line))


def _installed_models() -> list[str]:
    """Name and version of every configured model that is installed (for the build IRI)."""
    out: list[str] = []
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


def _finish(staging: Staging, outputs: Outputs, resolver: Resolver, report: BuildReport,
            build_iri: str, started: str, languages: list[str]) -> None:
    """The shared graphs (entities, build), entities.jsonl, the network files, the report."""
    entities = resolver.entities()
    report.entities = len(entities)
    outputs.quads(list(entity_quads(entities)))
    outputs.quads(delivery_outputs(outputs.delivery, entities, build_iri, staging))
    models = [model_meta(lang) for lang in languages]
    outputs.quads(build_quads(build_iri, started, now(), ("plangraph", __version__), models,
                              report.documents))
    outputs.close()
    report.mentions = outputs.mentions
    report.claims = outputs.claims
    report.graphs = outputs.graphs
    report.triples = outputs.quads_written
    with staging.open("entities.jsonl") as efile:
        for e in entities:
            efile.write(json_line(e.row()))
    graph = outputs.network.finish(entities)
    write_graphml(graph, staging.file("plan.graphml"))
    write_gexf(graph, staging.file("plan.gexf"))
    with staging.open("build-report.json") as handle:
        handle.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


