"""A body named by a common noun in lower case: "l'état s'est associé au projet", "the state
undertakes to extend fuel aid".

The registry matches "État" and "the State" only with their capital, since the lower-case
words mostly mean a condition ("l'état des lieux", "the state of the rail system"). Copy
translated by machine or written in haste drops the capital, though, and the State is then
named by the bare noun. The parse tells the two apart: the body is the noun with its
definite article heading a phrase of its own; the condition has a complement ("of", "de"),
an adjective ("l'état réel") or is itself a modifier ("the state railway"). The nouns and
the bodies they name are data (``common_noun_bodies`` of ``ontology/lang/actors.yaml``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.attrs import LOWER

from extractor.mentions.naming import lexicon_data
from extractor.records import Document, Mention
from extractor.text.fold import fold

# the dependents that make the noun a condition, not a body; a noun complement ("nmod")
# only with its preposition ("l'état des finances"), as the parser also hangs an object
# there ("demandent à l'état une stratégie")
_QUALIFIED = frozenset({"prep", "amod", "compound", "acl", "relcl", "appos"})


@cache
def _nouns(lang: str) -> dict[str, str]:
    """Folded noun → registry id of the body it names, for one language."""
    section = (lexicon_data().get("common_noun_bodies") or {}).get(lang) or {}
    return {fold(str(noun)): str(ident) for noun, ident in section.items()}


@cache
def _forms(noun: str) -> tuple[str, ...]:
    """The lower-case forms a text writes a folded noun in: as listed, and unaccented."""
    section = {fold(str(n)): str(n) for lang_nouns in
               (lexicon_data().get("common_noun_bodies") or {}).values() for n in lang_nouns or {}}
    return tuple(dict.fromkeys((section.get(noun, noun).lower(), noun)))


def common_noun_bodies(document: Document, mentions: Sequence[Mention],
                       parsed: Sequence[tuple[int, Any]], starts: list[int]) -> list[Mention]:
    """An Organization mention for each such noun no other mention covers."""
    nouns = _nouns(document.lang)
    if not nouns:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for offset, doc in parsed:
        # the nouns found on the array of lower-case forms: a spaCy Token per word would cost
        # more than the rest of this pass
        wanted = {doc.vocab.strings[form] for noun in nouns for form in _forms(noun)}
        for i in (i for i, w in enumerate(doc.to_array([LOWER]).tolist()) if w in wanted):
            tok = doc[i]
            ident = nouns.get(fold(tok.text)) if tok.is_lower and tok.pos_ == "NOUN" else None
            if ident is None or tok.dep_ == "compound" or any(
                    c.dep_ in _QUALIFIED or c.dep_ == "nmod" and any(
                        g.dep_ == "case" for g in c.children) for c in tok.children) or not any(
                    c.dep_ == "det" and c.morph.get("Definite") == ["Def"] for c in tok.children):
                continue
            start = offset + tok.idx
            end = start + len(tok.text)
            if any(s < end and start < e for s, e in taken):
                continue
            out.append(Mention(document=document.id, type="Organization", text=tok.text,
                               start=start, end=end, key="reg:" + ident,
                               sentence=max(0, bisect.bisect_right(starts, start) - 1),
                               source="registry:common"))
    return out


__all__ = ["common_noun_bodies"]
