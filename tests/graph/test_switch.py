"""One switch for the whole build: a build killed at any instant leaves one whole build,
readers never see a store in the middle of a switch, and killed builds are cleaned up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractor.graph import staging
from extractor.graph.staging import Staging, clean_stale, staging_pid
from extractor.store import open_store, resolve_store, write_store
from tests.build.fakes import write_doc
from tests.conftest import FIXTURES, ROOT

# Runs a build in a child process that dies (os._exit: no cleanup, like SIGKILL) at one
# step of the switch. Extraction is replaced, so the child never loads spaCy.
CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from extractor.build import executors, run
    from extractor.build.extract import DocResult
    from extractor.graph import staging
    from extractor.store import StoreBuilder

    executors.extract_documents = lambda docs: [DocResult(d, (), ()) for d in docs]
    point = sys.argv[3]

    def dying(owner, name, before):
        real = getattr(owner, name)
        def step(*args, **kwargs):
            if before:
                os._exit(9)
            real(*args, **kwargs)
            os._exit(9)
        setattr(owner, name, step)

    if point == "after-store":
        dying(StoreBuilder, "commit", before=False)
    elif point == "before-switch":
        dying(staging, "switch_current", before=True)
    elif point == "after-switch":
        dying(staging, "switch_current", before=False)
    elif point == "while-linking":
        real_replace = staging._replace_with_link
        made = []
        def one_link_then_die(link, target):
            real_replace(link, target)
            made.append(link)
            if len(made) == 3:
                os._exit(9)
        staging._replace_with_link = one_link_then_die
    elif point == "before-prune":
        dying(staging, "prune_builds", before=True)
    run.build([Path(sys.argv[1])], Path(sys.argv[2]), overlap=False)
""")
OUTPUTS = ["plan.nq", "plan.trig", "plan.ttl", "plan.jsonld", "plan.graphml", "plan.gexf",
           "mentions.jsonl", "entities.jsonl", "claims.jsonl", "claims.csv",
           "build-report.json"]


def _run_child(src: Path, out: Path, point: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", CHILD, str(src), str(out), point],
                          env=env, cwd=ROOT, timeout=120).returncode


KNOWN = ("extra.txt", "plan.txt")


def _documents_everywhere(out: Path) -> set[tuple[str, ...]]:
    """The documents each output names: one element when all come from one build."""
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    seen = {tuple(sorted(report["documents"]))}
    for name in ("plan.nq", "plan.trig", "plan.ttl", "plan.jsonld"):
        text = (out / name).read_text(encoding="utf-8")
        seen.add(tuple(d for d in KNOWN if f'"{d}"' in text))
    store = open_store(out / "store")
    ids = {row["id"].value for row in store.query(
        "SELECT ?id WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/identifier> ?id } }")}
    seen.add(tuple(sorted(ids)))
    return seen


@pytest.fixture
def first_build(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    write_doc(src / "plan.txt")
    out = tmp_path / "out"
    assert _run_child(src, out, "none") == 0
    write_doc(src / "extra.txt", "extra")
    return src, out


@pytest.mark.parametrize("point", ["after-store", "before-switch", "after-switch",
                                   "before-prune"])
def test_a_killed_build_leaves_one_whole_build(first_build, point: str):
    src, out = first_build
    assert _run_child(src, out, point) == 9
    seen = _documents_everywhere(out)
    expected = {("plan.txt",)} if point in ("after-store", "before-switch") \
        else {("extra.txt", "plan.txt")}
    assert seen == expected
    assert _run_child(src, out, "none") == 0  # the next build cleans up after the dead one
    assert _documents_everywhere(out) == {("extra.txt", "plan.txt")}
    assert not list(out.glob(".staging-*"))
    assert len(list((out / ".builds").iterdir())) <= 2


def test_moving_from_the_older_layout_killed_half_way(tmp_path: Path):
    """Outputs of an older version are plain files: each is swapped for its link in one
    rename, the store waits at .store.old; a kill in between still reads, the next build
    finishes the move."""
    src, out = tmp_path / "in", tmp_path / "out"
    write_doc(src / "plan.txt")
    assert _run_child(src, out, "none") == 0
    for name in [*OUTPUTS, "store"]:  # turn the build back into the older layout
        target = (out / name).resolve()
        (out / name).unlink()
        os.rename(target, out / name)
    (out / "current").unlink()
    write_doc(src / "extra.txt", "extra")
    assert _run_child(src, out, "while-linking") == 9
    assert (out / "current").is_symlink()
    assert open_store(out / "store") is not None
    assert _run_child(src, out, "none") == 0
    assert all((out / name).is_symlink() for name in [*OUTPUTS, "store"])
    assert _documents_everywhere(out) == {("extra.txt", "plan.txt")}


def test_stale_staging_of_a_dead_build_is_removed_and_a_live_one_kept(tmp_path: Path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".staging-{dead.stdout.strip()}-abc"
    legacy = tmp_path / ".staging-k2j3x9"
    live = tmp_path / f".staging-{os.getppid()}-abc"
    for folder in (stale, legacy, live):
        (folder / "store").mkdir(parents=True)
    assert staging_pid(stale.name) == int(dead.stdout)
    assert sorted(clean_stale(tmp_path)) == sorted([stale, legacy])
    assert live.is_dir()


def test_a_second_build_of_one_folder_is_refused_while_the_first_runs(tmp_path: Path):
    first = Staging(tmp_path)
    try:
        with pytest.raises(Exception) as excinfo:
            Staging(tmp_path)
        assert getattr(excinfo.value, "code", None) == "E054"
    finally:
        first.discard()
    Staging(tmp_path).discard()


def _commit_store(out: Path, source: Path) -> None:
    """A build of nothing but a store from ``source`` (the switch is what is tested)."""
    stage = Staging(out)
    write_store(stage.store_dir, source)
    stage.commit([])


def test_readers_see_the_old_or_the_new_store_during_switches(tmp_path: Path):
    small = tmp_path / "small.nq"
    quads = list(ox.parse(path=str(FIXTURES / "small.trig"), format=ox.RdfFormat.TRIG))
    small.write_bytes(ox.serialize(quads[:5], format=ox.RdfFormat.N_QUADS) or b"")
    big = tmp_path / "big.nq"
    big.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    out = tmp_path / "out"
    _commit_store(out, small)
    counts: list[int] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def read_while_switching() -> None:
        while not done.is_set():
            try:
                counts.append(len(open_store(out / "store")))
            except BaseException as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(exc)

    reader = threading.Thread(target=read_while_switching)
    reader.start()
    try:
        for round_ in range(12):
            _commit_store(out, big if round_ % 2 == 0 else small)
    finally:
        done.set()
        reader.join()
    assert not failures, failures[:3]
    assert counts and set(counts) <= {5, len(quads)}


def test_a_store_path_is_resolved_to_one_build(tmp_path: Path):
    out = tmp_path / "out"
    _commit_store(out, FIXTURES / "small.trig")
    first = resolve_store(out / "store")
    assert first == [(out / staging.CURRENT).resolve() / "store"]
    _commit_store(out, FIXTURES / "small.trig")
    assert resolve_store(out / "store") != first and first[0].is_dir()  # the old one is kept
