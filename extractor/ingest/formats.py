"""Read .txt/.md/.html/.htm/.pdf files into raw text, file metadata and a media type.

Readers return the text as the file gives it (decoded, markup stripped, PDF layout turned
into paragraphs); damage repair happens after, in :mod:`extractor.ingest.repair`, so both share
one offset map. Every failure is a :class:`PlangraphError` naming the file and the reason.
"""

from __future__ import annotations

import codecs
import re
import statistics
import unicodedata
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
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

TEXT_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_TYPES = {".html": "text/html", ".htm": "text/html"}
PDF_TYPES = {".pdf": "application/pdf"}
MEDIA_TYPES = {**TEXT_TYPES, **HTML_TYPES, **PDF_TYPES}
SUPPORTED_SUFFIXES = tuple(sorted(MEDIA_TYPES))

MAX_GARBAGE_SHARE = 0.05
SHORT_LINE = 0.7  # a PDF line ending before 70% of the text width closes its paragraph
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> str:
    """Text of ``data``: BOM first, then UTF-8, then UTF-16 without BOM, then cp1252/latin-1.

    Raises E010 when the bytes are binary (NUL bytes, many control characters).

    >>> decode_bytes("région".encode("cp1252"))
    'région'
    >>> decode_bytes(codecs.BOM_UTF8 + "été".encode())
    'été'
    >>> decode_bytes("Paris".encode("utf-16"))
    'Paris'
    """
    text = _decode(data)
    if text is None or _garbage_share(text) > MAX_GARBAGE_SHARE:
        raise error("E010", path=path)
    return text


def _decode(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without BOM has a NUL in every other byte; binary data does not."""
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if max(odd, even) < 0.3 * len(data) / 2:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _garbage_share(text: str) -> float:
    """Share of characters no text contains: controls, unassigned, private use, U+FFFD."""
    if not text:
        return 0.0
    bad = sum(
        1
        for char in text
        if char not in "\n\r\t\f"
        and (unicodedata.category(char) in {"Cc", "Cn", "Co", "Cs"} or char == "\ufffd")
    )
    return bad / len(text)


def read_text_file(path: Path) -> tuple[str, dict[str, str]]:
    """Plain text or Markdown: decoded as it is; Markdown syntax is left to the repair step."""
    return decode_bytes(_read_bytes(path), path), {}


def read_html_file(path: Path) -> tuple[str, dict[str, str]]:
    """HTML: visible text with paragraph breaks, plus title, dates, author, publisher, lang."""
    return html_to_text(decode_bytes(_read_bytes(path), path))


_SKIPPED = {"script", "style", "nav", "noscript", "template", "svg", "head", "button", "select"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
           "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr",
           "figure", "figcaption", "pre", "hr", "address", "form", "fieldset", "caption"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "col", "embed"}
_META_KEYS = {
    "date": "published", "dc.date": "published", "dc.date.issued": "published",
    "dcterms.date": "published", "dcterms.issued": "published", "pubdate": "published",
    "article:published_time": "published", "og:published_time": "published",
    "author": "author", "dc.creator": "author", "article:author": "author",
    "publisher": "publisher", "dc.publisher": "publisher", "og:site_name": "site_name",
    "og:title": "og_title", "dc.title": "og_title",
}


class _HTMLText(HTMLParser):
    """Visible text: skipped elements dropped, blocks become paragraphs, ``li`` list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.meta.setdefault("lang", values["lang"].split("-")[0].lower())
        elif tag == "meta":
            key = _META_KEYS.get((values.get("name") or values.get("property") or "").lower())
            if key and values.get("content", "").strip():
                self.meta.setdefault(key, " ".join(values["content"].split()))
        elif tag == "title":
            self.in_title = True
        if tag in _SKIPPED and tag not in _VOID:
            self.skip.append(tag)
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS or tag in {"td", "th"}:
            self.parts.append("\n\n" if tag in _BLOCKS else " ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Visible text and metadata of an HTML page.

    >>> text, meta = html_to_text('<html lang="fr-FR"><title>T</title><script>x=1</script>'
    ...     '<p>Un <b>mot</b></p><ul><li>a</li><li>b</li></ul>')
    >>> text, meta["title"], meta["lang"]
    ('Un mot\\n\\n- a\\n- b', 'T', 'fr')
    """
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = re.sub(r" *\n *", "\n", "".join(parser.parts))
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r" {2,}", " ", text)).strip()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title).split()) or meta.pop("og_title", "")
    meta.pop("og_title", None)
    if title:
        meta["title"] = title
    if "published" in meta:
        meta["published"] = iso_prefix(meta["published"]) or meta.pop("published")
    return text, {k: v for k, v in meta.items() if v}


def iso_prefix(value: str) -> str | None:
    """ISO date at the start of a metadata value ("2019-05-27T10:00" or PDF "D:20190527…").

    >>> iso_prefix("D:20190527120000+02'00'"), iso_prefix("2021-12-09T08:00:00Z")
    ('2019-05-27', '2021-12-09')
    """
    match = re.match(r"\s*(?:D:)?(\d{4})-?(\d{2})?-?(\d{2})?", value or "")
    if not match or not 1900 <= int(match.group(1)) <= 2100:
        return None
    parts = [p for p in match.groups() if p]
    return "-".join(parts)


def read_pdf_file(path: Path) -> tuple[str, dict[str, str]]:
    """PDF text layer in reading order, one paragraph per block of lines; info-dict metadata."""
    data = _read_bytes(path)
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
        raise error("E005", path=path, reason=_reason(exc)) from exc
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


_READERS: dict[str, Callable[[Path], tuple[str, dict[str, str]]]] = {
    **{suffix: read_text_file for suffix in TEXT_TYPES},
    **{suffix: read_html_file for suffix in HTML_TYPES},
    **{suffix: read_pdf_file for suffix in PDF_TYPES},
}


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise error("E001", path=path) from exc
    except OSError as exc:
        raise error("E009", path=path, reason=exc.strerror or type(exc).__name__) from exc


def read_raw(path: Path) -> tuple[str, dict[str, str], str]:
    """Raw text, file metadata and media type of ``path``; only PlangraphError escapes."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise error("E002", path=path, suffix=suffix or "(none)")
    if not path.exists():
        raise error("E001", path=path)
    if path.is_dir():
        raise error("E009", path=path, reason="is a directory")
    try:
        text, meta = reader(path)
    except PlangraphError:
        raise
    except RecursionError as exc:
        raise error("E009", path=path, reason="nesting too deep") from exc
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        raise error("E009", path=path, reason=_reason(exc)) from exc
    return text, meta, MEDIA_TYPES[suffix]


def _reason(exc: BaseException) -> str:
    message = re.sub(r"\s+", " ", str(exc)).strip()
    return f"{type(exc).__name__}: {message}"[:160] if message else type(exc).__name__
