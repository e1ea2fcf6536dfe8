"""CPU seconds of one cold build split into the parse, the rules and the rest (ingestion,
resolution, quads, serialisations, store, network, delivery), in one process.

    .venv/bin/python bench/cpu_split.py [--size 0.2] [--repeat 2]

A build with ``--no-overlap`` after a warm-up build of ``corpus/`` (models and knowledge
loaded), timed with ``time.process_time`` around ``parse_batch`` and ``extract_one``: CPU
time, which the other processes of a shared machine inflate far less than wall time, so two
checkouts can be compared (``PYTHONPATH=CHECKOUT``) when ``bench/run.py``'s ratio swings
with the load. Under py-spy (``py-spy record -f raw -- python bench/cpu_split.py``) the same
run gives the per-stage table of ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import extractor.build.extract as extract
from corpus import generate
from extractor.build.run import build

ROOT = Path(__file__).resolve().parent.parent


class _Timed:
    """A function of ``extract`` wrapped to add up the CPU it takes."""

    def __init__(self, name: str) -> None:
        self.function = getattr(extract, name)
        self.seconds = 0.0
        setattr(extract, name, self)

    def __call__(self, *args: Any) -> Any:
        started = time.process_time()
        try:
            return self.function(*args)
        finally:
            self.seconds += time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=0.2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cpu-split-"))
    files = generate(work / "in", args.size)
    build([ROOT / "corpus"], work / "warm", cache=False, overlap=False)
    parse, rules = _Timed("parse_batch"), _Timed("extract_one")
    for _ in range(args.repeat):
        shutil.rmtree(work / "out", ignore_errors=True)
        parse.seconds = rules.seconds = 0.0
        started, cpu = time.perf_counter(), time.process_time()
        build([work / "in"], work / "out", cache=False, overlap=False)
        total = time.process_time() - cpu
        rest = total - parse.seconds - rules.seconds
        print(f"{len(files)} documents: wall {time.perf_counter() - started:.1f} s, CPU "
              f"{total:.1f} s = parse {parse.seconds:.1f} + rules {rules.seconds:.1f} + "
              f"rest {rest:.1f} (rules + rest = {(rules.seconds + rest) / parse.seconds:.2f} "
              f"× parse)", flush=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
