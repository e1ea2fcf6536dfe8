"""PDF files to text in reading order, one paragraph per block of lines, with info metadata.

A PDF holds positioned characters, not paragraphs. pdfminer groups them into lines and text
boxes (``LAParams`` below); its own box ordering is switched off (``boxes_flow=None``)
because :mod:`extractor.ingest.pdf_layout` orders boxes by columns, drops running headers
and footers and cuts paragraphs. The file is parsed once, from the bytes already read, page
by page: only plain line tuples are kept, and reading stops as soon as the text passes the
limit. Damaged, truncated, encrypted or image-only files raise a :class:`PlangraphError`
(E005, E013, E006) naming the file and the reason.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from extractor.errors import PlangraphError, error
from extractor.ingest.bounds import Limits
from extractor.ingest.decoding import failure_reason, iso_prefix
from extractor.ingest.pdf_layout import (
    Box,
    Line,
    box_text,
    drop_running_lines,
    flow_lines,
    order_boxes,
)

# Lines: characters closer than 1.5 widths are one line (columns 2 widths apart stay two);
# boxes: lines closer than half a line height are one box; no vertical text, no text inside
# figures (labels of charts are not sentences); pdfminer's box order off (ours is by column).
LAYOUT = LAParams(char_margin=1.5, line_margin=1.0, word_margin=0.1, boxes_flow=None,
                  detect_vertical=False, all_texts=False)


def read_pdf(data: bytes, path: Path, limits: Limits) -> tuple[str, dict[str, str]]:
    """PDF text layer in reading order, one paragraph per block of lines; info-dict metadata."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise error("E005", path=path, reason="no PDF header")
    if b"%%EOF" not in data[-2048:]:
        raise error("E005", path=path, reason="truncated file (no end-of-file marker)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        meta = _pdf_info(document)
        pages = list(_page_boxes(document, path, limits))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise error("E013", path=path) from exc
    except PlangraphError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on bad files
        raise error("E005", path=path, reason=failure_reason(exc)) from exc
    if not pages:
        raise error("E005", path=path, reason="no pages")
    paragraphs = (box_text(box, edge)
                  for page in drop_running_lines(pages) for box, edge in order_boxes(page))
    text = flow_lines("\n\n".join(paragraphs))
    if not text.strip():
        raise error("E006", path=path)
    return text, meta


def _page_boxes(document: PDFDocument, path: Path, limits: Limits) -> Iterator[list[Box]]:
    """Each page's text boxes as plain tuples; E041 once the text passes the limit."""
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAYOUT)
    interpreter = PDFPageInterpreter(manager, device)
    total = 0
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        boxes = _boxes(device.get_result())
        total += sum(len(line.text) + 1 for box in boxes for line in box.lines)
        if total > limits.max_text_chars:
            raise error("E041", path=path, limit=limits.max_text_chars)
        yield boxes


def _boxes(layout: LTPage) -> list[Box]:
    boxes = []
    for item in layout:
        if not isinstance(item, LTTextBox):
            continue
        lines = tuple(
            Line(" ".join(line.get_text().split()), line.x0, line.x1, line.y0, line.y1)
            for line in item
            if isinstance(line, LTTextLine) and line.get_text().strip()
        )
        if lines:
            boxes.append(Box(lines))
    return boxes


def _pdf_info(document: PDFDocument) -> dict[str, str]:
    meta: dict[str, str] = {}
    for info in document.info or []:
        for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject"),
                          ("CreationDate", "created"), ("ModDate", "modified")):
            value = _pdf_string(info.get(key))
            if value and name not in meta:
                meta[name] = value
    for name in ("created", "modified"):
        if name in meta:
            meta[name] = iso_prefix(meta[name]) or meta[name]
    return meta


def _pdf_string(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        value = decode_text(value)
    return " ".join(str(value).split()) if isinstance(value, str) else ""
