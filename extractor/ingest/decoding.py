"""File bytes to text, shared by every format reader: decode, date values, name failures.

Each reader (plain text, HTML, PDF) starts from the same steps once the file's bytes are
read (through :mod:`extractor.ingest.bounds`): turn bytes into text whatever the encoding
(or reject binary data), read an ISO date out of a metadata value, and put an unexpected
exception into one short line for the user. They live here, below the readers
and the dispatcher in :mod:`extractor.ingest.files`, so that neither imports the other.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from extractor.errors import error

MAX_GARBAGE_SHARE = 0.05
_GARBAGE = {"Cc", "Cn", "Co", "Cs"}
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
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
    """Share of characters no text contains: controls, unassigned, private use, U+FFFD.

    ASCII controls are counted by a regex; only runs of non-ASCII characters are looked up
    one by one (a few per cent of a French text), so a 20 MB file costs a fraction of a second.
    """
    if not text:
        return 0.0
    bad = sum(1 for _ in _ASCII_CONTROL.finditer(text))
    for run in _NON_ASCII.finditer(text):
        bad += sum(1 for char in run.group()
                   if char == "\ufffd" or unicodedata.category(char) in _GARBAGE)
    return bad / len(text)


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


def failure_reason(exc: BaseException) -> str:
    """One line naming an unexpected exception: its type and message, at most 160 chars."""
    message = re.sub(r"\s+", " ", str(exc)).strip()
    return f"{type(exc).__name__}: {message}"[:160] if message else type(exc).__name__
