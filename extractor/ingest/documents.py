"""Files to :class:`Document` records: read, repair, detect language and metadata.

Offsets: ``Document.text`` is the repaired text; ``offset_anchors`` lead back to the original
text, which is the decoded file for .txt/.md, the visible text for HTML and the text layer for
PDF. ``sha256`` is always that of the file's bytes, which are read once, within the bounds of
:mod:`extractor.ingest.bounds` (regular files inside the root, size and text limits).
A ``sources.csv`` in the folder given on the command line (columns
file,title,publisher,published,language,kind) is curated metadata: its non-empty fields win
over detection.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from extractor.errors import PlangraphError, error
from extractor.ingest.bounds import leaves_root, shown_name
from extractor.ingest.files import SUPPORTED_SUFFIXES, read_file
from extractor.ingest.language import UNDETERMINED, detect_language
from extractor.ingest.metadata import detect_metadata
from extractor.ingest.repair import repair
from extractor.records import Document

SOURCES_FILE = "sources.csv"
_CURATED = {"title": "title", "publisher": "issuer", "published": "published", "language": "lang"}
_CURATED_EXTRA = ("kind", "publisher")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def collect_paths(paths: Sequence[str | Path]) -> list[tuple[Path, Path]]:
    """(file, root) pairs: folders walked recursively, sorted, each file listed once.

    Inside folders only supported suffixes are taken, hidden files and ``sources.csv`` are
    skipped, and a folder symlink leading outside its root or back to a folder already
    walked is not followed. A file reached twice (two roots, a symlink to a listed file) is
    listed once, preferring the path that goes through no symlink. Files that cannot be
    read (special files, symlinks leaving the root, undecodable names) stay listed so that
    :func:`read_document` reports each one in the stream without opening it; a file named
    explicitly is always returned (its root is its parent), so it is reported as missing
    (E001) or unsupported (E002) there.
    """
    candidates: list[tuple[Path, Path]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates.extend((file, path) for file in _walk(path))
        else:
            candidates.append((path, path.parent))
    direct = {os.path.realpath(p) for p, _ in candidates if _goes_through_no_link(p)}
    pairs: list[tuple[Path, Path]] = []
    listed: set[str] = set()
    for path, root in candidates:
        real = os.path.realpath(path)
        if real in listed or (real in direct and not _goes_through_no_link(path)):
            continue  # the same file reached another way: read once
        listed.add(real)
        pairs.append((path, root))
    return pairs


def _goes_through_no_link(path: Path) -> bool:
    return os.path.realpath(path) == os.path.abspath(path)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []  # a symlink leads back to a folder already walked
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not leaves_root(Path(folder) / d, root))
        for name in files:
            path = Path(folder) / name
            if name.startswith(".") or name == SOURCES_FILE:
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def document_id(path: Path, root: Path) -> str:
    """Path of the file relative to its root, POSIX style.

    >>> document_id(Path("corpus/sub/a.txt"), Path("corpus"))
    'sub/a.txt'
    """
    try:
        relative = Path(path).relative_to(root).as_posix()
    except ValueError:
        relative = Path(path).name
    return shown_name(relative)  # a name that is not UTF-8 (refused, E043) still hashes


def read_document(path: Path, root: Path) -> Document:
    """One file as a Document; any bad input is a PlangraphError naming file and reason."""
    path, root = Path(path), Path(root)
    try:
        return _read(path, root)
    except PlangraphError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract: only PlangraphError escapes
        raise error("E009", path=path, reason=type(exc).__name__) from exc


def _read(path: Path, root: Path) -> Document:
    source = read_file(path, root)
    raw, file_meta, media_type = source.text, source.meta, source.media_type
    if not raw.strip():
        raise error("E003", path=path)
    text, offsets = repair(raw)
    if not text.strip():
        raise error("E003", path=path)
    if not _LETTER_WORD.search(text):
        raise error("E014", path=path)
    lang = detect_language(text)
    if lang == UNDETERMINED and file_meta.get("lang"):
        lang = file_meta["lang"]
    detected = detect_metadata(text, lang)
    fields: dict[str, str | None] = {
        "lang": lang,
        "title": detected.get("title") or file_meta.get("title"),
        "published": detected.get("published") or file_meta.get("published")
        or file_meta.get("created"),
        "issuer": detected.get("issuer") or file_meta.get("publisher"),
    }
    doc_id = document_id(path, root)
    curated = _sources(root).get(doc_id) or _sources(root).get(path.name) or {}
    for column, field in _CURATED.items():
        if curated.get(column):
            fields[field] = curated[column]
    extra = {k: v for k, v in file_meta.items() if k not in {"title", "published"}}
    extra.update({k: v for k, v in curated.items() if k in _CURATED_EXTRA and v})
    return Document(
        id=doc_id,
        path=str(path.resolve()),
        text=text,
        lang=fields["lang"] or UNDETERMINED,
        sha256=source.sha256,
        media_type=media_type,
        title=fields["title"],
        published=fields["published"],
        issuer=fields["issuer"],
        original_length=len(raw),
        offset_anchors=offsets.anchors,
        metadata=tuple(sorted(extra.items())),
    )


def _sources(root: Path) -> dict[str, dict[str, str]]:
    """Rows of ``root/sources.csv`` by file name (empty when there is none or it is unreadable)."""
    path = root / SOURCES_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    cached = _SOURCES_CACHE.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    rows: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                clean = {str(k).strip(): (v or "").strip() for k, v in row.items() if k}
                if clean.get("file"):
                    rows[clean["file"]] = clean
    except (OSError, UnicodeDecodeError, csv.Error):
        rows = {}
    _SOURCES_CACHE[path] = (stamp, rows)
    return rows


_SOURCES_CACHE: dict[Path, tuple[int, dict[str, dict[str, str]]]] = {}


def iter_documents(paths: Sequence[str | Path]) -> Iterator[Document | PlangraphError]:
    """Documents in order; a bad file yields its error and the stream goes on."""
    for path, root in collect_paths(paths):
        try:
            yield read_document(path, root)
        except PlangraphError as exc:
            yield exc
