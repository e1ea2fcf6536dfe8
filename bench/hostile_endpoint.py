"""Four hostile queries at once against `plangraph serve`: how much memory can they take?

    .venv/bin/python bench/hostile_endpoint.py [--max-memory 1024] [--quads 3000]

Not a test. Builds a tiny store (``--quads`` triples in one graph), starts the endpoint
on a free loopback port with the given ``--max-memory`` (MB per worker; the CLI's
default is 1024) and the default 10 s time limit, then sends four heavy queries at once
(ORDER BY and GROUP_CONCAT over a cartesian product: unbounded, they reach ~5 GB each
before the time limit). While they run it samples every 20 ms the resident memory of the
server's worker processes (``/proc/PID/status`` VmRSS) and prints each query's status,
code and seconds, then the peak of the workers' summed memory and of the largest one.
``--max-memory 0`` removes the cap: only on a machine with 20 GB to spare.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.read.serve import make_server  # noqa: E402
from extractor.store import write_store  # noqa: E402

HEAVY = [
    "SELECT ?a ?b ?c { ?a ?p ?o . ?b ?p ?c } ORDER BY ?a ?b",
    "SELECT ?a ?b ?c { ?a ?p ?o . ?b ?p ?c } ORDER BY DESC(?c) ?a",
    "SELECT (GROUP_CONCAT(?o) AS ?all) { ?a ?p ?o . ?b ?p ?c }",
    "SELECT (GROUP_CONCAT(CONCAT(?o, ?c)) AS ?all) { ?a ?p ?o . ?b ?p ?c }",
]


def rss_kb(pid: int) -> int:
    """Resident memory of a process in kB (0 once it has exited)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"VmRSS:\s+(\d+)", text)
    return int(found.group(1)) if found else 0


def sample(stop: threading.Event, peaks: dict[str, int]) -> None:
    """Record the peak of the workers' summed and largest RSS until ``stop``."""
    me = os.getpid()
    while not stop.is_set():
        children = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                    and _parent(int(p.name)) == me]
        sizes = [rss_kb(pid) for pid in children]
        peaks["sum"] = max(peaks["sum"], sum(sizes))
        peaks["max"] = max(peaks["max"], max(sizes, default=0))
        stop.wait(0.02)


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def ask(base: str, query: str, results: list[str]) -> None:
    started = time.monotonic()
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            status, body = response.status, response.read(200)
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read(200)
    code = re.search(rb"\[(E\d{3})\]", body)
    results.append(f"{status} {code.group(1).decode() if code else '-':5} "
                   f"{time.monotonic() - started:5.1f} s  {query[:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-memory", type=int, default=1024, help="MB per worker")
    parser.add_argument("--quads", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        quads = Path(folder) / "tiny.nq"
        quads.write_text("".join(f'<http://e/{i}> <http://e/p> "{i}" <http://e/g> .\n'
                                 for i in range(args.quads)))
        write_store(Path(folder) / "store", quads)
        server = make_server(Path(folder) / "store", port=0, max_memory=args.max_memory)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        peaks, stop, results = {"sum": 0, "max": 0}, threading.Event(), []
        sampler = threading.Thread(target=sample, args=(stop, peaks))
        sampler.start()
        started = time.monotonic()
        clients = [threading.Thread(target=ask, args=(base, q, results)) for q in HEAVY]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        stop.set()
        sampler.join()
        server.shutdown()
        server.server_close()
    print("\n".join(results))
    print(f"{len(HEAVY)} queries in {time.monotonic() - started:.1f} s; --max-memory "
          f"{args.max_memory} MB; peak workers' RSS: {peaks['sum'] / 1024:.0f} MB in all, "
          f"{peaks['max'] / 1024:.0f} MB the largest")


if __name__ == "__main__":
    main()
