"""Values for a query's variables given on the command line (``--bind name=value``).

Bound with Oxigraph's substitutions (SPARQL-dev SEP-0007), not pasted into the text: the
variable becomes that value everywhere in the query, so a saved query that lists every
claim answers for one claim at the cost of one, and no value can inject SPARQL.

Error code of this module: ``E031`` a binding that is not ``name=value``.
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
