"""spaCy in a helper process, the rules in this one, so the two overlap on two cores.

Parsing is most of an extraction and holds the GIL, so in one process the rules, the
spool and the outputs wait for it. Here one long-lived helper process (models loaded
once) parses chunks of documents and sends them back as spaCy ``DocBin`` bytes (every
attribute the rules read: text, tags, morphology, lemmas, heads, labels, entities,
sentence starts; not the tok2vec tensor, which nothing reads). This process rebuilds the
Docs on a blank vocabulary of the same language and runs the rules while the helper parses
the next chunks. The results are the same as parsing here (``tests/test_executors.py``).

The helper is a plain ``python -m extractor.nlp.parse_ahead`` subprocess speaking pickles over
its pipes, not a ``multiprocessing`` one: ``spawn`` re-imports the caller's main module,
so a script calling :func:`build.build` without an ``if __name__ == "__main__"`` guard
would run again in the child. Two threads move requests and replies, so neither side
ever blocks on a full pipe.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import resource
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from functools import cache
from pathlib import Path
from typing import Any

from extractor.records import Document

# (language, DocBin bytes, (document index, piece offset) for each Doc in the bin)
Payload = list[tuple[str, bytes, list[tuple[int, int]]]]


class HelperDied(RuntimeError):
    """The helper process ended before answering (killed, out of memory, crashed)."""


def parse_to_bytes(documents: Sequence[Document]) -> Payload:
    """In the helper: parse every piece, one ``DocBin`` per language."""
    from spacy.tokens import DocBin

    from extractor.nlp.models import parse_batch

    bins: dict[str, tuple[Any, list[tuple[int, int]]]] = {}
    for i, (document, parsed) in enumerate(zip(documents, parse_batch(documents),
                                               strict=True)):
        docbin, where = bins.setdefault(document.lang, (DocBin(store_user_data=False), []))
        for offset, doc in parsed:
            docbin.add(doc)
            where.append((i, offset))
    return [(lang, docbin.to_bytes(), where) for lang, (docbin, where) in bins.items()]


@cache
def vocab(lang: str) -> Any:
    """A blank vocabulary of ``lang`` (its lexical attributes: like_num, is_stop…). The
    first call imports the language's data (seconds for French): the executor makes it
    while the helper parses the first chunk."""
    import spacy

    return spacy.blank(lang).vocab


def from_bytes(payload: Payload, count: int) -> list[list[tuple[int, Any]]]:
    """(piece offset, Doc) per document, as :func:`extract.parse_batch` returns them."""
    from spacy.tokens import DocBin

    parsed: list[list[tuple[int, Any]]] = [[] for _ in range(count)]
    for lang, data, where in payload:
        docs = DocBin(store_user_data=False).from_bytes(data).get_docs(vocab(lang))
        for (i, offset), doc in zip(where, docs, strict=True):
            parsed[i].append((offset, doc))
    return parsed


def _load(languages: Sequence[str]) -> None:
    from extractor.nlp.models import load_model

    for lang in languages:
        load_model(lang)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CALLS: dict[str, Callable[..., Any]] = {"parse": parse_to_bytes, "load": _load,
                                        "peak": _peak_mb}


class Helper:
    """The helper process and the futures of the calls it has not answered yet."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen([sys.executable, "-m", "extractor.nlp.parse_ahead"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.requests: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue()
        self.waiting: deque[Future[Any]] = deque()
        self.lock = threading.Lock()
        threading.Thread(target=self._send, daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def submit(self, name: str, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self.lock:
            if self.process.poll() is not None:
                code = self.process.returncode
                future.set_exception(HelperDied(f"parsing helper exited ({code})"))
                return future
            self.waiting.append(future)
            self.requests.put((name, args))
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
                ok, value = pickle.load(pipe)
            except (EOFError, OSError, pickle.UnpicklingError):
                break
            with self.lock:
                future = self.waiting.popleft()
            (future.set_result if ok else future.set_exception)(value)
        code = self.process.wait()
        with self.lock:
            while self.waiting:
                self.waiting.popleft().set_exception(
                    HelperDied(f"parsing helper exited ({code})"))

    def stop(self) -> None:
        self.requests.put(None)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_helper: Helper | None = None


def helper() -> Helper:
    """The parsing process, started on first use and kept for the life of this one."""
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


def submit_parse(documents: Sequence[Document]) -> Future[Payload]:
    return helper().submit("parse", list(documents))


def preload(languages: Sequence[str]) -> None:
    """Start the helper and load its models now (the benchmark times builds, not loading)."""
    helper().submit("load", list(languages)).result()


def helper_peak_mb() -> float:
    """Peak resident memory of the helper process, 0 when none runs (for the benchmark)."""
    return helper().submit("peak").result() if _helper is not None else 0.0


def serve() -> None:
    """The helper's loop: one pickled (call, arguments) in, one (ok, value) out."""
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must not corrupt the reply stream
    while True:
        try:
            name, args = pickle.load(requests)
        except EOFError:
            return
        try:
            reply: tuple[bool, Any] = (True, CALLS[name](*args))
        except Exception as exc:  # noqa: BLE001 - sent back and raised in the caller
            reply = (False, exc)
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
            data = pickle.dumps((False, RuntimeError(f"{name}: {exc!r}")))
        try:
            replies.write(data)
            replies.flush()
        except (BrokenPipeError, OSError):  # the build process has gone: nothing to answer
            return


if __name__ == "__main__":
    serve()
