"""``push`` mirrors the build: graphs of documents gone are removed, in one transaction
when the server takes SPARQL Update, and a push that failed half-way is finished by the
next one."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractor.errors import PlangraphError
from extractor.read.push import MANIFEST, push, read_graphs, update_text
from tests.read import test_push
from tests.read.test_push import DOC_A, DOC_B, ENTITIES, FIXTURE, graph_counts

BASE = "https://w3id.org/plangraph/"
DOC_C = BASE + "document/doc-c-txt"
OLD = BASE + "document/doc-a-txt-older"  # pushed by an older version, in no manifest
OUTSIDE = "http://other.example/graph"  # another dataset on the same server


def _write_build(folder: Path, keep: set[str], extra: dict[str, int] | None = None) -> None:
    """plan.trig of the fixture with only the graphs ``keep``, plus ``extra`` new graphs."""
    quads = [q for q in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
             if q.graph_name.value in keep]
    for graph, count in (extra or {}).items():
        quads += [ox.Quad(ox.NamedNode(graph + "#s"), ox.NamedNode("http://e/p"),
                          ox.Literal(str(i)), ox.NamedNode(graph)) for i in range(count)]
    (folder / "plan.trig").write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG) or b"")


class FakeGraphStore(ThreadingHTTPServer):
    """A Graph Store Protocol server in memory that can fail chosen requests once."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.graphs: dict[str, bytes] = {}
        self.fail_once: set[str] = set()
        self.refuse_updates = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def counts(self) -> dict[str, int]:
        return {g: len(body.splitlines()) for g, body in self.graphs.items()
                if not g.endswith(MANIFEST)}


class _Handler(BaseHTTPRequestHandler):
    server: FakeGraphStore

    def log_message(self, *args: object) -> None:
        pass

    def _graph(self) -> str:
        query = urllib.parse.urlparse(self.path).query
        return urllib.parse.parse_qs(query).get("graph", [""])[0]

    def _answer(self, status: int, body: bytes = b"") -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        graph = self._graph()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if graph in self.server.fail_once:
            self.server.fail_once.discard(graph)
            return self._answer(500, b"disk full")
        self.server.graphs[graph] = body
        self._answer(204)

    def do_GET(self) -> None:  # noqa: N802
        body = self.server.graphs.get(self._graph())
        self._answer(404) if body is None else self._answer(200, body)

    def do_DELETE(self) -> None:  # noqa: N802
        found = self.server.graphs.pop(self._graph(), None)
        self._answer(404 if found is None else 204)

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        self._answer(500 if self.server.refuse_updates else 204, b"no")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server (skipped when its binary is not installed)."""
    yield from test_push.oxigraph.__wrapped__(tmp_path)  # type: ignore[attr-defined]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A build folder holding the fixture's plan.trig."""
    return test_push.build_dir.__wrapped__(tmp_path)  # type: ignore[attr-defined]


@pytest.fixture
def fake() -> Iterator[FakeGraphStore]:
    server = FakeGraphStore()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_graphs_of_removed_documents_leave_the_server(server: str, folder: Path):
    push(folder, f"{server}/store")
    _write_build(folder, {DOC_A, ENTITIES}, {DOC_C: 3})
    report = push(folder, f"{server}/store")
    assert report.removed == [DOC_B]
    counts = graph_counts(server)
    counts.pop(BASE + MANIFEST)
    assert counts == {DOC_A: 11, DOC_C: 3, ENTITIES: 7}


def test_one_update_mirrors_the_build_and_leaves_other_data(server: str, folder: Path,
                                                            tmp_path: Path):
    other = tmp_path / "other"
    other.mkdir()
    _write_build(other, set(), {OLD: 2, OUTSIDE: 4})
    push(other, f"{server}/store")  # an older push, and another dataset
    _write_build(folder, {DOC_A, DOC_B, ENTITIES})
    report = push(folder, f"{server}/store", update_endpoint=f"{server}/update")
    assert report.graphs == {DOC_A: 11, DOC_B: 7, ENTITIES: 7}
    counts = graph_counts(server)
    assert counts.pop(BASE + MANIFEST) == 3
    assert counts == {DOC_A: 11, DOC_B: 7, ENTITIES: 7, OUTSIDE: 4}
    _write_build(folder, {DOC_A, ENTITIES})
    again = push(folder, f"{server}/store", update_endpoint=f"{server}/update")
    assert again.removed == [DOC_B]
    counts = graph_counts(server)
    counts.pop(BASE + MANIFEST)
    assert counts == {DOC_A: 11, ENTITIES: 7, OUTSIDE: 4}


def test_the_query_endpoint_finds_graphs_no_manifest_lists(server: str, folder: Path,
                                                           tmp_path: Path):
    other = tmp_path / "other"
    other.mkdir()
    _write_build(other, set(), {OLD: 2, OUTSIDE: 4})
    push(other, f"{server}/store")  # then its manifest is lost, as with older versions:
    manifest = f"{server}/store?graph=" + urllib.parse.quote(BASE + MANIFEST, safe="")
    urllib.request.urlopen(urllib.request.Request(manifest, method="DELETE"), timeout=10)
    report = push(folder, f"{server}/store", query_endpoint=f"{server}/query")
    assert report.removed == [OLD]
    assert OUTSIDE in graph_counts(server) and OLD not in graph_counts(server)


def test_a_push_stopped_half_way_is_finished_by_the_next(fake: FakeGraphStore,
                                                         folder: Path):
    push(folder, f"{fake.url}/store")
    assert fake.counts() == {DOC_A: 11, DOC_B: 7, ENTITIES: 7}
    _write_build(folder, {DOC_A, ENTITIES}, {DOC_C: 3})
    fake.fail_once.add(DOC_C)  # the second of three PUTs, before DOC_B is deleted
    with pytest.raises(PlangraphError) as excinfo:
        push(folder, f"{fake.url}/store")
    message = str(excinfo.value)
    assert excinfo.value.code == "E055" and "after 1 of 5" in message and "HTTP 500" in message
    assert DOC_B in fake.counts()  # half-way: the old graph is still there
    report = push(folder, f"{fake.url}/store")
    assert report.removed == [DOC_B]
    assert fake.counts() == {DOC_A: 11, DOC_C: 3, ENTITIES: 7}


def test_a_refused_update_changes_nothing(fake: FakeGraphStore, folder: Path):
    push(folder, f"{fake.url}/store")
    before = dict(fake.graphs)
    fake.refuse_updates = True
    with pytest.raises(PlangraphError) as excinfo:
        push(folder, f"{fake.url}/store", update_endpoint=f"{fake.url}/update")
    assert excinfo.value.code == "E056" and "HTTP 500" in str(excinfo.value)
    assert fake.graphs == before


def test_the_update_is_valid_sparql_for_every_graph(folder: Path):
    graphs = {q.graph_name.value for q in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)}
    text = update_text(read_graphs(folder / "plan.trig"), BASE + MANIFEST, BASE)
    store = ox.Store()
    store.update(text.decode("utf-8"))
    assert {g.value for g in store.named_graphs()} == graphs | {BASE + MANIFEST}
    assert len(store) == 25 + len(graphs)


def test_the_command_says_what_it_removed(fake: FakeGraphStore, folder: Path):
    from click.testing import CliRunner

    from extractor.cli import cli

    push(folder, f"{fake.url}/store")
    _write_build(folder, {DOC_A, ENTITIES})
    result = CliRunner().invoke(cli, ["push", "--endpoint", f"{fake.url}/store",
                                      "--out", str(folder)])
    assert result.exit_code == 0 and "removed 1 graphs" in result.output
    assert set(fake.counts()) == {DOC_A, ENTITIES}
