"""Read the gold annotation files (``tests/gold/<stem>.yaml``) and check their shape.

The format is in ``tests/gold/README.md``. Kept apart from the scoring because a malformed
gold file must fail loudly and early, with the file and the entry that is wrong (E152),
before any number is computed from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from extractor.errors import error

__all__ = ["load_gold"]


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Every ``*.yaml`` gold file of ``gold_dir``, keyed by the document's file name."""
    gold: dict[str, dict] = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise error("E152", path=path, reason=f"invalid YAML: {exc}") from exc
        _check_gold(path, data)
        gold[Path(data["document"]).name] = data
    return gold


_REQUIRED = {"entities": ("type", "text", "entity"), "money": ("text", "value"),
             "quantities": ("text", "value"), "dates": ("text", "value"),
             "claims": ("actor", "kind", "action", "quote")}


def _check_gold(path: Path, data: Any) -> None:
    if not isinstance(data, dict) or not data.get("document"):
        raise error("E152", path=path, reason="a gold file needs a 'document' key")
    for section, keys in _REQUIRED.items():
        items = data.setdefault(section, []) or []
        data[section] = items
        for index, item in enumerate(items):
            missing = [k for k in keys if not isinstance(item, dict) or k not in item]
            if missing:
                raise error("E152", path=path, reason=f"{section}[{index}] lacks {missing}")
