"""Executors: parallel and distributed extraction give the same graph as a serial build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor.build import helper
from extractor.build import run as build_module
from extractor.build.executors import WindowedExecutor, open_executor
from extractor.build.run import build
from extractor.errors import PlangraphError
from tests.conftest import CORPUS

DOCS = sorted(p.name for p in CORPUS.glob("*.txt"))[2:4]


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Two corpus documents and the sorted N-Quads of their serial build."""
    root = tmp_path_factory.mktemp("exec")
    src = root / "in"
    src.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, src / name)
    build([src], root / "serial", cache=False, overlap=False)
    return src, _nq(root / "serial")


def _nq(out: Path) -> list[str]:
    return sorted((out / "plan.nq").read_text(encoding="utf-8").splitlines())


class _Shuffled(WindowedExecutor):
    """Finishes later chunks first, to show results still come back in input order."""

    workers = 2

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=4)

    def submit(self, documents):
        delay = 0.05 if documents[0] == "first" else 0.0
        return self.pool.submit(lambda: (time.sleep(delay), [d.upper() for d in documents])[1])


def test_windowed_results_come_back_in_input_order():
    chunks = [(i, [name]) for i, name in enumerate(["first", "b", "c", "d", "e", "f"])]
    chunks.insert(3, (99, []))
    out = list(_Shuffled().map(chunks))
    assert [tag for tag, _ in out] == [0, 1, 2, 99, 3, 4, 5]
    assert out[0][1] == ["FIRST"] and out[3][1] == []


def test_unknown_executor_is_an_error():
    with pytest.raises(PlangraphError) as caught, open_executor("cloud"):
        pass
    assert caught.value.code == "E170"


def test_two_processes_give_the_serial_graph(two_docs, tmp_path, monkeypatch):
    src, expected = two_docs
    monkeypatch.setattr(build_module, "PARALLEL_BATCH", 1)  # one document per worker
    report = build([src], tmp_path / "out", jobs=2, cache=False)
    assert report.documents == DOCS
    assert _nq(tmp_path / "out") == expected


def test_dask_local_cluster_gives_the_serial_graph(two_docs, tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed "
                        "(optional: pip install 'dask[distributed]')")
    src, expected = two_docs
    monkeypatch.setattr(build_module, "PARALLEL_BATCH", 1)
    report = build([src], tmp_path / "out", jobs=2, executor="dask", cache=False)
    assert report.documents == DOCS
    assert _nq(tmp_path / "out") == expected


def test_parsing_ahead_in_a_helper_gives_the_serial_graph(two_docs, tmp_path, monkeypatch):
    src, expected = two_docs
    monkeypatch.setattr(build_module, "OVERLAP_BATCH", 1)  # several chunks in flight
    report = build([src], tmp_path / "out", cache=False, overlap=True)
    assert report.documents == DOCS
    assert _nq(tmp_path / "out") == expected


def test_a_dead_helper_costs_no_document(two_docs, tmp_path, monkeypatch):
    src, expected = two_docs

    def dead(documents):
        future: Future = Future()
        future.set_exception(helper.HelperDied("extraction helper exited (-9)"))
        return future

    monkeypatch.setattr(helper, "submit_extract", dead)
    report = build([src], tmp_path / "out", cache=False, overlap=True)
    assert report.documents == DOCS and not report.errors
    assert _nq(tmp_path / "out") == expected


def test_a_killed_helper_is_reported_then_replaced():
    first = helper.helper()
    first.process.kill()
    first.process.wait()
    with pytest.raises(helper.HelperDied):
        first.submit("peak").result(timeout=30)
    assert helper.helper() is not first
    assert helper.helper().submit("peak").result(timeout=30) > 0


def test_a_script_without_main_guard_builds_once(tmp_path):
    """The helper is a plain subprocess: the caller's module is not imported again."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / DOCS[0], src / DOCS[0])
    script = tmp_path / "script.py"
    script.write_text("from pathlib import Path\nfrom extractor.build.run import build\n"
                      f"print('run')\nr = build([Path({str(src)!r})], Path({str(tmp_path / 'out')!r}),"
                      " overlap=True)\nprint(len(r.documents), r.errors)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["run", "1 []"]


def test_chunks_shrink_at_the_end_so_workers_finish_together() -> None:
    """With the number of documents known, the last chunks hold a quarter of what is left
    (down to one): no worker extracts a full last chunk while the other idles."""
    sizes = [len(b) for b in build_module._batches(range(87), 8, 2, 87)]
    assert sum(sizes) == 87 and sizes[0] == 2 and max(sizes) == 8
    tail = sizes[sizes.index(8, 1):]
    assert tail == sorted(tail, reverse=True) and sizes[-1] == 1
    assert all(s <= max(1, -(-(87 - sum(sizes[:i])) // 4))
               for i, s in enumerate(sizes) if 87 - sum(sizes[:i]) < 32 and i)
    # unknown total (a serial build): fixed chunks, as before
    assert [len(b) for b in build_module._batches(range(40), 32)] == [32, 8]
