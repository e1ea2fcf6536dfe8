"""Bounds on what ingestion opens and reads: regular files only, inside the root, up to a size.

A build reads whatever a folder holds, and a folder can hold things no reader survives: a
FIFO named ``*.txt`` blocks ``open()`` forever, a symlink to ``/dev/zero`` never ends, a
200 MB dump exhausts memory, a file name that is not UTF-8 cannot be printed or stored.
Every byte ingestion (and the extraction cache) reads comes through :func:`open_source`,
which decides *before opening* with ``os.stat`` (a regular file, inside the root, within
the size limit), opens without blocking, checks the open descriptor again (the path may
have been swapped in between), and is read at most up to the limit. Each refusal is a
coded one-line :class:`PlangraphError` for that file alone, so the others are built.

The limits come from the environment (``PLANGRAPH_MAX_FILE_BYTES``,
``PLANGRAPH_MAX_TEXT_CHARS``) so that they reach ingestion in every executor process
without threading an option through the build; :meth:`Limits.from_env` reads them.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from extractor.errors import error

FILE_BYTES_VAR = "PLANGRAPH_MAX_FILE_BYTES"
TEXT_CHARS_VAR = "PLANGRAPH_MAX_TEXT_CHARS"
DEFAULT_MAX_FILE_BYTES = 20_000_000
# About 250 pages. The whole build of a document grows with its text: the densest text
# bench/heavy_build.py writes (a claim and four mentions every 53 characters) stays under
# 1 GB per process at 527,000 characters. Raise it for long reports, at that cost.
DEFAULT_MAX_TEXT_CHARS = 500_000
_CHUNK = 1 << 20
_KINDS = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
          (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


@dataclass(frozen=True)
class Limits:
    """Largest file (bytes) and largest extracted text (characters) one document may have."""

    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Limits:
        """The limits set in ``env`` (default ``os.environ``), defaults where unset or invalid.

        >>> Limits.from_env({FILE_BYTES_VAR: "1_000"}).max_file_bytes
        1000
        >>> Limits.from_env({FILE_BYTES_VAR: "lots", TEXT_CHARS_VAR: "0"})
        Limits(max_file_bytes=20000000, max_text_chars=500000)
        """
        env = os.environ if env is None else env
        return cls(_env_int(env, FILE_BYTES_VAR, DEFAULT_MAX_FILE_BYTES),
                   _env_int(env, TEXT_CHARS_VAR, DEFAULT_MAX_TEXT_CHARS))


def _env_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").replace("_", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


def shown_name(path: Path | str) -> str:
    r"""``path`` printable on one line whatever its bytes: undecodable bytes become ``\xNN``.

    >>> shown_name(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def check_name(path: Path) -> None:
    """E043 when the name is not valid UTF-8: it could be neither printed nor stored as an id."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise error("E043", path=shown_name(path)) from exc


def leaves_root(path: Path, root: Path) -> bool:
    """True when ``path`` lies under ``root`` as written but a symlink takes it outside."""
    written = os.path.abspath(path)
    if not _inside(written, os.path.abspath(root)):
        return False  # a pairing made by the caller, not a walk: nothing to escape from
    return not _inside(os.path.realpath(path), os.path.realpath(root))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str | None:
    """What a non-regular file is (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "special file")


def check_source(path: Path, root: Path, limits: Limits) -> os.stat_result:
    """Everything :func:`open_source` checks before opening; the file's ``os.stat``."""
    check_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise error("E001", path=path) from exc
    except OSError as exc:
        raise error("E009", path=path, reason=exc.strerror or type(exc).__name__) from exc
    if stat.S_ISDIR(info.st_mode):
        raise error("E009", path=path, reason="is a directory")
    kind = _kind(info.st_mode)
    if kind:
        raise error("E042", path=path, kind=kind)
    if leaves_root(path, root):
        raise error("E044", path=path, root=root)
    if info.st_size > limits.max_file_bytes:
        raise error("E040", path=path, size=info.st_size, limit=limits.max_file_bytes)
    return info


@contextmanager
def open_source(path: Path, root: Path, limits: Limits) -> Iterator[BinaryIO]:
    """The file open for reading, once :func:`check_source` passed; never blocks on open."""
    check_source(path, root, limits)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error("E009", path=path, reason=exc.strerror or type(exc).__name__) from exc
    with os.fdopen(fd, "rb") as handle:
        kind = _kind(os.fstat(fd).st_mode)  # swapped for a FIFO after the stat above?
        if kind:
            raise error("E042", path=path, kind=kind)
        yield handle


def read_source(path: Path, root: Path, limits: Limits) -> bytes:
    """The bytes of ``path``, at most the limit (a file growing past it is refused: E040)."""
    with open_source(path, root, limits) as handle:
        data = handle.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise error("E040", path=path, size=f"over {limits.max_file_bytes}",
                    limit=limits.max_file_bytes)
    return data


def file_digest(path: Path, root: Path, limits: Limits | None = None) -> str:
    """SHA-256 of the file's bytes, read in chunks (for cache keys: no copy of the file)."""
    limits = limits or Limits.from_env()
    digest, seen = hashlib.sha256(), 0
    with open_source(path, root, limits) as handle:
        while chunk := handle.read(_CHUNK):
            seen += len(chunk)
            if seen > limits.max_file_bytes:
                raise error("E040", path=path, size=f"over {limits.max_file_bytes}",
                            limit=limits.max_file_bytes)
            digest.update(chunk)
    return digest.hexdigest()


def check_text(path: Path, text: str, limits: Limits) -> str:
    """``text`` unchanged, or E041 when a reader extracted more than the text limit."""
    if len(text) > limits.max_text_chars:
        raise error("E041", path=path, limit=limits.max_text_chars)
    return text
