"""The extraction helper: workers forked from one process that holds the models, replies
matched to requests whatever order they finish in, no worker left behind a killed helper."""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import time
from pathlib import Path

import pytest

from extractor.build import helper, helper_server
from extractor.build.executors import extract_documents
from extractor.ingest.documents import read_document
from extractor.nlp import models
from tests.conftest import CORPUS

DOCS = sorted(CORPUS.glob("*.txt"))


def _children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (Linux)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return {int(p) for p in handle.read().split()}
    except OSError:
        return set()


def _gone(pids: set[int], within: float) -> bool:
    """Whether every process of ``pids`` has ended (polled until ``within`` seconds)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{p}").exists() and "zombie" not in _state(p) for p in pids):
            return True
        time.sleep(0.2)
    return False


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            return next((line for line in handle if line.startswith("State:")), "").lower()
    except OSError:
        return "zombie"


def test_worker_count_is_the_configured_number_capped_by_the_cores(monkeypatch):
    monkeypatch.setitem(models.config(), "extract_processes", 3)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert helper.worker_count() == 2
    monkeypatch.setitem(models.config(), "extract_processes", 1)
    assert helper.worker_count() == 1
    monkeypatch.setitem(models.config(), "extract_processes", 4)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert helper.worker_count() == 1


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_replies_in_any_order_reach_their_requests_and_workers_die_with_the_helper():
    """A long chunk then short ones: the workers finish them out of order, and each
    future still gets the results of its own documents, equal to extracting here."""
    helper.stop_helper()
    documents = [read_document(p, CORPUS) for p in DOCS]
    expected = {r.document.id: r for r in extract_documents(documents)}
    running = helper.helper()
    try:
        first = helper.submit_extract(documents[:1]).result(timeout=300)  # forks the workers
        chunks = [documents[1:], *([d] for d in documents[1:])]
        futures = [helper.submit_extract(chunk) for chunk in chunks]
        answers = [f.result(timeout=300) for f in futures]
        workers = _children(running.process.pid)
        assert len(workers) == running.workers
    finally:
        running.process.kill()
        running.process.wait()
    assert [r.document.id for r in first] == [documents[0].id]
    for chunk, results in zip(chunks, answers, strict=True):
        assert [r.document.id for r in results] == [d.id for d in chunk]
        assert results == [expected[d.id] for d in chunk]
    assert _gone(workers, within=15), "a worker outlived its killed helper"


def test_without_fork_the_helper_answers_every_request_itself(monkeypatch):
    """Where ``fork`` does not exist (Windows), nothing is forked and nothing is lost."""
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    server = helper_server.Server(2)
    server.replies = io.BytesIO()
    for number, name, args in [(0, "extract", ([],)), (1, "load", ([],)), (2, "extract", ([],)),
                               (3, "peak", ())]:
        server.handle(number, name, args)
    server.stop()
    server.replies.seek(0)
    replies = [pickle.load(server.replies) for _ in range(4)]
    assert server.workers == [] and server.work is None
    assert [r[:2] for r in replies] == [(0, True), (1, True), (2, True), (3, True)]
    assert replies[0][2] == [] and replies[3][2] > 0


def test_every_language_has_a_warm_up_sentence_that_exercises_the_rules() -> None:
    """The helper extracts these before it forks (``helper_server.warm_up``), so the rules'
    lazily built patterns are built once and shared by the workers: each sentence must reach
    mentions and claims, or the workers build them again."""
    from extractor.build.executors import extract_documents
    from extractor.build.helper_server import warm_up
    from extractor.nlp.models import config, supported_languages
    from extractor.records import Document

    warm_up()
    for lang in supported_languages():
        text = str(config()[lang]["warm_up"])
        doc = Document(id="w", path="w", text=text, lang=lang, sha256="",
                       media_type="text/plain", published="2024-05-02")
        (result,) = extract_documents([doc])
        assert result.claims and {m.type for m in result.mentions} >= {
            "Organization", "Place", "Money", "Quantity", "Date"}
