"""Reading order of a PDF's text boxes: columns, running headers and footers, paragraphs.

pdfminer finds the lines of a page and groups them into text boxes; what it does not know is
the order a reader follows. Here, on plain geometry (no pdfminer object is kept): boxes that
span the text width (titles, full-width paragraphs) cut a page into bands; inside a band,
narrow boxes whose horizontal extents overlap form a column, and columns are read left to
right, each top to bottom, so two columns are never interleaved. Lines that repeat at the
top or bottom of most pages (running headers, footers, page numbers, digits aside) are
dropped. Each box is a paragraph, split further where a line ends short; hyphenated line
ends are rejoined in linear time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

SHORT_LINE = 0.7  # a line ending before 70% of its box's width closes its paragraph
WIDE_BOX = 0.55  # a box wider than this share of the text width spans the columns
EDGE_LINES = 2  # lines looked at, at the top and at the bottom of a page, for running ones
_DIGITS = re.compile(r"\d+")
_HYPHEN_END = re.compile(r"\w-$")
_PIECE = r"[^\W\d_]+"
_BROKEN_WORD = re.compile(rf"(?<![^\W\d_])({_PIECE})-\n[ \t]*({_PIECE})")
_COMPOUND = re.compile(rf"(?<![^\W\d_-]){_PIECE}(?:-{_PIECE})+")


@dataclass(frozen=True)
class Line:
    """One text line of a page: its text and bounding box (PDF points, y up)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Box:
    """A block of lines pdfminer grouped together, in top-to-bottom order."""

    lines: tuple[Line, ...]

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return max(line.y1 for line in self.lines)


def order_boxes(boxes: list[Box]) -> list[tuple[Box, float]]:
    """Boxes in reading order, each with the right edge of its column (where a full line
    ends): bands cut by wide boxes, then columns left to right, each top to bottom.

    >>> def box(x0, x1, top): return Box((Line("t", x0, x1, top - 10, top),))
    >>> left = [box(0, 90, 700), box(0, 90, 600)]
    >>> right = [box(110, 200, 700), box(110, 200, 600)]
    >>> title = box(0, 200, 800)
    >>> [(b.x0, b.top, edge) for b, edge in order_boxes([*right, title, *left])]
    [(0, 800, 200), (0, 700, 90), (0, 600, 90), (110, 700, 200), (110, 600, 200)]
    """
    if not boxes:
        return []
    left, right = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    limit = WIDE_BOX * (right - left)
    wide = sorted((b for b in boxes if b.x1 - b.x0 > limit), key=lambda b: -b.top)
    bands: list[list[Box]] = [[] for _ in range(len(wide) + 1)]
    for b in boxes:
        if b.x1 - b.x0 <= limit:
            bands[sum(1 for w in wide if w.top >= b.top)].append(b)
    ordered: list[tuple[Box, float]] = []
    for index, band in enumerate(bands):
        columns = _columns(band)
        single = len(columns) == 1  # one column of short boxes: lines end at the text edge
        for column in columns:
            edge = right if single else max(b.x1 for b in column)
            ordered.extend((box, edge) for box in column)
        if index < len(wide):
            ordered.append((wide[index], right))
    return ordered


def _columns(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped by overlapping horizontal extents, left to right, each top to bottom."""
    columns: list[list[Box]] = []
    reach = float("-inf")
    for b in sorted(boxes, key=lambda b: b.x0):
        if columns and b.x0 < reach:
            columns[-1].append(b)
            reach = max(reach, b.x1)
        else:
            columns.append([b])
            reach = b.x1
    return [sorted(column, key=lambda b: (-b.top, b.x0)) for column in columns]


def _running_key(line: Line) -> str:
    """A line's text with its numbers blanked: "Page 3 / 12" and "Page 4 / 12" are one."""
    return " ".join(_DIGITS.sub("#", line.text).split()).casefold()


def _edge_lines(page: list[Box]) -> list[Line]:
    lines = sorted((line for box in page for line in box.lines), key=lambda ln: -ln.y1)
    return lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def drop_running_lines(pages: list[list[Box]]) -> list[list[Box]]:
    """Pages without the lines repeated at the top or bottom of more than half of them."""
    if len(pages) < 2:
        return pages
    seen = Counter(key for page in pages for key in {_running_key(ln) for ln in _edge_lines(page)})
    running = {key for key, count in seen.items() if count >= 2 and 2 * count > len(pages)}
    if not running:
        return pages
    kept_pages = []
    for page in pages:
        edges = {id(line) for line in _edge_lines(page) if _running_key(line) in running}
        boxes = [Box(tuple(ln for ln in box.lines if id(ln) not in edges)) for box in page]
        kept_pages.append([box for box in boxes if box.lines])
    return kept_pages


def box_text(box: Box, edge: float) -> str:
    """One box's lines, with a paragraph break where the gap widens or a line ends short
    (before :data:`SHORT_LINE` of the way to ``edge``, the right edge of its column)."""
    lines = box.lines
    gaps = sorted(a.y0 - b.y1 for a, b in zip(lines, lines[1:], strict=False) if a.y0 >= b.y1)
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    short = box.x0 + SHORT_LINE * (max(edge, box.x1) - box.x0)
    out: list[str] = []
    for prev, line in zip(lines, lines[1:], strict=False):
        if not out:
            out.append(prev.text)
        gap = prev.y0 - line.y1
        if abs(prev.y0 - line.y0) < 0.5 * line.height and line.x0 >= prev.x1:
            out.extend((" ", line.text))  # a wide gap cut one row in two: same line
            continue
        new_block = gap < -0.5 * line.height or gap > usual + 0.4 * line.height
        continued = line.text[:1].islower() or bool(_HYPHEN_END.search(prev.text))
        out.append("\n\n" if new_block or (prev.x1 < short and not continued) else "\n")
        out.append(line.text)
    return "".join(out) if out else lines[0].text


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

    One pass to learn the text's compounds, one pass to rejoin: linear in the text.

    >>> rejoin_hyphens("la politique régio-\\nnale et médico-\\nsociale, médico-sociale")
    'la politique régionale et médico-sociale, médico-sociale'
    """
    pairs: set[tuple[str, str]] = set()
    for match in _COMPOUND.finditer(text):
        parts = match.group().split("-")
        pairs.update(zip(parts, parts[1:], strict=False))

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if not right[0].islower():
            return match.group()
        return f"{left}-{right}" if (left, right) in pairs else left + right

    return _BROKEN_WORD.sub(join, text)
