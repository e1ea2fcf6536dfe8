"""Where extraction runs: in this process, in N local processes, or on a Dask cluster.

Every executor maps chunks of documents to their :class:`DocResult` records and yields
them in input order, so the outputs (made afterwards from the records) are the same
whichever runs the extraction. Work is streamed: only a few chunks per worker are in
flight, so memory stays flat on any corpus size. Worker processes are started with
``spawn`` (safe with spaCy's threads) and load each model once, on their first document.

With one job and two cores, a helper process extracts in two workers sharing its models
while this one writes the outputs (:mod:`helper`): the stages overlap and both cores work.

Error codes of this module: ``E170`` unknown executor; ``E171`` Dask is not installed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from extractor.build import helper
from extractor.build.extract import DocResult, extract_batch
from extractor.errors import error
from extractor.records import Document

T = TypeVar("T")
Results = Iterator[tuple[T, list[DocResult]]]
EXECUTORS = ("local", "dask")


def extract_documents(documents: list[Document]) -> list[DocResult]:
    """Extract one chunk (the unit of work sent to a process or a Dask worker)."""
    return list(extract_batch(documents))


class SerialExecutor:
    """Extraction in this process, chunk after chunk."""

    workers = 1

    def map(self, chunks: Iterable[tuple[T, list[Document]]]) -> Results[T]:
        for tag, documents in chunks:
            yield tag, extract_documents(documents) if documents else []

    def close(self) -> None:
        pass


class WindowedExecutor:
    """Keeps ``2 × workers`` chunks in flight and hands results back in submission order."""

    workers = 1

    def submit(self, documents: list[Document]) -> Any:
        raise NotImplementedError

    def map(self, chunks: Iterable[tuple[T, list[Document]]]) -> Results[T]:
        pending: deque[tuple[T, Any]] = deque()
        for tag, documents in chunks:
            pending.append((tag, self.submit(documents) if documents else None))
            while len(pending) > 2 * self.workers:
                yield self._done(pending.popleft())
        while pending:
            yield self._done(pending.popleft())

    @staticmethod
    def _done(item: tuple[T, Any]) -> tuple[T, list[DocResult]]:
        tag, future = item
        return tag, (future.result() if future is not None else [])


class ParseAheadExecutor(WindowedExecutor):
    """Extraction in the workers of the helper process (:mod:`helper`), the writing here,
    overlapping. Two chunks in flight per worker keep every worker busy."""

    def __init__(self) -> None:
        self.workers = helper.worker_count()

    def submit(self, documents: list[Document]) -> Any:
        return documents, helper.submit_extract(documents)

    @staticmethod
    def _done(item: tuple[T, Any]) -> tuple[T, list[DocResult]]:
        tag, pending = item
        if pending is None:
            return tag, []
        documents, future = pending
        try:
            return tag, future.result()
        except helper.HelperDied as exc:
            logging.getLogger(__name__).warning("%s: extracting this chunk here instead", exc)
            return tag, extract_documents(documents)

    def close(self) -> None:
        pass


class ProcessExecutor(WindowedExecutor):
    """``jobs`` local worker processes (``spawn`` context)."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs,
                                        mp_context=multiprocessing.get_context("spawn"))

    def submit(self, documents: list[Document]) -> Any:
        return self.pool.submit(extract_documents, documents)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(WindowedExecutor):
    """Chunks sent to a Dask cluster: ``scheduler`` address, or a local cluster of ``jobs``."""

    def __init__(self, jobs: int, scheduler: str | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise error("E171") from exc
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.WARNING)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def submit(self, documents: list[Document]) -> Any:
        return self.client.submit(extract_documents, documents, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


Executor = SerialExecutor | WindowedExecutor


def overlap_by_default() -> bool:
    """Extract in a helper process when there is a second core to run it on."""
    return len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1) >= 2


@contextmanager
def open_executor(kind: str = "local", jobs: int = 1, scheduler: str | None = None,
                  overlap: bool | None = None) -> Iterator[Executor]:
    """The executor named ``kind``. ``local`` with one job extracts in a helper process's
    workers while the outputs are written here (``overlap``, by default when two cores
    are available), or runs everything in this process."""
    if kind not in EXECUTORS:
        raise error("E170", kind=kind, choices=", ".join(EXECUTORS))
    jobs = max(1, int(jobs))
    executor: Executor
    if kind == "dask":
        executor = DaskExecutor(jobs, scheduler)
    elif jobs > 1:
        executor = ProcessExecutor(jobs)
    elif overlap if overlap is not None else overlap_by_default():
        executor = ParseAheadExecutor()
    else:
        executor = SerialExecutor()
    try:
        yield executor
    finally:
        executor.close()
