"""HTML pages to visible text and page metadata, for the ingest step.

Press releases are often saved web pages: the text worth analysing is what a reader sees,
so scripts, styles, navigation and other invisible or chrome elements are dropped, blocks
become paragraphs and list items keep a "- " marker. The ``<title>``, ``<html lang>`` and
``<meta>`` tags give the title, language, publication date, author and publisher.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from extractor.ingest.decoding import decode_bytes, iso_prefix, read_bytes

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


def read_html_file(path: Path) -> tuple[str, dict[str, str]]:
    """HTML: visible text with paragraph breaks, plus title, dates, author, publisher, lang."""
    return html_to_text(decode_bytes(read_bytes(path), path))


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
