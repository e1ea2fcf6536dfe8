"""Node labels for the network files: short enough to read on a canvas, and never shared.

Gephi, Cytoscape and yEd show a node's ``label``; a label of 120 characters covers its
neighbours, and two nodes labelled alike cannot be told apart (nor searched for). So a
label is a short head ("Ville de Paris: fund maraudes"), then in brackets what tells it
from its neighbours: its date, and only when the head and date are still shared, a
qualifier (a claim's document, an entity's type), and at last an ordinal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

LABEL_LIMIT = 60  # characters: what a node label may take on a canvas


@dataclass(frozen=True)
class LabelParts:
    """What a label is made of: ``head`` is cut to fit, the bracketed rest never is."""

    head: str
    date: str = ""
    qualifier: str = ""


def shorten(text: str, limit: int) -> str:
    """``text`` on one line in at most ``limit`` characters, cut at a word with an ellipsis.

    >>> shorten("fund  the renewal of\\nthe outreach vehicles", 24)
    'fund the renewal of the…'
    >>> shorten("short", 24), shorten("abcdefghij", 5)
    ('short', 'abcd…')
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if text[len(cut)] != " " and " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def compose(head: str, extras: list[str], limit: int = LABEL_LIMIT) -> str:
    """The head cut to leave room for the bracketed extras, which are kept whole.

    >>> compose("Ville de Paris: fund the renewal of the outreach vehicles", ["2019"], 40)
    'Ville de Paris: fund the renewal… (2019)'
    >>> compose("ARS: open", [])
    'ARS: open'
    """
    extras = [e for e in extras if e]
    suffix = f" ({', '.join(extras)})" if extras else ""
    return shorten(head, max(limit - len(suffix), 8)) + suffix


ACTOR_LIMIT = 24  # characters of a claim label's actor, so its action and object still show


def claim_head(actor: str, action: str, what: str) -> str:
    """``actor: action object``, the way a reader says what a claim is; a long actor name
    is cut so that the action and the object, which tell claims apart, stay in view.

    >>> claim_head("Ville de Paris", "fund", "les maraudes")
    'Ville de Paris: fund les maraudes'
    >>> claim_head("Mission interministérielle de lutte contre les drogues", "sign", "le plan")
    'Mission interministérie…: sign le plan'
    """
    return f"{shorten(actor, ACTOR_LIMIT)}: {action} {' '.join(what.split())}".strip()


def document_tag(doc_id: str, limit: int = 14) -> str:
    """A document named briefly enough to sit in a label's brackets: its file name, cut.

    >>> document_tag("press/003_9e2a98039cd019e2.txt")
    '003_9e2a98039…'
    """
    name = doc_id.replace("\\", "/").rsplit("/", 1)[-1]
    return shorten(name, limit)


def unique_labels(parts: dict[str, LabelParts], limit: int = LABEL_LIMIT) -> dict[str, str]:
    """One label per node, all different: the head and date, then the qualifier for labels
    still shared, then an ordinal (in node order) for labels shared even so.

    >>> labels = unique_labels({"a": LabelParts("X: open", "2019", "001.txt"),
    ...                         "b": LabelParts("X: open", "2019", "002.txt"),
    ...                         "c": LabelParts("X: open", "2019", "002.txt"),
    ...                         "d": LabelParts("Y: fund", "2020", "001.txt")})
    >>> [labels[k] for k in "abcd"]
    ['X: open (2019, 001.txt)', 'X: open (2019, 002.txt, #1)', \
'X: open (2019, 002.txt, #2)', 'Y: fund (2020)']
    """
    labels = {node: compose(p.head, [p.date], limit) for node, p in parts.items()}
    for level in (1, 2):
        shared = _shared(labels)
        if not shared:
            break
        for group in shared:
            for n, node in enumerate(group, start=1):
                p = parts[node]
                extras = [p.date, p.qualifier] + ([f"#{n}"] if level == 2 else [])
                labels[node] = compose(p.head, extras, limit)
    return labels


def _shared(labels: dict[str, str]) -> list[list[str]]:
    """The groups of nodes (each sorted) that carry the same label."""
    groups: dict[str, list[str]] = defaultdict(list)
    for node, label in labels.items():
        groups[label].append(node)
    return [sorted(nodes) for nodes in groups.values() if len(nodes) > 1]
