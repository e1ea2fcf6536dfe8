"""Calibrate claim confidence: the precision of each construction on every text with gold.

    .venv/bin/python scripts/calibrate.py            # writes ontology/confidence.yaml

Builds the corpus (gold in ``tests/gold``) and the field set's tune half (never the held-back
half, which measures what this calibration is worth), pairs every predicted claim with the
gold by ``plangraph evaluate``'s own rule (same actor, overlapping sentence or same amount),
and writes, per construction, how many claims it made, how many a careful analyst also
found, and the smoothed precision ``(found + 1) / (made + 2)`` the extractor then reports as
each claim's ``confidence``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from extractor.read.evaluate import by_document, claim_pairs, load_gold, read_jsonl, stored_texts

ROOT = Path(__file__).resolve().parents[1]


def matched_flags(gold_dir: Path, out: Path) -> list[tuple[str, bool]]:
    """(construction, found by the analyst) for every predicted claim of documents with gold."""
    gold, texts = load_gold(gold_dir), stored_texts(out)
    predicted = by_document(read_jsonl(out / "claims.jsonl"))
    flags = []
    for name, doc in gold.items():
        text, preds = texts.get(name), predicted.get(name, [])
        taken = claim_pairs(doc["claims"], preds, text)
        hits = set(taken.values())
        flags += [(str(p.get("construction") or "?"), i in hits) for i, p in enumerate(preds)]
    return flags


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="calibrate-"))
    plangraph = str(Path(sys.executable).with_name("plangraph"))
    subprocess.run([plangraph, "build", str(ROOT / "corpus"), "--out", str(work / "corpus"),
                    "--no-cache"], check=True, capture_output=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "fieldset.py"), "--split", "tune",
                    "--out", str(work / "tune")], check=True, capture_output=True)
    flags = matched_flags(ROOT / "tests" / "gold", work / "corpus")
    flags += matched_flags(ROOT / "fieldset" / "gold", work / "tune")  # tune texts only
    made, found = Counter(c for c, _ in flags), Counter(c for c, hit in flags if hit)
    table = {c: {"claims": made[c], "found": found[c],
                 "precision": round((found[c] + 1) / (made[c] + 2), 2)} for c in sorted(made)}
    total = sum(made.values())
    data = {"default": round((sum(found.values()) + 1) / (total + 2), 2), "constructions": table}
    header = ("# Claim confidence: the precision of each construction on every text with gold\n"
              "# (the corpus and the field set's tune half), written by scripts/calibrate.py.\n"
              "# confidence = (found + 1) / (claims + 2); `default` for a construction not seen.\n")
    target = ROOT / "ontology" / "confidence.yaml"
    target.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    for c, row in table.items():
        print(f"{c:<16}{row['claims']:>5}{row['found']:>6}{row['precision']:>7.2f}")


if __name__ == "__main__":
    main()
