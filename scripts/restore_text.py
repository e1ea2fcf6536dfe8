"""Restore the field set's texts on a new machine, one at a time, from the search tool.

The texts are not in git (``fieldset/README.md``); what restores them is the search tool
(corpus ``pages``), which only an agent can call, not code. This script does the rest:

    .venv/bin/python scripts/restore_text.py --missing            # id, query, url per line
    .venv/bin/python scripts/restore_text.py ID < excerpt.json     # save one text

``--missing`` lists, as JSON lines, every text absent or changed, with the words that find
it. Given an id, the script reads the result's ``excerpt`` as the search tool printed it (the
JSON string literal, quotes and escapes included, or the plain text), appends one newline,
and saves it as ``fieldset/texts/<id>.txt`` only when its sha256 is the one
``fieldset/sources/*.yaml`` records; otherwise it saves nothing and exits non-zero.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIELDSET = ROOT / "fieldset"


def entries() -> dict[str, dict]:
    """Every source entry by id."""
    return {e["id"]: e for path in sorted((FIELDSET / "sources").glob("*.yaml"))
            for e in yaml.safe_load(path.read_text(encoding="utf-8"))}


def intact(entry: dict) -> bool:
    path = FIELDSET / "texts" / f"{entry['id']}.txt"
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?", help="the text to save, its excerpt on stdin")
    parser.add_argument("--missing", action="store_true", help="list the texts to restore")
    args = parser.parse_args()
    known = entries()
    if args.missing:
        for e in known.values():
            if not intact(e):
                print(json.dumps({k: e[k] for k in ("id", "query", "url", "title")},
                                 ensure_ascii=False))
        return
    if args.id not in known:
        sys.exit(f"unknown id: {args.id}")
    raw = sys.stdin.read().strip()
    text = json.loads(raw) if raw.startswith('"') else raw
    data = (text + "\n").encode("utf-8")
    if hashlib.sha256(data).hexdigest() != known[args.id]["sha256"]:
        sys.exit(f"{args.id}: sha256 differs from fieldset/sources (nothing saved)")
    (FIELDSET / "texts").mkdir(exist_ok=True)
    (FIELDSET / "texts" / f"{args.id}.txt").write_bytes(data)
    print(f"{args.id} OK")


if __name__ == "__main__":
    main()
