"""Time to the first GeoNames lookup, cold (index built from the wheel) and warm (cache file).

    .venv/bin/python bench/geonames.py [--repeat 3]

Each run is a fresh interpreter that imports plangraph's place resolution and looks one
name up (``france_places().lookup("Roubaix")``), so imports are counted too; cold runs get
an empty cache folder (``PLANGRAPH_CACHE_DIR``), warm runs the folder the cold run filled.
Not a test: figures for ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import time
start = time.perf_counter()
from extractor.mentions.france import france_places
place = france_places().lookup("Roubaix")
first = time.perf_counter() - start
start = time.perf_counter()
for name in ("Tourcoing", "Dunkerque", "Bouches-du-Rhône", "Saint-Denis") * 250:
    france_places().lookup(name)
print(first, (time.perf_counter() - start) / 1000, place.geonames)
"""


def run(cache: Path) -> tuple[float, float]:
    env = {**os.environ, "PLANGRAPH_CACHE_DIR": str(cache)}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cold, warm, each = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            first, _lookup = run(Path(folder))
            cold.append(first)
            for _ in range(3):
                first, lookup = run(Path(folder))
                warm.append(first)
                each.append(lookup)
    print(f"cold first lookup: median {statistics.median(cold):.2f} s  ({len(cold)} runs)")
    print(f"warm first lookup: median {statistics.median(warm) * 1000:.0f} ms  ({len(warm)} runs)")
    print(f"later lookups:     median {statistics.median(each) * 1e6:.1f} µs each")


if __name__ == "__main__":
    main()
