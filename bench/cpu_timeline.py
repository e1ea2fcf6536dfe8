"""CPU of each process of a cold build, sampled every half second: where a build waits.

    .venv/bin/python bench/cpu_timeline.py [--size 1.0] [--every 0.5]

Generates the benchmark corpus (``bench/corpus.py``), loads the extraction helper's models
and builds once to warm up (as ``bench/run.py`` does), then builds again while a thread
reads the CPU time of this process (the build, the store's loading thread included) and of
the helper and its workers from ``/proc``. Each line is a sample: seconds since the start
and the cores each process used since the last sample. A worker at 0 while the other works
is a tail (the last chunk extracted alone); the build process at 2 cores with the workers
idle is the end of the build (delivery, network files, the store's last loads and
compaction). Linux only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from extractor.build import helper
from extractor.build.run import build
from extractor.nlp.models import supported_languages

_TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """The process and its descendants."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *(p for c in children for p in _tree(int(c)))]


def _cpu(pid: int) -> float:
    """User and system CPU seconds of a process (its threads included)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--every", type=float, default=0.5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    folder = work / "corpus"
    subprocess.run([sys.executable, str(Path(__file__).parent / "corpus.py"), str(folder),
                    "--size", str(args.size)], check=True, capture_output=True)
    helper.preload(supported_languages())
    build([folder], work / "warm", cache=False)
    samples: list[tuple[float, dict[int, float]]] = []
    done = threading.Event()

    def sample() -> None:
        last: dict[int, float] = {}
        started = time.perf_counter()
        while not done.is_set():
            used = {}
            for pid in _tree(os.getpid()):
                now = _cpu(pid)
                used[pid] = (now - last.get(pid, now)) / args.every
                last[pid] = now
            samples.append((time.perf_counter() - started, used))
            time.sleep(args.every)

    thread = threading.Thread(target=sample)
    thread.start()
    started = time.perf_counter()
    build([folder], work / "cold", cache=False)
    wall = time.perf_counter() - started
    done.set()
    thread.join()
    shutil.rmtree(work)
    print(f"cold build {wall:.1f} s; cores used by the build process | each helper process")
    for at, used in samples:
        own = used.pop(os.getpid(), 0.0)
        others = " ".join(f"{u:4.2f}" for _, u in sorted(used.items()))
        print(f"{at:6.1f} s  {own:4.2f} | {others}")


if __name__ == "__main__":
    main()
