"""The saved queries shipped in ``ontology/queries/*.rq``: each one's question and parameters.

The CLI lists and runs them by name, the server's page links to them, and the tests run
every one; their ``#`` header is the only documentation a user sees, so it is parsed here
(the question, and the ``# @param`` lines naming what ``--bind`` may give).

:func:`load_query` reads what the CLI was given: a saved query's name, a ``.rq`` file or
SPARQL text. A lone word or a ``.rq`` path that names nothing is E012 ("no such query",
with the saved names and the closest one), never sent to the SPARQL parser, whose syntax
error would hide the typo.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import error
from extractor.knowledge import ontology_dir

__all__ = ["SavedQuery", "load_query", "parse_saved", "saved_queries", "saved_query"]

# A query name or file name: no space, brace or "?" (no SPARQL text is only that).
_NAME = re.compile(r"[\w./\\:-]+")


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
    """One saved query by name (``.rq`` allowed, a path not), or E012 naming the saved ones."""
    saved = saved_queries()
    found = saved.get(Path(name).stem) if Path(name).name == name else None
    if found is None:
        close = difflib.get_close_matches(Path(name).stem, list(saved), n=1)
        raise error("E012", name=name, hint=f" (did you mean {close[0]}?)" if close else "",
                    known=", ".join(saved) or "none")
    return found


def load_query(given: str) -> SavedQuery:
    """What ``plangraph query`` was given, as a query: a saved query by name, a ``.rq``
    file (its header read like a saved one's), or SPARQL text (name ``""``, parameters
    only from its own ``# @param`` lines). E012 for a name or ``.rq`` path that names
    nothing.

    >>> load_query("documents").name
    'documents'
    >>> load_query("ASK { ?s ?p ?o }").name
    ''
    """
    if given.endswith(".rq") and Path(given).is_file():
        return parse_saved(Path(given).stem, Path(given).read_text(encoding="utf-8"))
    if _NAME.fullmatch(given.strip()):
        return saved_query(given.strip())
    return parse_saved("", given)
