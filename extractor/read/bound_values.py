"""A bound parameter as a person types it (``001.txt``, ``ars-idf``, ``ARS``, a prefix) →
the exact term the store holds, or a one-line error naming the candidates.

Why: a ``VALUES`` block matches terms exactly, so ``--bind document=001.txt`` (the store
says ``"001_69edb910a3481f59.txt"``) or ``--bind actor=ars-idf`` (the store has an IRI, not
a string) used to answer 0 rows with exit 0, which reads as "the graph says nothing" when
the question was never asked. So a saved query's ``document``, ``actor``, ``entity``,
``slug`` and ``claim`` are looked up in the store first, by the names each thing answers
to (identifier, file name, IRI, slug, labels), exactly, then as a unique prefix.

Error codes: E032 nothing of that name, E033 several things start so (both name up to
eight candidates).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from extractor.errors import error
from extractor.namespaces import DCTERMS, PG, RDFS, SKOS
from extractor.text.fold import fold

__all__ = ["KINDS", "Candidate", "pick", "resolve_bindings"]

Term = ox.NamedNode | ox.Literal
# The variables saved queries use for things of the store, and the thing each one names.
KINDS = {"document": "document", "actor": "actor", "entity": "entity", "slug": "entity",
         "claim": "claim"}
_SHOWN = 8


@dataclass(frozen=True)
class Candidate:
    """One thing a bound value may name: ``term`` is what the query gets, ``keys`` the
    folded names it answers to, ``name`` how an error lists it."""

    term: Term
    keys: frozenset[str]
    name: str


def _tail(text: str) -> str:
    """The last segment of a path or IRI (``corpus/001.txt`` → ``001.txt``)."""
    return text.rstrip("/").rsplit("/", 1)[-1]


def _stem(text: str) -> str:
    """A file name without its suffix (``001.txt`` → ``001``)."""
    head, dot, _ = text.rpartition(".")
    return head if dot and head else text


def _typed_forms(value: str) -> list[str]:
    """The forms of a typed value tried in turn, most exact first."""
    value = fold(value.strip().strip("<>\"'").strip())
    return list(dict.fromkeys([value, _tail(value), _stem(_tail(value))]))


def pick(value: str, candidates: Iterable[Candidate]) -> Candidate | list[Candidate]:
    """The candidate ``value`` names: an exact key, else the one key it starts; otherwise
    the candidates that could be meant ([] when nothing comes close).

    >>> docs = [Candidate(ox.Literal(n), frozenset({n, n[:-4]}), n)
    ...         for n in ("001_69ed.txt", "002_b8a7.txt", "010_ffff.txt")]
    >>> pick("corpus/001.txt", docs).name
    '001_69ed.txt'
    >>> [c.name for c in pick("0", docs)]
    ['001_69ed.txt', '002_b8a7.txt', '010_ffff.txt']
    >>> pick("zzz", docs)
    []
    >>> city = Candidate(ox.NamedNode("e:ville-de-paris"), frozenset({"ville-de-paris", "paris"}),
    ...                  "ville-de-paris")
    >>> place = Candidate(ox.NamedNode("e:paris"), frozenset({"paris"}), "paris")
    >>> pick("Paris", [city, place]).name
    'paris'
    """
    pool = list(candidates)
    for form in _typed_forms(value):
        exact = [c for c in pool if form in c.keys]
        named = [c for c in exact if form in (fold(c.name), fold(_stem(c.name)))]
        if len(named) == 1:  # a slug or identifier before another thing's label
            return named[0]
        if exact:
            return exact[0] if len(exact) == 1 else exact
    for form in _typed_forms(value):
        starting = [c for c in pool if any(k.startswith(form) for k in c.keys)]
        if starting:
            return starting[0] if len(starting) == 1 else starting
    return []


def _documents(store: ox.Store) -> list[Candidate]:
    rows = store.query(f"""SELECT DISTINCT ?doc ?id WHERE {{
        GRAPH ?g {{ ?doc <{DCTERMS.identifier}> ?id ; <{PG.text}> ?text }} }}""")
    out = []
    for row in rows:  # type: ignore[union-attr]
        ident, iri = row["id"].value, row["doc"].value
        keys = {fold(k) for k in (ident, _tail(ident), _stem(_tail(ident)), iri, _tail(iri))}
        out.append(Candidate(row["id"], frozenset(keys), ident))
    return out


def _entities(store: ox.Store, actors_only: bool) -> list[Candidate]:
    actor = f"FILTER EXISTS {{ GRAPH ?h {{ ?claim <{PG.actor}> ?e }} }}" if actors_only else ""
    rows = store.query(f"""SELECT ?e ?name WHERE {{ GRAPH ?g {{ ?e a <{PG.Entity}> .
        OPTIONAL {{ ?e <{RDFS.label}>|<{SKOS.prefLabel}>|<{SKOS.altLabel}> ?name }} }}
        {actor} }}""")
    keys: dict[str, set[str]] = {}
    for row in rows:  # type: ignore[union-attr]
        iri = row["e"].value
        names = keys.setdefault(iri, {fold(iri), fold(_tail(iri))})
        if row["name"] is not None:
            names.add(fold(" ".join(row["name"].value.split())))
    return [Candidate(ox.NamedNode(iri), frozenset(k), _tail(iri)) for iri, k in keys.items()]


def _claims(store: ox.Store) -> list[Candidate]:
    rows = store.query(f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?c a <{PG.Claim}> }} }}")
    return [Candidate(row["c"], frozenset({fold(row["c"].value), fold(_tail(row["c"].value))}),
                      _tail(row["c"].value)) for row in rows]  # type: ignore[union-attr]


def _candidates(store: ox.Store, kind: str) -> list[Candidate]:
    if kind == "document":
        return _documents(store)
    if kind == "claim":
        return _claims(store)
    return _entities(store, actors_only=kind == "actor")


def _listed(found: list[Candidate]) -> str:
    names = sorted({c.name for c in found})
    more = f", … ({len(names) - _SHOWN} more)" if len(names) > _SHOWN else ""
    return ", ".join(names[:_SHOWN]) + more


def resolve(store: ox.Store, name: str, value: Term) -> Term:
    """The store's term for the thing ``value`` names (``slug`` gives the slug as a
    string, the others the stored term); E032 when nothing is called so, E033 when
    several things start so."""
    kind = KINDS[name]
    pool = _candidates(store, kind)
    found = pick(value.value, pool)
    if isinstance(found, Candidate):
        return ox.Literal(found.name) if name == "slug" else found.term
    if found:
        raise error("E033", name=name, value=value.value, count=len(found), kind=kind,
                    candidates=_listed(found))
    near = [c for c in pool if any(_stem(_tail(fold(value.value))) in k for k in c.keys)]
    raise error("E032", name=name, value=value.value, kind=kind,
                candidates=_listed(near or pool) or "none")


def resolve_bindings(store: ox.Store, bind: dict[str, Term],
                     names: Iterable[str]) -> dict[str, Term]:
    """``bind`` with each of ``names`` that names a thing of the store (:data:`KINDS`)
    replaced by the store's term; other values are left as typed."""
    wanted = set(names)
    return {name: resolve(store, name, value) if name in wanted and name in KINDS else value
            for name, value in bind.items()}
