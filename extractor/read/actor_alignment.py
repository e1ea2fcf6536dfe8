"""Which gold actor a found entity is, when the two are named differently.

A gold file names an entity the registry does not know by a slug of the annotator's choosing
("crc-bretagne"); the build mints its own from the name it read ("chambre-regionale-des-
comptes-bretagne", or "destot" for a surname a text gives alone). Compared slug to slug, such
a claim counts as both missed and wrong although actor and sentence agree, while entities
are already scored by their surface forms. Here a found entity stands for a gold one when,
in the same document, one of its mentions is one of the gold entity's mentions (same type,
overlapping span or the same folded text) and the two names are compatible: every content
word of one is a word of the other, an acronym counting for the words it abbreviates. So a
different body at the same mention ("...-pays-de-la-loire" for "crc-provence-alpes-cote-d-
azur") stays a different actor, as does a name the words do not show ("parliament",
"parlement"): the alignment forgives naming, never identity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import Any

from extractor.iris import slugify
from extractor.read.gold_match import normalise, slug_of
from extractor.text.wordlists import every_language

__all__ = ["aligned_actors", "compatible_names"]

_ACTOR_TYPES = ("Organization", "Person")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(every_language("gold_name_words"))


def _words(slug: str) -> list[str]:
    return [w for w in slug.split("-") if w and w not in _function_words()]


def _expanded(words: list[str], other: list[str]) -> set[str]:
    """``words`` with each acronym of a run of ``other``'s words replaced by that run."""
    out: set[str] = set()
    for word in words:
        run = None if word in other else _abbreviated(word, other)
        out.update(run or [word])
    return out


def _abbreviated(acronym: str, words: list[str]) -> list[str] | None:
    """The run of consecutive ``words`` whose initials spell ``acronym`` (two letters at
    least), if any."""
    if len(acronym) < 2:
        return None
    for start in range(len(words)):
        end = start + len(acronym)
        if end <= len(words) and "".join(w[0] for w in words[start:end]) == acronym:
            return words[start:end]
    return None


def compatible_names(a: str, b: str) -> bool:
    """Every content word of one slug is in the other, acronyms expanded.

    >>> compatible_names("crc-pays-de-la-loire", "chambre-regionale-des-comptes-pays-de-la-loire")
    True
    >>> compatible_names("destot", "michel-destot"), compatible_names("parliament", "parlement")
    (True, False)
    >>> compatible_names("crc-provence-alpes-cote-d-azur", "chambre-regionale-des-comptes-bretagne")
    False
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return _expanded(wa, wb) <= set(wb) or _expanded(wb, wa) <= set(wa)


def _written(slug: str, text: str) -> bool:
    """Every content word of the gold name is written at the mention ("Département du
    Calvados" for "departement-du-calvados"), not only some ("l'ARS" names no region)."""
    wanted, written = _words(slug), _words(slugify(text))
    return bool(wanted) and _expanded(wanted, written) <= set(written)


def _same_mention(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    if gold.get("type") != found.get("type"):
        return False
    start, end = gold.get("start"), gold.get("end")
    if isinstance(start, int) and isinstance(end, int) \
            and isinstance(found.get("start"), int) and isinstance(found.get("end"), int):
        if start < found["end"] and found["start"] < end:
            return True
    return normalise(gold.get("text", "")) == normalise(found.get("text", ""))


def aligned_actors(gold_doc: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, str]:
    """Found entity slug → the gold entity slug it stands for, in one document.

    Only entities neither side already names by the other's slug: a found slug that is a
    gold entity of the document, or a gold slug the build also found, keeps its own."""
    gold_slugs = {str(e.get("entity")) for e in gold_doc.get("entities", [])}
    found_slugs = {slug_of(m.get("value")) for m in mentions if m.get("type") in _ACTOR_TYPES}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        found = slug_of(mention.get("value"))
        if mention.get("type") not in _ACTOR_TYPES or found in gold_slugs:
            continue
        for entity in gold_doc.get("entities", []):
            slug = str(entity.get("entity"))
            # the build's name, or the words the text writes at that mention: "Département du
            # Calvados" is "departement-du-calvados" whatever canonical name the build gave it
            if slug not in found_slugs and _same_mention(entity, mention) and (
                    compatible_names(slug, found) or _written(slug, str(mention.get("text", "")))):
                votes[found][slug] += 1
    return {found: counts.most_common(1)[0][0] for found, counts in votes.items()}
