"""A place named for its government: "La Corrèze veut salarier 10 généralistes", "Nice plans
to install 300 cameras", "Lyon lance son plan vélo".

News headlines and ledes make a city, a department or a region the subject of what its
council does. The place stays a Place mention (the guidelines annotate the name once, as the
place it names); when it is the subject of an act only a government does (a list in
``ontology/lang/actors.yaml``), an Organization mention over the same words stands for the
place's council, keyed as the institution grammar keys that council written in full ("Conseil
départemental de la Corrèze"), so the claim's actor is the body a careful analyst names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.attrs import DEP

from extractor.knowledge import load_yaml
from extractor.mentions.france import france_places
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.institution_grammar import canonical_key
from extractor.mentions.institutions import seat_key
from extractor.mentions.place_cities import AGENCY_IN_BRACKETS
from extractor.mentions.references import named_kinds
from extractor.mentions.registry import load_registry
from extractor.mentions.seats import document_seat
from extractor.records import Document, Mention
from extractor.text.fold import fold
from extractor.text.inflection import lemma_guesses
from extractor.text.spans import SpanIndex
from extractor.text.wordlists import per_language


@cache
def _config() -> dict[str, Any]:
    data = load_yaml("lang/actors.yaml")
    section = data.get("place_as_body") if isinstance(data, dict) else None
    return section if isinstance(section, dict) else {}


@cache
def _verbs(lang: str) -> frozenset[str]:
    """A government's acts, and the verbs by which a body says or finds ("la ville indique
    que", "the city says", "la région dénombre"): the reporting and finding verbs of the claim
    lexicon, so that what a council says is read as it is when a council is named."""
    said = [w for section in ("reporting", "finding_verbs")
            for w in per_language("lang/claims.yaml", section).get(lang, ())]
    return frozenset(fold(str(v)) for v in [*((_config().get("verbs") or {}).get(lang) or []),
                                            *said])


def place_bodies(document: Document, mentions: Sequence[Mention],
                 parsed: Sequence[tuple[int, Any]], starts: list[int]) -> list[Mention]:
    """An Organization mention for every place that is the active subject of a government's
    act; none where an actor is already named over the same words."""
    verbs = _verbs(document.lang)
    places = SpanIndex(sorted((m for m in mentions if m.type == "Place" and m.key
                               and m.key.startswith("geo:")), key=lambda m: m.start))
    taken = [(m.start, m.end) for m in mentions if m.type in ("Organization", "Person")]
    out: list[Mention] = []
    listed = list(mentions)
    for offset, doc in parsed:
        for tok in _acting_subjects(doc, verbs, document.lang):
            at = offset + tok.idx
            sentence = max(0, bisect.bisect_right(starts, at) - 1)
            place = places.at(at) or _named_place(document, tok, offset, sentence)
            if place is None:
                body = _city_acting(document, tok, offset, sentence, listed)
                if body is not None and not any(s < body.end and body.start < e
                                                for s, e in taken):
                    out.append(body)
                    taken.append((body.start, body.end))
                continue
            if any(s < place.end and place.start < e for s, e in taken) \
                    or _dateline(document.text, place, listed):
                continue
            key = _body_key(place, _article(doc, tok, place, offset), document.lang)
            if key is None:
                continue
            if places.at(at) is None:  # a one-word place name the finder left for lack
                out.append(place)  # of context: the subject of a government's act is one
            out.append(Mention(document=document.id, type="Organization", text=place.text,
                               start=place.start, end=place.end, key=key, sentence=sentence,
                               source="metonymy"))
            taken.append((place.start, place.end))
    return out


def _acting_subjects(doc: Any, verbs: frozenset[str], lang: str) -> list[Any]:
    """The subjects of a government's act, each with the words coordinated to it ("Lyon
    and Grenoble will ban old cars": both councils ban)."""
    out = []
    for tok in _subjects(doc):
        # the act or, after a verb of future or will, its infinitive ("va recruter")
        acts = [tok.head, *(c for c in tok.head.children if c.dep_ == "xcomp")]
        # the infinitives a form suggests too: "Lyon vote un budget", "Nantes demande une
        # aide" keep "vote", "demande" for lemma
        acting = any(fold(g) in verbs for v in acts for g in lemma_guesses(v.lemma_, v.text, lang))
        if _predicate(tok.head) and (acting or _seat_acting(tok, lang)) \
                and not _nearer_subject(tok):
            out.append(tok)
            out.extend(c for c in tok.conjuncts if c.i > tok.i and c.text[:1].isupper())
    return out


# after a dateline's place: its agency in brackets and a dash ("Marseille (AFP) –"), or a
# comma and the date ("PARIS, June 26")
_DATELINE_AGENCY = re.compile(rf"\s*{AGENCY_IN_BRACKETS}\s*[-–—]")


def _dateline(text: str, place: Mention, mentions: Sequence[Mention]) -> bool:
    """A place opening a line as a dispatch's dateline ("PARIS, June 26 French Interior
    Minister …", "Marseille (AFP) – …"): where the text was written, never its subject,
    whatever the parser hung on it."""
    if text[text.rfind("\n", 0, place.start) + 1:place.start].strip():
        return False
    after = re.match(r"\s*,\s*", text[place.end:place.end + 4])
    return _DATELINE_AGENCY.match(text, place.end) is not None or after is not None and any(
        m.type == "Date" and m.start == place.end + after.end() for m in mentions)


def _subjects(doc: Any) -> list[Any]:
    """The active subjects of a parsed piece, found on its array of dependency labels: a
    spaCy Token per word would cost more than the rest of this pass."""
    wanted = {doc.vocab.strings[label] for label in ("nsubj", "nsubj:obj")}
    return [doc[i] for i, label in enumerate(doc.to_array([DEP]).tolist()) if label in wanted]


def _nearer_subject(tok: Any) -> bool:
    """The verb has another subject nearer it ("Grand Paris Express : …, Valérie Pécresse
    réclame"): a verb has one subject, the parser gave it two, the nearer is the one."""
    verb = tok.head
    return any(c.dep_ == "nsubj" and c.i != tok.i and abs(c.i - verb.i) < abs(tok.i - verb.i)
               for c in verb.children)


def _predicate(head: Any) -> bool:
    """The subject's head is an act: a verb; a noun the parser gave a subject and no copula,
    a verb it misread ("la commune recherche un pharmacien": ``recherche`` a noun); an
    adjective with its copula that governs an infinitive ("la commune est prête à racheter
    les locaux")."""
    if head.pos_ == "VERB":
        return True
    kids = [c.dep_ for c in head.children]
    if head.pos_ == "NOUN":
        return "cop" not in kids
    return head.pos_ == "ADJ" and "cop" in kids and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" for c in head.children)


def _seat_acting(tok: Any, lang: str) -> bool:
    """A seat noun's verb that is no place's ("la commune a avancé 33 000 euros"): a council
    named by "la ville", "la commune" acts by any verb a place does not do as a place."""
    return fold(tok.lemma_) in seat_nouns(lang) and fold(tok.head.lemma_) not in _place_verbs(lang)


@cache
def _place_verbs(lang: str) -> frozenset[str]:
    """The verbs a place does as a place (``place_verbs``), folded once."""
    return frozenset(fold(str(v)) for v in (_config().get("place_verbs") or {}).get(lang) or [])


@cache
def seat_nouns(lang: str) -> dict[str, str]:
    """Folded common noun → the kind of place whose council it names ("ville" → city)."""
    return {fold(str(n)): seat for seat, nouns in (_config().get("seat_nouns") or {}).items()
            for n in (nouns or {}).get(lang) or []}


def _city_acting(document: Document, tok: Any, offset: int, sentence: int,
                 mentions: list[Mention]) -> Mention | None:
    """"La ville va recruter 20 animateurs", "the city plans to recruit": the common noun
    with its definite article, subject of a government's act, is the council of the city
    the text names there (:func:`extractor.mentions.seats.document_seat`), keyed as the
    institution grammar keys it (:func:`extractor.mentions.institutions.seat_key`)."""
    wanted = seat_nouns(document.lang).get(fold(tok.lemma_))
    if wanted is None or tok.morph.get("Number") == ["Plur"] or not any(
            c.dep_ == "det" and c.morph.get("Definite") == ["Def"] for c in tok.children):
        return None
    seat = document_seat(mentions, offset + tok.idx, sentence, wanted)
    kind = str((_config().get("bodies") or {}).get(wanted) or "")
    key = seat_key(kind, seat.label) if seat is not None and kind else None
    if key is None and kind:  # a commune no gazetteer knows, its council named by the text
        bodies = named_kinds(mentions).get(kind, set())  # ("le maire de Romilly-la-Puthenaye")
        key = next(iter(bodies)) if len(bodies) == 1 else None
    if key is None:
        return None
    start, last = offset + tok.idx, _named_after(tok)
    end = offset + last.idx + len(last)
    if last is not tok:  # "la ville de Tours": the council of the city it names
        named = document.text[offset + tok.doc[tok.i + 2].idx:end]
        known = load_gazetteer().lookup(named) or france_places().lookup(named)
        key = seat_key(kind, named) if known is not None and kind else key
        end = end if known is not None else start + len(tok.text)
    return Mention(document=document.id, type="Organization", text=document.text[start:end],
                   start=start, end=end, key=key, sentence=sentence, source="metonymy")


def _named_after(tok: Any) -> Any:
    """The last word of the noun's phrase when the place's name follows it ("la ville de
    Tours va construire": the mention is "ville de Tours"), else the noun."""
    name = next((c for c in tok.children if c.dep_ == "nmod" and c.i == tok.i + 2
                 and c.text[:1].isupper() and tok.doc[tok.i + 1].pos_ == "ADP"), None)
    if name is None:
        return tok
    return max([name, *(c for c in name.children if c.dep_.startswith("flat"))],
               key=lambda t: t.i)


def _named_place(document: Document, tok: Any, offset: int, sentence: int) -> Mention | None:
    """The place a capitalised subject names ("La Corrèze", "Nice"), if France knows it."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "flat", "flat:name"))]
    first, last = min(w.i for w in words), max(w.i for w in words)
    if not tok.text[:1].isupper() or last - first + 1 != len(words):
        return None
    start, end = offset + tok.doc[first].idx, offset + tok.doc[last].idx + len(tok.doc[last])
    # the hand gazetteer's places and the regions and departments only: a bare commune name
    # is too often a person's or a company's ("Orange a signé un contrat")
    name = document.text[start:end]
    found: Any = load_gazetteer().lookup(name) or france_places().area(name)
    key = f"geo:{found.id}" if found is not None else None
    return Mention(document=document.id, type="Place", text=document.text[start:end],
                   start=start, end=end, key=key, sentence=sentence,
                   source="gazetteer") if key else None


def _article(doc: Any, tok: Any, place: Mention, offset: int) -> str:
    """The article written before the place ("La Corrèze" → "la"), folded; "" if none."""
    first = next((t for t in doc if offset + t.idx >= place.start), tok)
    before = doc[first.i - 1] if first.i > 0 else None
    return fold(before.text) if before is not None and before.pos_ == "DET" else ""


def _body_key(place: Mention, article: str, lang: str) -> str | None:
    """The key of the council of the place's kind, its registry id when the registry knows
    it ("Ville de Paris"), else the institution grammar's key of its full name."""
    ident = str(place.key)[4:]
    found: Any = load_gazetteer().get(ident) or france_places().get(ident)
    canonical = (_config().get("bodies") or {}).get(getattr(found, "type", None))
    if not canonical:
        return None
    of = str(((_config().get("articles") or {}).get(lang) or {}).get(article, ""))
    name = canonical.replace("{of} ", f"{of} " if of else "de ").replace("{place}", place.text)
    known = load_registry().lookup(name)
    return "reg:" + known if known else canonical_key(canonical, place.text, of, place.text)


__all__ = ["place_bodies", "seat_nouns"]
