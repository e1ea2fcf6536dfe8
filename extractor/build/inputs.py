"""Which files a build reads and the one id each gets: never two files under one id.

A document's id is its path relative to the folder it was found in (a file named on the
command line: relative to its own folder). Ids name named graphs, cache entries, rows and
``plangraph text`` arguments, so two files must never share one:

- the same file reached twice (named twice, or inside two folders given) is built once;
- when the files come from more than one folder, each id starts with its folder's name
  (``build dirA dirB`` gives ``dirA/x.txt`` and ``dirB/x.txt``), so equal relative paths in
  different folders stay apart; one folder keeps plain relative ids (``001.txt``);
- two folders of the same name holding the same relative path still collide: the second
  file is reported (E051) and the others are built.

Paths that do not exist, or name no document at all, stop the build before anything is
written (E050, E052): an empty build must never replace a good one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extractor.build.cache import ExtractionCache
from extractor.build.extract import DocResult
from extractor.build.report import BuildReport
from extractor.errors import PlangraphError, error
from extractor.ingest.documents import collect_paths, document_id, read_document
from extractor.nlp.models import supported_languages
from extractor.records import Document


@dataclass(frozen=True)
class Source:
    """One file to build, the folder it was found in, and its id in this build."""

    path: Path
    root: Path
    id: str


def build_sources(paths: Sequence[str | Path],
                  on_error: Callable[[str], None]) -> tuple[list[Source], list[str]]:
    """The files to build with their unique ids, and the errors of files left out.

    Raises E050 for a path that does not exist and E052 when the paths hold no document.
    """
    for given in paths:
        if not os.path.lexists(given):
            raise error("E050", path=given)
    pairs = collect_paths(paths)
    if not pairs:
        raise error("E052", paths=", ".join(str(p) for p in paths) or "(none)")
    roots = {os.path.realpath(root) for _, root in pairs}
    sources: list[Source] = []
    errors: list[str] = []
    seen_files: set[str] = set()
    owners: dict[str, Path] = {}
    for path, root in pairs:
        real = os.path.realpath(path)
        if real in seen_files:
            continue  # the same file reached twice is one document
        seen_files.add(real)
        doc_id = source_id(path, root, prefixed=len(roots) > 1)
        if doc_id in owners:
            message = str(error("E051", path=path, id=doc_id, other=owners[doc_id]))
            errors.append(message)
            on_error(message)
            continue
        owners[doc_id] = path
        sources.append(Source(Path(path), Path(root), doc_id))
    return sources, errors


def source_id(path: Path, root: Path, *, prefixed: bool) -> str:
    """A file's id: its path relative to ``root``, led by the root's name when the build
    reads several folders.

    >>> source_id(Path("a/x.txt"), Path("a"), prefixed=False)
    'x.txt'
    >>> source_id(Path("a/sub/x.txt"), Path("a"), prefixed=True)
    'a/sub/x.txt'
    """
    relative = document_id(Path(path), Path(root))
    if not prefixed:
        return relative
    name = Path(os.path.realpath(root)).name or "root"
    return f"{name}/{relative}"


Item = tuple[str | None, Document | DocResult]


def read_items(sources: Sequence[Source], keys: Sequence[str | None], report: BuildReport,
               on_error: Callable[[str], None], cache: ExtractionCache) -> Iterator[Item]:
    """(cache key, cached result or document to extract) per file, each document under its
    build id; bad files are reported and skipped."""
    supported = set(supported_languages())
    for source, key in zip(sources, keys, strict=True):
        hit = cache.load(key)
        if hit is not None:
            report.cached += 1
            yield key, hit
            continue
        try:
            document = read_document(source.path, source.root)
            if document.lang not in supported:
                raise error("E007", path=source.path, lang=document.lang,
                            supported=", ".join(supported))
        except PlangraphError as exc:
            report.errors.append(str(exc))
            on_error(str(exc))
            continue
        report.extracted += 1
        yield key, replace(document, id=source.id)
