"""Where a build spends its time: a profile of one cold build, summed by pipeline stage.

    .venv/bin/python bench/stages.py [--size 0.2]

Builds the bench corpus (``bench/corpus.py``) in one process (``--no-overlap``, no cache)
under ``cProfile`` and adds up each function's own time by the package folder it lives in
(ingest, nlp, mentions, claims, graph, build, text…) and, outside the package, by library
(spaCy and thinc, pyoxigraph, networkx, regex engine…). The table goes into
``bench/README.md``; the shares, not the seconds, are what to compare between runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpus import generate
from extractor.build.run import build

_LIBRARIES = (("spacy", "spaCy"), ("thinc", "spaCy"), ("numpy", "spaCy"), ("pyoxigraph", "store"),
              ("networkx", "network export"), ("rdflib", "rdflib"), ("selectolax", "ingest"),
              ("pdfminer", "ingest"), ("/re/", "regex compile"), ("yaml", "knowledge files"),
              ("srsly", "spaCy"), ("json", "JSON"))


def stage(filename: str) -> str:
    """The pipeline stage (or library) a profiled function belongs to."""
    if "/extractor/" in filename:
        parts = filename.split("/extractor/", 1)[1].split("/")
        return parts[0] if len(parts) > 1 else "extractor (shared)"
    for needle, name in _LIBRARIES:
        if needle in filename:
            return name
    return "other (Python, C builtins)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=0.2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stages-"))
    files = generate(work / "in", args.size)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    build([work / "in"], work / "out", cache=False, overlap=False)
    profile.disable()
    total = time.perf_counter() - started
    own: Counter[str] = Counter()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.items():
        own[stage(filename)] += tottime
    print(f"{len(files)} documents, cold build in one process: {total:.1f} s (profiled)")
    print("| stage | own time (s) | share |\n|---|---|---|")
    for name, seconds in own.most_common():
        print(f"| {name} | {seconds:.1f} | {seconds / sum(own.values()):.0%} |")


if __name__ == "__main__":
    sys.exit(main())
