"""Score a build's ``mentions.jsonl`` and ``claims.jsonl`` against the gold annotations.

The gold files (``tests/gold/<stem>.yaml``, format in ``tests/gold/README.md``) follow the
annotation guidelines, so these numbers are the project's accuracy. Matching is per document:
entities by (type, normalised surface text), money by (value to the cent, currency), quantities
by value or ``[low, high]``, dates by ISO value, and claims one-to-one by actor plus either an
equal amount or, when the gold claim has none, overlapping quotes in the repaired text
(:mod:`extractor.read.claim_match`; differently named actors aligned by
:mod:`extractor.read.actor_alignment`).
The keys themselves are in :mod:`extractor.read.gold_match`, reading the gold files in
:mod:`extractor.read.gold_files`; this module counts and reports.

Error codes: E150 (a build output is missing), E151 (a JSONL line is not a JSON object),
E152 (a gold file is malformed, from :mod:`extractor.read.gold_files`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extractor.namespaces import DCTERMS, PG
from extractor.read.actor_alignment import aligned_actors
from extractor.read.claim_match import STRICT, actor_slug, claim_pairs
from extractor.read.gold_files import load_gold
from extractor.read.gold_match import normalise, number_key
from extractor.records import ENTITY_TYPES
from extractor.store import open_store
from extractor.text.jsonl import read_jsonl

VALUE_TYPES = ("Money", "Quantity", "Date")
GROUPS = (*ENTITY_TYPES, "entities", *VALUE_TYPES, "claims", "claims+kind", "claims+amount",
          "claims+date")


@dataclass
class Score:
    """Counts of one group; rates are 1.0 when their denominator is empty."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores per group and, per document, what was wrongly found (fp) or missed (fn)."""

    scores: dict[str, Score] = field(default_factory=lambda: {g: Score() for g in GROUPS})
    errors: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    by_document: dict[str, dict[str, Score]] = field(default_factory=dict)

    def record(self, document: str, group: str, fp: list[str], fn: list[str], tp: int) -> None:
        self.scores[group].add(tp, len(fp), len(fn))
        self.by_document.setdefault(document, {}).setdefault(group, Score()).add(
            tp, len(fp), len(fn))
        if "+" in group:  # a stricter view of the claims: their errors are listed once
            return
        if group in ENTITY_TYPES:
            self.scores["entities"].add(tp, len(fp), len(fn))
        doc = self.errors.setdefault(document, {"fp": [], "fn": []})
        doc["fp"].extend(f"{group}: {item}" for item in fp)
        doc["fn"].extend(f"{group}: {item}" for item in fn)

    def to_dict(self) -> dict[str, Any]:
        return {"scores": {g: s.to_dict() for g, s in self.scores.items()},
                "per_document": {d: {g: s.to_dict() for g, s in groups.items()}
                                 for d, groups in sorted(self.by_document.items())},
                "documents": self.errors}

    def to_table(self, per_document: bool = False) -> str:
        """Scores per group; with ``per_document``, each document's claim scores after."""
        lines = [f"{'group':<15}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
        lines += [_line(group, s) for group, s in self.scores.items()]
        if per_document:
            for document, groups in sorted(self.by_document.items()):
                lines.append(f"\n{document}")
                lines += [_line(g, s) for g, s in groups.items() if g.startswith("claims")]
        return "\n".join(lines)


def _line(group: str, s: Score) -> str:
    return (f"{group:<15}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")


def by_document(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Output rows grouped by their document's file name (as the gold files name it)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[Path(str(row.get("document", ""))).name].append(row)
    return grouped


def _mention_keys(rows: list[dict[str, Any]], mtype: str, gold: bool) -> dict[Any, str]:
    """Comparison key → a readable surface, for one mention type of one document."""
    keys: dict[Any, str] = {}
    for row in rows:
        if mtype in ENTITY_TYPES:
            key: Any = normalise(row.get("text", ""))
        elif mtype == "Money":
            key = (number_key(row.get("value")), str(row.get("unit") or "EUR").upper())
        elif mtype == "Quantity":
            key = number_key(row.get("value"))
        else:
            key = str(row.get("value", "")).strip()
        label = str(row.get("text", ""))
        keys.setdefault(key, label if gold and mtype in ENTITY_TYPES
                        else f"{label} = {row.get('value')}")
    return keys


_GOLD_SECTIONS = {"Money": "money", "Quantity": "quantities", "Date": "dates"}


def evaluate(gold_dir: Path, out_dir: Path, texts: Mapping[str, str] | None = None,
             min_confidence: float = 0.0, align_actors: bool = True) -> Report:
    """Compare the build outputs in ``out_dir`` with the gold files; documents without gold
    are not scored. Quotes are located in the text the build stored (the repaired text every
    offset points into), read from the build's store unless ``texts`` gives them by document
    file name: scoring needs no extraction code. Claims under ``min_confidence`` are left
    out, to see what a threshold trades between precision and recall. A claim's actor is
    compared by slug, after the build's differently named entities are aligned to the gold's
    (:mod:`extractor.read.actor_alignment`) unless ``align_actors`` is false."""
    gold = load_gold(gold_dir)
    texts = stored_texts(Path(out_dir)) if texts is None else texts
    mentions = by_document(read_jsonl(Path(out_dir) / "mentions.jsonl"))
    claims = by_document([c for c in read_jsonl(Path(out_dir) / "claims.jsonl")
                           if float(c.get("confidence") or 0) >= min_confidence])
    report = Report()
    for name, doc in gold.items():
        predicted = mentions.get(name, [])
        for mtype in (*ENTITY_TYPES, *VALUE_TYPES):
            section = doc["entities"] if mtype in ENTITY_TYPES else doc[_GOLD_SECTIONS[mtype]]
            gold_rows = [r for r in section if mtype not in ENTITY_TYPES or r["type"] == mtype]
            g = _mention_keys(gold_rows, mtype, gold=True)
            p = _mention_keys([r for r in predicted if r.get("type") == mtype], mtype, gold=False)
            report.record(name, mtype, [p[k] for k in p if k not in g],
                          [g[k] for k in g if k not in p], sum(1 for k in g if k in p))
        text = texts.get(doc["document"]) or texts.get(Path(doc["document"]).name)
        aliases = aligned_actors(doc, predicted) if align_actors else {}
        _score_claims(report, name, doc["claims"], claims.get(name, []), text, aliases)
    return report


def _score_claims(report: Report, name: str, gold: list[dict], predicted: list[dict],
                  text: str | None, aliases: Mapping[str, str]) -> None:
    matched = claim_pairs(gold, predicted, text, aliases)
    fn = [_describe(g["actor"], g) for gi, g in enumerate(gold) if gi not in matched]
    fp = [_describe(actor_slug(p, aliases), p)
          for pi, p in enumerate(predicted) if pi not in matched.values()]
    report.record(name, "claims", fp, fn, len(matched))
    for group, agree in STRICT.items():
        good = [(gi, pi) for gi, pi in matched.items() if agree(gold[gi], predicted[pi])]
        hit_gold, hit_pred = {gi for gi, _ in good}, {pi for _, pi in good}
        report.record(name, group,
                      [_describe(actor_slug(p, aliases), p)
                       for pi, p in enumerate(predicted) if pi not in hit_pred],
                      [_describe(g["actor"], g) for gi, g in enumerate(gold) if gi not in hit_gold],
                      len(good))


def _describe(actor: str, claim: dict[str, Any]) -> str:
    amount = f" {claim.get('amount')} {claim.get('unit') or ''}" if claim.get("amount") else ""
    quote = " ".join(str(claim.get("quote") or "").split())
    return f"{actor} {claim.get('action')}{amount.rstrip()}: «{quote[:70]}»"


def write_report(report: Report, out: Path) -> None:
    """Write the report as JSON (UTF-8, readable)."""
    Path(out).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n",
                         encoding="utf-8")


def entity_consistency(gold_dir: Path, out_dir: Path) -> list[str]:
    """Problems where one gold entity got several IRIs, or several gold entities one IRI."""
    mentions = by_document(read_jsonl(Path(out_dir) / "mentions.jsonl"))
    iris_of: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, doc in load_gold(gold_dir).items():
        index: dict[str, set[str]] = defaultdict(set)
        for row in mentions.get(name, []):
            if row.get("type") in ENTITY_TYPES and row.get("value"):
                index[normalise(row.get("text", ""))].add(str(row["value"]))
        for entry in doc["entities"]:
            for iri in sorted(index.get(normalise(entry["text"]), ())):
                iris_of[entry["entity"]][iri].append(f"{name}: {entry['text']}")
    problems = []
    slugs_of: dict[str, list[str]] = defaultdict(list)
    for slug, iris in sorted(iris_of.items()):
        for iri in iris:
            slugs_of[iri].append(slug)
        if len(iris) > 1:
            detail = "; ".join(f"{iri} ({', '.join(sorted(set(w)))})" for iri, w in iris.items())
            problems.append(f"entity '{slug}' resolves to {len(iris)} IRIs: {detail}")
    for iri, slugs in sorted(slugs_of.items()):
        if len(slugs) > 1:
            problems.append(f"IRI {iri} is shared by gold entities {', '.join(sorted(slugs))}")
    return problems


def stored_texts(out_dir: Path) -> dict[str, str]:
    """Every document's stored text by its id (path relative to the build folder)."""
    store = open_store(out_dir / "store")
    query = f"""SELECT ?id ?text WHERE {{ GRAPH ?g {{
        ?d <{DCTERMS.identifier}> ?id ; <{PG.text}> ?text . }} }}"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)  # a SELECT always answers with solutions
    texts = {}
    for row in solutions:
        ident, text = str(row["id"].value), str(row["text"].value)
        texts[ident] = texts[Path(ident).name] = text
    return texts
