"""The endpoint cannot be turned against its user: foreign Hosts and pages are refused,
CORS is off unless asked for, formats are negotiated honestly (406, Vary), and a query's
memory, answer size and a store swap under it are all bounded. Real HTTP on a free port."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.read import serve_worker
from extractor.read.serve import SparqlServer
from extractor.read.serve_worker import Ask
from extractor.store import open_store, write_store
from tests.read.test_serve import FIXTURE, SELECT, get, query_url, start, stop

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("guards") / "store"
    write_store(target, FIXTURE)
    return target


@pytest.fixture(scope="module")
def served(store_dir: Path) -> Iterator[tuple[SparqlServer, str]]:
    server, base = start(store_dir)
    yield server, base
    stop(server)


@pytest.fixture(scope="module")
def endpoint(served: tuple[SparqlServer, str]) -> str:
    return served[1]


@pytest.fixture(scope="module")
def port(served: tuple[SparqlServer, str]) -> int:
    return served[0].server_address[1]


def fetch(url: str, headers: dict[str, str], data: bytes | None = None,
          method: str | None = None) -> tuple[int, dict, bytes]:
    """``get`` with any request headers (Host, Origin, Sec-Fetch-*)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


# Host allow-list (DNS rebinding)

@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.2:{port}",
                                  "localhost.evil.example:{port}", ""])
def test_foreign_host_is_refused_everywhere(endpoint: str, port: int, host: str) -> None:
    for url in (query_url(endpoint, ASK), f"{endpoint}/"):
        status, _, body = fetch(url, {"Host": host.format(port=port)})
        assert status == 403 and b"E186" in body


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}",
                                  "LOCALHOST:{port}", "localhost"])
def test_loopback_names_are_served(endpoint: str, port: int, host: str) -> None:
    status, _, body = fetch(query_url(endpoint, ASK), {"Host": host.format(port=port)})
    assert status == 200 and b"true" in body


def test_allow_host_adds_names(store_dir: Path) -> None:
    server, base = start(store_dir, allow_hosts=["plans.example", "other.example:99"])
    port = server.server_address[1]
    try:
        assert fetch(query_url(base, ASK), {"Host": f"plans.example:{port}"})[0] == 200
        assert fetch(query_url(base, ASK), {"Host": "other.example:99"})[0] == 200
        assert fetch(query_url(base, ASK), {"Host": f"other.example:{port}"})[0] == 403
        assert fetch(query_url(base, ASK), {"Host": f"evil.example:{port}"})[0] == 403
    finally:
        stop(server)


# Origin and CORS

def test_no_cors_headers_unless_configured(endpoint: str, port: int) -> None:
    same = f"http://127.0.0.1:{port}"
    form = urllib.parse.urlencode({"query": ASK}).encode()
    for headers in ({}, {"Origin": same}):
        status, answer, _ = fetch(f"{endpoint}/sparql", {
            **headers, "Content-Type": "application/x-www-form-urlencoded"}, data=form)
        assert status == 200
        assert not [h for h in answer if h.lower().startswith("access-control-")]


@pytest.mark.parametrize("method", ["GET", "POST", "OPTIONS"])
def test_foreign_origin_is_refused(endpoint: str, method: str) -> None:
    data = urllib.parse.urlencode({"query": ASK}).encode() if method == "POST" else None
    headers = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
               "Content-Type": "application/x-www-form-urlencoded"}
    status, answer, body = fetch(query_url(endpoint, ASK), headers, data, method)
    assert status == 403 and b"E187" in body
    assert not [h for h in answer if h.lower().startswith("access-control-")]


@pytest.mark.parametrize("dest, mode, status", [
    ("image", "no-cors", 403), ("iframe", "navigate", 403), ("empty", "cors", 403),
    ("document", "navigate", 200)])
def test_cross_site_requests_without_origin(endpoint: str, dest: str, mode: str,
                                            status: int) -> None:
    headers = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": mode, "Sec-Fetch-Dest": dest}
    assert fetch(query_url(endpoint, ASK), headers)[0] == status
    headers["Sec-Fetch-Site"] = "same-origin"
    assert fetch(query_url(endpoint, ASK), headers)[0] == 200


def test_configured_cors_origin(store_dir: Path) -> None:
    server, base = start(store_dir, cors_origins=["https://app.example"])
    try:
        status, headers, _ = fetch(query_url(base, ASK), {"Origin": "https://app.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"
        assert headers["Vary"] == "Accept, Origin"
        status, headers, _ = fetch(f"{base}/sparql", {
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"},
            method="OPTIONS")
        assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
        assert fetch(query_url(base, ASK), {"Origin": "https://evil.example"})[0] == 403
    finally:
        stop(server)


# Content negotiation

def test_vary_accept_on_every_answer(endpoint: str, port: int) -> None:
    answers = [fetch(query_url(endpoint, ASK), {}), fetch(f"{endpoint}/", {}),
               fetch(f"{endpoint}/nowhere", {}), fetch(query_url(endpoint, "SELECT {"), {}),
               fetch(query_url(endpoint, ASK), {"Host": "evil.example"})]
    assert [status for status, _, _ in answers] == [200, 200, 404, 400, 403]
    assert all(headers["Vary"] == "Accept" for _, headers, _ in answers)


@pytest.mark.parametrize("query, accept", [
    (SELECT, "image/png"), (SELECT, "text/turtle"), ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv"),
    (ASK, "application/n-triples, text/turtle;q=0.5")])
def test_406_when_no_format_is_acceptable(endpoint: str, query: str, accept: str) -> None:
    status, headers, body = get(query_url(endpoint, query), accept=accept)
    assert status == 406 and b"E188" in body and headers["Vary"] == "Accept"


@pytest.mark.parametrize("accept, ctype", [
    ("*/*", "application/sparql-results+json"), ("text/*", "text/csv"),
    ("image/png, application/*;q=0.5", "application/sparql-results+json")])
def test_wildcards_are_acceptable(endpoint: str, accept: str, ctype: str) -> None:
    status, headers, _ = get(query_url(endpoint, SELECT), accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)


# Limits: memory, bytes

@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    quads = folder / "big.nq"
    quads.write_text("".join(f'<http://e/{i}> <http://e/p> "{i}" <http://e/g> .\n'
                             for i in range(3000)))
    write_store(folder / "store", quads)
    return folder / "store"


def test_memory_cap_stops_a_query_and_the_worker_is_replaced(big_store: Path) -> None:
    server, base = start(big_store, timeout=60.0, max_memory=200)
    try:
        heavy = "SELECT ?a ?b ?c { ?a ?p ?o . ?b ?p ?c } ORDER BY ?a ?b"  # 9 million rows
        status, _, body = get(query_url(base, heavy))
        assert status == 503 and b"E142" in body and b"200 MB" in body
        status, _, body = get(query_url(base, ASK))
        assert status == 200 and b"true" in body
    finally:
        stop(server)


def test_memory_error_in_python_answers_e142_and_retires_the_worker(
        store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def greedy(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(serve_worker, "run_query", greedy)
    ask = Ask(str(store_dir), ASK, {"select": "json", "ask": "json", "graph": "turtle"},
              10, 10_000)
    status, _, body, _, retire, _ = serve_worker._answer(ask, 300)
    assert (status, retire) == (503, True) and b"E142" in body and b"300 MB" in body


def test_answers_are_capped_in_bytes(store_dir: Path, big_store: Path) -> None:
    server, base = start(store_dir, max_bytes=300)
    try:
        status, _, body = get(query_url(base, SELECT))  # three labels: over 300 bytes in JSON
        assert status == 500 and b"E143" in body and b"300 bytes" in body
        assert get(query_url(base, ASK))[0] == 200
    finally:
        stop(server)
    server, base = start(big_store, max_bytes=5000)
    try:  # the literals alone are over the cap: refused before formatting
        status, _, body = get(query_url(base, "SELECT ?o { ?s ?p ?o }"), accept="text/csv")
        assert status == 500 and b"E143" in body
    finally:
        stop(server)


# A build swapping the store under a query

def test_storage_error_is_retried_once_after_reopening(store_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    def flaky_open(path: Path):
        opened.append(path)
        if len(opened) == 1:
            raise RuntimeError("Corruption: Sst file size mismatch between expected 1218 and 0")
        return open_store(path)

    monkeypatch.setattr(serve_worker, "open_store", flaky_open)
    monkeypatch.setattr(serve_worker, "SWAP_PAUSE", 0.0)
    ask = Ask(str(store_dir), ASK, {"select": "json", "ask": "json", "graph": "turtle"},
              10, 10_000)
    status, fmt, body, _, retire, _ = serve_worker._answer(ask, None)
    assert (status, fmt, retire) == (200, "json", False) and b"true" in body
    assert len(opened) == 2


def test_storage_error_twice_is_a_503_not_corruption(store_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_open(path: Path):
        raise OSError("Corruption: Sst file size mismatch")

    monkeypatch.setattr(serve_worker, "open_store", broken_open)
    monkeypatch.setattr(serve_worker, "SWAP_PAUSE", 0.0)
    ask = Ask(str(store_dir), ASK, {"select": "json", "ask": "json", "graph": "turtle"},
              10, 10_000)
    status, _, body, _, _, _ = serve_worker._answer(ask, None)
    assert status == 503 and b"E189" in body and b"Corruption" not in body


def test_queries_during_rebuilds_never_fail(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_store(store, FIXTURE)
    server, base = start(store)
    done = threading.Event()
    failures: list[tuple[int, bytes]] = []

    def rebuild() -> None:
        for _ in range(5):
            write_store(store, FIXTURE)
            done.wait(0.4)  # swaps further apart than the worker's pause before its retry
        done.set()

    builder = threading.Thread(target=rebuild)
    builder.start()
    try:
        count = 0
        while not done.is_set():
            status, _, body = get(query_url(base, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"),
                                  accept="text/csv")
            count += 1
            if status != 200 or body.decode().split() != ["n", "25"]:
                failures.append((status, body[:200]))
    finally:
        builder.join()
        stop(server)
    assert count > 10 and failures == []


# The command line

def test_cli_passes_the_guards(monkeypatch: pytest.MonkeyPatch, store_dir: Path) -> None:
    from extractor import cli
    from extractor.read import serve as serve_module

    seen: dict[str, object] = {}
    monkeypatch.setattr(serve_module, "serve", lambda store, **kw: seen.update(kw))
    result = CliRunner().invoke(cli.cli, [
        "serve", "--store", str(store_dir), "--allow-host", "a.example", "--allow-host",
        "b.example:80", "--cors-origin", "https://app.example", "--max-memory", "300",
        "--max-bytes", "1000"])
    assert result.exit_code == 0, result.output
    assert seen["allow_hosts"] == ("a.example", "b.example:80")
    assert seen["cors_origins"] == ("https://app.example",)
    assert (seen["max_memory"], seen["max_bytes"]) == (300, 1000)
