"""The store's loading thread runs at the build's own priority: at nice 19 the extraction
workers starved it, and its last seconds of loading were left for the end of the build."""

from __future__ import annotations

import os
import threading

import pytest

from extractor.store import StoreBuilder


class _Recording:
    """Stands for the Oxigraph store: records the priority of the thread that loads."""

    def __init__(self) -> None:
        self.priorities: list[int] = []

    def bulk_load(self, **_: object) -> None:
        self.priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    def flush(self) -> None:
        pass

    def optimize(self) -> None:
        pass


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX thread priorities")
def test_the_store_loads_at_the_priority_of_the_build(tmp_path):
    builder = StoreBuilder(tmp_path / "store")
    recording = _Recording()
    real, builder.store = builder.store, recording  # type: ignore[assignment]
    try:
        builder.add(b"<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> .\n")
        builder.end_input()
        builder._thread.join(timeout=30)
    finally:
        builder.store = real
        builder.discard()
    assert recording.priorities == [os.getpriority(os.PRIO_PROCESS, 0)]
