"""PDF files to text in reading order, one paragraph per block of lines, with info metadata.

A PDF holds positioned lines, not paragraphs: pdfminer gives the layout, and paragraph
breaks are put where the gap between lines is wider than usual or a line ends short.
Words hyphenated at a line end are rejoined unless the text itself writes them with the
hyphen. Damaged, truncated, encrypted or image-only files raise a :class:`PlangraphError`
(E005, E013, E006) naming the file and the reason.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from extractor.errors import PlangraphError, error
from extractor.ingest.decoding import failure_reason, iso_prefix, read_bytes

SHORT_LINE = 0.7  # a PDF line ending before 70% of the text width closes its paragraph


def read_pdf_file(path: Path) -> tuple[str, dict[str, str]]:
    """PDF text layer in reading order, one paragraph per block of lines; info-dict metadata."""
    data = read_bytes(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise error("E005", path=path, reason="no PDF header")
    if b"%%EOF" not in data[-2048:]:
        raise error("E005", path=path, reason="truncated file (no end-of-file marker)")
    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            meta = _pdf_info(document)
            pages = [_page_paragraphs(layout) for layout in _layouts(document)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise error("E013", path=path) from exc
    except PlangraphError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on bad files
        raise error("E005", path=path, reason=failure_reason(exc)) from exc
    if not pages:
        raise error("E005", path=path, reason="no pages")
    text = flow_lines("\n\n".join(p for p in pages if p))
    if not text.strip():
        raise error("E006", path=path)
    return text, meta


def _layouts(document: PDFDocument) -> Iterator[LTPage]:
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        yield device.get_result()


def _page_paragraphs(layout: LTPage) -> str:
    """Lines of a page joined into paragraphs: a break where the gap is wider than usual."""
    lines = [
        line
        for box in layout
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine) and line.get_text().strip()
    ]
    gaps = [a.y0 - b.y1 for a, b in zip(lines, lines[1:], strict=False) if 0 <= a.y0 - b.y1]
    usual = statistics.median(gaps) if gaps else 0.0
    left = min((line.x0 for line in lines), default=0.0)
    short = left + SHORT_LINE * (max((line.x1 for line in lines), default=0.0) - left)
    out: list[str] = []
    for prev, line in zip([None, *lines], lines, strict=False):
        text = " ".join(line.get_text().split())
        if prev is not None:
            gap = prev.y0 - line.y1
            new_block = gap < -0.5 * line.height or gap > usual + 0.4 * line.height
            continued = text[:1].islower() or bool(re.search(r"\w-$", out[-1]))
            new_block = new_block or (prev.x1 < short and not continued)  # short line: end
            out.append("\n\n" if new_block else "\n")
        out.append(text)
    return "".join(out)


def flow_lines(text: str) -> str:
    """Lines of one paragraph joined: hyphenated words rejoined, other breaks made spaces.

    >>> flow_lines("Nord-\\nEst, régio-\\nnale\\net\\n- item\\n\\nNext")
    'Nord-Est, régionale et\\n- item\\n\\nNext'
    """
    text = rejoin_hyphens(text)
    text = re.sub(r"(?<=\w-)\n(?=\w)", "", text)
    return re.sub(r"(?<!\n)\n(?!\n|[-–•▪■●◦‣⁃*]\s)", " ", text)


def rejoin_hyphens(text: str) -> str:
    """Rejoin words cut at line ends, unless the hyphenated form is a word of the text.

    >>> rejoin_hyphens("la politique régio-\\nnale et médico-\\nsociale, médico-sociale")
    'la politique régionale et médico-sociale, médico-sociale'
    """
    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if not right[0].islower():
            return match.group()
        if f"{left}-{right}" in text.replace(match.group(), ""):
            return f"{left}-{right}"
        return left + right

    return re.sub(r"([^\W\d_]+)-\n[ \t]*([^\W\d_]+)", join, text)


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
