"""A PDF made from a corpus document yields the same mentions as the text version (issue 2)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from extractor.build.run import build
from tests.conftest import CORPUS
from tests.ingest.test_readers import make_pdf

SOURCE = next(CORPUS.glob("000_*.txt"))


def _mentions(out: Path) -> Counter[tuple[str, str, str]]:
    rows = [json.loads(x) for x in (out / "mentions.jsonl").open(encoding="utf-8")]
    return Counter((m["type"], " ".join(m["text"].split()), json.dumps(m["value"])) for m in rows)


def test_pdf_yields_the_same_mentions_as_text(tmp_path: Path):
    txt_dir, pdf_dir = tmp_path / "txt", tmp_path / "pdf"
    txt_dir.mkdir()
    pdf_dir.mkdir()
    shutil.copy(SOURCE, txt_dir / "doc.txt")
    make_pdf(text=SOURCE.read_text(encoding="utf-8")).output(str(pdf_dir / "doc.pdf"))
    build([txt_dir], tmp_path / "out-txt")
    build([pdf_dir], tmp_path / "out-pdf")
    from_text, from_pdf = _mentions(tmp_path / "out-txt"), _mentions(tmp_path / "out-pdf")
    assert sum(from_text.values()) > 40
    assert from_pdf == from_text, (from_text - from_pdf, from_pdf - from_text)
