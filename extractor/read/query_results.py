"""Query results held whole, and written out as text in the usual SPARQL result formats.

A :class:`QueryResult` is what :func:`extractor.read.query.run_query` returns: SELECT rows,
an ASK boolean, or CONSTRUCT/DESCRIBE triples, read whole (capped by ``max_rows``). Kept
apart from running queries because writing is its own concern (the CLI and the server's
worker both do it) and most of the code: a table, CSV, TSV, SPARQL JSON or XML results,
or Turtle/N-Triples for graphs (whose tabular form is s/p/o rows).

Error code: E135 unknown output format (or a graph format for a SELECT or ASK result).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from extractor.errors import error

__all__ = ["FORMATS", "QueryResult", "format_result", "term_text"]


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

    @property
    def empty(self) -> bool:
        """No row and no triple (an ASK's false is an answer, not an empty one)."""
        return self.kind != "ask" and not self.bindings and not self.triples

    def turtle(self) -> str:
        """The graph result as Turtle, with the query's own prefixes."""
        return format_result(self, "turtle")


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


def _table(result: QueryResult) -> tuple[list[str], Sequence[Sequence[Term | None]]]:
    """Variables and rows of any result; a graph reads as subject/predicate/object rows."""
    if result.kind == "graph":
        rows: list[list[Term | None]] = [[t.subject, t.predicate, t.object]
                                         for t in result.triples]
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
    if isinstance(term, ox.Triple):
        node = ET.SubElement(parent, "triple")
        for part in ("subject", "predicate", "object"):
            _xml_term(ET.SubElement(node, part), getattr(term, part))
        return
    tag = {ox.NamedNode: "uri", ox.BlankNode: "bnode", ox.Literal: "literal"}[type(term)]
    node = ET.SubElement(parent, tag)
    if isinstance(term, ox.Literal):
        if term.language:
            node.set("{http://www.w3.org/XML/1998/namespace}lang", term.language)
        elif term.datatype.value != _XSD_STRING:
            node.set("datatype", term.datatype.value)
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
            raise error("E141", fmt=fmt)
        rdf = ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.TURTLE
        prefixes = result.prefixes if rdf == ox.RdfFormat.TURTLE else None
        data = ox.serialize(result.triples, format=rdf, prefixes=prefixes)
        return data.decode("utf-8") if data else ""
    writers = {"table": _plain, "json": _json, "xml": _xml,
               "csv": lambda r: _delimited(r, tsv=False), "tsv": lambda r: _delimited(r, tsv=True)}
    if fmt not in writers:
        raise error("E135", fmt=fmt, choices=", ".join(FORMATS))
    return writers[fmt](result)
