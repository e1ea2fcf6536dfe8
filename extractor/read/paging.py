"""Pages of an ordered SELECT answer: ``LIMIT``/``OFFSET`` added to the query, and the link
to the next page.

The endpoint serves a SELECT whose answer is ordered (a top-level ``ORDER BY``) and that
sets no ``LIMIT``, ``OFFSET`` or trailing ``VALUES`` of its own one page at a time: the
query runs with ``LIMIT size + 1 OFFSET offset`` (the extra row only says whether a next
page exists and is not sent), and the answer links to the next page (``Link: <…>;
rel="next"``, and a link on the HTML page). A page is thus a real slice of the ordered
answer, never rows cut at random; an answer without ``ORDER BY`` has no stable order to
slice, so it is sent whole as before (up to ``--max-rows``), and a query with its own
``LIMIT`` or ``OFFSET`` is the client's own paging. Whole-graph listings of thousands of
rows exist as files too (``claims.jsonl``, ``mentions.jsonl``, ``delivery.jsonl``).

Oxigraph sorts the whole answer before it slices it, so a page costs the evaluation of
the whole answer less the formatting and transfer of the rows it does not send.

Error code of this module: ``E190`` a bad ``limit`` or ``offset`` parameter, or
``offset`` asked of a query that cannot be paged.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from extractor.errors import error
from extractor.read.bindings import TOKENS

__all__ = ["PAGE_SIZE", "Page", "page_of", "pageable", "paged"]

PAGE_SIZE = 1000
_PROLOGUE = re.compile(r"(?is)^(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*")
# A keyword written at the top level, not a variable (?limit), a prefixed name (ex:limit)
# or part of a longer word.
_TOP = re.compile(r"(?i)(?<![?$\w:.-])(order\s+by|limit|offset|values)(?![\w:-])")


def _top_level_words(sparql: str) -> set[str]:
    """The keywords ``ORDER BY``, ``LIMIT``, ``OFFSET`` and ``VALUES`` that the query
    writes outside every brace (comments, strings and IRIs skipped), lower-cased."""
    found: set[str] = set()
    depth = 0
    for match in TOKENS.finditer(sparql):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and token[0] not in "#'\"<":
            found.update(" ".join(m.group(1).lower().split()) for m in _TOP.finditer(token))
    return found


def pageable(sparql: str) -> bool:
    """True for a SELECT with a top-level ``ORDER BY`` and no ``LIMIT``, ``OFFSET`` or
    trailing ``VALUES`` of its own: one whose ordered answer can be served in slices.

    >>> pageable("PREFIX a: <http://e/#> SELECT ?s { ?s a:p ?o } ORDER BY ?s")
    True
    >>> pageable("SELECT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 5 } } ORDER BY ?s")
    True
    >>> pageable("SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 10")
    False
    >>> pageable("SELECT ?limit { ?s ?p ?limit }"), pageable("ASK { ?s ?p ?o }")
    (False, False)
    """
    start = _PROLOGUE.match(sparql)
    head = sparql[start.end() if start else 0:][:6].lower()
    words = _top_level_words(sparql)
    return head == "select" and "order by" in words and not words & {"limit", "offset",
                                                                      "values"}


def paged(sparql: str, size: int, offset: int) -> str:
    """The query asked for ``size + 1`` rows from ``offset`` (the extra row tells whether
    a next page exists).

    >>> paged("SELECT ?s { ?s ?p ?o } ORDER BY ?s # last", 2, 4)
    'SELECT ?s { ?s ?p ?o } ORDER BY ?s # last\\nLIMIT 3 OFFSET 4\\n'
    """
    return f"{sparql}\nLIMIT {size + 1} OFFSET {offset}\n"


class Page:
    """Which slice of an answer a request asks for: ``size`` rows from ``offset``."""

    def __init__(self, size: int, offset: int) -> None:
        self.size, self.offset = size, offset

    def next_url(self, params: dict[str, list[str]]) -> str:
        """The request's URL for the page after this one: the same query, format and page
        size, the offset moved on (a POSTed query becomes a GET URL)."""
        keep = {k: v[0] for k, v in params.items() if k in ("query", "format") and v}
        if "limit" in params:
            keep["limit"] = str(self.size)
        keep["offset"] = str(self.offset + self.size)
        return "/sparql?" + urlencode(keep)


def _count(params: dict[str, list[str]], name: str, default: int, low: int,
           high: int | None) -> int:
    """A whole-number parameter within its bounds; E190 otherwise."""
    values = params.get(name)
    if not values:
        return default
    text = values[0].strip()
    if len(values) > 1 or not text.isdigit() or int(text) < low \
            or (high is not None and int(text) > high):
        top = f" and {high}" if high is not None else ""
        raise error("E190", name=name, value=", ".join(values),
                    reason=f"a whole number between {low}{top}")
    return int(text)


def page_of(sparql: str, params: dict[str, list[str]], default_size: int,
            max_rows: int) -> Page | None:
    """The page a request asks for (``limit``: rows per page, at most ``max_rows``;
    ``offset``: rows skipped), or None when the query is not paged (see :func:`pageable`);
    E190 for a bad value, or for ``limit``/``offset`` given with a query that cannot be
    paged (the client would take a whole answer for a page)."""
    size = _count(params, "limit", min(default_size, max_rows), 1, max_rows)
    offset = _count(params, "offset", 0, 0, None)
    if pageable(sparql):
        return Page(size, offset)
    if "limit" in params or "offset" in params:
        raise error("E190", name="offset" if "offset" in params else "limit",
                    value=(params.get("offset") or params["limit"])[0],
                    reason="only a SELECT with ORDER BY and no LIMIT, OFFSET or VALUES "
                           "of its own is served in pages")
    return None
