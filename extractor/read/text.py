"""Reading the store without spaCy: a document's text, the documents there are."""

from __future__ import annotations

from typing import Any

from extractor.errors import error
from extractor.namespaces import DCTERMS, PG


def _literal(term: Any) -> str:
    return str(term.value) if hasattr(term, "value") else str(term)


def document_text(store: Any, document: str) -> str:
    """The stored text of a document, found by its id (path), its IRI, or the last part of
    its path when only one document's path ends so (E057 when several do)."""
    sparql = f"""SELECT ?d ?id ?text WHERE {{ GRAPH ?g {{
        ?d <{DCTERMS.identifier}> ?id ; <{PG.text}> ?text . }} }}"""
    texts: dict[str, str] = {}
    for row in store.query(sparql):
        ident = _literal(row["id"])
        if document in (ident, _literal(row["d"])):
            return _literal(row["text"])
        texts[ident] = _literal(row["text"])
    tails = sorted(ident for ident in texts if ident.rsplit("/", 1)[-1] == document)
    if len(tails) == 1:
        return texts[tails[0]]
    if tails:
        raise error("E057", document=document, count=len(tails), matches=", ".join(tails[:10]))
    raise error("E015", document=document, known=", ".join(sorted(texts)[:10]))
