"""Benchmark: bare spaCy vs the whole build, parallel speed-up, warm rebuild, memory, SPARQL.

    .venv/bin/python bench/run.py [--size 1.0] [--jobs 2] [--scale-check] [--no-sparql]

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
import time
from pathlib import Path

import pyoxigraph as ox

from corpus import generate
from extractor import iris
from extractor.build import build
from extractor.ingest import collect_paths, read_document
from extractor.nlp import config, load_model, pieces

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
        by_lang.setdefault(document.lang, []).extend(t for _, t in pieces(document.text))
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


def replicate_store(nq: Path, target: int) -> ox.Store:
    """An in-memory store of about ``target`` quads: copies of the graph with renamed IRIs."""
    base, vocab = iris.base(), iris.base() + "ontology"
    quads = list(ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))

    def rename(term, tag):  # noqa: ANN001, ANN202 - RDF terms of several kinds
        if isinstance(term, ox.NamedNode) and term.value.startswith(base) \
                and not term.value.startswith(vocab):
            return ox.NamedNode(base + tag + term.value[len(base):])
        return term

    store = ox.Store()
    copies = max(1, round(target / max(1, len(quads))))
    for k in range(copies):
        tag = f"c{k}/"
        store.extend(ox.Quad(rename(q.subject, tag), q.predicate, rename(q.object, tag),
                             rename(q.graph_name, tag)) for q in quads)
    return store


def sparql_medians(store: ox.Store, repeat: int = 5, limit: float = 20.0) -> dict[str, float]:
    """Median milliseconds per saved query; a query over ``limit`` seconds is reported as inf."""
    from extractor.errors import PlangraphError
    from extractor.query import run_query, saved_queries

    out = {}
    for name, saved in saved_queries().items():
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                run_query(store, saved.text, timeout=limit)
            except PlangraphError:
                runs.append(float("inf"))
                break
            runs.append((time.perf_counter() - started) * 1000)
        out[name] = statistics.median(runs)
        print(f"  {name:38s} {out[name]:8.1f} ms", flush=True)
    return out


def scale_point(size: float, work: Path) -> dict[str, float]:
    """Peak memory of a cold serial build in its own process (so each has its own peak).

    The child reads VmHWM: ru_maxrss would start from the parent's size at fork time."""
    code = ("import json,resource,sys,time; sys.path.insert(0, sys.argv[1]);"
            "from pathlib import Path; from corpus import generate;"
            "from extractor.build import build;"
            "src=Path(sys.argv[2]); n=len(generate(src, float(sys.argv[3])));"
            "t=time.perf_counter(); build([src], Path(sys.argv[4]), cache=False);"
            "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')];"
            "peak=int(hwm[0].split()[1])/1024 if hwm else "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024;"
            "print(json.dumps({'docs': n, 'seconds': time.perf_counter()-t, 'peak_mb': peak}))")
    folder = work / f"scale-{size}"
    done = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent),
                           str(folder / "in"), str(size), str(folder / "out")],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="1.0 ≈ 2 MB fr + 0.5 MB en")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale-check", action="store_true",
                        help="peak memory for N and 10×N documents (N = size/10)")
    parser.add_argument("--no-sparql", action="store_true")
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-") as tmp:
        work = Path(tmp)
        files = generate(work / "in", args.size)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} documents, {size / 1e6:.2f} MB")
        bare, docs, words = bare_spacy(work / "in")
        print(f"bare spaCy nlp.pipe: {bare:.1f} s, {docs / bare:.1f} docs/s, "
              f"{words / bare:.0f} words/s")
        cold = timed_build(work / "in", work / "out")
        print(f"build (cold, serial, models loaded): {cold:.1f} s, {docs / cold:.1f} docs/s, "
              f"{words / cold:.0f} words/s; bare/build = {bare / cold:.2f} (goal ≥ 0.8)")
        warm = timed_build(work / "in", work / "out")
        print(f"warm rebuild (cache): {warm:.2f} s = {100 * warm / cold:.1f}% of cold (goal ≤ 5%)")
        if args.jobs > 1:
            par = timed_build(work / "in", work / "par", jobs=args.jobs, cache=False)
            print(f"build --jobs {args.jobs} (incl. worker start and model load): {par:.1f} s, "
                  f"speed-up {cold / par:.2f}×")
        print(f"peak memory (this process): {peak_mb():.0f} MB")
        if args.scale_check:
            small = scale_point(args.size / 10, work)
            large = scale_point(args.size, work)
            growth = 100 * (large["peak_mb"] / small["peak_mb"] - 1)
            print(f"scale: {small['docs']} docs peak {small['peak_mb']:.0f} MB; {large['docs']} "
                  f"docs peak {large['peak_mb']:.0f} MB (+{growth:.0f}%; goal < 1500 MB, ≤ +30%)")
        if not args.no_sparql:
            store = replicate_store(work / "out" / "plan.nq", args.triples)
            print(f"SPARQL on {len(store)} quads (median of 5, goal < 100 ms):")
            sparql_medians(store)


if __name__ == "__main__":
    main()
