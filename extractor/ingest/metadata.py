"""Publication date, title and issuer read from the text of a press document.

Press releases, audit communiqués and news dispatches share a frame: kicker lines
("Communiqué de presse"), a dateline ("Paris, le 27 mai 2019"), a title, the body, then the
press contacts under a "Contact presse" header naming the issuing organisation. The frame
words are data (``ontology/lang/document.yaml``); organisations are recognised with the
registry (``ontology/registry.yaml``) or by the head word of their name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from extractor.knowledge import load_yaml
from extractor.text.dates import find_dates

HEADER_LINES = 8
TITLE_MAX_CHARS = 250
FOOTER_WINDOW = 8
LINE_SCAN = 200  # a dateline, kicker or name is short: longer lines are not read whole
_ISO_PRECISE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_SENTENCE_END = re.compile(r"[.!?][»”\"]?\s+[A-ZÀ-ÖØ-Þ]")
_GENERIC_DATELINE = re.compile(r"(?=.*\b(?:19|20)\d{2}\b)(?=.*(?:,|\b\d{1,2}\b))")
_HANDLE = re.compile(r"^@(\w{2,30})$")
_CONTACTISH = re.compile(r"@|https?:|www\.|\d{2}[ .]\d{2}[ .]\d{2}")


def detect_metadata(text: str, lang: str) -> dict[str, Any]:
    """``published``, ``title`` and ``issuer`` of a document (None where the text is silent).

    >>> meta = detect_metadata("COMMUNIQUÉ DE PRESSE\\n\\nParis, le 27 mai 2019\\n\\n"
    ...     "Un plan contre le crack\\n\\nLe texte.\\n\\nContact presse\\n\\nCour des comptes",
    ...     "fr")
    >>> meta["published"], meta["title"], meta["issuer"]
    ('2019-05-27', 'Un plan contre le crack', 'Cour des comptes')
    """
    try:
        text = str(text)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return {
            "published": detect_published(lines, lang),
            "title": detect_title(lines, lang),
            "issuer": detect_issuer(lines, lang),
        }
    except Exception:  # noqa: BLE001 - untrusted text must never raise
        return {"published": None, "title": None, "issuer": None}


def _frame(lang: str) -> dict[str, Any]:
    data = load_yaml("lang/document.yaml")
    entry = data.get(lang) if isinstance(data, dict) else None
    return entry if isinstance(entry, dict) else {}


@lru_cache(maxsize=64)
def _frame_words(key: str, lang: str) -> tuple[str, ...]:
    """Words of ``key`` for ``lang`` first, then of every other language (quotes travel)."""
    data = load_yaml("lang/document.yaml")
    langs = [lang] + sorted(k for k in (data if isinstance(data, dict) else {}) if k != lang)
    return tuple(_norm(w) for code in langs for w in _frame(code).get(key, []))


def _norm(value: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Préfecture  d'Île" → "prefecture d ile"."""
    value = unicodedata.normalize("NFKD", str(value).casefold())
    value = "".join(c for c in value if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w@]+", " ", value).split())


def _header_dates(line: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO) of the month- or day-precise dates of one header line."""
    found = []
    for match in find_dates(line, lang):
        value = match.value if isinstance(match.value, str) else ""
        if _ISO_PRECISE.fullmatch(value):
            found.append((match.start, match.end, value))
    return found


def detect_published(lines: list[str], lang: str) -> str | None:
    """The dateline near the top: a precise date opening its line or alone on a short line."""
    for line in lines[:HEADER_LINES]:
        for start, _end, value in _header_dates(line[:LINE_SCAN], lang):
            before = len(line[:start].split())
            if before <= 1 or (before <= 4 and len(line) <= 60):
                return value
    return None


def _is_dateline(line: str, lang: str) -> bool:
    """A line that only dates the text, also in a language without a lexicon ("Berlin, 12. März
    2024"): short, with a year and a day number or a comma."""
    if len(line) > 60:
        return False
    covered = sum(end - start for start, end, _ in _header_dates(line, lang))
    if covered > 0 and len(line) - covered <= 20 and len(line) <= 60:
        return True
    return len(line) <= 40 and len(line.split()) <= 4 and bool(_GENERIC_DATELINE.search(line))


def _is_kicker(line: str, lang: str) -> bool:
    if len(line) > LINE_SCAN:
        return False
    key = _norm(line)
    if key in _frame_words("kickers", lang):
        return True
    words = line.split()
    return len(words) <= 3 and len(line) <= 30 and line.upper() == line and line.lower() != line


def detect_title(lines: list[str], lang: str) -> str | None:
    """First line after kickers and datelines, unless it is already body text."""
    for line in lines[:HEADER_LINES]:
        if _is_kicker(line, lang) or _is_dateline(line, lang) or _CONTACTISH.search(line):
            continue
        if len(line) > TITLE_MAX_CHARS or len(_SENTENCE_END.findall(line)) >= 2:
            return None  # the text opens on its body: no title line
        return line
    return None


@lru_cache(maxsize=1)
def _registry_names() -> dict[str, tuple[str, str]]:
    """Normalised organisation name → (surface form, main label, in the registry's
    ``label_language``)."""
    names: dict[str, tuple[str, str]] = {}
    registry = load_yaml("registry.yaml") or {}
    for entry in registry.get("entities", []) or []:
        if not isinstance(entry, dict) or entry.get("type") != "Organization":
            continue
        labels = entry.get("labels") or {}
        main = str(labels.get(registry.get("label_language"))
                   or next(iter(labels.values()), entry.get("id", "")))
        surfaces = [*labels.values(), *(entry.get("aliases") or []), *(entry.get("acronyms") or [])]
        for surface in surfaces:
            if len(str(surface)) > 2:
                names.setdefault(_norm(surface), (str(surface), main))
    return names


def _organisation(line: str, lang: str) -> str | None:
    """The line itself when it is an organisation's name (registry or head-word shaped)."""
    line = line.strip(" :;,.-*#")
    if len(line) > LINE_SCAN:
        return None
    key = _norm(line)
    if key in _registry_names():
        return line
    words = line.split()
    heads = set(_frame_words("org_heads", lang))
    if words and _norm(words[0]) in heads and len(words) <= 12 and words[0][0].isupper():
        if not _CONTACTISH.search(line) and not any(c.isdigit() for c in line):
            return line
    return None


def _handle_owner(line: str) -> str | None:
    match = _HANDLE.match(line.strip())
    if not match:
        return None
    found = _registry_names().get(_norm(match.group(1)))
    return found[1] if found else None


def detect_issuer(lines: list[str], lang: str) -> str | None:
    """The organisation under the press-contact header, in the footer, or as letterhead."""
    headers = _frame_words("contact_headers", lang)
    for index, line in enumerate(lines):
        if len(line) <= 60 and _norm(line).startswith(headers):
            found = _scan(lines[index + 1 : index + 1 + FOOTER_WINDOW], lang)
            if found:
                return found
    return _scan(lines[-FOOTER_WINDOW:], lang, heads=False) or _scan(
        lines[:3], lang, heads=False, handles=False)


def _scan(lines: list[str], lang: str, heads: bool = True, handles: bool = True) -> str | None:
    names = [
        found
        for line in lines
        for part in re.split(r"\s[;|/]\s", line)
        if (found := _organisation(part, lang)) and (heads or _norm(found) in _registry_names())
    ]
    if names:  # a full name beats a one-word alias ("Cour des comptes" over "ccomptes")
        return next((name for name in names if " " in name), names[0])
    if handles:
        for line in lines:
            owner = _handle_owner(line)
            if owner:
                return owner
    return None
