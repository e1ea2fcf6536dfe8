"""Curated decisions (``ontology/curation.yaml``) that survive rebuilds.

Curation is data in git: the build applies it after the rules, so a reviewer's merge,
split, rejection, relabel, retype or alias beats the model every time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extractor.errors import error
from extractor.knowledge import ontology_dir
from extractor.text.fold import fold_name

ACTIONS = ("merge", "split", "reject", "relabel", "retype", "alias")
TYPES = ("Organization", "Person", "Place")


@dataclass(frozen=True)
class Curation:
    """Decisions keyed for fast lookup (surface forms compared folded)."""

    merge: dict[str, str] = field(default_factory=dict)
    split: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    reject: frozenset[tuple[str | None, str]] = frozenset()
    relabel: dict[str, str] = field(default_factory=dict)
    retype: dict[str, str] = field(default_factory=dict)
    alias: dict[str, str] = field(default_factory=dict)

    def rejects(self, document: str, text: str) -> bool:
        key = fold_name(text)
        return (None, key) in self.reject or (document, key) in self.reject

    def digest(self) -> str:
        """A stable text of every decision (sorted), for the build's up-to-date check."""
        parts = [sorted(self.merge.items()), sorted((k, list(v)) for k, v in self.split.items()),
                 sorted([d or "", t] for d, t in self.reject), sorted(self.relabel.items()),
                 sorted(self.retype.items()), sorted(self.alias.items())]
        return json.dumps(parts, ensure_ascii=False)

    def is_empty(self) -> bool:
        return not (self.merge or self.split or self.reject or self.relabel or self.retype
                    or self.alias)


def load_curation(path: Path | None = None) -> Curation:
    """Read and check the curation file; a malformed entry is E020 naming it."""
    path = path or ontology_dir() / "curation.yaml"
    if not path.exists():
        return Curation()
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    merge: dict[str, str] = {}
    split: dict[str, tuple[str, str | None]] = {}
    reject: set[tuple[str | None, str]] = set()
    relabel: dict[str, str] = {}
    retype: dict[str, str] = {}
    alias: dict[str, str] = {}
    for action in ACTIONS:
        for index, item in enumerate(data.get(action) or []):
            where = f"{action}[{index}]"
            if not isinstance(item, dict):
                raise error("E020", path=path, index=where, reason="expected a mapping")
            try:
                if action == "merge":
                    merge[str(item["entity"])] = str(item["into"])
                elif action == "split":
                    split[fold_name(str(item["text"]))] = (str(item["entity"]), item.get("type"))
                elif action == "reject":
                    reject.add((item.get("document"), fold_name(str(item["text"]))))
                elif action == "relabel":
                    relabel[str(item["entity"])] = str(item["label"])
                elif action == "retype":
                    if item["type"] not in TYPES:
                        raise error("E020", path=path, index=where, reason=f"type must be {TYPES}")
                    retype[str(item["entity"])] = str(item["type"])
                else:
                    alias[fold_name(str(item["text"]))] = str(item["entity"])
            except KeyError as missing:
                raise error("E020", path=path, index=where, reason=f"missing {missing}") from None
    return Curation(merge, split, frozenset(reject), relabel, retype, alias)
