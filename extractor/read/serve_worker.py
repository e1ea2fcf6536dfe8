"""The server's worker processes: run one query at a time, within memory, and can be killed.

pyoxigraph cannot cancel a query, so the server runs each one in a child process (a plain
``python -c`` child, reused between queries) that it kills when the time limit passes. The
child caps its own memory before it takes requests (an ORDER BY or GROUP_CONCAT over a
cartesian product otherwise reaches gigabytes within the time limit); a query that hits the
cap makes the child abort (pyoxigraph's allocator) or raise MemoryError, and the server
answers E142 and starts a fresh child. The child opens the store read-only for each query
(~30 ms, so a rebuilt store is served at once) and, when reading it fails because a build
swapped it meanwhile, opens it again once. It formats the answer, refuses one over the
byte cap (E143), and sends back bytes. Requests and replies are length-prefixed pickles
over the child's stdin and stdout; the parent waits on the pipe with a deadline.
A reply is ``(status, fmt, body, truncated, retire, more)``, the HTTP status coming from the
error code; ``retire`` asks the server to replace this child; ``more`` says that a paged
answer (:mod:`extractor.read.paging`) has a next page.
"""

from __future__ import annotations

import html
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import pyoxigraph as ox

from extractor.errors import PlangraphError, error
from extractor.read.paging import paged
from extractor.read.query import run_query
from extractor.read.query_results import QueryResult, format_result
from extractor.read.serve_page import page, render_html
from extractor.store import open_store

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no rlimits, the time limit still holds
    resource = None  # type: ignore[assignment]  # the module or None: callers check

__all__ = ["STARTUP_SECONDS", "STATUS", "Ask", "Worker", "worker_main"]

STATUS = {"E030": 403, "E133": 403, "E131": 400, "E135": 400, "E141": 400, "E132": 503, "E130": 503,
          "E011": 500, "E136": 500, "E142": 503, "E143": 500, "E188": 406, "E189": 503}
SWAP_PAUSE = 0.2  # seconds before reopening a store that failed mid-swap
Reply = tuple[int, str, bytes, bool, bool, bool]


@dataclass(frozen=True)
class Ask:
    """One query for a worker: what to run, in which formats, within which limits.

    ``formats`` maps a result kind (select, ask, graph) to a format name, or to None when
    the client's Accept header takes none of that kind's formats (406, E188). ``page``:
    ``(size, offset)`` when the answer is served in pages, with ``next_url`` the link to
    the next one."""

    store_dir: str
    sparql: str
    formats: dict[str, str | None]
    max_rows: int
    max_bytes: int
    accept: str = ""
    page: tuple[int, int] | None = None
    next_url: str = ""


def _read_exact(stream: IO[bytes], size: int, deadline: float | None) -> bytes | None:
    """Read ``size`` bytes from a pipe before ``deadline``; None on timeout or end of file."""
    chunks, left = [], size
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([stream], [], [], wait)[0]:
                return None
        chunk = os.read(stream.fileno(), left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(stream: IO[bytes], deadline: float | None = None) -> object | None:
    header = _read_exact(stream, 4, deadline)
    body = header and _read_exact(stream, struct.unpack(">I", header)[0], deadline)
    return None if body is None else pickle.loads(body)


def _write_frame(stream: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj)
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def _store_trouble(exc: PlangraphError) -> bool:
    """True when the store could not be opened or read: what a build's swap causes
    (E011 between two renames; RocksDB's ``Corruption: Sst file size mismatch`` or
    ``Mismatch in unique ID`` when files change while the store is being opened)."""
    return exc.code == "E011" or (
        exc.code == "E136" and isinstance(exc.__cause__, OSError | RuntimeError))


def _attempt(ask: Ask) -> QueryResult:
    """Open the store and run the query; pyoxigraph's storage errors become E136."""
    try:
        store = open_store(Path(ask.store_dir))
        if ask.page is None:
            return run_query(store, ask.sparql, max_rows=ask.max_rows)
        size, offset = ask.page
        return run_query(store, paged(ask.sparql, size, offset), max_rows=size + 1)
    except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB refusing to open
        raise error("E136", reason=" ".join(str(exc).split()[:12])) from exc


def _run(ask: Ask) -> QueryResult:
    """Run the query on a freshly opened store; on a storage error, reopen and retry once."""
    try:
        return _attempt(ask)
    except PlangraphError as exc:
        if not _store_trouble(exc):
            raise
    time.sleep(SWAP_PAUSE)  # a swap in progress ends within moments
    try:
        return _attempt(ask)
    except PlangraphError as exc:
        if exc.code == "E136" and _store_trouble(exc):
            raise error("E189", path=ask.store_dir) from exc
        raise


def _literal_chars(result: QueryResult) -> int:
    """Characters of the literals of a result: every format writes each literal whole, so
    more than the byte cap here means the answer is over it before formatting it."""
    terms = [t for row in result.bindings for t in row] + [
        part for t in result.triples for part in (t.subject, t.predicate, t.object)]
    return sum(len(t.value) for t in terms if isinstance(t, ox.Literal))


def _body(ask: Ask, result: QueryResult, more: bool = False) -> tuple[str, bytes]:
    """The answer's format and bytes, within the byte cap (E143) and the Accept header;
    the HTML page links to the next page when ``more``."""
    fmt = ask.formats[result.kind]
    if fmt is None:
        offers = ", ".join(k for k, v in ask.formats.items() if v)
        raise error("E188", accept=ask.accept, kind=result.kind, offers=offers or "none")
    if _literal_chars(result) > ask.max_bytes:
        raise error("E143", limit=ask.max_bytes)
    link = f'<p><a rel=next href="{html.escape(ask.next_url)}">next {ask.page[0]} rows</a></p>' \
        if more and ask.page else ""
    text = page(ask.sparql, render_html(result) + link) if fmt == "html" \
        else format_result(result, fmt)
    body = text.encode("utf-8")
    if len(body) > ask.max_bytes:
        raise error("E143", limit=ask.max_bytes)
    return fmt, body


def _answer(ask: Ask, memory_mb: int | None) -> Reply:
    """Run and format one query: ``(status, fmt, body, truncated, retire, more)``; of a
    paged answer the row past the page is dropped, and says that a next page exists."""
    try:
        result = _run(ask)
        size = ask.page[0] if ask.page else len(result.bindings)
        more = len(result.bindings) > size
        result.bindings = result.bindings[:size]
        fmt, body = _body(ask, result, more)
        return 200, fmt, body, result.truncated and not ask.page, False, more
    except PlangraphError as exc:
        return STATUS.get(exc.code, 400), "error", str(exc).encode("utf-8"), False, False, False
    except MemoryError:  # Python's side hit the cap: answer, then make way for a fresh child
        return 503, "error", str(error("E142", mb=memory_mb)).encode(), False, True, False
    except Exception as exc:  # a bug must still answer the client, not hang it
        return 500, "error", str(error("E136", reason=exc)).encode(), False, False, False


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's data memory (RLIMIT_DATA: heap and private mappings, what rows
    and sort buffers use). RLIMIT_AS would also count the ~400 MB of address space that
    RocksDB and thread stacks reserve without touching, so its cap would mean less."""
    if megabytes and resource is not None:
        which = getattr(resource, "RLIMIT_DATA", resource.RLIMIT_AS)
        resource.setrlimit(which, (megabytes << 20, megabytes << 20))


def worker_main(memory_mb: int | None = None) -> None:
    """The worker process loop: one framed request in, one framed reply out, until EOF."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints must not corrupt the reply stream
    limit_memory(memory_mb)
    _write_frame(replies, "ready")
    while (request := _read_frame(sys.stdin.buffer)) is not None:
        reply = _answer(cast(Ask, request), memory_mb)  # the server sends Asks only
        try:
            _write_frame(replies, reply)
        except MemoryError:  # pickling the answer hit the cap: die as pyoxigraph would,
            os.abort()  # so the server reads SIGABRT as E142
        if reply[4]:
            return


STARTUP_SECONDS = 60.0


class Worker:
    """A query process the server can kill; reused while it answers in time."""

    def __init__(self, memory_mb: int | None = None) -> None:
        root = str(Path(__file__).resolve().parents[2])
        code = f"import sys; sys.path.insert(0, {root!r}); " \
            f"from extractor.read.serve_worker import worker_main; worker_main({memory_mb!r})"
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        assert self.proc.stdin is not None and self.proc.stdout is not None  # both are PIPEs
        self._requests, self._replies = self.proc.stdin, self.proc.stdout
        # Start-up (interpreter, imports) is not query time: wait for the worker's "ready"
        # so a busy machine cannot turn a slow start into a query timeout.
        if _read_frame(self._replies, time.monotonic() + STARTUP_SECONDS) != "ready":
            self.kill()
            raise RuntimeError("SPARQL worker process did not start")

    def ask(self, request: Ask, timeout: float) -> Reply | None:
        """The worker's reply, or None when it timed out or died (see :meth:`exit_status`)."""
        try:
            _write_frame(self._requests, request)
        except OSError:
            return None
        # After "ready" the worker only ever sends _answer's tuples (or nothing, on timeout).
        return cast("Reply | None", _read_frame(self._replies, time.monotonic() + timeout))

    def exit_status(self, wait: float) -> int | None:
        """The process's exit status, waiting up to ``wait`` seconds; None while it runs."""
        try:
            return self.proc.wait(wait)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
