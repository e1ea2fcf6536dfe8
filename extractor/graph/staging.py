"""Output files written into a staging folder, then moved into place atomically.

A build killed at any moment leaves the previous outputs intact: nothing in the out
folder is touched until every file is complete, and each is swapped in with os.replace.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from extractor.records import Claim, columns

CLAIM_COLUMNS = columns(Claim)


class Staging:
    """A temporary folder beside ``out_dir`` whose files replace the old ones on commit."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))

    def file(self, name: str) -> Path:
        return self.path / name

    def open(self, name: str, mode: str = "w") -> IO[Any]:
        if "b" in mode:
            return open(self.path / name, mode)  # noqa: SIM115
        return open(self.path / name, mode, encoding="utf-8", newline="")  # noqa: SIM115

    def commit(self, names: Iterable[str]) -> None:
        """Move each finished file over its old version (atomic per file), then clean up."""
        for name in names:
            src = self.path / name
            if src.exists():
                os.replace(src, self.out_dir / name)
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def csv_writer(handle: IO[str]) -> Any:
    writer = csv.DictWriter(handle, fieldnames=CLAIM_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    return writer


def csv_row(claim: dict[str, Any]) -> dict[str, Any]:
    """Spreadsheet-friendly: ranges as "low–high", no nested values."""
    row = dict(claim)
    amount = row.get("amount")
    if isinstance(amount, (list, tuple)):
        row["amount"] = "-".join(f"{v:g}" for v in amount)
    return row
