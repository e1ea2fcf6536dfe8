"""Namespace terms as pyoxigraph nodes, made once; the writer's quads stay the same."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from extractor.graph.rdf_terms import GraphWriter, Terms
from extractor.namespaces import OA, PG


def test_terms_are_the_namespace_iris_as_nodes_made_once() -> None:
    oa = Terms(OA)
    assert oa.hasTarget == NamedNode(str(OA.hasTarget))
    assert oa.hasTarget is oa.hasTarget  # a plain attribute after the first use
    assert Terms(PG).Claim == NamedNode(str(PG.Claim))


def test_writer_takes_nodes_and_rdflib_terms_alike() -> None:
    a, b = GraphWriter("urn:g"), GraphWriter("urn:g")
    a.add("urn:s", OA.hasTarget, "urn:o")
    a.add("urn:s", PG.quote, Literal("x"))
    oa, pg = Terms(OA), Terms(PG)
    b.add(NamedNode("urn:s"), oa.hasTarget, NamedNode("urn:o"))
    b.add("urn:s", pg.quote, Literal("x"))
    assert a.quads == b.quads
    assert list(a._nodes) == ["urn:s", "urn:o"]  # each IRI parsed once per graph
