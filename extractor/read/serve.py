"""A read-only SPARQL 1.1 Protocol endpoint over the store, with the standard library only.

Queries run in worker processes (plain ``python -c`` children, reused between queries)
that open the store read-only for each query, run and format it, and send back bytes.
pyoxigraph cannot cancel a query, so past the time limit the server kills the worker
(503, E132) and starts a fresh one next time: a pathological query cannot keep burning
a core. Opening the store per query (~30 ms) means a rebuilt store is served at once.
At most ``workers`` queries run at a time; the rest wait up to the time limit (E130).
"""

from __future__ import annotations

import html
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs, quote, urlsplit

from extractor.errors import PlangraphError
from extractor.read.query import QueryResult, format_result, run_query, saved_queries, term_text
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
STATUS = {"E030": 403, "E133": 403, "E131": 400, "E135": 400, "E132": 503, "E130": 503,
          "E011": 500, "E136": 500}


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


def render_html(result: QueryResult) -> str:
    """A result as an HTML fragment (a table, or the boolean)."""
    if result.kind == "ask":
        return f"<p class=answer>{str(result.boolean).lower()}</p>"
    if result.kind == "graph":
        names, rows = ["subject", "predicate", "object"], [
            [t.subject, t.predicate, t.object] for t in result.triples]
    else:
        names, rows = result.variables, result.bindings
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if t is None else html.escape(term_text(t))}</td>"
                         for t in row) + "</tr>" for row in rows)
    note = " (truncated)" if result.truncated else ""
    return f"<p>{len(rows)} rows{note}</p><table><tr>{head}</tr>{body}</table>"


def _parameters(parameters: dict[str, str]) -> str:
    """How to ask a saved query about one value: the SPARQL Protocol has no parameters, so
    the page says which ``VALUES`` block to add where ``--bind`` puts it (at the end it
    would be joined after any grouping, too late to narrow or speed anything)."""
    if not parameters:
        return ""
    items = "".join(f"<li><code>VALUES ?{html.escape(k)} {{ … }}</code>: {html.escape(v)}</li>"
                    for k, v in parameters.items())
    return ("<br>To ask about one value, add just after its <code>WHERE {</code> (or at each "
            f"of its <code># @bind</code> lines):<ul>{items}</ul>")


def page(sparql: str = "", fragment: str = "") -> str:
    """The self-contained query page: a form that GETs ``/sparql`` with ``format=html``."""
    examples = "".join(
        f'<li><a href="/sparql?format=html&amp;query={quote(q.text)}">{html.escape(name)}</a>'
        f" {html.escape(q.question)}{_parameters(q.parameters)}</li>"
        for name, q in saved_queries().items())
    default = sparql or "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } }\n" \
        "GROUP BY ?g"
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>plangraph SPARQL</title>"
        "<style>body{font-family:sans-serif;margin:2em}textarea{width:100%;height:12em;"
        "font-family:monospace}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
        "padding:2px 6px;font-size:90%;text-align:left;vertical-align:top}</style></head>"
        "<body><h1>plangraph SPARQL</h1><form method=get action=/sparql>"
        f"<textarea name=query>{html.escape(default)}</textarea><br>"
        "<select name=format>" + "".join(
            f"<option>{f}</option>" for f in ("html", "json", "xml", "csv", "tsv", "turtle"))
        + "</select> <button type=submit>Run</button></form>"
        f"{fragment}<h2>Saved queries</h2><ul>{examples}</ul></body></html>")


def _read_exact(stream: BinaryIO, size: int, deadline: float | None) -> bytes | None:
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


def _read_frame(stream: BinaryIO, deadline: float | None = None) -> object | None:
    header = _read_exact(stream, 4, deadline)
    body = header and _read_exact(stream, struct.unpack(">I", header)[0], deadline)
    return None if body is None else pickle.loads(body)


def _write_frame(stream: BinaryIO, obj: object) -> None:
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
        return 500, "error", f"[E136] query failed: {exc}".encode(), False


def worker_main() -> None:
    """The worker process loop: one framed request in, one framed reply out, until EOF."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints must not corrupt the reply stream
    _write_frame(replies, "ready")
    while (request := _read_frame(sys.stdin.buffer)) is not None:
        _write_frame(replies, _answer(*request))  # type: ignore[misc]


STARTUP_SECONDS = 60.0


class _Worker:
    """A query process the server can kill; reused while it answers in time."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[1])
        code = f"import sys; sys.path.insert(0, {root!r}); " \
            "from extractor.read.serve import worker_main; worker_main()"
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        # Start-up (interpreter, imports) is not query time: wait for the worker's "ready"
        # so a busy machine cannot turn a slow start into a query timeout.
        if _read_frame(self.proc.stdout, time.monotonic() + STARTUP_SECONDS) != "ready":  # type: ignore[arg-type]
            self.kill()
            raise RuntimeError("SPARQL worker process did not start")

    def ask(self, request: tuple, timeout: float) -> tuple | None:
        try:
            _write_frame(self.proc.stdin, request)  # type: ignore[arg-type]
        except OSError:
            return None
        return _read_frame(self.proc.stdout, time.monotonic() + timeout)  # type: ignore

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the store path and limits, runs queries in worker processes."""

    daemon_threads = True

    def __init__(self, store_dir: Path, address: tuple[str, int], timeout: float,
                 max_rows: int, workers: int = 4) -> None:
        open_store(store_dir)  # fail now (E011) rather than on the first query
        self.store_dir, self.query_timeout, self.max_rows = Path(store_dir), timeout, max_rows
        self.slots = threading.BoundedSemaphore(workers)
        self.idle: list[_Worker] = []
        self.lock = threading.Lock()
        super().__init__(address, SparqlHandler)
        self.idle.append(_Worker())

    def execute(self, sparql: str, formats: dict[str, str]) -> tuple[int, str, bytes, bool]:
        """Run one query in a worker; kill it past the time limit; 503 when busy."""
        if not self.slots.acquire(timeout=self.query_timeout):
            return 503, "error", b"[E130] server busy: too many queries running", False
        try:
            with self.lock:
                worker = self.idle.pop() if self.idle else None
            worker = worker or _Worker()
            request = (str(self.store_dir), sparql, formats, self.max_rows)
            reply = worker.ask(request, self.query_timeout)
            if reply is None:
                died = worker.proc.poll() is not None
                worker.kill()
                if died:
                    return 500, "error", b"[E136] query failed: worker process died", False
                message = f"[E132] query timed out after {self.query_timeout:g} s"
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
            self._fail(404, f"not found: {url.path} (the endpoint is /sparql)")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._fail(404, f"not found: {url.path} (the endpoint is /sparql)")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._fail(411, "a Content-Length header is required")
        if length > MAX_BODY or length < 0:
            return self._fail(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._fail(403, "[E030] SPARQL update refused: this endpoint is read-only")
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        else:
            return self._fail(415, "POST needs application/sparql-query or a form body")
        self._answer(params)

    def _answer(self, params: dict[str, list[str]]) -> None:
        fmt = (params.get("format") or [None])[0]
        as_html = fmt == "html"
        if "update" in params:
            return self._fail(403, "[E030] SPARQL update refused: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return self._fail(400, "default-graph-uri and named-graph-uri are not supported: "
                              "use GRAPH in the query", as_html)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._fail(400, "exactly one non-empty 'query' parameter is needed", as_html)
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
