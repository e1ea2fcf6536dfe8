"""Edits to a text that remember where every character came from, and the map back.

Repair (:mod:`extractor.ingest.repair`) rewrites the text that gets analysed and stored,
yet every mention and claim must point at the exact characters of the original file.
:class:`TrackedText` applies edits while keeping, for each position, its original offset;
:class:`OffsetMap` is the compact result stored with a document (the points where repaired
and original offsets stop running in step), which leads any repaired offset back.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from itertools import zip_longest

# A replacement is the new text, or the new text and the offset it is copied from.
Replacement = str | tuple[str, int] | None
Edit = tuple[int, int, str, int]
DIFF_LIMIT = 2000  # difflib is quadratic or worse: only short lines are aligned by it
_SCRIPT_RUN = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@dataclass(frozen=True)
class OffsetMap:
    """Repaired offset → original offset, stored as the points where the two stop running in step.

    >>> m = OffsetMap(((0, 0), (3, 10)))
    >>> m.to_original(1), m.to_original(4)
    (1, 11)
    """

    anchors: tuple[tuple[int, int], ...] = ((0, 0),)

    @classmethod
    def from_anchors(cls, anchors: Iterable[Iterable[int]]) -> OffsetMap:
        """Rebuild from ``Document.offset_anchors`` (lists after a JSON round trip)."""
        pairs = tuple(sorted((int(r), int(o)) for r, o in anchors)) or ((0, 0),)
        return cls(pairs)

    def to_original(self, i: int) -> int:
        """Offset in the original text of the character at repaired offset ``i``."""
        index = bisect_right(self._keys, i) - 1
        if index < 0:
            return max(0, i)
        rep, orig = self.anchors[index]
        return orig + (i - rep)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the repaired span ``[start, end)`` (end taken from its last char)."""
        if end <= start:
            first = self.to_original(start)
            return first, first
        return self.to_original(start), self.to_original(end - 1) + 1

    @cached_property
    def _keys(self) -> list[int]:
        return [rep for rep, _ in self.anchors]


class TrackedText:
    """The text being repaired and, for each of its positions, the original offset."""

    def __init__(self, raw: str) -> None:
        self.text = raw
        self.pos = array("q", range(len(raw) + 1))

    def apply(self, edits: Iterable[tuple[int, int, str, int]]) -> None:
        """Replace ``text[s:e]`` by ``new``, whose chars map from offset ``src`` onwards."""
        pieces: list[str] = []
        pos = array("q")
        last = 0
        for start, end, new, src in edits:
            pieces.append(self.text[last:start])
            pos.extend(self.pos[last:start])
            pieces.append(new)
            limit = max(start, end - 1)
            pos.extend(self.pos[min(src + k, limit)] for k in range(len(new)))
            last = end
        if not pieces:
            return
        pieces.append(self.text[last:])
        pos.extend(self.pos[last:])
        self.text = "".join(pieces)
        self.pos = pos

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Replacement]) -> None:
        """Regex substitution; ``repl`` returning None keeps the match as it is."""
        edits = []
        for match in pattern.finditer(self.text):
            new = repl(match)
            if new is None:
                continue
            text, src = new if isinstance(new, tuple) else (new, match.start())
            if text != match.group():
                edits.append((match.start(), match.end(), text, src))
        self.apply(edits)

    def offset_map(self) -> OffsetMap:
        pos = self.pos
        steps = zip(pos, pos[1:])  # noqa: B905 - pos[1:] is one shorter by design
        anchors = [(0, pos[0])]
        anchors.extend((i, b) for i, (a, b) in enumerate(steps, 1) if b != a + 1)
        return OffsetMap(tuple(anchors))


def aligned_edits(old: str, new: str, base: int = 0) -> list[Edit]:
    """Edits turning ``old`` (at offset ``base``) into ``new``, in linear time when the two
    share their ASCII runs (a re-decoding such as ftfy's changes only non-ASCII runs).

    Otherwise a short line is aligned by difflib, a long one is one edit.

    >>> aligned_edits("la rÃ©gion Ã®le", "la région île", 10)
    [(14, 16, 'é', 14), (21, 23, 'î', 21)]
    """
    edits: list[Edit] = []
    for was, now in zip_longest(_SCRIPT_RUN.finditer(old), _SCRIPT_RUN.finditer(new)):
        if was is None or now is None or was.group().isascii() != now.group().isascii() or (
                was.group().isascii() and was.group() != now.group()):
            return _diff_edits(old, new, base)
        if was.group() != now.group():
            edits.append((base + was.start(), base + was.end(), now.group(), base + was.start()))
    return edits


def _diff_edits(old: str, new: str, base: int) -> list[Edit]:
    if len(old) > DIFF_LIMIT or len(new) > DIFF_LIMIT:
        return [(base, base + len(old), new, base)]
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(base + i1, base + i2, new[j1:j2], base + i1)
            for op, i1, i2, j1, j2 in opcodes if op != "equal"]
