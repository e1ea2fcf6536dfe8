"""Repair damaged text while remembering where every character came from.

Press texts reach us through HTML exports, word processors and machine translation:
entities broken by spaces (``& nbsp ;``), markup left in the text (``<sup>ème</sup>``,
``**bold**``, ``[link](url)``), mojibake (``rÃ©gion``), odd spaces and bullets. The repaired
text is what gets analysed and stored, so every repair is an edit recorded in an
:class:`~extractor.ingest.offsets.OffsetMap` that leads any repaired offset back to the
original text (the edit bookkeeping lives in :mod:`extractor.ingest.offsets`).

>>> text, offsets = repair("Voil & agrave ;, le 18<sup>ème</sup> & nbsp; arrondissement")
>>> text
'Voilà, le 18ème arrondissement'
>>> raw = "Voil & agrave ;, le 18<sup>ème</sup> & nbsp; arrondissement"
>>> raw[offsets.to_original(text.index("ème"))]
'è'
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import ftfy
import ftfy.badness

from extractor.ingest.offsets import OffsetMap, Replacement, TrackedText, aligned_edits
from extractor.ingest.wrapping import soft_breaks
from extractor.knowledge import load_yaml


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    data = load_yaml("repair.yaml")
    return data if isinstance(data, dict) else {}


def _pattern_for(key: str, fmt: str) -> re.Pattern[str]:
    words = sorted(map(str, _tables().get(key, [])), key=len, reverse=True)
    return re.compile(fmt.format("|".join(map(re.escape, words)) or "(?!)"), re.I | re.S)


_LINE = re.compile(r"[^\n]+")
_MOJIBAKE_HINT = re.compile(r"[\u0080-\u009f\u00c2-\u00c5\u00d0\u00d1\u00e2\u00ef]")
_ENTITY = re.compile(r"(?P<lead> )?&\s*(?P<name>#\s*x?[0-9a-f]{1,6}|[a-z][a-z0-9]{0,31})\s*;"
                     r"(?P<trail> )?", re.I)
_TAG = r"<\s*/?\s*(?:{0})\b(?:\s[^<>]*)?/?\s*>"
_SUP = re.compile(r"\^\{([^{}\n]{1,12})\}")
# Bracketed or emphasised content never crosses its own opening marker, so each opener scans
# at most to the next one: linear time on a line of unclosed markers.
_STRONG = re.compile(r"(?<!\w)(\*\*|__)(?=\S)((?:(?!\1)[^\n])*?\S)\1(?!\w)")
_EMPH = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\w*])")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>", re.I)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_BROKEN_PARAGRAPH = re.compile(r"(?<=[^\W\d_]|,)[ \t]*\n[ \t\n]*(?=[^\W\d_])")
_PROSE_LINE_SPACES = 4
_NEWLINE = re.compile(r"\n")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*,?")
_SPACE_RUN = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_EDGE_SPACE = re.compile(r"^ +| +$", re.M)
_BLANK_RUN = re.compile(r"\n{3,}|\A\n+|\n+\Z")


def _fix_mojibake(edit: TrackedText) -> None:
    """Undo UTF-8 read as cp1252/latin-1, line by line, only where ftfy finds damage; each
    changed run of non-ASCII characters is one edit (:func:`aligned_edits`, linear)."""
    edits = []
    for match in _LINE.finditer(edit.text):
        line = match.group()
        if not _MOJIBAKE_HINT.search(line) or not ftfy.badness.is_bad(line):
            continue
        edits.extend(aligned_edits(line, ftfy.fix_encoding(line), match.start()))
    edit.apply(edits)


def _fix_characters(edit: TrackedText) -> None:
    """Controls, invisible format characters and exotic spaces (by Unicode category)."""
    bullets = set(map(str, _tables().get("bullets", [])))

    def repl(match: re.Match[str]) -> Replacement:
        char = match.group()
        if char == "\r\n" or char in "\r\x0b\x0c\x85\u2028":
            return "\n"
        if char == "\u2029":
            return "\n\n"
        if char in bullets:
            opens_line = _opens_line(edit.text, match.start())
            return _tables().get("line_bullet", "-") if opens_line else _tables().get(
                "inline_bullet", ";")
        category = unicodedata.category(char)
        if category == "Zs" or char == "\t":
            return " "
        return ""

    suspects = "".join(map(re.escape, bullets))
    pattern = re.compile(rf"\r\n?|[^\S\n ]|[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f"
                         rf"\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb{suspects}]")
    edit.sub(pattern, repl)


def _opens_line(text: str, pos: int) -> bool:
    """Only spaces between the line start and ``pos`` (scanned back over the spaces alone,
    so a long line of inline bullets stays linear)."""
    i = pos - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


def _fix_entities(edit: TrackedText) -> None:
    """Decode HTML entities, including ones machine translation broke with spaces."""
    fixes = {str(k).lower(): str(v) for k, v in _tables().get("entity_fixes", {}).items()}
    apostrophes = {str(a).lower() for a in _tables().get("apostrophe_entities", [])}

    def repl(match: re.Match[str]) -> Replacement:
        name = re.sub(r"\s+", "", match.group("name"))
        char = _decode_entity(name, fixes)
        if char is None:
            return None
        amp = edit.text.index("&", match.start())
        lead, trail = match.group("lead") or "", match.group("trail") or ""
        after = edit.text[match.end() : match.end() + 1]
        glued = bool(lead) and _letter_before(edit.text, match.start())
        if glued and char.isalpha() and not trail and after and not after.isalnum():
            return char, amp  # word-final letter: "Voil & agrave ;," is "Voilà,"
        if glued and name.lower() in apostrophes and _one_letter_before(edit.text, match.start()):
            return char, amp  # elision: "l & rsquo; État" is "l’État"
        return lead + char + trail, match.start()

    edit.sub(_ENTITY, repl)


def _decode_entity(name: str, fixes: dict[str, str]) -> str | None:
    if name.startswith("#"):
        digits = name[1:]
        try:
            code = int(digits[1:], 16) if digits[:1] in "xX" and digits[1:] else int(digits)
            return chr(code) if 0 < code < 0x110000 and code != 0xFFFE else None
        except ValueError:
            return None
    return html.entities.html5.get(name + ";") or fixes.get(name.lower())


def _letter_before(text: str, space: int) -> bool:
    return space > 0 and text[space - 1].isalpha()


def _one_letter_before(text: str, space: int) -> bool:
    word = re.search(r"(?<![^\W\d_])[^\W\d_]+$", text[max(0, space - 8) : space])
    return word is not None and len(word.group()) == 1


def _fix_tags(edit: TrackedText) -> None:
    """Remove HTML tags left in text (known tag names only, so "a < b" survives)."""
    _drop_content(edit)
    for key, new in (("block_tags", "\n"), ("inline_tags", "")):
        edit.sub(_pattern_for(key, _TAG), _tag_replacer(new))


def _drop_content(edit: TrackedText) -> None:
    """Remove ``<script>…</script>`` and the like with their content. Each opening tag looks
    for its closing tag once; a name never closed is not looked for again (linear time)."""
    opener = _pattern_for("drop_content", r"<\s*({0})\b[^<>]*>")
    edits, unclosed, pos = [], set(), 0
    while (start := opener.search(edit.text, pos)) is not None:
        name, pos = start.group(1).lower(), start.end()
        if name in unclosed:
            continue
        end = re.compile(rf"<\s*/\s*{re.escape(name)}\s*>", re.I).search(edit.text, pos)
        if end is None:
            unclosed.add(name)
            continue
        edits.append((start.start(), end.end(), "", start.start()))
        pos = end.end()
    edit.apply(edits)


def _tag_replacer(new: str) -> Callable[[re.Match[str]], Replacement]:
    """A replacement that turns real tags into ``new``; a factory so each loop pass keeps
    its own ``new`` (a lambda default argument did the same, but mypy cannot type it)."""
    return lambda m: new if _is_tag(m.group()) else None


def _is_tag(markup: str) -> bool:
    """``<b>``, ``</b>``, ``<br/>``; with a space after "<" (damaged) only with attributes."""
    return not markup[1].isspace() or "=" in markup or markup.rstrip().endswith("/>")


def _fix_markdown(edit: TrackedText) -> None:
    """Keep the words of Markdown markup, drop its syntax."""
    keep = 1
    edit.sub(_IMAGE, lambda m: (m.group(keep), m.start(keep)))
    edit.sub(_LINK, lambda m: (m.group(keep), m.start(keep)))
    edit.sub(_AUTOLINK, lambda m: (m.group(keep), m.start(keep)))
    edit.sub(_HEADING, lambda m: (m.group(2), m.start(2)))
    edit.sub(_QUOTE_MARK, lambda m: "")
    edit.sub(_STRONG, lambda m: (m.group(2), m.start(2)))
    edit.sub(_EMPH, lambda m: (m.group(keep), m.start(keep)))
    edit.sub(_SUP, lambda m: (m.group(keep), m.start(keep)))
    edit.sub(_ESCAPE, lambda m: (m.group(keep), m.start(keep)))


def _fix_layout(edit: TrackedText) -> None:
    """One space between words, no blank-line runs, paragraphs cut mid-sentence rejoined."""
    edit.sub(_SPACE_RUN, lambda m: " ")
    edit.sub(_EDGE_SPACE, lambda m: "")
    wraps = set(soft_breaks(edit.text))  # a wrapped dispatch's line ends inside sentences
    edit.sub(_NEWLINE, lambda m: (" ", m.start()) if m.start() in wraps else None)

    def join(match: re.Match[str]) -> Replacement:
        before, after = edit.text[match.start() - 1], edit.text[match.end() : match.end() + 1]
        if not after.islower() or not (before == "," or before.islower()):
            return None
        line = edit.text[edit.text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if line.count(" ") < _PROSE_LINE_SPACES:
            return None  # a short line (heading, footer handle) is not a sentence cut in two
        last, first = line.rsplit(" ", 1)[-1], _TOKEN.match(edit.text, match.end())
        first_word = first.group().rstrip(",;:.)") if first else ""
        if not (_WORD.fullmatch(last.lstrip("(«“\"")) and _WORD.fullmatch(first_word)):
            return None  # an address, a URL or a code ends the line: a list, not a sentence
        return " ", match.start()

    edit.sub(_BROKEN_PARAGRAPH, join)
    edit.sub(_BLANK_RUN, lambda m: "" if m.start() == 0 or m.end() == len(edit.text) else "\n\n")


def repair(raw: str) -> tuple[str, OffsetMap]:
    """Repaired text and the map back to ``raw``; never raises on a string.

    >>> repair("**Le 1^{er} juin** [Lire](#) & eacute;t& eacute; <http://a.fr>")[0]
    'Le 1er juin Lire été http://a.fr'
    >>> repair("rÃ©gion\\u00a0Île\\u200b-de-France\\n\\n\\n\\n• point")[0]
    'région Île-de-France\\n\\n- point'
    """
    if not isinstance(raw, str):
        raw = str(raw)
    edit = TrackedText(raw)
    _fix_mojibake(edit)
    _fix_characters(edit)
    _fix_tags(edit)
    for _ in range(2):  # twice: "&amp;nbsp;" is "&nbsp;" once decoded
        _fix_entities(edit)
    _fix_characters(edit)
    _fix_tags(edit)
    _fix_markdown(edit)
    _fix_layout(edit)
    return edit.text, edit.offset_map()
