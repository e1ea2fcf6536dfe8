"""Read .txt/.md/.html/.htm/.pdf files into raw text, file metadata and a media type.

This is the one entry point of reading: it maps a file suffix to its reader (plain text
here, HTML in :mod:`extractor.ingest.html_text`, PDF in :mod:`extractor.ingest.pdf_text`)
and makes sure that whatever goes wrong reaches the caller as a :class:`PlangraphError`
naming the file and the reason, never a traceback. Readers return the text as the file
gives it (decoded, markup stripped, PDF layout turned into paragraphs); damage repair
happens after, in :mod:`extractor.ingest.repair`, so both share one offset map.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor.errors import PlangraphError, error
from extractor.ingest.decoding import decode_bytes, failure_reason, read_bytes
from extractor.ingest.html_text import read_html_file
from extractor.ingest.pdf_text import read_pdf_file

TEXT_TYPES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_TYPES = {".html": "text/html", ".htm": "text/html"}
PDF_TYPES = {".pdf": "application/pdf"}
MEDIA_TYPES = {**TEXT_TYPES, **HTML_TYPES, **PDF_TYPES}
SUPPORTED_SUFFIXES = tuple(sorted(MEDIA_TYPES))


def read_text_file(path: Path) -> tuple[str, dict[str, str]]:
    """Plain text or Markdown: decoded as it is; Markdown syntax is left to the repair step."""
    return decode_bytes(read_bytes(path), path), {}


_READERS: dict[str, Callable[[Path], tuple[str, dict[str, str]]]] = {
    **{suffix: read_text_file for suffix in TEXT_TYPES},
    **{suffix: read_html_file for suffix in HTML_TYPES},
    **{suffix: read_pdf_file for suffix in PDF_TYPES},
}


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
        raise error("E009", path=path, reason=failure_reason(exc)) from exc
    return text, meta, MEDIA_TYPES[suffix]
