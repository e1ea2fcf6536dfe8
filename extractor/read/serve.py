"""A read-only SPARQL 1.1 Protocol endpoint over the store, with the standard library only.

Queries run in worker processes (plain ``python -c`` children, reused between queries)
that open the store read-only for each query, run and format it, and send back bytes.
pyoxigraph cannot cancel a query, so past the time limit the server kills the worker
(503, E132) and starts a fresh one next time: a pathological query cannot keep burning
a core. Opening the store per query (~30 ms) means a rebuilt store is served at once.
At most ``workers`` queries run at a time; the rest wait up to the time limit (E130).
Each worker's memory is capped (E142) and answers are capped in bytes (E143), so four
pathological queries cost at most four times ``--max-memory``.
This module is the HTTP side (content negotiation, 406 and ``Vary: Accept``, the
protocol's GET and POST forms, limits); who may send requests (Host allow-list, Origin,
CORS) is decided in :mod:`extractor.read.serve_guard`, the worker processes are in
:mod:`extractor.read.serve_worker` and the HTML page in :mod:`extractor.read.serve_page`.
"""

from __future__ import annotations

import html
import logging
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from extractor.errors import PlangraphError, error
from extractor.read.paging import PAGE_SIZE, Page, page_of
from extractor.read.serve_formats import MEDIA, negotiate
from extractor.read.serve_guard import Guard
from extractor.read.serve_page import page
from extractor.read.serve_worker import Ask, Worker
from extractor.store import open_store

log = logging.getLogger("plangraph.serve")
MAX_BODY = 1_000_000
__all__ = ["MAX_BODY", "Limits", "SparqlServer", "make_server", "negotiate", "serve"]


@dataclass(frozen=True)
class Limits:
    """What one query may use: seconds, rows, answer bytes, worker memory (MB; 0: none);
    ``page_size``: rows per page of an ordered answer (:mod:`extractor.read.paging`)."""

    timeout: float = 10.0
    max_rows: int = 10000
    max_bytes: int = 20_000_000
    max_memory: int = 1024
    workers: int = 4
    page_size: int = PAGE_SIZE


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the store path, limits and guard, runs queries in workers."""

    daemon_threads = True

    def __init__(self, store_dir: Path, address: tuple[str, int], limits: Limits,
                 allow_hosts: Sequence[str] = (), cors_origins: Sequence[str] = ()) -> None:
        open_store(store_dir)  # fail now (E011) rather than on the first query
        self.store_dir, self.limits = Path(store_dir), limits
        self.slots = threading.BoundedSemaphore(limits.workers)
        self.idle: list[Worker] = []
        self.lock = threading.Lock()
        super().__init__(address, SparqlHandler)
        self.guard = Guard.build(address[0], self.server_address[1], allow_hosts, cors_origins)
        self.idle.append(Worker(limits.max_memory))

    def execute(self, sparql: str, formats: dict[str, str | None], accept: str,
                page: Page | None = None, next_url: str = "") -> tuple[int, str, bytes,
                                                                         bool, bool]:
        """Run one query in a worker (one page of it when ``page`` is given); kill it past
        the time limit; 503 when busy. The last item says that a next page exists."""
        limits = self.limits
        if not self.slots.acquire(timeout=limits.timeout):
            return 503, "error", str(error("E130")).encode(), False, False
        try:
            with self.lock:
                worker = self.idle.pop() if self.idle else None
            worker = worker or Worker(limits.max_memory)
            ask = Ask(str(self.store_dir), sparql, formats, limits.max_rows, limits.max_bytes,
                      accept, (page.size, page.offset) if page else None, next_url)
            started = time.monotonic()
            reply = worker.ask(ask, limits.timeout)
            if reply is None:
                return self._lost(worker, time.monotonic() - started < limits.timeout)
            status, fmt, body, truncated, retire, more = reply
            if retire:
                worker.kill()
            else:
                with self.lock:
                    self.idle.append(worker)
            return status, fmt, body, truncated, more
        finally:
            self.slots.release()

    def _lost(self, worker: Worker, early: bool) -> tuple[int, str, bytes, bool, bool]:
        """The answer for a worker that gave none: it died (of the memory cap, when
        pyoxigraph's allocator aborted) or ran out of time; either way it is replaced."""
        status = worker.exit_status(5.0 if early else 0.0)
        worker.kill()
        if status is None:
            return 503, "error", str(error("E132", seconds=self.limits.timeout)).encode(), \
                False, False
        if status == -signal.SIGABRT and self.limits.max_memory:
            return 503, "error", str(error("E142", mb=self.limits.max_memory)).encode(), \
                False, False
        reason = f"worker process died (exit status {status})"
        return 500, "error", str(error("E136", reason=reason)).encode(), False, False

    def server_close(self) -> None:
        super().server_close()
        with self.lock:
            for worker in self.idle:
                worker.kill()
            self.idle.clear()


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: GET ``?query=``, POST form or ``application/sparql-query``."""

    server: SparqlServer
    server_version = "plangraph-sparql"
    timeout = 30  # seconds a client may take to send its request (slow clients hold a thread)

    def __getattr__(self, name: str):
        if name.startswith("do_"):  # PUT, DELETE, HEAD, any other method: not allowed
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        self._send(405, "text/plain", b"method not allowed: use GET or POST", allow=True)

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def parse_request(self) -> bool:
        """Refuse, before anything else, a request from a foreign page or for a foreign
        Host (see :mod:`extractor.read.serve_guard`)."""
        if not super().parse_request():
            return False
        refusal = self.server.guard.refusal(self.headers)
        if refusal is None:
            return True
        self.close_connection = True  # a refused POST's body is never read
        self._fail(403, str(refusal))
        return False

    def _send(self, status: int, ctype: str, body: bytes, *, truncated: bool = False,
              allow: bool = False, next_url: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self._common_headers()
        if truncated:
            self.send_header("X-Result-Truncated", "true")
        if allow:
            self.send_header("Allow", "GET, POST")
        if next_url:
            self.send_header("Link", f'<{next_url}>; rel="next"')
        self.end_headers()
        self.wfile.write(body)

    def _common_headers(self) -> None:
        self.send_header("Vary", self.server.guard.vary())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src "
                         "'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
        for name, value in self.server.guard.cors_headers(self.headers):
            self.send_header(name, value)

    def _fail(self, status: int, message: str, as_html: bool = False, sparql: str = "") -> None:
        if as_html:
            fragment = f"<p><strong>{html.escape(message)}</strong></p>"
            self._send(status, "text/html", page(sparql, fragment).encode())
        else:
            self._send(status, "text/plain", message.encode())

    def do_OPTIONS(self) -> None:
        """A CORS preflight from an origin given with ``--cors-origin``; 405 otherwise."""
        if not self.server.guard.cors_allows(self.headers.get("Origin")):
            return self._not_allowed()
        self.send_response(204)
        self._common_headers()
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(200, "text/html", page().encode())
        elif url.path == "/sparql":
            self._answer(parse_qs(url.query, keep_blank_values=True))
        else:
            self._fail(404, str(error("E180", path=url.path)))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._fail(404, str(error("E180", path=url.path)))
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._fail(411, str(error("E181")))
        if length > MAX_BODY or length < 0:
            return self._fail(413, str(error("E182", limit=MAX_BODY)))
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._fail(403, str(error("E030")))
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        else:
            return self._fail(415, str(error("E183")))
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        fmt = params["format"][0] if params.get("format") else None
        as_html = fmt == "html"
        if "update" in params:
            return self._fail(403, str(error("E030")))
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._fail(400, str(error("E184")), as_html)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._fail(400, str(error("E185")), as_html)
        accept = self.headers.get("Accept", "")
        formats = negotiate(accept, fmt)
        if not any(formats.values()):  # nothing to give whatever the query: do not run it
            offers = ", ".join(MEDIA.values())
            return self._fail(406, str(error("E188", accept=accept, kind="query",
                                             offers=offers)))
        try:
            paging = page_of(queries[0], params, self.server.limits.page_size,
                             self.server.limits.max_rows)
        except PlangraphError as exc:
            return self._fail(400, str(exc), as_html, queries[0])
        next_url = paging.next_url(params) if paging else ""
        status, chosen, body, truncated, more = self.server.execute(
            queries[0], formats, accept, paging, next_url)
        if status != 200:
            return self._fail(status, body.decode("utf-8", "replace"), as_html, queries[0])
        self._send(status, MEDIA[chosen], body, truncated=truncated,
                   next_url=next_url if more else "")


def make_server(store_dir: Path, host: str = "127.0.0.1", port: int = 7878,
                timeout: float = 10.0, max_rows: int = 10000, *,
                max_bytes: int = Limits.max_bytes, max_memory: int = Limits.max_memory,
                page_size: int = PAGE_SIZE,
                allow_hosts: Sequence[str] = (),
                cors_origins: Sequence[str] = ()) -> SparqlServer:
    """A ready (not yet serving) endpoint; ``port=0`` picks a free port."""
    limits = Limits(timeout, max_rows, max_bytes, max_memory, page_size=page_size)
    return SparqlServer(Path(store_dir), (host, port), limits, allow_hosts, cors_origins)


def serve(store_dir: Path, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 10.0, max_rows: int = 10000, **guards: Any) -> None:
    """Serve until interrupted (Ctrl-C); ``guards`` are :func:`make_server`'s keywords."""
    server = make_server(store_dir, host, port, timeout, max_rows, **guards)
    bound_host, bound_port = server.server_address[:2]
    log.warning("SPARQL endpoint on http://%s:%s/sparql (page at /)", bound_host, bound_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
