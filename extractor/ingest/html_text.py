"""HTML pages to visible text and page metadata, for the ingest step.

Press releases are often saved web pages: the text worth analysing is what a reader sees of
the article, so the page is parsed the way a browser parses it (selectolax's Lexbor engine,
a WHATWG HTML5 parser: a page without ``</head>``, unclosed ``<p>`` or stray tags reads as
a browser shows it), then scripts, styles, forms and the page's chrome are dropped:
``nav``, ``aside`` and ``footer`` always, ``header`` when it belongs to the page rather than
to an article or section (the HTML5 rule that makes it the page's banner; an article's own
header holds its title and byline). Blocks and headings become paragraphs, ``br`` a line
break, list items keep a "- " marker. ``<title>``, ``<html lang>`` and ``<meta>`` give
title, language, publication date, author and publisher.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extractor.ingest.bounds import Limits
from extractor.ingest.decoding import decode_bytes, iso_prefix

_DROPPED = {"script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button",
            "select", "iframe", "object", "head", "dialog", "math", "canvas", "footer"}
_PAGE_CHROME = {"header"}  # dropped unless inside one of _SECTIONING
_SECTIONING = {"article", "section", "main"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "blockquote",
           "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr",
           "figure", "figcaption", "pre", "hr", "address", "fieldset", "caption", "details",
           "summary", "body"}
_CELLS = {"td", "th"}
_SPACES = re.compile(r"[ \t\r\n\f]+")
_META_KEYS = {
    "date": "published", "dc.date": "published", "dc.date.issued": "published",
    "dcterms.date": "published", "dcterms.issued": "published", "pubdate": "published",
    "article:published_time": "published", "og:published_time": "published",
    "author": "author", "dc.creator": "author", "article:author": "author",
    "publisher": "publisher", "dc.publisher": "publisher", "og:site_name": "site_name",
    "og:title": "og_title", "dc.title": "og_title",
}


def read_html(data: bytes, path: Path, limits: Limits) -> tuple[str, dict[str, str]]:
    """HTML: visible text with paragraph breaks, plus title, dates, author, publisher, lang."""
    return html_to_text(decode_bytes(data, path))


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Visible text and metadata of an HTML page.

    >>> text, meta = html_to_text('<html lang="fr-FR"><title>T</title><script>x=1</script>'
    ...     '<nav>Menu</nav><p>Un <b>mot</b><ul><li>a</li><li>b</li></ul>')
    >>> text, meta["title"], meta["lang"]
    ('Un mot\\n\\n- a\\n- b', 'T', 'fr')
    """
    tree = LexborHTMLParser(markup)
    meta = _page_metadata(tree)
    parts = _visible_parts(tree.body) if tree.body is not None else []
    text = re.sub(r" *\n *", "\n", "".join(parts))
    text = re.sub(r"\n{3,}", "\n\n", re.sub(r" {2,}", " ", text)).strip()
    return text, meta


def _page_metadata(tree: LexborHTMLParser) -> dict[str, str]:
    """Title, language and the ``<meta>`` fields of :data:`_META_KEYS` (first value wins)."""
    meta: dict[str, str] = {}
    root = tree.root
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    if lang.strip():
        meta["lang"] = lang.strip().split("-")[0].lower()
    for node in tree.css("meta"):
        attrs = node.attributes
        key = _META_KEYS.get((attrs.get("name") or attrs.get("property") or "").lower())
        content = " ".join((attrs.get("content") or "").split())
        if key and content:
            meta.setdefault(key, content)
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else ""
    title = title or meta.get("og_title", "")
    meta.pop("og_title", None)
    if title:
        meta["title"] = title
    if "published" in meta:
        meta["published"] = iso_prefix(meta["published"]) or meta.pop("published")
    return {k: v for k, v in meta.items() if v}


def _skipped(node: LexborNode) -> bool:
    """Invisible or page-chrome elements, whose whole subtree is left out."""
    tag = node.tag or ""
    attrs = node.attributes
    if tag in _DROPPED or "hidden" in attrs or (attrs.get("aria-hidden") or "") == "true":
        return True
    if (attrs.get("role") or "").lower() in _CHROME_ROLES:
        return True
    return tag in _PAGE_CHROME and not _in_sectioning(node)


def _in_sectioning(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _SECTIONING:
            return True
        parent = parent.parent
    return False


def _opening(node: LexborNode) -> str:
    """What an element contributes before its content (its text, for a text node)."""
    tag = node.tag
    if tag == "-text":
        return _SPACES.sub(" ", node.text_content or "")
    if tag == "br":
        return "\n"
    if tag == "li":
        return "\n- "
    if tag in _BLOCKS:
        return "\n\n"
    return " " if tag in _CELLS else ""


def _visible_parts(body: LexborNode) -> list[str]:
    """Text pieces of ``body`` in document order, walked without recursion (any depth)."""
    parts: list[str] = []
    node: LexborNode | None = body.child
    while node is not None:
        descend = node.is_element_node and not _skipped(node)
        if descend or node.is_text_node:
            parts.append(_opening(node))
        if descend and node.child is not None:
            node = node.child
            continue
        node = _next_after(node, body, parts, closed=descend)
    return parts


def _next_after(node: LexborNode, body: LexborNode, parts: list[str],
                closed: bool) -> LexborNode | None:
    """The next node once ``node``'s subtree is done, closing the blocks it leaves."""
    current: LexborNode | None = node
    while current is not None:
        if closed and current.tag in _BLOCKS:
            parts.append("\n\n")
        if current.next is not None:
            return current.next
        current = current.parent
        closed = True
        if current is None or current.mem_id == body.mem_id:
            return None
    return None
