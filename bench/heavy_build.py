"""Peak memory of a whole build of one long document (the issue's "10,000 short sentences").

    .venv/bin/python bench/heavy_build.py [--sentences 10000]

Writes a text of N sentences, each naming an actor, a count and a date (every sentence
gives a claim and four mentions), builds it with the installed ``plangraph`` and prints the
wall time, the peak resident memory of the build process and of the biggest process of its
extraction helper (the helper or one of its workers), and the peak of the whole tree's
summed PSS (the workers share the helper's models: each shared page counted once), sampled
from ``/proc`` every 0.2 s. Not a test: a figure for ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (0 once it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def descendants(pid: int) -> list[int]:
    """Children, grandchildren…: the helper and its forked workers."""
    found = children(pid)
    for child in list(found):
        found.extend(descendants(child))
    return found


def pss_mb(pid: int) -> float:
    """Proportional set size: private pages plus a share of the shared ones."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="heavy-"))
    (work / "in").mkdir()
    text = " ".join(f"La Ville de Lyon a ouvert {i % 90 + 10} places le {i % 28 + 1} mars 2024."
                    for i in range(args.sentences))
    (work / "in" / "long.txt").write_text(text + "\n", encoding="utf-8")
    plangraph = str(Path(sys.executable).with_name("plangraph"))
    started = time.time()
    env = {**os.environ, "PLANGRAPH_MAX_TEXT_CHARS": str(max(500_000, len(text) + 1))}
    proc = subprocess.Popen([plangraph, "build", str(work / "in"), "--out", str(work / "out"),
                             "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)  # 10,000 sentences are over the default text limit (E041)
    build = worker = tree = 0.0
    while proc.poll() is None:
        build = max(build, rss_mb(proc.pid))
        helpers = descendants(proc.pid)
        worker = max([worker, *(rss_mb(c) for c in helpers)])
        tree = max(tree, pss_mb(proc.pid) + sum(pss_mb(c) for c in helpers))
        time.sleep(0.2)
    print(f"{len(text):,} characters, {args.sentences:,} sentences: {time.time() - started:.1f} s,"
          f" build {build:.0f} MB, biggest helper process {worker:.0f} MB, all processes "
          f"{tree:.0f} MB (summed PSS) (exit {proc.returncode})")


if __name__ == "__main__":
    main()
