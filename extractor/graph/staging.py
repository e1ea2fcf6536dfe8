"""A build's outputs: written into one staging folder, then switched into place at once.

Layout of an output folder ``OUT``::

    OUT/.builds/<name>/          one complete build: every output file and store/
    OUT/current -> .builds/<name>   the one switch: a symlink replaced by one rename
    OUT/plan.nq -> current/plan.nq  (and every other output, and store/): made once
    OUT/.staging-<pid>-<rand>/   a build being written
    OUT/.lock                    held by the build writing OUT
    OUT/.cache/                  the extraction cache (not versioned)

The documented paths (``OUT/plan.nq``, ``OUT/store``…) are symlinks through ``current``,
so replacing ``current`` switches the store and every file together: a build killed at any
instant leaves one whole build, the old or the new. The build ``current`` replaced is kept
until the next build, so a reader that resolved the old path just before a switch can
still open it; readers resolve a path once (:func:`extractor.store.resolve_store`) and
then read one version. Staging folders of killed builds (whose process is dead) are
removed by the next build of the same folder.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from extractor.errors import error
from extractor.records import Claim, columns

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl; builds are then unguarded
    fcntl = None  # type: ignore[assignment]  # the module or None: callers check for None

CLAIM_COLUMNS = columns(Claim)
BUILDS = ".builds"
CURRENT = "current"
STORE = "store"
STAGING_PREFIX = ".staging-"


class Staging:
    """A folder in ``out_dir`` holding one build until :meth:`commit` switches it in.

    Creating one takes the output folder's lock (E054 when another build holds it) and
    clears the staging folders that killed builds left behind.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.out_dir)
        try:
            clean_stale(self.out_dir)
            self.path = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-",
                                              dir=self.out_dir))
        except BaseException:
            self._unlock()
            raise

    @property
    def store_dir(self) -> Path:
        """Where the build's store is written (it moves in with the files)."""
        return self.path / STORE

    def file(self, name: str) -> Path:
        return self.path / name

    def open(self, name: str, mode: str = "w") -> IO[Any]:
        if "b" in mode:
            return open(self.path / name, mode)  # noqa: SIM115
        return open(self.path / name, mode, encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self, names: Iterable[str]) -> Path:
        """Make the staged files ``names`` and the store the current build, in one switch;
        return the build's folder. Anything else staged (spools, locks) is dropped."""
        outputs = [*names, STORE]
        for entry in self.path.iterdir():
            if entry.name not in outputs:
                _remove(entry)
        version = self.out_dir / BUILDS / _version_name()
        version.parent.mkdir(exist_ok=True)
        self.path.chmod(0o755)  # mkdtemp makes it private; readers may be other users
        os.rename(self.path, version)
        replaced = current_build(self.out_dir)
        switch_current(self.out_dir, version)
        link_outputs(self.out_dir, outputs)
        prune_builds(self.out_dir, keep={version.name, replaced.name if replaced else ""})
        self._unlock()
        return version

    def discard(self) -> None:
        """Drop the staged build; the current one stays as it was."""
        shutil.rmtree(self.path, ignore_errors=True)
        self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None


def _lock(out_dir: Path) -> IO[str] | None:
    """An exclusive lock on ``out_dir/.lock``, released when the build ends or dies."""
    handle = (out_dir / ".lock").open("a")
    if fcntl is not None:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise error("E054", path=out_dir) from exc
    return handle


def _version_name() -> str:
    """A build folder's name: when it was made (sortable), then the process and a nonce."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return f"{stamp}-{os.getpid()}-{os.urandom(3).hex()}"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def staging_pid(name: str) -> int | None:
    """The process id in a staging folder's name (None for an older, unnamed one).

    >>> staging_pid(".staging-4242-k3j2"), staging_pid(".staging-k3j2")
    (4242, None)
    """
    head = name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
    return int(head) if head.isdigit() else None


def clean_stale(out_dir: Path) -> list[Path]:
    """Remove staging folders of builds that died (their process is gone) and the store
    temporaries of the older layout; the caller holds the folder's lock. Returns them."""
    removed = []
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = staging_pid(stale.name)
        if pid is None or pid == os.getpid() or not _alive(pid):
            _remove(stale)
            removed.append(stale)
    for stale in out_dir.glob(f".{STORE}.new-*"):
        _remove(stale)
        removed.append(stale)
    return removed


def current_build(out_dir: Path) -> Path | None:
    """The folder ``OUT/current`` points to, or None before the first versioned build."""
    link = out_dir / CURRENT
    return Path(os.path.realpath(link)) if link.is_symlink() else None


def switch_current(out_dir: Path, version: Path) -> None:
    """The switch: point ``OUT/current`` at ``version`` with one atomic rename."""
    _replace_with_link(out_dir / CURRENT, os.path.relpath(version, out_dir))


def link_outputs(out_dir: Path, names: Iterable[str]) -> None:
    """Make each ``OUT/<name>`` a symlink to ``current/<name>`` (once: later builds only
    switch ``current``). A regular file or store of the older layout is replaced by its
    link, each with one rename; an old store folder waits at ``.store.old`` meanwhile,
    where readers look when ``store`` is missing."""
    for name in names:
        link, target = out_dir / name, f"{CURRENT}/{name}"
        if link.is_symlink() and os.readlink(link) == target:
            continue
        if link.is_dir() and not link.is_symlink():
            old = out_dir / f".{name}.old"
            _remove(old)
            os.rename(link, old)
            _replace_with_link(link, target)
            _remove(old)
        else:
            _replace_with_link(link, target)


def _replace_with_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.link")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def prune_builds(out_dir: Path, keep: set[str]) -> None:
    """Remove the builds that are neither current nor the one it replaced."""
    folder = out_dir / BUILDS
    for entry in folder.iterdir() if folder.is_dir() else []:
        if entry.name not in keep:
            _remove(entry)


def csv_writer(handle: IO[str]) -> Any:
    writer = csv.DictWriter(handle, fieldnames=CLAIM_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    return writer


def csv_row(claim: dict[str, Any]) -> dict[str, Any]:
    """Spreadsheet-friendly: ranges as "low–high", no nested values."""
    row = dict(claim)
    amount = row.get("amount")
    if isinstance(amount, (list, tuple)):
        row["amount"] = "-".join(f"{v:g}" for v in amount)
    return row
