"""The extraction helper's side: models loaded once, then workers forked to share them.

Bare ``nlp.pipe`` keeps one core busy. The helper loads every installed model, extracts
the first chunk itself (which loads the knowledge files the rules read), then forks
``extract_processes`` workers (``ontology/models.yaml``, at most one per core). The forked
workers share the loaded weights, vocabulary, tokenizer tables and knowledge page for page
(copy-on-write), so a second worker costs its working memory, not a second model (≈ 500
MB for the French medium model). From then on this process only hands requests out: each
worker takes the next one from a queue when it is free, so a short chunk never leaves one
idle behind a long one, and writes its reply under one lock, tagged with the request's
number; the caller matches replies to requests (:class:`helper.Helper`).

Started as ``python -m extractor.build.helper_server N`` by :mod:`helper`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO, Any

from extractor.build.executors import extract_documents
from extractor.errors import PlangraphError
from extractor.nlp.models import config, load_model, supported_languages
from extractor.records import Document

# (request number, call name, arguments); None tells a worker to stop
Request = tuple[int, str, tuple[Any, ...]] | None
_ORPHAN_CHECK = 1.0  # seconds between a worker's checks that the helper still lives


def load_languages(languages: Sequence[str]) -> None:
    """Load the models of ``languages`` (once per process: :func:`load_model` caches)."""
    for lang in languages:
        load_model(lang)


def load_installed() -> None:
    """Every configured model that is installed, before the fork, so all workers share
    it; a missing one fails later, on a document that needs it (E008 sent back)."""
    for lang in supported_languages():
        try:
            load_model(lang)
        except PlangraphError:
            continue


def warm_up() -> None:
    """Extract each installed language's ``warm_up`` sentence (``ontology/models.yaml``)
    once, before the fork: the rules build their patterns lazily, and one built here is
    shared by every worker instead of built again in each (about 2 s of CPU per worker
    for the registry and gazetteer alternations)."""
    docs = []
    for lang in supported_languages():
        text = (config().get(lang) or {}).get("warm_up")
        if text:
            docs.append(Document(id=f"warm-up-{lang}", path=f"warm-up-{lang}", text=str(text),
                                 lang=lang, sha256="", media_type="text/plain",
                                 published="2024-05-02"))
    try:
        extract_documents(docs)
    except PlangraphError:
        pass  # a model missing: the documents that need it report it


def _hwm_mb(pid: int) -> float:
    """Peak resident memory of process ``pid`` (``VmHWM``), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


CALLS: dict[str, Callable[..., Any]] = {"extract": extract_documents, "load": load_languages}


def _answer(number: int, name: str, args: tuple[Any, ...]) -> bytes:
    """The pickled reply to one call: (number, ok, value)."""
    try:
        reply: tuple[int, bool, Any] = (number, True, CALLS[name](*args))
    except Exception as exc:  # noqa: BLE001 - sent back and raised in the caller
        reply = (number, False, exc)
    try:
        return pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
        return pickle.dumps((number, False, RuntimeError(f"{name}: {exc!r}")))


def _write(replies: IO[bytes], lock: Any, data: bytes) -> bool:
    """One whole reply on the shared pipe; False when the build process has gone."""
    try:
        with lock:
            replies.write(data)
            replies.flush()
    except (BrokenPipeError, OSError):
        return False
    return True


def work_loop(work: Any, lock: Any, replies: IO[bytes], parent: int) -> None:
    """A worker: answer requests from ``work`` until told to stop, or until the helper
    is gone (killed), so a killed helper leaves no worker behind."""
    while True:
        try:
            request: Request = work.get(timeout=_ORPHAN_CHECK)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        if request is None or not _write(replies, lock, _answer(*request)):
            return


class Server:
    """The helper: answers here until the first chunk is extracted, then forks workers
    and hands them every later request."""

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        self.replies = sys.stdout.buffer
        # no fork (Windows): this process answers every request itself
        self.context = (multiprocessing.get_context("fork")
                        if "fork" in multiprocessing.get_all_start_methods() else None)
        self.lock: Any = self.context.Lock() if self.context else threading.Lock()
        self.work: Any = None
        self.workers: list[Any] = []

    def peak_mb(self) -> float:
        """This process's peak plus every worker's (shared pages counted in each)."""
        return _hwm_mb(os.getpid()) + sum(_hwm_mb(w.pid) for w in self.workers if w.pid)

    def handle(self, number: int, name: str, args: tuple[Any, ...]) -> None:
        """Answer ``peak`` at once; answer the rest here before the fork, else queue it."""
        if name == "peak":
            _write(self.replies, self.lock, pickle.dumps((number, True, self.peak_mb())))
        elif self.work is None:
            _write(self.replies, self.lock, _answer(number, name, args))
            if name == "extract" and self.context is not None:
                self.fork()
        else:
            self.work.put((number, name, args))

    def fork(self) -> None:
        """Start the workers; from now on they do every extraction. The objects loaded so
        far are frozen out of the garbage collector first: its passes write to every
        object they visit, which would copy the shared pages into each worker."""
        assert self.context is not None
        warm_up()
        gc.freeze()
        self.work = self.context.Queue()
        self.workers = [self.context.Process(
            target=work_loop, args=(self.work, self.lock, self.replies, os.getpid()),
            daemon=True) for _ in range(self.count)]
        for worker in self.workers:
            worker.start()

    def stop(self) -> None:
        if self.work is not None:
            for _ in self.workers:
                self.work.put(None)
        for worker in self.workers:
            worker.join(timeout=10)


def serve(count: int) -> None:
    """The helper's loop: one pickled (number, call, arguments) in at a time."""
    requests = sys.stdin.buffer
    server = Server(count)
    sys.stdout = sys.stderr  # stray prints must not corrupt the reply stream
    load_installed()
    try:
        while True:
            try:
                number, name, args = pickle.load(requests)
            except (EOFError, OSError, pickle.UnpicklingError):
                return
            server.handle(number, name, args)
    finally:
        server.stop()


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
