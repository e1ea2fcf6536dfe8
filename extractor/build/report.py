"""What a build did (``build-report.json``) and whether an output folder is up to date.

The report is written with the outputs; a build whose inputs, code and curation are those
the report's fingerprint names rewrites nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from extractor import __version__, iris

OUTPUT_FILES = ["plan.nq", "plan.trig", "plan.ttl", "plan.jsonld", "plan.graphml", "plan.gexf",
                "mentions.jsonl", "entities.jsonl", "claims.jsonl", "claims.csv", "delivery.jsonl",
                "build-report.json"]


@dataclass
class BuildReport:
    """What a build did, for the summary line and ``build-report.json``."""

    out_dir: str
    documents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    claims: int = 0
    triples: int = 0
    graphs: int = 0
    seconds: float = 0.0
    fingerprint: str = ""
    up_to_date: bool = False
    extracted: int = 0  # documents run through extraction by this build
    cached: int = 0  # documents whose extraction came from OUT/.cache

    def to_dict(self) -> dict[str, object]:
        return {"out_dir": self.out_dir, "documents": self.documents, "errors": self.errors,
                "mentions": dict(sorted(self.mentions.items())), "entities": self.entities,
                "claims": self.claims, "quads": self.triples, "named_graphs": self.graphs,
                "extracted": self.extracted, "cached": self.cached,
                "seconds": round(self.seconds, 2), "fingerprint": self.fingerprint}


def now() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def outputs_fingerprint(keys: list[str | None], curation: str) -> str:
    """What the outputs depend on: every input's cache key (content, path, extraction code,
    models, knowledge; which files are bad follows from these), curation, the base IRI and
    the outputs' own code. Known before extraction, so an unchanged corpus extracts nothing."""
    if not keys or any(k is None for k in keys):
        return ""
    digest = hashlib.sha256()
    for part in [*map(str, keys), curation, iris.base(), __version__]:
        digest.update(part.encode("utf-8") + b"\0")
    for module in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:24]


def up_to_date(out_dir: Path, fingerprint: str) -> BuildReport | None:
    """The previous report when the outputs in ``out_dir`` were built from exactly these
    inputs: rebuilding an unchanged corpus then rewrites nothing."""
    path = out_dir / "build-report.json"
    if not fingerprint or not path.exists() or not (out_dir / "store").is_dir():
        return None
    if not all((out_dir / name).exists() for name in OUTPUT_FILES):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("fingerprint") != fingerprint:
        return None
    return BuildReport(out_dir=str(out_dir), documents=list(data.get("documents", [])),
                       errors=list(data.get("errors", [])),
                       mentions=Counter(data.get("mentions", {})),
                       entities=int(data.get("entities", 0)), claims=int(data.get("claims", 0)),
                       triples=int(data.get("quads", 0)), graphs=int(data.get("named_graphs", 0)),
                       fingerprint=fingerprint, up_to_date=True,
                       cached=len(data.get("documents", [])))
