"""The saved queries shipped in ``ontology/queries/*.rq``: each one's question and parameters.

The CLI lists and runs them by name, the server's page links to them, and the tests run
every one; their ``#`` header is the only documentation a user sees, so it is parsed here
(the question, and the ``# @param`` lines naming what ``--bind`` may give). E012 for an
unknown name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import error
from extractor.knowledge import ontology_dir

__all__ = ["SavedQuery", "parse_saved", "saved_queries", "saved_query"]


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
    """One saved query by name, or E012."""
    found = saved_queries().get(Path(name).stem)
    if found is None:
        raise error("E012", name=name)
    return found
