"""The challenge set: short sentences, one grammatical construction each, with the claims a
careful analyst expects (``tests/challenge/constructions.yaml``).

The field set says how well the extractor does on real texts; this says where it fails, by
construction and language ("passive agent, French: 2 of 5"). It runs the extraction on each
sentence as a document of its own, so it lives with the build, not on the reading side.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extractor.build.extract import extract_batch
from extractor.errors import error
from extractor.records import Claim, Document
from extractor.text.fold import fold_name


@dataclass
class Tally:
    """Counts of one construction: found, wrongly found, missed; and found with the kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_tp: int = 0

    def f1(self, strict: bool = False) -> float:
        tp = self.kind_tp if strict else self.tp
        fp, fn = self.fp + (self.tp - tp), self.fn + (self.tp - tp)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@dataclass
class ChallengeReport:
    """Tallies per (construction, language), and what went wrong per item."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)

    def total(self) -> Tally:
        out = Tally()
        for t in self.tallies.values():
            out.tp, out.fp, out.fn, out.kind_tp = (out.tp + t.tp, out.fp + t.fp,
                                                   out.fn + t.fn, out.kind_tp + t.kind_tp)
        return out

    def to_table(self) -> str:
        lines = [f"{'construction':<24}{'lang':<6}{'tp':>4}{'fp':>4}{'fn':>4}{'F1':>7}{'kind':>7}"]
        rows = sorted(self.tallies.items()) + [(("all", ""), self.total())]
        for (construction, lang), t in rows:
            lines.append(f"{construction:<24}{lang:<6}{t.tp:>4}{t.fp:>4}{t.fn:>4}"
                         f"{t.f1():>7.2f}{t.f1(strict=True):>7.2f}")
        return "\n".join(lines)


def _same_actor(expected: str, claim: Claim) -> bool:
    want, got = fold_name(expected), fold_name(claim.actor)
    return bool(want and got) and (want == got or want in got or got in want)


def _score(item: dict[str, Any], claims: list[Claim], report: ChallengeReport) -> None:
    tally = report.tallies[(str(item["construction"]), str(item["lang"]))]
    left = list(claims)
    for want in item.get("claims") or []:
        mine = [c for c in left if _same_actor(want["actor"], c)]
        hit = next((c for c in mine if c.kind == want.get("kind")), mine[0] if mine else None)
        if hit is None:
            tally.fn += 1
            report.misses.append(f"{item['id']}: missed {want['actor']} {want.get('action')}")
            continue
        left.remove(hit)
        tally.tp += 1
        if hit.kind == want.get("kind"):
            tally.kind_tp += 1
        else:
            report.misses.append(f"{item['id']}: {want['actor']} is {hit.kind}, "
                                 f"expected {want.get('kind')}")
    for extra in left:
        tally.fp += 1
        report.misses.append(f"{item['id']}: extra {extra.actor} {extra.action}")


def _document(item: dict[str, Any]) -> Document:
    text = str(item["text"])
    return Document(id=str(item["id"]), path=str(item["id"]), text=text, lang=str(item["lang"]),
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    media_type="text/plain", published=item.get("published"))


def run_challenge(path: Path) -> ChallengeReport:
    """Extract every item of the challenge file and score it against its expected claims."""
    try:
        items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise error("E152", path=path, reason=exc) from exc
    report = ChallengeReport()
    results = extract_batch([_document(item) for item in items])
    for item, result in zip(items, results, strict=True):
        _score(item, list(result.claims), report)
    return report
