"""Values for a query's variables given on the command line (``--bind name=value``).

Bound by a ``VALUES`` clause added at the end of the query (SPARQL 1.1 §10.2.2), whose
terms are written by pyoxigraph's own N-Triples serialiser: an IRI with ``>`` or a space
is refused by ``NamedNode`` and a literal's quotes are escaped, so no value can inject
SPARQL. Oxigraph starts its joins from that clause, so a saved query that lists every
claim answers for one document at the cost of one document. Its substitutions
(SEP-0007) were tried first and are not used: they bind only projected variables and are
joined after the whole pattern is evaluated, so ``document=…`` took as long as the
listing (1 s against 40 ms on one million quads, ``bench/README.md``).

Error code of this module: ``E031`` a binding that is not ``name=value``, names a
variable the query does not have, or meets a query that already ends with ``VALUES``.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import PlangraphError

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
            raise PlangraphError("E031", f"binding {item!r}: expected name=value, e.g. "
                                 "claim=<https://…> or slug=paris")
        try:
            out[name] = term(value.strip())
        except ValueError as exc:
            raise PlangraphError("E031", f"binding {item!r}: {exc}") from exc
    return out


def values_clause(bind: dict[str, Term]) -> str:
    """The trailing ``VALUES`` clause that gives each variable its value.

    >>> print(values_clause({"document": ox.Literal('a "b" }'), "n": term("2.5")}).strip())
    VALUES (?document ?n) { ("a \\"b\\" }" "2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>) }
    """
    names = " ".join(f"?{name}" for name in bind)
    values = " ".join(str(value) for value in bind.values())
    return f"\nVALUES ({names}) {{ ({values}) }}\n"


def bind_values(sparql: str, bind: dict[str, Term] | None) -> str:
    """The query with its bound variables' values appended; E031 for a variable it lacks.

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": term("<http://e/a>")})
    'SELECT ?s WHERE { ?s ?p ?o }\\nVALUES (?s) { (<http://e/a>) }\\n'
    """
    if not bind:
        return sparql
    for name in bind:
        if not re.search(rf"[?$]{re.escape(name)}(?![A-Za-z0-9_\u00b7\u0300-\u036f])", sparql):
            raise PlangraphError("E031", f"cannot bind {name}: the query has no ?{name}")
    return sparql + values_clause(bind)
