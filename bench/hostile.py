"""Hostile inputs: time and peak memory of ingestion on each, one subprocess per case.

    .venv/bin/python bench/hostile.py [--only NAME ...] [--timeout 300] [--keep DIR]

Not a test (cases write up to 200 MB and run for seconds): it prints, for each case, the
seconds, the peak resident memory of the process that read it, and what ingestion answered
(the document's length or the one-line error). The default limits apply
(PLANGRAPH_MAX_FILE_BYTES, PLANGRAPH_MAX_TEXT_CHARS) unless set in the environment.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

SENTENCE = "Le plan de lutte contre le crack est suivi par les partenaires de la Ville. "


def _write_chunks(path: Path, chunk: str, total: int) -> Path:
    data = chunk.encode()
    with path.open("wb") as handle:
        for _ in range(total // len(data)):
            handle.write(data)
    return path


def _pdf(path: Path, pages: int) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    body = (SENTENCE.replace("é", "e") * 40).strip()
    for page in range(pages):
        pdf.add_page()
        pdf.cell(0, 6, "Rapport annuel - document de travail", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, body)
        pdf.set_y(-15)
        pdf.cell(0, 6, f"Page {page + 1} / {pages}")
    pdf.output(str(path))
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    os.symlink("/dev/zero", path)
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "text-200MB": lambda d: _write_chunks(d / "big.txt", SENTENCE * 100, 200_000_000),
    "text-4MB": lambda d: _write_chunks(d / "prose.txt", SENTENCE * 20 + "\n\n", 4_000_000),
    "word-5MB": lambda d: _write_chunks(d / "word.txt", "a" * 1000, 5_000_000),
    "entities-1M.html": lambda d: _write_chunks(d / "e.html", "d&eacute;j&agrave; " * 500,
                                                9_500_000),
    "entities-400k.txt": lambda d: _write_chunks(d / "e.txt", "d& eacute ;j& agrave ; " * 100,
                                                 4_600_000),
    "mojibake-1MB-line": lambda d: _write_chunks(d / "m.txt", "la rÃ©gion Ã®le " * 100,
                                                 1_000_000),
    "unclosed-markup-1MB": lambda d: _write_chunks(d / "u.md", "<style>a **b ![c [d • e " * 40,
                                                   1_000_000),
    "sentences-10k": lambda d: _write_chunks(d / "s.txt", "Le plan est là. " * 10, 170_000),
    "hyphens-670kB": lambda d: _write_chunks(d / "h.txt", "régio-\nnale médico-\nsociale " * 20,
                                             670_000),
    "pdf-2000-pages": lambda d: _pdf(d / "long.pdf", 2000),
    "fifo.txt": lambda d: _fifo(d / "fifo.txt"),
    "dev-zero.txt": lambda d: _zero(d / "zero.txt"),
}


def run_case(name: str, path: Path) -> None:
    """In the child: read the file as a build does, and time the parts a long word hurts."""
    from extractor.errors import PlangraphError
    from extractor.ingest.documents import read_document
    from extractor.ingest.pdf_layout import rejoin_hyphens
    from extractor.text.dates import find_dates

    started = time.perf_counter()
    try:
        if name.startswith("hyphens"):
            answer = f"{len(rejoin_hyphens(path.read_text(encoding='utf-8')))} chars rejoined"
        else:
            document = read_document(path, path.parent)
            answer = f"{len(document.text)} chars, {len(document.offset_anchors)} anchors"
            if name.startswith("word"):
                answer += f", {len(find_dates(document.text, 'fr'))} dates (fr finders)"
    except PlangraphError as exc:
        answer = str(exc)
    print(f"{time.perf_counter() - started:.2f}\t{peak_mb():.0f}\t{answer}")


def peak_mb() -> float:
    """This process's peak resident memory since its exec (``VmHWM``; wait4's figure would
    include the parent's memory at fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, folder: Path, timeout: float) -> tuple[str, str, str]:
    """(seconds, peak MB, answer) of one case in a fresh process (its own peak memory)."""
    path = CASES[name](folder)
    command = [sys.executable, __file__, "--child", name, str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f">{timeout:g}", "?", "killed at the timeout"
    lines = done.stdout.strip().splitlines() or [f"?\t?\t{done.stderr.strip()[-200:]}"]
    seconds, peak, answer = (lines[-1].split("\t", 2) + ["?", "?"])[:3]
    return seconds, peak, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), default=None)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--keep", type=Path, default=None, help="write the inputs here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_case(args.child[0], Path(args.child[1]))
        return
    root = Path(tempfile.mkdtemp(prefix="hostile-")) if args.keep is None else args.keep
    print(f"{'case':<20} {'seconds':>8} {'peak MB':>8}  answer")
    try:
        for name in args.only or list(CASES):
            folder = root / name
            folder.mkdir(parents=True, exist_ok=True)
            seconds, peak, answer = measure(name, folder, args.timeout)
            print(f"{name:<20} {seconds:>8} {peak:>8}  {answer[:110]}", flush=True)
            if args.keep is None:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
