"""The SPARQL 1.1 Protocol endpoint, queried over real HTTP on a free loopback port."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.errors import PlangraphError
from extractor.read.serve import MAX_BODY, SparqlServer, make_server, negotiate
from extractor.store import write_store
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "small.trig"
SELECT = "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } }"


def start(store_dir: Path, **limits) -> tuple[SparqlServer, str]:
    server = make_server(store_dir, port=0, **limits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"


def stop(server: SparqlServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("serve") / "store"
    write_store(target, FIXTURE)
    return target


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    server, base = start(store_dir, timeout=10.0, max_rows=100)
    yield base
    stop(server)


def get(url: str, accept: str | None = None, data: bytes | None = None,
        ctype: str | None = None, method: str | None = None) -> tuple[int, dict, bytes]:
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", ctype)) if v}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def query_url(base: str, query: str, **extra: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query, **extra})


def test_binds_loopback_by_default(endpoint: str) -> None:
    assert endpoint.startswith("http://127.0.0.1:")


def test_get_defaults_to_sparql_json(endpoint: str) -> None:
    status, headers, body = get(query_url(endpoint, SELECT))
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["s", "o"] and len(data["results"]["bindings"]) == 3
    assert "X-Result-Truncated" not in headers


@pytest.mark.parametrize("accept, fmt", [
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("text/csv;q=0.2, application/sparql-results+json", ox.QueryResultsFormat.JSON),
])
def test_accept_chooses_format(endpoint: str, accept: str, fmt) -> None:
    status, headers, body = get(query_url(endpoint, SELECT), accept=accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept.split(",")[-1].strip()
    assert len(list(ox.parse_query_results(body, format=fmt))) == 3


def test_csv(endpoint: str) -> None:
    status, headers, body = get(query_url(endpoint, SELECT), accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "s,o" and len(body.decode().splitlines()) == 4


def test_post_form_and_post_query(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, body = get(f"{endpoint}/sparql", data=form,
                          ctype="application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(f"{endpoint}/sparql", data=SELECT.encode(),
                          ctype="application/sparql-query", accept="text/csv")
    assert status == 200 and body.decode().startswith("s,o")


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES)])
def test_construct_as_rdf(endpoint: str, accept: str, fmt) -> None:
    status, headers, body = get(query_url(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }"), accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert len(list(ox.parse(body, format=fmt))) == 25


@pytest.mark.parametrize("how", ["param", "body", "query"])
def test_updates_are_forbidden(endpoint: str, how: str) -> None:
    update = "INSERT DATA { <http://e/a> <http://e/p> <http://e/b> }"
    if how == "param":
        answer = get(f"{endpoint}/sparql", data=urllib.parse.urlencode({"update": update}).encode(),
                     ctype="application/x-www-form-urlencoded")
    elif how == "body":
        answer = get(f"{endpoint}/sparql", data=update.encode(), ctype="application/sparql-update")
    else:
        answer = get(query_url(endpoint, update))
    assert answer[0] == 403 and b"E030" in answer[2]
    status, _, body = get(query_url(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "text/csv")
    assert body.decode().splitlines()[1] == "25"


def test_service_and_bad_syntax(endpoint: str) -> None:
    status, _, body = get(query_url(endpoint, "SELECT * { SERVICE <http://127.0.0.1:9/> {} }"))
    assert status == 403 and b"E133" in body
    status, _, body = get(query_url(endpoint, "SELECT * WHERE {"))
    assert status == 400 and b"E131" in body and b"syntax" in body
    status, _, _ = get(f"{endpoint}/sparql")
    assert status == 400


def test_other_methods_and_paths(endpoint: str) -> None:
    status, headers, _ = get(f"{endpoint}/sparql", data=b"x", method="PUT")
    assert status == 405 and headers["Allow"] == "GET, POST"
    assert get(f"{endpoint}/sparql", method="DELETE")[0] == 405
    assert get(f"{endpoint}/store")[0] == 404
    status, _, _ = get(f"{endpoint}/sparql", data=b"query=x", ctype="text/plain")
    assert status == 415


def test_body_size_is_limited(endpoint: str) -> None:
    host, port = urllib.parse.urlsplit(endpoint).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(MAX_BODY + 1))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()


def test_html_page_and_table(endpoint: str) -> None:
    status, headers, body = get(f"{endpoint}/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<form" in page and "<textarea name=query" in page and "action=/sparql" in page
    assert "<script" not in page and "http://" not in page.split("<textarea")[0]
    assert "<code>VALUES ?document { … }</code>" in page
    status, headers, body = get(query_url(endpoint, SELECT, format="html"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.decode().count("<tr>") == 4 and "Ville de Paris" in body.decode()
    status, _, body = get(query_url(endpoint, "SELECT * {", format="html"))
    assert status == 400 and b"<form" in body and b"E131" in body


def test_max_rows_sets_header(store_dir: Path) -> None:
    server, base = start(store_dir, max_rows=2)
    try:
        status, headers, body = get(query_url(base, SELECT))
        assert status == 200 and headers["X-Result-Truncated"] == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 2
    finally:
        stop(server)


def test_timeout_kills_query_and_server_recovers(tmp_path: Path) -> None:
    quads = tmp_path / "big.nq"
    quads.write_text("".join(f'<http://e/{i}> <http://e/p> "{i}" <http://e/g> .\n'
                             for i in range(3000)))
    write_store(tmp_path / "store", quads)
    server, base = start(tmp_path / "store", timeout=0.5)
    try:
        slow = "SELECT (COUNT(*) AS ?n) { ?a ?p ?o . ?b ?p ?c . ?d ?p ?e }"
        started = time.monotonic()
        status, _, body = get(query_url(base, slow))
        assert status == 503 and b"E132" in body
        assert time.monotonic() - started < 3
        assert get(query_url(base, "ASK { ?s ?p ?o }"))[0] == 200
        workers = list(server.idle)
    finally:
        stop(server)
    assert workers and all(w.proc.poll() is not None for w in workers)


def test_shutdown_closes_port(store_dir: Path) -> None:
    server, base = start(store_dir)
    assert get(query_url(base, "ASK {}"))[0] == 200
    stop(server)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(query_url(base, "ASK {}"), timeout=5)


def test_missing_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        make_server(tmp_path / "nothing", port=0)
    assert excinfo.value.code == "E011"


@given(st.text(), st.one_of(st.none(), st.text()))
def test_negotiate_never_raises(accept: str, fmt: str | None) -> None:
    chosen = negotiate(accept, fmt)
    assert chosen["graph"] in ("turtle", "ntriples", "html", None)
    assert chosen["select"] in ("json", "xml", "csv", "tsv", "html", None)
    assert chosen["ask"] == chosen["select"]
