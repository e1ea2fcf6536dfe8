"""Text to HTML for the report: overlapping highlights as valid markup, quotes in context.

Mentions nest inside claims and may overlap one another ("Paris" inside "Ville de
Paris"), but HTML elements must nest strictly. So spans are cut at every boundary and
re-opened after a forced close; an ``id`` goes on the first piece only, and a link is
dropped inside another link (``<a>`` cannot contain ``<a>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape

from extractor.knowledge import load_yaml


@dataclass(frozen=True)
class Span:
    """A highlight of ``text[start:end]``: a ``<mark>`` with attributes, maybe a link."""

    start: int
    end: int
    css: str
    anchor: str | None = None
    href: str | None = None
    title: str | None = None

    def open(self, first: bool, inside_link: bool) -> str:
        attrs = f' class="{escape(self.css)}"'
        if first and self.anchor:
            attrs += f' id="{escape(self.anchor)}"'
        if self.title:
            attrs += f' title="{escape(self.title)}"'
        tag = f"<mark{attrs}>"
        if self.href and not inside_link:
            tag += f'<a href="{escape(self.href)}">'
        return tag

    def close(self, linked: bool) -> str:
        return "</a></mark>" if linked else "</mark>"


def render_spans(text: str, spans: list[Span]) -> str:
    """Escape ``text`` and wrap each span, splitting where spans cross.

    >>> print(render_spans("a <b> & c", [Span(0, 5, "x"), Span(2, 9, "y", anchor="k")]))
    <mark class="x">a <mark class="y" id="k">&lt;b&gt;</mark></mark><mark class="y"> &amp; c</mark>
    >>> spans = [Span(0, 14, "o", href="o.html"), Span(9, 14, "p", href="p.html")]
    >>> render_spans("Ville de Paris", spans)
    '<mark class="o"><a href="o.html">Ville de <mark class="p">Paris</mark></a></mark>'
    >>> render_spans("abc", [Span(2, 9, "bad"), Span(1, 1, "empty")])
    'ab<mark class="bad">c</mark>'
    """
    size = len(text)
    valid = [s for s in spans if 0 <= s.start < min(s.end, size)]
    order = sorted(range(len(valid)), key=lambda i: (valid[i].start, -valid[i].end, i))
    cuts = sorted({0, size, *(s.start for s in valid), *(min(s.end, size) for s in valid)})
    opened: set[int] = set()
    stack: list[tuple[int, bool]] = []
    out: list[str] = []
    pending = list(order)
    for here, nxt in zip(cuts, cuts[1:], strict=False):
        ending = {i for i, _ in stack if min(valid[i].end, size) <= here}
        if ending:
            depth = min(k for k, (i, _) in enumerate(stack) if i in ending)
            reopen = [i for i, _ in stack[depth:] if i not in ending]
            for i, linked in reversed(stack[depth:]):
                out.append(valid[i].close(linked))
            del stack[depth:]
            pending = reopen + [i for i in pending if i not in reopen]
        while pending and valid[pending[0]].start <= here:
            i = pending.pop(0)
            inside = any(linked for _, linked in stack)
            out.append(valid[i].open(i not in opened, inside))
            opened.add(i)
            stack.append((i, bool(valid[i].href) and not inside))
        out.append(escape(text[here:nxt], quote=False))
    for i, linked in reversed(stack):
        out.append(valid[i].close(linked))
    return "".join(out)


@cache
def _boundary(lang: str) -> re.Pattern[str]:
    """A sentence end: terminal punctuation then space, unless after an abbreviation."""
    data = load_yaml("report/report.yaml").get("sentences", {})
    abbrevs = [str(a) for a in data.get(lang, {}).get("abbreviations", [])]
    abbrevs += [str(a) for a in data.get("all", {}).get("abbreviations", [])]
    guards = "".join(f"(?<!\\b{re.escape(a)})" for a in sorted(set(abbrevs)))
    return re.compile(rf"\n|(?<!\b[A-Z]){guards}[.!?…]+(?:[ \u00a0\u202f]?[»”\"’')\]])*(?=\s|$)")


def sentence_around(text: str, start: int, end: int, lang: str = "",
                    limit: int = 400) -> tuple[int, int]:
    """The bounds of the sentence(s) containing ``text[start:end]``, at most ``limit``
    characters either side of the span (then cut at a space).

    >>> t = "Hier. M. Dupont a dit : « Nous ouvrirons 60 places. » Puis rien."
    >>> s, e = sentence_around(t, 41, 51, "fr")
    >>> t[s:e]
    'M. Dupont a dit : « Nous ouvrirons 60 places. »'
    >>> t = "He said: “It is done. ” We walk on."
    >>> t[slice(*sentence_around(t, 9, 23, "en"))]
    'He said: “It is done. ”'
    >>> sentence_around("", 3, 9)
    (0, 0)
    """
    size = len(text)
    start, end = max(0, min(start, size)), max(0, min(end, size))
    end = max(start, end)
    pattern = _boundary(lang)
    left = max(0, start - limit)
    begin = left
    for match in pattern.finditer(text, left, start):
        begin = match.end()
    if begin == left and left > 0:
        space = text.find(" ", left, start)
        begin = space + 1 if space >= 0 else left
    right = min(size, end + limit)
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    closing = next((m for m in pattern.finditer(text, max(start, stop - 4), right)
                    if m.end() >= stop), None)
    finish = closing.end() if closing else right
    if not closing and right < size:
        space = text.rfind(" ", end, right)
        finish = space if space > end else right
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, finish
