"""Check a build's RDF against ``ontology/shapes.ttl``, one named graph at a time.

pyshacl sees only the graph it is given, so validating the union would let a required
triple that sits in another graph pass; each document graph, the entities graph and the
build graph are therefore validated on their own. Quads are read by pyoxigraph and handed
to pyshacl as rdflib graphs for the SHACL core constraints.

pyshacl re-parses a SHACL-SPARQL constraint for every focus node (about 0.1 s each, so
minutes on a corpus), so the ``sh:sparql`` constraints of shapes.ttl are run here instead,
once each, by Oxigraph, inside ``GRAPH ?g`` so they still see one graph at a time. Links
that do cross graphs (a claim's actor must be an entity of the entities graph) are checked
the same way. Never imports spaCy, so ``plangraph validate`` starts fast anywhere.

Error codes: E101 unsupported RDF file suffix, E102 unparsable RDF file, E103 broken shapes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from extractor.errors import error
from extractor.knowledge import ontology_dir
from extractor.namespaces import PREFIXES

_PREFIXES = sorted(((str(ns), name) for name, ns in PREFIXES.items()), key=lambda p: -len(p[0]))
# Links between graphs, checked over the whole store (message -> SELECT ?g ?this ?value).
_CROSS_GRAPH = {
    "pg:actor is not a pg:Entity of the entities graph": """
        SELECT ?g ?this ?value WHERE {
            GRAPH ?g { ?this pg:actor ?value }
            FILTER NOT EXISTS { GRAPH ?e { ?value a pg:Entity } } }""",
    "oa:hasBody names no pg:Entity of the entities graph": """
        SELECT ?g ?this ?value WHERE {
            GRAPH ?g { ?this a pg:Mention ; pg:mentionType ?t ; oa:hasBody ?value
                       FILTER (?t IN ("Organization", "Person", "Place")) }
            FILTER NOT EXISTS { GRAPH ?e { ?value a pg:Entity } } }""",
    "a document must sit in the named graph of its own IRI": """
        SELECT ?g ?this ?value WHERE { GRAPH ?g { ?this a pg:Document } FILTER (?g != ?this) }""",
}


@dataclass
class ValidationReport:
    """Violations as one line each: ``<graph> <focus node> <path>: <message>``."""

    violations: list[str] = field(default_factory=list)
    graphs: int = 0

    @property
    def conforms(self) -> bool:
        return not self.violations

    def to_text(self) -> str:
        if self.conforms:
            return f"{self.graphs} graphs validated: the data conforms to the shapes\n"
        lines = [*self.violations, f"{len(self.violations)} violations in {self.graphs} graphs"]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Shapes:
    """SHACL core shapes for pyshacl, and the shapes' SPARQL constraints as Oxigraph queries."""

    core: Graph
    sparql: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def load_shapes() -> Shapes:
    """Parse ``ontology/shapes.ttl`` once per process and split off its SPARQL constraints."""
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    checks = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        message = str(shapes.value(constraint, SH.message) or "SPARQL constraint violated")
        checks.append((message, _graph_query(shapes, shape, constraint)))
        shapes.remove((shape, SH.sparql, constraint))
    return Shapes(shapes, tuple(sorted(checks)))


def _graph_query(shapes: Graph, shape: Node, constraint: Node) -> str:
    """The constraint's SELECT rewritten to run over every named graph, focus nodes bound."""
    if shapes.value(shape, SH.path) is not None:
        raise error("E103", path="shapes.ttl",
                    reason=f"SPARQL constraints on property shapes are not supported: {shape}")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for p in shapes.objects(constraint, SH.prefixes) for d in shapes.objects(p, SH.declare))
    select = str(shapes.value(constraint, SH.select))
    body = select[select.index("{") + 1:select.rindex("}")].replace("$this", "?this")
    targets = [f"{{ ?this a <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
    targets += [f"{{ [] <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    targets += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    if not targets:
        raise error("E103", path="shapes.ttl", reason=f"SPARQL constraint of {shape} has no target")
    return (f"{prefixes}SELECT DISTINCT ?g ?this ?value WHERE {{ GRAPH ?g {{ "
            f"{{ {' UNION '.join(targets)} }} {body} }} }}")


def short(term: object) -> str:
    """An IRI with a known namespace as ``prefix:name``; anything else as it is.

    >>> short(URIRef("http://www.w3.org/ns/oa#hasTarget"))
    'oa:hasTarget'
    """
    text = str(term)
    for ns, name in _PREFIXES:
        if text.startswith(ns) and len(text) > len(ns):
            return f"{name}:{text[len(ns):]}"
    return text


def _term(term: object, bnodes: dict[str, BNode]) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return bnodes.setdefault(term.value, BNode())
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else datatype)
    raise error("E102", path="input", reason=f"RDF-star triple terms are not supported: {term}")


def split_graphs(quads: Iterable[ox.Quad]) -> dict[str, Graph]:
    """Group quads into one rdflib graph per graph name (blank nodes stay distinct per graph)."""
    graphs: dict[str, Graph] = defaultdict(Graph)
    bnodes: dict[str, dict[str, BNode]] = defaultdict(dict)
    for q in quads:
        name = ("(default graph)" if isinstance(q.graph_name, ox.DefaultGraph)
                else q.graph_name.value)
        known = bnodes[name]
        graphs[name].add((_term(q.subject, known), _term(q.predicate, known),
                          _term(q.object, known)))
    return dict(graphs)


def _path(results: Graph, path: object) -> str:
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        return f"^{short(inverse)}" if inverse is not None else "(path)"
    return short(path) if path is not None else "-"


def validate_graph(graph: Graph, name: str) -> list[str]:
    """Violations of one graph, one line each, sorted."""
    shapes = load_shapes().core
    conforms, results, text = shacl_validate(graph, shacl_graph=shapes, inference="none",
                                             inplace=True, allow_warnings=True)
    if conforms:
        return []
    if not isinstance(results, Graph):
        raise error("E103", path="shapes.ttl", reason=f"cannot be applied: {text.strip()}")
    lines = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = short(results.value(result, SH.sourceConstraintComponent))
        message = messages[0] if messages else component
        lines.add(f"{name} {focus} {_path(results, results.value(result, SH.resultPath))}: "
                  f"{message}")
    return sorted(lines)


def _value(term: object) -> str:
    text = getattr(term, "value", "")
    return f" ({text[:60]}{'…' if len(text) > 60 else ''})" if text else ""


def sparql_violations(store: ox.Store, cross_graph: bool = True) -> list[str]:
    """The shapes' SPARQL constraints, graph by graph, and (if asked) the cross-graph checks.

    Cross-graph checks need the entities graph: they are skipped for a single graph file.
    """
    names = [g.value for g in store.named_graphs()]
    prefixes = f"PREFIX pg: <{PREFIXES['pg']}>\nPREFIX oa: <{PREFIXES['oa']}>\n"
    checks = list(load_shapes().sparql)
    if cross_graph and any(name.endswith("/graph/entities") for name in names):
        checks += [(m, prefixes + q) for m, q in _CROSS_GRAPH.items()]
    lines = set()
    for message, sparql in checks:
        solutions = store.query(sparql)
        assert isinstance(solutions, ox.QuerySolutions)  # every check is a SELECT
        for row in solutions:
            lines.add(f"{row['g'].value} {row['this'].value} -: {message}{_value(row['value'])}")
    return sorted(lines)


def _report(graphs: dict[str, Graph], store: ox.Store, cross_graph: bool) -> ValidationReport:
    report = ValidationReport(graphs=len(graphs))
    for name in sorted(graphs):
        report.violations.extend(validate_graph(graphs[name], name))
    report.violations.extend(sparql_violations(store, cross_graph))
    return report


def validate_graph_file(path: str | Path) -> ValidationReport:
    """Validate a TriG, N-Quads, Turtle, N-Triples, RDF/XML or JSON-LD file (format by suffix)."""
    path = Path(path)
    if not path.is_file():
        raise error("E001", path=path)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    if fmt is None:
        raise error("E101", path=path, suffix=path.suffix)
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise error("E102", path=path, reason=f"{fmt}: {exc}") from exc
    named = any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    if not named:
        file_graph = ox.NamedNode(path.resolve().as_uri())
        quads = [ox.Quad(q.subject, q.predicate, q.object, file_graph) for q in quads]
    store = ox.Store()
    store.extend(quads)
    return _report(split_graphs(quads), store, cross_graph=named)


def validate_store(store_dir: str | Path) -> ValidationReport:
    """Validate every graph of an on-disk Oxigraph store written by ``plangraph build``."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        raise error("E011", path=store_dir)
    try:
        store = ox.Store.read_only(str(store_dir))
    except OSError as exc:
        raise error("E011", path=store_dir) from exc
    quads = store.quads_for_pattern(None, None, None, None)
    return _report(split_graphs(quads), store, cross_graph=True)
