"""The on-disk Oxigraph store: rebuilt atomically by the build, opened read-only by readers.

pyoxigraph allows one writer process per store, and a query server may be reading the
old store while a build writes the new one. So a build never writes into the live
folder: it loads a fresh sibling folder, then swaps it in with two renames. If the
process dies between the renames, the old store sits intact at ``.<name>.old`` and
:func:`open_store` reads it from there until the next build puts it back. A build fills
its store inside its staging folder, and the store becomes visible with every other output
in one switch (:mod:`extractor.graph.staging`); readers resolve the path once
(:func:`resolve_store`) so they read one build.

Error codes of this module (beyond ``E011``):
``E134`` the quads file cannot be loaded; ``E139`` another process is writing the store.
"""

from __future__ import annotations

import gc
import itertools
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from extractor.errors import error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl; writers are then unguarded
    fcntl = None  # type: ignore[assignment]  # the module or None: callers check for None


def _sibling(store_dir: Path, tag: str) -> Path:
    """A hidden sibling of the store folder, e.g. ``.store.old``."""
    return store_dir.parent / f".{store_dir.name}.{tag}"


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format named by a file's extension (``.nq``, ``.trig``, ``.nt``, ``.ttl``…).

    >>> rdf_format(Path("plan.trig")) == ox.RdfFormat.TRIG
    True
    """
    found = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if found is None:
        raise error("E134", path=path, reason="unknown extension")
    return found


@contextmanager
def _writer_lock(store_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so two builds never swap the same store at once."""
    lock_path = _sibling(store_dir, "lock")
    with lock_path.open("a") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise error("E139", path=store_dir) from exc
        yield


def _recover(store_dir: Path) -> None:
    """Finish an interrupted swap: put the old store back, drop stale temp folders."""
    old = _sibling(store_dir, "old")
    if old.is_dir():
        if store_dir.exists():
            shutil.rmtree(old)
        else:
            os.rename(old, store_dir)
    for stale in store_dir.parent.glob(f".{store_dir.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


LOAD_BYTES = 8 << 20  # N-Quads handed to one bulk load: bounded memory, few SST files


class StoreBuilder:
    """A new store filled from N-Quads bytes in a background thread, swapped in at the end.

    pyoxigraph's bulk load parses and indexes in Rust without the GIL, so the store fills
    while the build goes on making quads in Python. Bytes go in bounded chunks: loading a
    whole file at once holds it all in memory (≈ 700 MB for 850 000 quads).
    """

    def __init__(self, store_dir: Path, checked: bool = False) -> None:
        # ``checked``: the bytes are pyoxigraph's own serialisation of terms it made and
        # checked (a build's quads), so the loader skips checking every IRI again
        self.checked = checked
        self.store_dir = Path(store_dir)
        self.store_dir.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _writer_lock(self.store_dir)
        self._lock.__enter__()
        self._open = True
        try:
            _recover(self.store_dir)
            self.fresh = Path(tempfile.mkdtemp(prefix=f".{self.store_dir.name}.new-",
                                               dir=self.store_dir.parent))
            self.store: ox.Store | None = ox.Store(str(self.fresh))
        except BaseException:
            self._release()
            raise
        self._pending: list[bytes] = []
        self._size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._failure: BaseException | None = None
        self._ended = self._discarding = False
        self._thread = threading.Thread(target=self._load, name="plangraph-store", daemon=True)
        self._thread.start()

    def add(self, data: bytes) -> None:
        """Queue N-Quads (whole lines) for loading."""
        if self._failure is not None:
            raise self._failure
        self._pending.append(data)
        self._size += len(data)
        if self._size >= LOAD_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._queue.put(b"".join(self._pending))
            self._pending, self._size = [], 0

    def _load(self) -> None:
        # Normal priority: at nice 19 the extraction workers starved it, and the last
        # seconds of loading were left for the end of the build, on one core (bench/README).
        while (data := self._queue.get()) is not None:
            if self._failure is not None or self.store is None:
                continue
            try:
                self.store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS,
                                     lenient=self.checked)
            except (SyntaxError, OSError, ValueError) as exc:
                self._failure = exc
        if self._failure is None and self.store is not None and not self._discarding:
            try:  # compacted stores answer queries faster
                self.store.flush()
                self.store.optimize()
            except OSError as exc:
                self._failure = exc

    def end_input(self) -> None:
        """No more quads: the thread finishes loading and compacts while the caller goes on."""
        if not self._ended:
            self._ended = True
            self._flush()
            self._queue.put(None)

    def commit(self, source: Path | str = "quads") -> int:
        """Wait for the loading, then swap the new store in; return its quad count."""
        self.end_input()
        self._thread.join()
        try:
            if self._failure is not None:
                reason = str(self._failure).splitlines()[0] if str(self._failure) \
                    else type(self._failure).__name__
                raise error("E134", path=source, reason=reason)
            assert self.store is not None
            count = len(self.store)
            self._close()
            old = _sibling(self.store_dir, "old")
            if self.store_dir.exists():
                os.rename(self.store_dir, old)
            os.rename(self.fresh, self.store_dir)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            self.discard()
            raise
        self._release()
        return count

    def _close(self) -> None:
        self.store = None  # the store must be closed before its folder is renamed
        gc.collect()

    def discard(self) -> None:
        """Drop the new store; the old one stays as it was."""
        if self._thread.is_alive():
            self._discarding = True
            self._pending = []
            if not self._ended:
                self._ended = True
                self._queue.put(None)
            self._thread.join()
        self._close()
        shutil.rmtree(self.fresh, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        if self._open:
            self._open = False
            self._lock.__exit__(None, None, None)


def write_store(store_dir: Path, quads_path: Path) -> int:
    """(Re)create the store at ``store_dir`` from an N-Quads or TriG file; return the quad count.

    The old store stays readable until the new one is complete, and survives a crash.
    """
    quads_path = Path(quads_path)
    if not quads_path.is_file():
        raise error("E001", path=quads_path)
    fmt = rdf_format(quads_path)
    builder = StoreBuilder(store_dir)
    try:
        if fmt == ox.RdfFormat.N_QUADS:
            with quads_path.open("rb") as handle:
                while data := handle.read(LOAD_BYTES):
                    builder.add(data + handle.readline())
        else:
            for chunk in _batched(ox.parse(path=str(quads_path), format=fmt)):
                builder.add(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS) or b"")
    except (SyntaxError, OSError, ValueError) as exc:
        builder.discard()
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise error("E134", path=quads_path, reason=reason) from exc
    except BaseException:
        builder.discard()
        raise
    return builder.commit(quads_path)


def _batched(quads: Iterator[ox.Quad], size: int = 50_000) -> Iterator[list[ox.Quad]]:
    while chunk := list(itertools.islice(quads, size)):
        yield chunk


def resolve_store(store_dir: Path) -> list[Path]:
    """The real folders to try for the store at ``store_dir``, symlinks resolved once.

    A build's ``OUT/store`` is a symlink through ``OUT/current``, which the next build
    switches. RocksDB opens a store's files one by one, so a store opened through the link
    while it switches would mix two builds' files ("Sst file size mismatch"). Resolving the
    link once and opening the real folder reads one build, old or new: the build switched
    out is kept until the following one. Falls back to the old copy an interrupted swap
    of the older layout left at ``.<name>.old``.
    """
    store_dir = Path(store_dir)
    candidates = [store_dir] if store_dir.exists() else [store_dir, _sibling(store_dir, "old")]
    resolved = [Path(os.path.realpath(c)) for c in candidates]
    return [folder for folder in resolved if (folder / "CURRENT").is_file()]


def open_store(store_dir: Path) -> ox.Store:
    """Open a store read-only, at the build it points to now (:func:`resolve_store`)."""
    for candidate in resolve_store(store_dir):
        try:
            return ox.Store.read_only(str(candidate))
        except OSError:
            continue
    raise error("E011", path=store_dir)
