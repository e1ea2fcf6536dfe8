"""Measure the extractor on the field set: real texts it was never tuned on.

    .venv/bin/python scripts/fieldset.py --split tune        # the half rules may be tuned on
    .venv/bin/python scripts/fieldset.py --split held        # the held-back half: measure rarely

Checks every text against the sha256 of ``fieldset/sources/*.yaml`` (the texts are not in
git: restore them as ``fieldset/README.md`` says), builds the split's texts and scores the
build against their gold with ``plangraph evaluate`` (lenient, kind, amount, date).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIELDSET = ROOT / "fieldset"


def sources(split: str, batches: tuple[str, ...] = (), allow_missing: bool = False) -> list[dict]:
    """The split's entries (of the given batches, the file names in ``fieldset/sources/``,
    if any), every text present and unchanged (else exit with the list; with
    ``allow_missing``, say which are left out and score the rest: a page the search tool
    no longer returns byte for byte cannot be restored)."""
    entries = [e for path in sorted((FIELDSET / "sources").glob("*.yaml"))
               if not batches or path.stem in batches
               for e in yaml.safe_load(path.read_text(encoding="utf-8"))
               if split == "all" or e["split"] == split]
    bad = []
    for e in entries:
        path = FIELDSET / "texts" / f"{e['id']}.txt"
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != e["sha256"]:
            bad.append(e["id"])
    if bad and allow_missing:
        print(f"left out, missing or changed: {bad}", file=sys.stderr)
        return [e for e in entries if e["id"] not in bad]
    if bad:
        sys.exit(f"missing or changed texts (restore them, see fieldset/README.md): {bad}")
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held", "all"), default="tune")
    parser.add_argument("--out", type=Path, default=None, help="keep the build here")
    parser.add_argument("--per-document", action="store_true")
    parser.add_argument("--batch", action="append", default=[],
                        help="only this batch (a file name of fieldset/sources/, e.g. hou); "
                             "repeatable: measure a new batch before tuning on it")
    parser.add_argument("--exact-actors", action="store_true",
                        help="claim actors compared by slug alone (plangraph evaluate)")
    parser.add_argument("--allow-missing", action="store_true",
                        help="score the texts present, naming those that are not")
    args = parser.parse_args()
    entries = sources(args.split, tuple(args.batch), args.allow_missing)
    work = Path(tempfile.mkdtemp(prefix="fieldset-"))
    texts, gold = work / "texts", work / "gold"
    texts.mkdir()
    gold.mkdir()
    rows = []
    for e in entries:
        shutil.copy(FIELDSET / "texts" / f"{e['id']}.txt", texts)
        shutil.copy(FIELDSET / "gold" / f"{e['id']}.yaml", gold)
        # the publication date is the page's metadata (its address, its dateline), what a
        # user puts in sources.csv; stored texts cut at 2,000 bytes often lose it
        meta = yaml.safe_load((FIELDSET / "gold" / f"{e['id']}.yaml").read_text(encoding="utf-8"))
        rows.append([f"{e['id']}.txt", e.get("title") or "", "", meta.get("published") or "",
                     e.get("lang") or ""])
    with (texts / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "publisher", "published", "language"])
        writer.writerows(rows)
    out = args.out or work / "out"
    plangraph = str(Path(sys.executable).with_name("plangraph"))
    subprocess.run([plangraph, "build", str(texts), "--out", str(out), "--no-cache"],
                   check=True, stdout=subprocess.DEVNULL)
    command = [plangraph, "evaluate", "--gold", str(gold), "--out", str(out)]
    command += ["--per-document"] if args.per_document else []
    subprocess.run(command + (["--exact-actors"] if args.exact_actors else []), check=True)
    print(f"{len(entries)} texts ({args.split})")
    shutil.rmtree(work if args.out is None else texts.parent / "texts", ignore_errors=True)


if __name__ == "__main__":
    main()
