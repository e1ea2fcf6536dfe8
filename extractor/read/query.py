"""Read-only SPARQL over the store: run a query, refuse what could write or reach outside.

Safety rests on three layers, each enough alone for its threat:
- updates: ``Store.query`` only parses queries, and the CLI and server open the store
  read-only; the update check below only picks the clearer error message (E030);
- SERVICE: pyoxigraph *does* fetch remote endpoints, and its parser needs no space
  around keywords (``trueSERVICE<…>`` parses), so any query whose text contains
  "service" in any case, even in a string or IRI, is refused (E133). Fail-closed;
- time: ``timeout`` runs the query in a worker thread and stops waiting. pyoxigraph has
  no cancel call: a streaming query stops at the next row, but a blocking one (ORDER BY,
  COUNT) burns a core until it ends or the process exits. Fine for a CLI that exits on
  the error; the server therefore runs each query in a child process it can kill.

The default graph is the union of all graphs (the build leaves it empty), so a query
without ``GRAPH`` sees every document and ``GRAPH ?g`` still says which one.
Results are read whole (capped by ``max_rows``) into a
:class:`~extractor.read.query_results.QueryResult`, which that module writes out;
saved queries are in :mod:`extractor.read.saved_queries`. :func:`ask` is what the CLI
runs: a query with ``--bind`` values, those naming documents, actors, entities or claims
looked up in the store first (:mod:`extractor.read.bound_values`), and an empty answer to
a bound question reported (E034) rather than left as a silent empty table.

Error codes (beyond E030): E131 syntax error (one short line: pyoxigraph lists every
character class it expected, 700 characters for an undeclared prefix), E132 timeout,
E133 SERVICE refused, E136 evaluation failed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import TypeVar

import pyoxigraph as ox

from extractor.errors import PlangraphError, error
from extractor.read.bindings import Term, bind_values
from extractor.read.bound_values import resolve_bindings
from extractor.read.query_results import QueryResult
from extractor.read.saved_queries import SavedQuery

__all__ = [
    "ask",
    "looks_like_update",
    "mentions_service",
    "query_prefixes",
    "run_query",
    "syntax_reason",
]

T = TypeVar("T")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE
)
_UPDATE_WORDS = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy",
                 "with"}
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)


def _unescape(text: str) -> str:
    r"""Apply SPARQL codepoint escapes, so ``\u0053ERVICE`` is seen as ``SERVICE``."""

    def repl(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(repl, text)


def mentions_service(sparql: str) -> bool:
    r"""True when the text could hold a SERVICE clause (the word anywhere, any case).

    >>> mentions_service("SELECT * { trueSERVICE<http://x/> { ?s ?p ?o } }")
    True
    >>> mentions_service(r"SELECT * { \u0073ervice <http://x/> {} }")
    True
    >>> mentions_service("SELECT ?s WHERE { ?s ?p ?o }")
    False
    """
    return "service" in _unescape(sparql).lower()


def looks_like_update(sparql: str) -> bool:
    """True when the first keyword after the prologue starts a SPARQL update.

    >>> looks_like_update("PREFIX ex: <http://e/#> # note\\n insert data { ex:a ex:b ex:c }")
    True
    >>> looks_like_update("SELECT * { ?s ?p ?o }")
    False
    >>> looks_like_update("")
    False
    """
    text = _unescape(sparql)
    prologue = _PROLOGUE.match(text)
    assert prologue is not None  # the pattern is all ``*``, so it matches "" at least
    word = re.match(r"[A-Za-z]+", text[prologue.end():])
    return word is not None and word.group(0).lower() in _UPDATE_WORDS


def query_prefixes(sparql: str) -> dict[str, str]:
    """The PREFIX declarations of a query, reused when writing its CONSTRUCT result.

    >>> query_prefixes("PREFIX pg: <https://w3id.org/plangraph/ontology#> CONSTRUCT {} {}")
    {'pg': 'https://w3id.org/plangraph/ontology#'}
    """
    return {m.group(1) or "": m.group(2) for m in _PREFIX.finditer(sparql)}


def _collect(items: Iterable[T], max_rows: int | None,
             cancel: threading.Event | None) -> tuple[list[T], bool]:
    """Read up to ``max_rows`` items, stopping early when cancelled; report truncation."""
    kept: list[T] = []
    for item in items:
        if cancel is not None and cancel.is_set():
            break
        if max_rows is not None and len(kept) >= max_rows:
            return kept, True
        kept.append(item)
    return kept, False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_EXPECTED = re.compile(r'"(?:[^"\\]|\\.)*"|[A-Za-z][A-Za-z0-9_]*')
_PREFIXED = re.compile(r"(?<![\w<#/.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:[\w.%-]*")
_UNDECLARED = re.compile(r"Prefix not found|prefix \S* ?(?:is )?not (?:found|declared|defined)",
                         re.IGNORECASE)


def syntax_reason(sparql: str, message: str) -> str:
    """pyoxigraph's parse error as one short line: where, what was expected (its lists of
    character classes cut), and the query text there.

    >>> syntax_reason("SELECT * {\\n ?s foo:p ?o }", "error at 2:9: expected one of "
    ...               "Prefix not found, ['%'], [':' | '\\\\u{00B7}']")
    "undeclared prefix 'foo:' at line 2"
    >>> syntax_reason("SELECT * {", 'error at 1:11: expected one of "$", "(", "{", "}", '
    ...               "['0'..='9'], [_]")
    'line 1, column 11: expected one of "$", "(", "{", "}", … at the end of the query'
    """
    found = _AT.match(message.strip())
    if not found:
        return " ".join(message.split())[:200]
    line, column, detail = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = sparql.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    if _UNDECLARED.search(detail):
        names = [m for m in _PREFIXED.finditer(text) if m.start() < column]
        prefix = names[-1].group(1) or "" if names else "?"
        return f"undeclared prefix '{prefix}:' at line {line}"
    detail = " ".join(detail.split())
    if detail.startswith("expected one of"):
        head, cut = detail.split("[", 1)[0], "[" in detail
        items = _EXPECTED.findall(head.removeprefix("expected one of"))
        more = ", …" if cut or len(items) > 6 else ""
        detail = f"expected one of {', '.join(items[:6])}{more}"
    start = min(max(column - 1, 0), len(text))
    while start and not text[start - 1].isspace():  # pyoxigraph may point inside a word
        start -= 1
    near = text[start:start + 15].strip() if line <= len(lines) else ""
    last = line >= len(lines) and not text[column - 1:].strip()
    where = " at the end of the query" if last else f" near '{near}'" if near else ""
    return f"line {line}, column {column}: {detail[:160]}{where}"


def _syntax_error(sparql: str, bound: str, exc: SyntaxError) -> PlangraphError:
    """E131 for the text the user wrote: when ``--bind`` added a VALUES block, the
    unbound text is parsed again so that the line and column are the user's."""
    message = str(exc)
    if bound != sparql:
        try:
            ox.Store().query(sparql)
        except SyntaxError as own:
            message = str(own)
    return error("E131", reason=syntax_reason(sparql, message))


def _evaluate(store: ox.Store, sparql: str, max_rows: int | None,
              cancel: threading.Event | None = None,
              bind: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    bound = bind_values(sparql, bind)
    try:
        answer = store.query(bound, use_default_graph_as_union=True)
    except SyntaxError as exc:
        if looks_like_update(sparql):
            raise error("E030") from exc
        raise _syntax_error(sparql, bound, exc) from exc
    except OSError as exc:
        raise error("E136", reason=_one_line(exc)) from exc
    prefixes = query_prefixes(sparql)
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer), prefixes=prefixes)
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            solutions, cut = _collect(answer, max_rows, cancel)
            rows = [[s[name] for name in names] for s in solutions]
            return QueryResult("select", names, rows, truncated=cut, prefixes=prefixes)
        triples, cut = _collect(answer, max_rows, cancel)
        return QueryResult("graph", triples=triples, truncated=cut, prefixes=prefixes)
    except OSError as exc:
        raise error("E136", reason=_one_line(exc)) from exc


def run_query(store: ox.Store, sparql: str, *, timeout: float | None = None,
              max_rows: int | None = None,
              bind: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    """Run a read-only SPARQL query; refuse updates (E030) and SERVICE (E133).

    ``bind`` gives variables a value (see :mod:`bindings`)."""
    if mentions_service(sparql):
        raise error("E133")
    if timeout is None:
        return _evaluate(store, sparql, max_rows, bind=bind)
    cancel = threading.Event()
    results: list[QueryResult] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            results.append(_evaluate(store, sparql, max_rows, cancel, bind))
        except BaseException as exc:  # handed back to the waiting thread
            failures.append(exc)

    worker = threading.Thread(target=work, name="plangraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        cancel.set()
        raise error("E132", seconds=timeout)
    if failures:
        raise failures[0]
    return results[0]


def ask(store: ox.Store, query: SavedQuery, bind: dict[str, Term], *,
        timeout: float | None = None) -> tuple[QueryResult, PlangraphError | None]:
    """Run a query as the CLI does: a saved query's (or ``.rq`` file's) ``document``,
    ``actor``, ``entity``, ``slug`` and ``claim`` values, and SPARQL text's declared
    ``# @param`` ones, are looked up in the store first (E032/E033 when they name
    nothing or several things); an empty answer to a bound question comes back with an
    E034 note for stderr, naming the values asked about, so that it is never silent."""
    names = bind if query.name else query.parameters
    resolved = resolve_bindings(store, bind, names)
    result = run_query(store, query.text, timeout=timeout, bind=resolved)
    if not bind or not result.empty:
        return result, None
    shown = [f"{k}={v.value}" + (f" (given as {bind[k].value!r})"
                                  if v.value != bind[k].value else "")
             for k, v in resolved.items()]
    return result, error("E034", bound=", ".join(shown))
