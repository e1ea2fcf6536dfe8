"""Values for a query's variables given on the command line (``--bind name=value``).

Bound by a ``VALUES`` block put first in the query's pattern (just inside its ``WHERE {``),
whose terms are written by pyoxigraph's own N-Triples serialiser: an IRI with ``>`` or a
space is refused by ``NamedNode`` and a literal's quotes are escaped, so no value can
inject SPARQL. Oxigraph starts its joins from that block, so a saved query that lists
every claim answers for one document at the cost of one document, and the block is joined
before any grouping, so it also narrows what is counted. Two alternatives were measured
and are not used: Oxigraph's substitutions (SEP-0007) bind only projected variables and
were joined after the whole pattern (``document=…``: 90 ms against 3 ms on one million
quads); a trailing ``VALUES`` clause is joined after grouping, so it cannot narrow a count.

The values here are terms as typed; a saved query's ``document``, ``actor``, ``entity``,
``slug`` or ``claim`` is then looked up in the store (:mod:`extractor.read.bound_values`),
so that ``document=001.txt`` finds ``"001_<hash>.txt"`` instead of matching nothing.

Error code of this module: ``E031`` a binding that is not ``name=value`` or names a
variable the query does not have.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from extractor.errors import error

Term = ox.NamedNode | ox.Literal
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")


def term(value: str) -> Term:
    """``<iri>`` or ``http(s)://…`` → IRI; ``12`` → xsd:integer; ``1.5`` → xsd:decimal;
    ``"text"`` or anything else → a plain string.

    >>> term("<https://w3id.org/plangraph/entity/paris>")
    <NamedNode value=https://w3id.org/plangraph/entity/paris>
    >>> term("1300000")
    <Literal value=1300000 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    >>> term('"paris"')
    <Literal value=paris datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if value.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(value)
    if _INTEGER.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if _DECIMAL.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "decimal"))
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return ox.Literal(value)


def parse_bindings(items: list[str] | tuple[str, ...]) -> dict[str, Term]:
    """``["claim=<iri>", "slug=paris"]`` → {variable name: term}; E031 on a malformed one."""
    out: dict[str, Term] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.fullmatch(name) or not value:
            raise error("E031", item=repr(item),
                            reason="expected name=value, e.g. claim=<https://…> or slug=paris")
        try:
            out[name] = term(value.strip())
        except ValueError as exc:
            raise error("E031", item=repr(item), reason=exc) from exc
    return out


def values_clause(bind: dict[str, Term]) -> str:
    """The ``VALUES`` block that gives each variable its value.

    >>> print(values_clause({"document": ox.Literal('a "b" }'), "n": term("2.5")}).strip())
    VALUES (?document ?n) { ("a \\"b\\" }" "2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>) }
    """
    names = " ".join(f"?{name}" for name in bind)
    values = " ".join(str(value) for value in bind.values())
    return f"\n  VALUES ({names}) {{ ({values}) }}\n"


# One token of the text before the query pattern: a comment, a long or short string, an
# IRI, a brace, or a run of anything else.
TOKENS = re.compile(
    r"#[^\n]*"
    r"|'''(?:[^\\]|\\.)*?'''|\"\"\"(?:[^\\]|\\.)*?\"\"\""
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|[{}]|[^#'\"<{}]+|.")
_WHERE_BEFORE = re.compile(r"(?i)\bwhere\s*$")
_CONSTRUCT = re.compile(r"(?i)\bconstruct\b")
_MARKER = re.compile(r"#\s*@bind\s*")


def pattern_starts(sparql: str) -> list[int]:
    """Where the values go: after each ``# @bind`` comment line when the query has some (a
    saved query puts one inside each pattern or subquery its parameters should narrow
    first), else just after the ``{`` of its ``WHERE`` (after the template of a
    ``CONSTRUCT``); comments, strings and IRIs are skipped; [] when there is no pattern.

    >>> q = 'PREFIX a: <http://e/#> CONSTRUCT { ?s a:p "{" } WHERE { ?s ?p ?o }'
    >>> [q[at:] for at in pattern_starts(q)]
    [' ?s ?p ?o }']
    >>> q = "SELECT * # {\\n{ ?s ?p ?o { SELECT ?s { # @bind\\n ?s ?p ?o } } }"
    >>> [q[at:] for at in pattern_starts(q)]
    ['\\n ?s ?p ?o } } }']
    """
    markers = [m.end() for m in TOKENS.finditer(sparql) if _MARKER.fullmatch(m.group(0))]
    if markers:
        return markers
    depth, construct, template_done, first = 0, False, False, -1
    for match in TOKENS.finditer(sparql):
        token = match.group(0)
        if token == "{":
            if first < 0 and depth == 0 and (not construct or template_done
                                             or _WHERE_BEFORE.search(sparql[:match.start()])):
                first = match.end()
            depth += 1
        elif token == "}" and depth:
            depth -= 1
            template_done = template_done or depth == 0
        elif depth == 0 and token[0] not in "#'\"<" and _CONSTRUCT.search(token):
            construct = True
    return [first] if first >= 0 else []


def bind_values(sparql: str, bind: dict[str, Term] | None) -> str:
    """The query with a ``VALUES`` block giving the bound variables their values, first in
    its pattern (or at each ``# @bind`` line); E031 for a variable the query lacks.

    >>> print(bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": term("<http://e/a>")}))
    SELECT ?s WHERE {
      VALUES (?s) { (<http://e/a>) }
     ?s ?p ?o }
    """
    if not bind:
        return sparql
    for name in bind:
        if not re.search(rf"[?$]{re.escape(name)}(?![A-Za-z0-9_\u00b7\u0300-\u036f])", sparql):
            raise error("E031", item=name, reason=f"the query has no ?{name}")
    starts = pattern_starts(sparql)
    if not starts:
        raise error("E031", item="", reason="no query pattern ({ … }) found")
    block = values_clause(bind)
    for at in reversed(starts):
        sparql = sparql[:at] + block + sparql[at:]
    return sparql
