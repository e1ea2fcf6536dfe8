"""Reading the store without spaCy: a document's text, the documents there are."""

from __future__ import annotations

from typing import Any

from extractor.errors import error
from extractor.namespaces import DCTERMS, PG


def _literal(term: Any) -> str:
    return str(term.value) if hasattr(term, "value") else str(term)


def document_text(store: Any, document: str) -> str:
    """The stored text of a document, found by its id (path) or its IRI."""
    sparql = f"""SELECT ?id ?text WHERE {{ GRAPH ?g {{
        ?d <{DCTERMS.identifier}> ?id ; <{PG.text}> ?text . }} }}"""
    known = []
    for row in store.query(sparql):
        ident = _literal(row["id"])
        known.append(ident)
        if ident == document or ident.rsplit("/", 1)[-1] == document:
            return _literal(row["text"])
    raise error("E015", document=document, known=", ".join(sorted(known)[:10]))
