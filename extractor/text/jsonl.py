"""JSON Lines, read and written one way for every output and every reader of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.errors import error


def json_line(record: dict[str, Any]) -> str:
    """One record as one line: keys in the record's order, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every object of a JSONL file; a missing file is E150, a broken line E151."""
    if not path.is_file():
        raise error("E150", path=path)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise error("E151", path=path, line=number) from None
            if not isinstance(row, dict):
                raise error("E151", path=path, line=number)
            rows.append(row)
    return rows
