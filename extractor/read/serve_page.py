"""The server's HTML: the query page (a form, and links to the saved queries) and results
rendered as an HTML table.

Kept apart from the HTTP handling because both the server (the page at ``/`` and error
pages) and its worker processes (results asked for with ``format=html``) build it. Every
value is escaped: the page shows query text and store contents, which anyone may have
written.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote

from extractor.read.query_results import QueryResult, Term, term_text
from extractor.read.saved_queries import saved_queries

__all__ = ["page", "render_html"]


def render_html(result: QueryResult) -> str:
    """A result as an HTML fragment (a table, or the boolean)."""
    if result.kind == "ask":
        return f"<p class=answer>{str(result.boolean).lower()}</p>"
    rows: Sequence[Sequence[Term | None]]
    if result.kind == "graph":
        names, rows = ["subject", "predicate", "object"], [
            [t.subject, t.predicate, t.object] for t in result.triples]
    else:
        names, rows = result.variables, result.bindings
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if t is None else html.escape(term_text(t))}</td>"
                         for t in row) + "</tr>" for row in rows)
    note = " (truncated)" if result.truncated else ""
    return f"<p>{len(rows)} rows{note}</p><table><tr>{head}</tr>{body}</table>"


def _parameters(parameters: dict[str, str]) -> str:
    """How to ask a saved query about one value: the SPARQL Protocol has no parameters, so
    the page says which ``VALUES`` block to add where ``--bind`` puts it (at the end it
    would be joined after any grouping, too late to narrow or speed anything)."""
    if not parameters:
        return ""
    items = "".join(f"<li><code>VALUES ?{html.escape(k)} {{ … }}</code>: {html.escape(v)}</li>"
                    for k, v in parameters.items())
    return ("<br>To ask about one value, add just after its <code>WHERE {</code> (or at each "
            f"of its <code># @bind</code> lines):<ul>{items}</ul>")


def page(sparql: str = "", fragment: str = "") -> str:
    """The self-contained query page: a form that GETs ``/sparql`` with ``format=html``."""
    examples = "".join(
        f'<li><a href="/sparql?format=html&amp;query={quote(q.text)}">{html.escape(name)}</a>'
        f" {html.escape(q.question)}{_parameters(q.parameters)}</li>"
        for name, q in saved_queries().items())
    default = sparql or "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } }\n" \
        "GROUP BY ?g"
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>plangraph SPARQL</title>"
        "<style>body{font-family:sans-serif;margin:2em}textarea{width:100%;height:12em;"
        "font-family:monospace}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
        "padding:2px 6px;font-size:90%;text-align:left;vertical-align:top}</style></head>"
        "<body><h1>plangraph SPARQL</h1><form method=get action=/sparql>"
        f"<textarea name=query>{html.escape(default)}</textarea><br>"
        "<select name=format>" + "".join(
            f"<option>{f}</option>" for f in ("html", "json", "xml", "csv", "tsv", "turtle"))
        + "</select> <button type=submit>Run</button></form>"
        f"{fragment}<h2>Saved queries</h2><ul>{examples}</ul></body></html>")
