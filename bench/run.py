"""Benchmark: bare spaCy vs the whole build, parallel speed-up, warm rebuild, memory, SPARQL.

    .venv/bin/python bench/run.py [--size 1.0] [--jobs 2] [--repeat 2] [--no-scale-check]
                                  [--no-sparql] [--sparql-memory]

One run prints every figure of issue 18's goal: bare/build, the warm rebuild, the peak
memory and its growth for ten times the documents (the scale check), and the saved
queries' medians per value on a million quads (first page and whole answer), then a
summary of them.

Not a test: it prints figures to compare with the goals in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sparql import disk_store, replicate_store, sparql_medians, summary

from corpus import generate
from extractor.build import helper
from extractor.build.run import build
from extractor.ingest.documents import collect_paths, read_document
from extractor.nlp.models import config, document_pieces, load_model, supported_languages

os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


def peak_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_spacy(folder: Path) -> tuple[float, int, int]:
    """Seconds of ``nlp.pipe`` alone over the same pieces and batches the build sends."""
    by_lang: dict[str, list[str]] = {}
    words = docs = 0
    for path, root in collect_paths([folder]):
        document = read_document(path, root)
        by_lang.setdefault(document.lang, []).extend(t for _, t in document_pieces(document.text))
        words += len(document.text.split())
        docs += 1
    batch = int(config().get("batch_size", 16))
    for lang in by_lang:
        load_model(lang)
    started = time.perf_counter()
    for lang, texts in by_lang.items():
        for _ in load_model(lang).pipe(texts, batch_size=batch):
            pass
    return time.perf_counter() - started, docs, words


def timed_build(folder: Path, out: Path, **options: object) -> float:
    started = time.perf_counter()
    report = build([folder], out, **options)  # type: ignore[arg-type]
    assert not report.errors, report.errors[:3]
    return time.perf_counter() - started


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux ``/proc``)."""
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        try:
            with open(f"/proc/{here}/task/{here}/children", encoding="ascii") as handle:
                todo.extend(int(p) for p in handle.read().split())
        except OSError:
            continue
    return found


def _pss_mb(pid: int) -> float:
    """Proportional set size of ``pid``: its private pages plus its share of the pages it
    shares (the forked workers share the helper's models), so sums are not double counts."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            return next((int(line.split()[1]) / 1024 for line in handle
                         if line.startswith("Pss:")), 0.0)
    except OSError:
        return 0.0


class TreeMemory:
    """Samples the summed PSS of a process tree every 50 ms in a thread; ``peak`` is the
    highest sum seen (a sample can miss a short spike: a lower bound of the true peak)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.running = pid, 0.0, True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, sum(_pss_mb(p) for p in _tree(self.pid)))
            time.sleep(0.05)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak


def scale_point(size: float, work: Path) -> dict[str, float]:
    """Peak memory of a cold build in its own process (so each has its own peak): the
    build process's ``VmHWM``, the helper's and its workers' added up (an upper bound:
    the pages the workers share with the helper are counted in each), and the peak of
    the whole tree's summed PSS, sampled from here (each shared page counted once).

    The child reads VmHWM: ru_maxrss would start from the parent's size at fork time."""
    code = ("import json,resource,sys,time; sys.path.insert(0, sys.argv[1]);"
            "from pathlib import Path; from corpus import generate;"
            "from extractor.build.run import build;"
            "from extractor.build.helper import helper_peak_mb;"
            "src=Path(sys.argv[2]); n=len(generate(src, float(sys.argv[3])));"
            "t=time.perf_counter(); build([src], Path(sys.argv[4]), cache=False);"
            "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')];"
            "peak=int(hwm[0].split()[1])/1024 if hwm else "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024;"
            "print(json.dumps({'docs': n, 'seconds': time.perf_counter()-t, 'peak_mb': peak,"
            "'helper_mb': helper_peak_mb()}))")
    folder = work / f"scale-{size}"
    child = subprocess.Popen([sys.executable, "-c", code, str(Path(__file__).parent),
                              str(folder / "in"), str(size), str(folder / "out")],
                             stdout=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    out, _ = child.communicate()
    pss = memory.stop()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, "scale point")
    return {**json.loads(out.strip().splitlines()[-1]), "pss_mb": pss}


def throughput(folder: Path, work: Path, repeat: int) -> float:
    """Bare spaCy and the whole cold build, alternated ``repeat`` times (this VM's speed
    drifts by ±20 % over minutes, so each ratio compares neighbours in time); the median
    ratio."""
    helper.preload(supported_languages())  # the helper's models, loaded like the bare run's
    ratios = []
    for k in range(repeat):
        bare, docs, words = bare_spacy(folder)
        cold = timed_build(folder, work / f"cold-{k}", cache=False)
        ratios.append(bare / cold)
        print(f"  run {k + 1}: bare spaCy {bare:.1f} s ({docs / bare:.1f} docs/s, "
              f"{words / bare:.0f} words/s); build {cold:.1f} s ({docs / cold:.1f} docs/s, "
              f"{words / cold:.0f} words/s); bare/build = {bare / cold:.2f}", flush=True)
    ratio = statistics.median(ratios)
    print(f"bare/build, median of {repeat}: {ratio:.2f} (goal ≥ 1.0)")
    serial = timed_build(folder, work / "serial", cache=False, overlap=False)
    bare, _, _ = bare_spacy(folder)
    print(f"without overlap (everything in one process): build {serial:.1f} s, "
          f"bare/build = {bare / serial:.2f}")
    return ratio


def rebuild_and_jobs(folder: Path, work: Path, jobs: int) -> float:
    """The warm rebuild of an unchanged corpus as a share of a cold build writing the
    cache (and a ``--jobs`` build); the share in per cent."""
    cold = timed_build(folder, work / "out")
    warm = timed_build(folder, work / "out")
    share = 100 * warm / cold
    print(f"warm rebuild (cache): {warm:.2f} s = {share:.1f}% of a cold build "
          f"writing the cache ({cold:.1f} s) (goal ≤ 5%)")
    if jobs > 1:
        par = timed_build(folder, work / "par", jobs=jobs, cache=False)
        print(f"build --jobs {jobs} (incl. worker start and model load): {par:.1f} s, "
              f"speed-up {cold / par:.2f}× over the default build")
    return share


def scale_check(size: float, work: Path) -> tuple[float, float]:
    """Peak memory (summed PSS) of cold builds of ``size``/10 and ``size``: the peak of
    the larger one and the growth in per cent."""
    small = scale_point(size / 10, work)
    large = scale_point(size, work)
    growth = 100 * (large["pss_mb"] / small["pss_mb"] - 1)
    for point in (small, large):
        print(f"scale: {point['docs']} docs in {point['seconds']:.1f} s, peak memory "
              f"(summed PSS, sampled) {point['pss_mb']:.0f} MB; VmHWM build "
              f"{point['peak_mb']:.0f} + helper and workers {point['helper_mb']:.0f} MB")
    print(f"scale: summed PSS +{growth:.0f}% for 10× the documents "
          "(goal < 1500 MB, ≤ +30%)")
    return large["pss_mb"], growth


def sparql(nquads: Path, work: Path, quads: int, memory: bool) -> str:
    """The saved queries' medians on about ``quads`` quads made from the build's graph;
    the summary of the on-disk store's figures."""
    in_memory = replicate_store(nquads, quads)
    store = disk_store(in_memory, work / "sparql-store")
    print(f"SPARQL on {len(store)} quads, on-disk store read-only "
          "(median of 5, goal < 100 ms):")
    found = summary(sparql_medians(store))
    print(found)
    if memory:
        print("same queries, in-memory store (for comparison):")
        print(summary(sparql_medians(in_memory)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="1.0 ≈ 2 MB fr + 0.5 MB en")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="bare/build pairs")
    parser.add_argument("--no-scale-check", action="store_true", help="skip the peak "
                        "memory of N and 10×N documents (N = size/10), each built anew")
    parser.add_argument("--scale-check", action="store_true", help=argparse.SUPPRESS)  # default
    parser.add_argument("--no-sparql", action="store_true")
    parser.add_argument("--sparql-memory", action="store_true",
                        help="also time the saved queries on an in-memory store")
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-") as tmp:
        work = Path(tmp)
        files = generate(work / "in", args.size)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} documents, {size / 1e6:.2f} MB")
        ratio = throughput(work / "in", work, args.repeat)
        share = rebuild_and_jobs(work / "in", work, args.jobs)
        print(f"peak memory: this process {peak_mb():.0f} MB, extraction helper and its "
              f"workers {helper.helper_peak_mb():.0f} MB (VmHWM added up)")
        lines = [f"bare/build {ratio:.2f} (goal ≥ 1.0)",
                 f"warm rebuild {share:.1f}% of a cold build (goal ≤ 5%)"]
        if not args.no_scale_check:
            peak, growth = scale_check(args.size, work)
            lines.append(f"peak memory {peak:.0f} MB (summed PSS, goal < 1500 MB), "
                         f"+{growth:.0f}% for 10× the documents (goal ≤ +30%)")
        if not args.no_sparql:
            lines.extend(sparql(work / "out" / "plan.nq", work, args.triples,
                                args.sparql_memory).splitlines())
        print("summary of this run:\n  " + "\n  ".join(lines))


if __name__ == "__main__":
    main()
