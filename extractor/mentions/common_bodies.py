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
def _nouns(lang: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Folded noun → registry id of the body it names, for one language, and the lower-case
    forms a text writes them in (as listed, and unaccented)."""
    section = (lexicon_data().get("common_noun_bodies") or {}).get(lang) or {}
    forms = {f for noun in section for f in (str(noun).lower(), fold(str(noun)))}
    return ({fold(str(noun)): str(ident) for noun, ident in section.items()},
            tuple(sorted(forms)))


def _heads_own_phrase(tok: Any) -> bool:
    """The noun with its definite article and no complement, adjective or compound role: a
    name ("l'état s'est associé"), not a condition ("l'état des finances", "l'état réel")."""
    return tok.dep_ != "compound" and any(
        c.dep_ == "det" and c.morph.get("Definite") == ["Def"] for c in tok.children) \
        and not any(c.dep_ in _QUALIFIED or c.dep_ == "nmod" and any(
            g.dep_ == "case" for g in c.children) for c in tok.children)


def common_noun_bodies(document: Document, mentions: Sequence[Mention],
                       parsed: Sequence[tuple[int, Any]], starts: list[int]) -> list[Mention]:
    """An Organization mention for each such noun no other mention covers."""
    nouns, forms = _nouns(document.lang)
    if not nouns:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for offset, doc in parsed:
        # the nouns found on the array of lower-case forms: a spaCy Token per word would cost
        # more than the rest of this pass
        wanted = {doc.vocab.strings[form] for form in forms}
        for i in (i for i, w in enumerate(doc.to_array([LOWER]).tolist()) if w in wanted):
            tok = doc[i]
            ident = nouns.get(fold(tok.text)) if tok.is_lower and tok.pos_ == "NOUN" else None
            start = offset + tok.idx
            end = start + len(tok.text)
            if ident is None or not _heads_own_phrase(tok) \
                    or any(s < end and start < e for s, e in taken):
                continue
            out.append(Mention(document=document.id, type="Organization", text=tok.text,
                               start=start, end=end, key="reg:" + ident,
                               sentence=max(0, bisect.bisect_right(starts, start) - 1),
                               source="registry:common"))
    return out


__all__ = ["common_noun_bodies"]
