"""The on-disk Oxigraph store: rebuilt atomically by the build, opened read-only by readers.

pyoxigraph allows one writer process per store, and a query server may be reading the
old store while a build writes the new one. So a build never writes into the live
folder: it loads a fresh sibling folder, then swaps it in with two renames. If the
process dies between the renames, the old store sits intact at ``.<name>.old`` and
:func:`open_store` reads it from there until the next build puts it back.

Error codes of this module (beyond ``E011``):
``E134`` the quads file cannot be loaded; ``E139`` another process is writing the store.
"""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .errors import PlangraphError, error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl; writers are then unguarded
    fcntl = None  # type: ignore[assignment]


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
        raise PlangraphError("E134", f"{path}: cannot load RDF (unknown extension)")
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
                raise PlangraphError(
                    "E139", f"store {store_dir}: another process is writing it"
                ) from exc
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


LOAD_CHUNK = 50_000


def _load(target: Path, quads_path: Path) -> int:
    """Bulk-load a quads file into a new store at ``target``; return its quad count."""
    fmt = rdf_format(quads_path)
    try:
        store = ox.Store(str(target))
        # bulk_load of a whole file holds it all in memory (≈700 MB for 850k quads);
        # bounded chunks keep the same speed with memory that does not grow with the corpus.
        quads = ox.parse(path=str(quads_path), format=fmt)
        while chunk := list(itertools.islice(quads, LOAD_CHUNK)):
            store.bulk_extend(chunk)
        store.flush()
        store.optimize()
        count = len(store)
    except (SyntaxError, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PlangraphError("E134", f"{quads_path}: cannot load RDF ({reason})") from exc
    del store  # the store must be closed before its folder is renamed
    gc.collect()
    return count


def write_store(store_dir: Path, quads_path: Path) -> int:
    """(Re)create the store at ``store_dir`` from an N-Quads or TriG file; return the quad count.

    The old store stays readable until the new one is complete, and survives a crash.
    """
    store_dir = Path(store_dir)
    quads_path = Path(quads_path)
    if not quads_path.is_file():
        raise error("E001", path=quads_path)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(store_dir):
        _recover(store_dir)
        fresh = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.new-", dir=store_dir.parent))
        try:
            count = _load(fresh, quads_path)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        old = _sibling(store_dir, "old")
        if store_dir.exists():
            os.rename(store_dir, old)
        os.rename(fresh, store_dir)
        shutil.rmtree(old, ignore_errors=True)
    return count


def open_store(store_dir: Path) -> ox.Store:
    """Open a store read-only (falling back to the old copy left by an interrupted swap)."""
    store_dir = Path(store_dir)
    candidates = [store_dir]
    if not store_dir.exists():
        candidates.append(_sibling(store_dir, "old"))
    for candidate in candidates:
        if (candidate / "CURRENT").is_file():
            try:
                return ox.Store.read_only(str(candidate))
            except OSError:
                continue
    raise error("E011", path=store_dir)
