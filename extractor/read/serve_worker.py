"""The server's worker processes: run one query at a time, and can be killed past the limit.

pyoxigraph cannot cancel a query, so the server runs each one in a child process (a plain
``python -c`` child, reused between queries) that it kills when the time limit passes. The
child opens the store read-only for each query (~30 ms, so a rebuilt store is served at
once), runs and formats it, and sends back bytes. Requests and replies are length-prefixed
pickles over the child's stdin and stdout; the parent waits on the pipe with a deadline.
A reply is ``(status, fmt, body, truncated)``, the HTTP status coming from the error code.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, cast

from extractor.errors import PlangraphError, error
from extractor.read.query import run_query
from extractor.read.query_results import format_result
from extractor.read.serve_page import page, render_html
from extractor.store import open_store

__all__ = ["STARTUP_SECONDS", "STATUS", "Worker", "worker_main"]

STATUS = {"E030": 403, "E133": 403, "E131": 400, "E135": 400, "E141": 400, "E132": 503, "E130": 503,
          "E011": 500, "E136": 500}


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


def _answer(store_dir: str, sparql: str, formats: dict[str, str], max_rows: int) -> tuple:
    """Run and format one query: ``(status, fmt, body, truncated)``."""
    try:
        result = run_query(open_store(Path(store_dir)), sparql, max_rows=max_rows)
        fmt = formats[result.kind]
        text = page(sparql, render_html(result)) if fmt == "html" else format_result(result, fmt)
        return 200, fmt, text.encode("utf-8"), result.truncated
    except PlangraphError as exc:
        return STATUS.get(exc.code, 400), "error", str(exc).encode("utf-8"), False
    except Exception as exc:  # a bug must still answer the client, not hang it
        return 500, "error", str(error("E136", reason=exc)).encode(), False


def worker_main() -> None:
    """The worker process loop: one framed request in, one framed reply out, until EOF."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints must not corrupt the reply stream
    _write_frame(replies, "ready")
    while (request := _read_frame(sys.stdin.buffer)) is not None:
        _write_frame(replies, _answer(*cast(tuple, request)))  # the server sends tuples only


STARTUP_SECONDS = 60.0


class Worker:
    """A query process the server can kill; reused while it answers in time."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])
        code = f"import sys; sys.path.insert(0, {root!r}); " \
            "from extractor.read.serve_worker import worker_main; worker_main()"
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        assert self.proc.stdin is not None and self.proc.stdout is not None  # both are PIPEs
        self._requests, self._replies = self.proc.stdin, self.proc.stdout
        # Start-up (interpreter, imports) is not query time: wait for the worker's "ready"
        # so a busy machine cannot turn a slow start into a query timeout.
        if _read_frame(self._replies, time.monotonic() + STARTUP_SECONDS) != "ready":
            self.kill()
            raise RuntimeError("SPARQL worker process did not start")

    def ask(self, request: tuple, timeout: float) -> tuple | None:
        try:
            _write_frame(self._requests, request)
        except OSError:
            return None
        # After "ready" the worker only ever sends _answer's tuples (or nothing, on timeout).
        return cast("tuple | None", _read_frame(self._replies, time.monotonic() + timeout))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
