"""Names listed with a body are bodies: "Le CNRS, l'Inserm et Biovanta ont lancé …", "Keolis
and Travexa will run the line".

The small models find a brand name or a made-up word now and then, rarely every one of a
list, and often call a coined word a place; what a list joins is alike, so a capitalised
proper noun that the parser coordinates with an organisation's name, and that no finder read
as anything else (or only the model, as a place no gazetteer knows), is an organisation too.
A name a finder took for a person or a known place keeps that reading ("le ministère et Jean
Dupont", "la Région Bretagne et Vannes"). Only what the parser joins counts: where it hangs
the list on another word ("les usines d'Envision, de Verkor et de ProLogium"), nothing is
read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from spacy.attrs import DEP

from extractor.records import Document, Mention, key_for
from extractor.text.spans import SpanIndex

_JOINED = ("conj",)
_NAME_PARTS = ("flat", "flat:name", "flat:foreign", "compound")


def conjoined_bodies(document: Document, mentions: list[Mention],
                     parsed: Sequence[tuple[int, Any]], starts: list[int]) -> list[Mention]:
    """The mentions with an Organization mention for each proper noun coordinated with one
    that no finder read, or that only the model read as a place no gazetteer knows (coined
    names: "Le CNRS, l'Inserm et Biovanta", "Keolis and Travexa")."""
    bodies = SpanIndex(sorted((m for m in mentions if m.type == "Organization"),
                              key=lambda m: m.start))
    read = [(m.start, m.end) for m in mentions if m.type in ("Organization", "Person", "Place")
            and not _unknown_place(m)]
    out: list[Mention] = []
    for offset, doc in parsed:
        # the piece's end from its last token: ``doc.text`` joins every token anew
        if not len(doc) or not bodies.within(offset, offset + doc[-1].idx + len(doc[-1])):
            continue  # no body in the piece to list a name with
        joined = {doc.vocab.strings[label] for label in _JOINED}
        # the coordinated words found on the array of labels: a spaCy Token per word would
        # cost more than the rest of this pass
        for i in (i for i, d in enumerate(doc.to_array([DEP]).tolist()) if d in joined):
            tok = doc[i]
            for name, other in ((tok, tok.head), (tok.head, tok)):
                span = _name_span(name)
                if span is None or bodies.at(offset + other.idx) is None:
                    continue
                start, end = offset + span[0], offset + span[1]
                if any(s < end and start < e for s, e in read):
                    continue
                text = document.text[start:end]
                out.append(Mention(document=document.id, type="Organization", text=text,
                                   start=start, end=end, key=key_for("Organization", text),
                                   sentence=max(0, bisect.bisect_right(starts, start) - 1),
                                   source="rule:conjoined"))
                read.append((start, end))
    retyped = {(m.start, m.end) for m in out}
    return [m for m in mentions if (m.start, m.end) not in retyped or not _unknown_place(m)] \
        + out


def _unknown_place(m: Mention) -> bool:
    """A place only the model read, keyed by its name: no gazetteer or register knows it."""
    return m.type == "Place" and m.source == "ner" and bool(m.key) and \
        str(m.key).startswith("loc:")


def _name_span(tok: Any) -> tuple[int, int] | None:
    """The characters of the proper noun and the words the parser joins to it as one name,
    when they are contiguous and capitalised; None otherwise."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 2:
        return None
    words = sorted([tok, *(c for c in tok.children if c.dep_ in _NAME_PARTS)], key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words) or not all(
            w.text[:1].isupper() or not w.is_alpha for w in words):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


__all__ = ["conjoined_bodies"]
