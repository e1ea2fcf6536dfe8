"""Extraction in a helper process with two workers, the writing in this one, overlapping.

Parsing and the rules are most of a build and hold the GIL, so in one process the writers
and the store wait for them, and one core is left idle. Here one long-lived helper
(:mod:`helper_server`) loads the models once and forks workers that share them
(copy-on-write): each takes the next chunk of documents when it is free, parses it and
runs the rules, and sends back the :class:`DocResult` records. This process only resolves
and writes, while the workers extract the next chunks. The results are the same as
extracting here (``tests/build/test_executors.py``).

The helper is a plain ``python -m extractor.build.helper_server`` subprocess speaking
pickles over its pipes, not a ``multiprocessing`` one: ``spawn`` re-imports the caller's
main module, so a script calling :func:`build.build` without an ``if __name__ ==
"__main__"`` guard would run again in the child. Requests are numbered and replies carry
the number (two workers answer in the order they finish). Two threads move requests and
replies, so neither side ever blocks on a full pipe.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from itertools import count
from pathlib import Path
from typing import Any

from extractor.build.extract import DocResult
from extractor.nlp.models import config
from extractor.records import Document


class HelperDied(RuntimeError):
    """The helper process ended before answering (killed, out of memory, crashed)."""


def worker_count() -> int:
    """Workers in the helper: ``extract_processes`` of ``models.yaml``, at most one per
    core (each costs its working memory, ≈ 300 MB, not a second copy of the models)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    return max(1, min(int(config().get("extract_processes", 1)), cores))


class Helper:
    """The helper process and the futures of the calls it has not answered yet."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.workers = worker_count()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "extractor.build.helper_server", str(self.workers)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.requests: queue.Queue[tuple[int, str, tuple[Any, ...]] | None] = queue.Queue()
        self.waiting: dict[int, Future[Any]] = {}
        self.numbers = count()
        self.lock = threading.Lock()
        threading.Thread(target=self._send, daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def submit(self, name: str, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self.lock:
            if self.process.poll() is not None:
                code = self.process.returncode
                future.set_exception(HelperDied(f"extraction helper exited ({code})"))
                return future
            number = next(self.numbers)
            self.waiting[number] = future
            self.requests.put((number, name, args))
        return future

    def _send(self) -> None:
        pipe = self.process.stdin
        assert pipe is not None
        try:
            while (request := self.requests.get()) is not None:
                pickle.dump(request, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()
        except (BrokenPipeError, OSError):
            pass
        finally:
            pipe.close()

    def _receive(self) -> None:
        pipe = self.process.stdout
        assert pipe is not None
        while True:
            try:
                number, ok, value = pickle.load(pipe)
            except (EOFError, OSError, pickle.UnpicklingError):
                break
            with self.lock:
                future = self.waiting.pop(number)
            (future.set_result if ok else future.set_exception)(value)
        code = self.process.wait()
        with self.lock:
            for future in self.waiting.values():
                future.set_exception(HelperDied(f"extraction helper exited ({code})"))
            self.waiting.clear()

    def stop(self) -> None:
        self.requests.put(None)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_helper: Helper | None = None


def helper() -> Helper:
    """The helper process, started on first use and kept for the life of this one."""
    global _helper
    if _helper is None or _helper.process.poll() is not None:
        if _helper is None:
            atexit.register(stop_helper)
        _helper = Helper()
    return _helper


def stop_helper() -> None:
    global _helper
    if _helper is not None:
        _helper.stop()
        _helper = None


def submit_extract(documents: Sequence[Document]) -> Future[list[DocResult]]:
    """The results of ``documents``, extracted by the first free worker."""
    return helper().submit("extract", list(documents))


def preload(languages: Sequence[str]) -> None:
    """Start the helper and load its models now, before its workers are forked (the
    benchmark times builds, not loading)."""
    helper().submit("load", list(languages)).result()


def helper_peak_mb() -> float:
    """Peak resident memory of the helper and its workers added up, 0 when none runs (for
    the benchmark; the pages they share are counted in each, so this is an upper bound)."""
    return helper().submit("peak").result() if _helper is not None else 0.0
