"""A read-only SPARQL 1.1 Protocol endpoint over the store, with the standard library only.

Queries run in worker processes (plain ``python -c`` children, reused between queries)
that open the store read-only for each query, run and format it, and send back bytes.
pyoxigraph cannot cancel a query, so past the time limit the server kills the worker
(503, E132) and starts a fresh one next time: a pathological query cannot keep burning
a core. Opening the store per query (~30 ms) means a rebuilt store is served at once.
At most ``workers`` queries run at a time; the rest wait up to the time limit (E130).
This module is the HTTP side (content negotiation, the protocol's GET and POST forms,
limits); the worker processes are in :mod:`extractor.read.serve_worker` and the HTML
page in :mod:`extractor.read.serve_page`.
"""

from __future__ import annotations

import html
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from extractor.errors import error
from extractor.read.serve_page import page
from extractor.read.serve_worker import Worker
from extractor.store import open_store

log = logging.getLogger("plangraph.serve")
MAX_BODY = 1_000_000
MEDIA = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ntriples": "application/n-triples",
}
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "application/x-turtle": "turtle", "text/plain": "ntriples"}
TABULAR, GRAPH = ("json", "xml", "csv", "tsv", "html"), ("turtle", "ntriples", "html")


def negotiate(accept: str, fmt: str | None = None) -> dict[str, str]:
    """Pick an output format per result kind from a ``format=`` value or an Accept header.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml")["select"]
    'xml'
    >>> negotiate("*/*")
    {'select': 'json', 'ask': 'json', 'graph': 'turtle'}
    >>> negotiate("", "html")["graph"]
    'html'
    """
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        name = ALIASES.get(media.lower()) or next(
            (k for k, v in MEDIA.items() if v == media.lower()), None)
        if name and quality > 0:
            ranked.append((-quality, index, name))
    wanted = ([fmt] if fmt else []) + [name for _, _, name in sorted(ranked)]
    chosen = {"select": "json", "ask": "json", "graph": "turtle"}
    for kind, allowed in (("select", TABULAR), ("ask", TABULAR), ("graph", GRAPH)):
        chosen[kind] = next((w for w in wanted if w in allowed), chosen[kind])
    return chosen


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the store path and limits, runs queries in worker processes."""

    daemon_threads = True

    def __init__(self, store_dir: Path, address: tuple[str, int], timeout: float,
                 max_rows: int, workers: int = 4) -> None:
        open_store(store_dir)  # fail now (E011) rather than on the first query
        self.store_dir, self.query_timeout, self.max_rows = Path(store_dir), timeout, max_rows
        self.slots = threading.BoundedSemaphore(workers)
        self.idle: list[Worker] = []
        self.lock = threading.Lock()
        super().__init__(address, SparqlHandler)
        self.idle.append(Worker())

    def execute(self, sparql: str, formats: dict[str, str]) -> tuple[int, str, bytes, bool]:
        """Run one query in a worker; kill it past the time limit; 503 when busy."""
        if not self.slots.acquire(timeout=self.query_timeout):
            return 503, "error", str(error("E130")).encode(), False
        try:
            with self.lock:
                worker = self.idle.pop() if self.idle else None
            worker = worker or Worker()
            request = (str(self.store_dir), sparql, formats, self.max_rows)
            reply = worker.ask(request, self.query_timeout)
            if reply is None:
                died = worker.proc.poll() is not None
                worker.kill()
                if died:
                    died_message = str(error("E136", reason="worker process died"))
                    return 500, "error", died_message.encode(), False
                message = str(error("E132", seconds=self.query_timeout))
                return 503, "error", message.encode(), False
            with self.lock:
                self.idle.append(worker)
            return reply
        finally:
            self.slots.release()

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

    def _send(self, status: int, ctype: str, body: bytes, *, truncated: bool = False,
              allow: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src "
                         "'unsafe-inline'; form-action 'self'")
        if truncated:
            self.send_header("X-Result-Truncated", "true")
        if allow:
            self.send_header("Allow", "GET, POST")
        self.end_headers()
        self.wfile.write(body)

    def _fail(self, status: int, message: str, as_html: bool = False, sparql: str = "") -> None:
        if as_html:
            fragment = f"<p><strong>{html.escape(message)}</strong></p>"
            self._send(status, "text/html", page(sparql, fragment).encode())
        else:
            self._send(status, "text/plain", message.encode())

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
        formats = negotiate(self.headers.get("Accept", ""), fmt)
        status, chosen, body, truncated = self.server.execute(queries[0], formats)
        if status != 200:
            return self._fail(status, body.decode("utf-8", "replace"), as_html, queries[0])
        self._send(status, MEDIA[chosen], body, truncated=truncated)


def make_server(store_dir: Path, host: str = "127.0.0.1", port: int = 7878,
                timeout: float = 10.0, max_rows: int = 10000) -> SparqlServer:
    """A ready (not yet serving) endpoint; ``port=0`` picks a free port."""
    return SparqlServer(Path(store_dir), (host, port), timeout, max_rows)


def serve(store_dir: Path, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 10.0, max_rows: int = 10000) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(store_dir, host, port, timeout, max_rows)
    bound_host, bound_port = server.server_address[:2]
    log.warning("SPARQL endpoint on http://%s:%s/sparql (page at /)", bound_host, bound_port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
