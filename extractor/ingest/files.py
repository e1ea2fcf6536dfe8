"""Read .txt/.md/.html/.htm/.pdf files into raw text, file metadata and a media type.

This is the one entry point of reading: it maps a file suffix to its reader (plain text
here, HTML in :mod:`extractor.ingest.html_text`, PDF in :mod:`extractor.ingest.pdf_text`)
and makes sure that whatever goes wrong reaches the caller as a :class:`PlangraphError`
naming the file and the reason, never a traceback. The file's bytes are read once, through
the bounds of :mod:`extractor.ingest.bounds`, and every reader works on those bytes (a PDF
is parsed from memory, not opened again). Readers return the text as the file gives it
(decoded, markup stripped, PDF layout turned into paragraphs); damage repair happens
after, in :mod:`extractor.ingest.repair`, so both share one offset map.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import PlangraphError, error
from extractor.ingest.bounds import Limits, check_name, check_text, read_source
from extractor.ingest.decoding import decode_bytes, failure_reason
from extractor.ingest.html_text import read_html
from extractor.ingest.pdf_text import read_pdf

TEXT_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_TYPES = {".html": "text/html", ".htm": "text/html"}
PDF_TYPES = {".pdf": "application/pdf"}
MEDIA_TYPES = {**TEXT_TYPES, **HTML_TYPES, **PDF_TYPES}
SUPPORTED_SUFFIXES = tuple(sorted(MEDIA_TYPES))

Reader = Callable[[bytes, Path, Limits], tuple[str, dict[str, str]]]


def read_plain(data: bytes, path: Path, limits: Limits) -> tuple[str, dict[str, str]]:
    """Plain text or Markdown: decoded as it is; Markdown syntax is left to the repair step."""
    return decode_bytes(data, path), {}


_READERS: dict[str, Reader] = {
    **{suffix: read_plain for suffix in TEXT_TYPES},
    **{suffix: read_html for suffix in HTML_TYPES},
    **{suffix: read_pdf for suffix in PDF_TYPES},
}


@dataclass(frozen=True)
class RawSource:
    """What one read of a file gives: its text before repair, metadata, type and digest."""

    text: str
    meta: dict[str, str]
    media_type: str
    sha256: str


def _reader(path: Path) -> Reader:
    check_name(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise error("E002", path=path, suffix=suffix or "(none)")
    return reader


def read_file(path: Path, root: Path | None = None, limits: Limits | None = None) -> RawSource:
    """Read ``path`` once (within ``limits``, inside ``root``) and turn its bytes into text.

    Raises E003 for a file with no bytes but blanks, and only PlangraphError otherwise.
    """
    path = Path(path)
    reader = _reader(path)
    limits = limits or Limits.from_env()
    data = read_source(path, Path(root) if root is not None else path.parent, limits)
    if not data.strip():
        raise error("E003", path=path)
    text, meta = parse_bytes(reader, data, path, limits)
    return RawSource(text, meta, MEDIA_TYPES[path.suffix.lower()], hashlib.sha256(data).hexdigest())


def parse_bytes(reader: Reader, data: bytes, path: Path,
                limits: Limits) -> tuple[str, dict[str, str]]:
    """Run one reader; any failure becomes a one-line coded error naming the file."""
    try:
        text, meta = reader(data, path, limits)
    except PlangraphError:
        raise
    except RecursionError as exc:
        raise error("E009", path=path, reason="nesting too deep") from exc
    except MemoryError as exc:
        raise error("E041", path=path, limit=limits.max_text_chars) from exc
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        raise error("E009", path=path, reason=failure_reason(exc)) from exc
    return check_text(path, text, limits), meta


def read_raw(path: Path, limits: Limits | None = None) -> tuple[str, dict[str, str], str]:
    """Raw text, file metadata and media type of ``path``; only PlangraphError escapes."""
    path = Path(path)
    reader = _reader(path)
    limits = limits or Limits.from_env()
    data = read_source(path, path.parent, limits)
    text, meta = parse_bytes(reader, data, path, limits)
    return text, meta, MEDIA_TYPES[path.suffix.lower()]
