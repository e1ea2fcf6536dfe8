"""Pushing a build to a real Oxigraph server over the Graph Store HTTP Protocol."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractor.errors import PlangraphError
from extractor.read.push import push
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "small.trig"
DOC_A = "https://w3id.org/plangraph/document/doc-a-txt"
DOC_B = "https://w3id.org/plangraph/document/doc-b-txt"
ENTITIES = "https://w3id.org/plangraph/graph/entities"
DROPPED = "https://w3id.org/plangraph/claim/aaaa000000000002"
PUSHED = "https://w3id.org/plangraph/graph/push"  # the manifest: what the push mirrors


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sparql(base: str, query: str) -> dict:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def graph_counts(base: str) -> dict[str, int]:
    data = sparql(base, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "oxdata"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                sparql(base, "ASK {}")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("oxigraph server did not start")
                time.sleep(0.1)
        yield base
    finally:
        process.kill()
        process.wait()


@pytest.fixture
def build_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "build"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "plan.trig")
    return folder


def test_push_then_replace(oxigraph: str, build_dir: Path) -> None:
    report = push(build_dir, f"{oxigraph}/store")
    assert report.graphs == {DOC_A: 11, DOC_B: 7, ENTITIES: 7} and report.triples == 25
    assert graph_counts(oxigraph) == {DOC_A: 11, DOC_B: 7, ENTITIES: 7, PUSHED: 3}

    quads = [q for q in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
             if q.subject.value != DROPPED]
    (build_dir / "plan.trig").write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    push(build_dir, f"{oxigraph}/store")
    assert graph_counts(oxigraph) == {DOC_A: 7, DOC_B: 7, ENTITIES: 7, PUSHED: 3}
    assert sparql(oxigraph, f"ASK {{ GRAPH ?g {{ <{DROPPED}> ?p ?o }} }}")["boolean"] is False


def test_http_error_names_status(oxigraph: str, build_dir: Path) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        push(build_dir, f"{oxigraph}/no-such-path")
    assert excinfo.value.code == "E138" and "HTTP 404" in str(excinfo.value)


def test_connection_refused(build_dir: Path) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        push(build_dir, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    assert excinfo.value.code == "E137" and "connection refused" in str(excinfo.value)
    assert "\n" not in str(excinfo.value)


def test_missing_or_broken_build(tmp_path: Path) -> None:
    with pytest.raises(PlangraphError) as excinfo:
        push(tmp_path, "http://127.0.0.1:9/store")
    assert excinfo.value.code == "E001"
    (tmp_path / "plan.trig").write_text("<http://e/a> <http://e/p> .")
    with pytest.raises(PlangraphError) as excinfo:
        push(tmp_path, "http://127.0.0.1:9/store")
    assert excinfo.value.code == "E134"
