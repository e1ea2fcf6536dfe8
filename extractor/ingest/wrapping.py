"""Line ends a sender's mail or wire software put inside sentences: hard-wrapped plain text.

Agency dispatches and e-mailed press releases often arrive wrapped at a fixed width ("French
Interior Minister Bernard\\nCazeneuve said"). A newline inside a name cuts it for the
named-entity model and, in a text of paragraph lines, ends the sentence the claim rules read,
so the name, the actor and the claim are lost. The repair that joins a paragraph cut before a
lower-case word (:func:`extractor.ingest.repair._fix_layout`) cannot join before a capital
on its own: in a web page a line ending before a capital is a heading or a list item. This
module finds the texts that are wrapped and, in them, the line ends that are wraps.

>>> text = ("PARIS, June 26 French Interior Minister Bernard\\nCazeneuve said on Friday he "
...         "had launched legal action\\ntargeting local managers of the ride-sharing\\n"
...         "service, denouncing the attitude of the company as\\ncynical and arrogant.\\n"
...         "France already ordered a nationwide clampdown on\\nits service on Thursday, "
...         "siding with the taxi drivers who\\nblockaded major transport hubs in protest.\\n"
...         "Uber contests the rule.")
>>> [text[i - 8:i] for i in soft_breaks(text)]
[' Bernard', 'l action', '-sharing', 'mpany as', 'pdown on', 'vers who']
"""

from __future__ import annotations

import re

_MIN_LINES = 6  # fewer lines say nothing about a width
_MIN_WIDTH = 50  # a menu or a list of short items is not wrapped prose
_MAX_WIDTH = 100  # a web paragraph runs longer on one line
_FULL = 0.75  # a line this close to the width was cut by it, not ended by the writer
_MIN_EVIDENCE = 2  # wraps before a lower-case word: proof the text was cut mid-sentence
_ENDS = ".!?:;»”\")…"
_LIST_ITEM = re.compile(r"[-–•▪◦‣*]\s|\d{1,2}[.)]\s")


def wrap_width(text: str) -> int:
    """The width the text was wrapped at (the longest lines' length), or 0 when its lines are
    paragraphs: most lines close to one width under a hundred characters, and at least
    ``_MIN_EVIDENCE`` of them cut before a lower-case word."""
    lines = [line.rstrip() for line in text.split("\n")]
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < _MIN_LINES:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return 0
    full = [n for n in lengths if n >= _FULL * width]
    cut = sum(1 for line, after in zip(lines, lines[1:], strict=False)
              if len(line) >= _FULL * width and after[:1].islower())
    return width if 2 * len(full) >= len(lengths) and cut >= _MIN_EVIDENCE else 0


def soft_breaks(text: str) -> list[int]:
    """Offsets of the newlines of a wrapped text that fall inside a sentence: after a line
    close to the width that ends with no stop, before a line that opens no list item."""
    width = wrap_width(text)
    if not width:
        return []
    out = []
    start = 0
    for end in (m.start() for m in re.finditer("\n", text)):
        line = text[start:end].rstrip()
        after = text[end + 1:end + 4]
        start = end + 1
        if len(line) < _FULL * width or line.endswith(tuple(_ENDS)) or not after[:1].strip() \
                or _LIST_ITEM.match(after):
            continue
        out.append(end)
    return out


__all__ = ["soft_breaks", "wrap_width"]
