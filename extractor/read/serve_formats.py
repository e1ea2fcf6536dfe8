"""Content negotiation for the endpoint: which format each kind of result is given in.

A SPARQL query's result kind (rows, a boolean, triples) is known only once it runs, so
the choice is made per kind up front and the worker picks the one for its result; a kind
that the Accept header leaves no format for is answered 406 (E188), and every answer
says ``Vary: Accept`` so caches keep formats apart. Wildcards (``*/*``, ``text/*``) take
the formats in :data:`PREFERENCE` order, so ``*/*`` still gives JSON rows and Turtle.
"""

from __future__ import annotations

__all__ = ["GRAPH", "MEDIA", "TABULAR", "negotiate"]

MEDIA = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ntriples": "application/n-triples",
}
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "application/x-turtle": "turtle", "text/plain": "ntriples"}
TABULAR, GRAPH = ("json", "xml", "csv", "tsv", "html"), ("turtle", "ntriples", "html")


PREFERENCE = ("json", "turtle", "xml", "ntriples", "csv", "tsv", "html")  # for wildcards
DEFAULTS = {"select": "json", "ask": "json", "graph": "turtle"}


def _quality(params: list[str]) -> float:
    for param in params:
        if param.startswith("q="):
            try:
                return float(param[2:])
            except ValueError:
                return 0.0
    return 1.0


def _matching(media: str) -> list[str]:
    """Format names a media range covers: ``*/*`` and ``text/*`` in order of preference."""
    if media in ALIASES:
        return [ALIASES[media]]
    if media.endswith("/*"):
        prefix = "" if media == "*/*" else media[:-1]
        return [name for name in PREFERENCE if MEDIA[name].startswith(prefix)]
    return [name for name, value in MEDIA.items() if value == media]


def negotiate(accept: str, fmt: str | None = None) -> dict[str, str | None]:
    """Pick an output format per result kind from a ``format=`` value or an Accept header;
    None for a kind none of whose formats the Accept header takes (the answer is 406).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml")["select"]
    'xml'
    >>> negotiate("*/*")
    {'select': 'json', 'ask': 'json', 'graph': 'turtle'}
    >>> negotiate("", "html")["graph"]
    'html'
    >>> negotiate("text/turtle")
    {'select': None, 'ask': None, 'graph': 'turtle'}
    """
    ranked: list[tuple[float, int, int, str]] = []
    for index, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip().lower() for p in part.split(";")]
        quality = _quality(params)
        if quality > 0:
            ranked.extend((-quality, index, rank, name)
                          for rank, name in enumerate(_matching(media)))
    wanted = ([fmt] if fmt else []) + [name for *_, name in sorted(ranked)]
    lenient = bool(fmt) or not (accept or "").strip()  # no Accept: any format will do
    return {kind: next((w for w in wanted if w in allowed),
                       DEFAULTS[kind] if lenient else None)
            for kind, allowed in (("select", TABULAR), ("ask", TABULAR), ("graph", GRAPH))}
