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
Results are read whole (capped by ``max_rows``) and written as a table, CSV, TSV, SPARQL
JSON or XML results, or Turtle/N-Triples for graphs (whose tabular form is s/p/o rows).

Error codes (beyond E030): E131 syntax error, E132 timeout, E133 SERVICE refused,
E135 unknown output format, E136 evaluation failed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from extractor.errors import PlangraphError, error
from extractor.knowledge import ontology_dir
from extractor.read.bindings import bind_values

__all__ = [
    "QueryResult",
    "SavedQuery",
    "format_result",
    "run_query",
    "saved_queries",
    "saved_query",
]

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
    rest = text[_PROLOGUE.match(text).end():]
    word = re.match(r"[A-Za-z]+", rest)
    return bool(word) and word.group(0).lower() in _UPDATE_WORDS


def query_prefixes(sparql: str) -> dict[str, str]:
    """The PREFIX declarations of a query, reused when writing its CONSTRUCT result.

    >>> query_prefixes("PREFIX pg: <https://w3id.org/plangraph/ontology#> CONSTRUCT {} {}")
    {'pg': 'https://w3id.org/plangraph/ontology#'}
    """
    return {m.group(1) or "": m.group(2) for m in _PREFIX.finditer(sparql)}


@dataclass
class QueryResult:
    """A fully read query result: SELECT rows, an ASK boolean, or CONSTRUCT/DESCRIBE triples."""

    kind: str
    variables: list[str] = field(default_factory=list)
    bindings: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]] = field(
        default_factory=list
    )
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> list[list[str | None]]:
        """SELECT rows as plain strings (IRI, lexical form, ``_:label``), None when unbound."""
        return [[None if t is None else term_text(t) for t in row] for row in self.bindings]

    def turtle(self) -> str:
        """The graph result as Turtle, with the query's own prefixes."""
        return format_result(self, "turtle")


def _collect(items: object, max_rows: int | None, cancel: threading.Event | None) -> tuple:
    """Read up to ``max_rows`` items, stopping early when cancelled; report truncation."""
    kept: list = []
    for item in items:  # type: ignore[attr-defined]
        if cancel is not None and cancel.is_set():
            break
        if max_rows is not None and len(kept) >= max_rows:
            return kept, True
        kept.append(item)
    return kept, False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _evaluate(store: ox.Store, sparql: str, max_rows: int | None,
              cancel: threading.Event | None = None,
              bind: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    bound = bind_values(sparql, bind)
    try:
        answer = store.query(bound, use_default_graph_as_union=True)
    except SyntaxError as exc:
        if looks_like_update(sparql):
            raise error("E030") from exc
        raise PlangraphError("E131", f"SPARQL syntax error: {_one_line(exc)}") from exc
    except OSError as exc:
        raise PlangraphError("E136", f"query failed: {_one_line(exc)}") from exc
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
        raise PlangraphError("E136", f"query failed: {_one_line(exc)}") from exc


def run_query(store: ox.Store, sparql: str, *, timeout: float | None = None,
              max_rows: int | None = None,
              bind: dict[str, ox.NamedNode | ox.Literal] | None = None) -> QueryResult:
    """Run a read-only SPARQL query; refuse updates (E030) and SERVICE (E133).

    ``bind`` gives variables a value (see :mod:`bindings`)."""
    if mentions_service(sparql):
        raise PlangraphError(
            "E133", "SERVICE refused: queries read only this store (the word 'service' "
            "may not appear anywhere in the query text)")
    if timeout is None:
        return _evaluate(store, sparql, max_rows, bind=bind)
    cancel = threading.Event()
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["result"] = _evaluate(store, sparql, max_rows, cancel, bind)
        except BaseException as exc:  # handed back to the waiting thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="plangraph-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        cancel.set()
        raise PlangraphError("E132", f"query timed out after {timeout:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


@dataclass(frozen=True)
class SavedQuery:
    """A named query shipped in ``ontology/queries/<name>.rq``; its question is its header.

    ``parameters``: the variables a user is meant to give with ``--bind`` (the header's
    ``# @param name what it holds`` lines), by name, in order."""

    name: str
    question: str
    text: str
    parameters: dict[str, str] = field(default_factory=dict)


def parse_saved(name: str, text: str) -> SavedQuery:
    """Read the question and the parameters from the leading ``#`` lines of a saved query.

    >>> header = "# Who funds what?\\n#  With amounts.\\n# @param actor  an actor's IRI\\n"
    >>> q = parse_saved("funders", header + "SELECT * {}")
    >>> q.question, q.parameters
    ('Who funds what? With amounts.', {'actor': "an actor's IRI"})
    >>> parse_saved("bare", "SELECT * {}").question
    ''
    """
    question: list[str] = []
    parameters: dict[str, str] = {}
    for line in text.lstrip().splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        words = stripped.lstrip("#").strip()
        if words.startswith("@param"):
            param, _, meaning = words.removeprefix("@param").strip().partition(" ")
            parameters[param.lstrip("?$")] = meaning.strip()
        elif words:
            question.append(words)
    return SavedQuery(name, " ".join(question), text, parameters)


def saved_queries() -> dict[str, SavedQuery]:
    """All saved queries by name (file stem), sorted by name."""
    folder = ontology_dir() / "queries"
    paths = sorted(folder.glob("*.rq")) if folder.is_dir() else []
    return {p.stem: parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in paths}


def saved_query(name: str) -> SavedQuery:
    """One saved query by name, or E012."""
    found = saved_queries().get(Path(name).stem)
    if found is None:
        raise error("E012", name=name)
    return found


# --- output formats -------------------------------------------------------------------

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples")
_SRX = "http://www.w3.org/2005/sparql-results#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def term_text(term: Term) -> str:
    """Plain text of a term: IRI, literal's lexical form, or ``_:label``.

    >>> term_text(ox.Literal("9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#int")))
    '9'
    """
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _table(result: QueryResult) -> tuple[list[str], list[list[Term | None]]]:
    """Variables and rows of any result; a graph reads as subject/predicate/object rows."""
    if result.kind == "graph":
        rows = [[t.subject, t.predicate, t.object] for t in result.triples]
        return ["subject", "predicate", "object"], rows
    if result.kind == "ask":
        return ["boolean"], [[ox.Literal(str(result.boolean).lower())]]
    return result.variables, result.bindings


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    names, rows = _table(result)
    bindings = [{n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
                for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def _xml_term(parent: ET.Element, term: Term) -> None:
    tag = {ox.NamedNode: "uri", ox.BlankNode: "bnode", ox.Literal: "literal"}.get(type(term))
    node = ET.SubElement(parent, tag or "triple")
    if isinstance(term, ox.Literal):
        if term.language:
            node.set("{http://www.w3.org/XML/1998/namespace}lang", term.language)
        elif term.datatype.value != _XSD_STRING:
            node.set("datatype", term.datatype.value)
    if tag is None:
        for part in ("subject", "predicate", "object"):
            _xml_term(ET.SubElement(node, part), getattr(term, part))
    else:
        node.text = _XML_BAD.sub("\ufffd", term.value)


def _xml(result: QueryResult) -> str:
    root = ET.Element("sparql", xmlns=_SRX)
    head = ET.SubElement(root, "head")
    if result.kind == "ask":
        ET.SubElement(root, "boolean").text = str(result.boolean).lower()
    else:
        names, rows = _table(result)
        for name in names:
            ET.SubElement(head, "variable", name=name)
        results = ET.SubElement(root, "results")
        for row in rows:
            item = ET.SubElement(results, "result")
            for name, term in zip(names, row, strict=True):
                if term is not None:
                    _xml_term(ET.SubElement(item, "binding", name=name), term)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _delimited(result: QueryResult, tsv: bool) -> str:
    names, rows = _table(result)
    out = io.StringIO()
    if tsv:  # SPARQL TSV: terms in Turtle syntax, so tabs and newlines are escaped
        out.write("\t".join(f"?{n}" for n in names) + "\n")
        for row in rows:
            cells = ["" if t is None else str(t).replace("\t", "\\t") for t in row]
            out.write("\t".join(cells) + "\n")
        return out.getvalue()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([["" if t is None else term_text(t) for t in row] for row in rows])
    return out.getvalue()


def _plain(result: QueryResult) -> str:
    if result.kind == "ask":
        return f"{str(result.boolean).lower()}\n"
    names, rows = _table(result)
    cells = [["" if t is None else term_text(t) for t in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in cells]
    note = f" (truncated at {len(rows)})" if result.truncated else ""
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{note})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str) -> str:
    """Write a result as ``table``, ``csv``, ``tsv``, ``json``, ``xml``, ``turtle``, ``ntriples``.

    A graph result as ``table`` is Turtle; a SELECT or ASK result cannot be Turtle (E135).
    """
    if fmt in ("turtle", "ntriples") or (fmt == "table" and result.kind == "graph"):
        if result.kind != "graph":
            raise PlangraphError("E135", f"format {fmt} needs a CONSTRUCT or DESCRIBE query")
        rdf = ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.TURTLE
        prefixes = result.prefixes if rdf == ox.RdfFormat.TURTLE else None
        data = ox.serialize(result.triples, format=rdf, prefixes=prefixes)
        return data.decode("utf-8") if data else ""
    writers = {"table": _plain, "json": _json, "xml": _xml,
               "csv": lambda r: _delimited(r, tsv=False), "tsv": lambda r: _delimited(r, tsv=True)}
    if fmt not in writers:
        raise PlangraphError("E135", f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return writers[fmt](result)
