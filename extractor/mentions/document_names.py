"""Names a document settles as a whole, once every piece's mentions are found.

The small NER models read one sentence at a time, so a name the text makes clear elsewhere
is missed or mistyped: a surname used alone after the full name ("Emmanuel Macron" …
"Macron said"), a name typed as a person where the text calls it an organisation
("l'association Villes de France" … "le panorama dressé par Villes de France"), an acronym
given as the organisation's former name ("Villes de France (ex FNVM)"), an acronym the text
defines then uses again ("… (MSPB)" … "la MSPB"). Each is decided here from what the same
document says, with the words in ``ontology/lang/actors.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from extractor.knowledge import load_yaml
from extractor.mentions.acronyms import initials_optional, spells_initials
from extractor.mentions.france import place_key
from extractor.mentions.persons import surname_particles
from extractor.mentions.registry import load_registry
from extractor.records import Mention
from extractor.text.fold import fold, fold_name
from extractor.text.patterns import alternation
from extractor.text.spans import overlaps
from extractor.text.wordlists import all_languages, every_language

_LEXICON = "lang/actors.yaml"


def surname_of(name: str) -> str | None:
    """The surname part of a full name written with its given name, from its first particle
    on, else its last word ("Jean-Yves Le Drian" → "Le Drian"); None for a name in capitals
    (a byline) or one word.

    >>> surname_of("Emmanuel Macron"), surname_of("Charles de Gaulle")
    ('Macron', 'de Gaulle')
    """
    words = name.split()
    if len(words) < 2 or name.isupper():
        return None
    particles = surname_particles()
    first = next((i for i, w in enumerate(words[1:], 1) if w.lower() in particles), None)
    surname = " ".join(words[first:]) if first is not None else words[-1]
    if len(surname) <= 2 or not surname[:1].isalpha():
        return None
    # "de France" after a particle shows the name was no person's ("Villes de France"
    # mistyped): it would make every "de France" a person; many surnames are towns ("Beaune")
    last = surname.split()[-1]
    named = load_registry().lookup(last) or (first is not None and place_key(last))
    return None if named else surname


def surname_mentions(text: str, mentions: list[Mention],
                     starts: list[int]) -> list[Mention]:
    """A person's surname alone where the document names the person in full: a mention of
    that person (keyed like the full name). Only a surname one full name of the document
    has, written as a capitalised word outside every other mention."""
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for surname, keys in _surname_owners(mentions).items():
        if len(keys) != 1:
            continue
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text):
            if overlaps(hit.start(), hit.end(), taken):
                continue
            out.append(Mention(document=mentions[0].document, type="Person", text=surname,
                               start=hit.start(), end=hit.end(),
                               sentence=max(0, bisect.bisect_right(starts, hit.start()) - 1),
                               key=next(iter(keys)), source="rule"))
    return out


def _surname_owners(mentions: list[Mention]) -> dict[str, set[str]]:
    """Surname as written → the keys of the document's persons named in full with it."""
    owners: dict[str, set[str]] = {}
    for m in mentions:
        surname = surname_of(m.text) if m.type == "Person" and m.key else None
        if surname:
            owners.setdefault(surname, set()).add(str(m.key))
    return owners


@cache
def office_terms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Body id → (holder's name as written, from, to) of each term of ``ontology/holders.yaml``
    (``to`` "9999" while in office): the one reader of that file."""
    return {str(body): tuple((str(t["name"]), str(t["from"]), str(t.get("to") or "9999"))
                             for t in terms or [])
            for body, terms in (load_yaml("holders.yaml") or {}).items()}


@cache
def _holder_surnames() -> dict[str, list[tuple[str, str, str]]]:
    """Folded surname → (full name, from, to) of every holder's term."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for terms in office_terms().values():
        for name, start, end in terms:
            surname = surname_of(name)
            if surname:
                out.setdefault(fold_name(surname), []).append((name, start, end))
    return out


def holder_surnames(mentions: list[Mention], published: str | None) -> list[Mention]:
    """A surname alone, where the document names no full name with it, that one holder of
    a listed office bore on the document's date ("Ms. Borne said" in a December 2022
    dispatch on the Prime Minister: Élisabeth Borne): that holder, keyed like the full name;
    the public record of ``holders.yaml`` names who it is, as a reader knows."""
    if not published:
        return mentions
    day = published[:10]
    out = []
    for m in mentions:
        if m.type == "Person" and m.key == f"per:{fold_name(m.text)}":
            names = {name for name, start, end in _holder_surnames().get(fold_name(m.text), [])
                     if start <= day < end}
            if len(names) == 1:
                m = replace(m, key=f"per:{fold_name(names.pop())}")
        out.append(m)
    return out


def persons_named_as_organisations(mentions: list[Mention]) -> list[Mention]:
    """A name the model typed as a person that the document also gives as an organisation's
    name ("l'association Villes de France" … "Villes de France"): that organisation."""
    org_keys: dict[str, str] = {}
    for m in mentions:
        if m.type == "Organization" and m.key:
            org_keys.setdefault(fold_name(m.text), m.key)
            if m.key.startswith("org:"):
                org_keys.setdefault(m.key[4:], m.key)
    out = []
    for m in mentions:
        key = org_keys.get(fold_name(m.text)) if m.type == "Person" and m.source == "ner" \
            else None
        out.append(replace(m, type="Organization", key=key, role=None) if key else m)
    return out


def surnames_typed_as_bodies(mentions: list[Mention]) -> list[Mention]:
    """A surname the model typed as an organisation or a place ("Valls said", "Darmanin's
    plan") where the document names one person in full with that surname: that person."""
    owners: dict[str, set[str]] = {}
    for surname, keys in _surname_owners(mentions).items():
        owners.setdefault(fold_name(surname), set()).update(keys)
    out = []
    for m in mentions:
        keys = owners.get(fold_name(m.text), set()) if m.type != "Person" \
            and m.source == "ner" else set()
        out.append(replace(m, type="Person", key=next(iter(keys)), role=None)
                   if len(keys) == 1 else m)
    return out


def head_mentions(text: str, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """The capitalised head word of a body's name, after a determiner, once the document has
    named the body in full ("la Cour des comptes … estime la Cour", "the Court"): a mention
    of the last body named with that head before it. Not a head a longer name continues
    ("la Cour de cassation"), nor one inside another mention; a head the model read as a
    body of its own ("the Court" → "court") is that body, and replaces it."""
    # not an office ("la Première ministre"): its first word is a title's, no body's head
    bodies = sorted((m for m in mentions if m.type == "Organization" and m.key
                     and len(m.text.split()) > 1 and not m.source.endswith("office")),
                    key=lambda m: m.start)
    heads = {m.text.split()[0] for m in bodies if _head_word(m.text.split()[0])}
    if not heads:
        return []
    taken = [(m.start, m.end) for m in mentions if m.text not in heads or m.type != "Organization"
             or m.source != "ner"]
    dets = tuple(every_language("name_determiners"))
    out = []
    pattern = rf"(?<![\w'’-])(?:{'|'.join(re.escape(h) for h in sorted(heads))})(?![\w'’-])"
    for hit in re.finditer(pattern, text):
        before = fold(text[max(0, hit.start() - 6):hit.start()]).replace("’", "'")
        named = [m for m in bodies if m.end <= hit.start() and m.text.split()[0] == hit.group()]
        end = _shortened(text, hit.start(), hit.end(), named[-1].text) if named else hit.end()
        if not named or not before.endswith(dets) or overlaps(hit.start(), end, taken) \
                or end == hit.end() and _name_goes_on().match(text, hit.end()):
            continue
        out.append(replace(named[-1], text=text[hit.start():end], start=hit.start(), end=end,
                           sentence=max(0, bisect.bisect_right(starts, hit.start()) - 1),
                           source="document:head", role=None))
    return out


def _shortened(text: str, start: int, end: int, name: str) -> int:
    """The end of the longest start of the body's name written at ``start`` ("la Communauté
    de communes …" after "la Communauté de communes du Pays Bigouden Sud"), a word or
    more; ``end`` (the head alone) when only the head is."""
    words_, links = name.split(), {fold(w) for w in all_languages(_LEXICON, "longer_name_links")}
    for n in range(len(words_) - 1, 1, -1):
        prefix = " ".join(words_[:n])
        if text.startswith(prefix, start) and not re.match(r"[\w'’-]", text[start + len(
                prefix):start + len(prefix) + 1]) and fold(words_[n - 1]) not in links:
            return start + len(prefix)
    return end


@cache
def _name_goes_on() -> re.Pattern[str]:
    """What makes a head the start of another name: a capital, or a link word of
    ``longer_name_links`` and any word ("la Cour de cassation")."""
    links = alternation(all_languages(_LEXICON, "longer_name_links"))
    return re.compile(rf"\s+(?:[A-ZÀ-Ý]|(?:{links})\s*\w)")


def _head_word(word: str) -> bool:
    """A capitalised common-noun head ("Cour", "Agence", "Court", "Haut" of "Haut Conseil"),
    not an acronym or article, nor a name's first word that is no head noun of the lexicon:
    "French" of "the French government" is an adjective ("the daily life of the French"),
    "Just" of "Just Transition Fund" a word of the name."""
    return len(word) >= 4 and word[:1].isupper() and word[1:].islower() and word.isalpha() \
        and fold(word) in _head_nouns()


@cache
def _head_nouns() -> frozenset[str]:
    """The first words of the organisation heads of every language (``org_heads``,
    ``official_name_heads``, ``company_heads``), folded."""
    return frozenset(fold(str(w).split()[0]) for section in (
        "org_heads", "official_name_heads", "company_heads")
        for w in all_languages(_LEXICON, section) if str(w).strip())


@cache
def _former_name() -> re.Pattern[str]:
    """"(ex FNVM)", "(formerly FNVM)": an acronym given as the former name of what precedes."""
    markers = "|".join(re.escape(w) for w in sorted(
        all_languages(_LEXICON, "former_name_markers"), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s*\(\s*(?i:{markers})[\s-]+(?P<acr>[A-Z][A-Z0-9&-]{{1,11}})\s*\)")


def former_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """The former acronym in parentheses right after an organisation's name: a mention of
    that organisation."""
    out = []
    for m in mentions:
        hit = _former_name().match(text, m.end) if m.type == "Organization" else None
        if hit and not any(o.start == hit.start("acr") for o in mentions):
            out.append(replace(m, text=hit.group("acr"), start=hit.start("acr"),
                               end=hit.end("acr"), source="acronym", role=None))
    return out


def acronym_uses(text: str, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """Every use of an acronym the document defines ("… (MSPB)" … "la MSPB"), also before
    the definition (a headline's "Le CFL dénonce …" above "le Comité des finances locales
    (CFL)"): a mention of the organisation it stands for, found or not by the model."""
    # an acronym written as a word ("la Capeb", "l'Insee") as well as in capitals
    defined = {m.text: m for m in mentions if m.source == "acronym" and m.text[:1].isupper()
               and " " not in m.text}
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for acronym, first in defined.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if not overlaps(hit.start(), hit.end(), taken):
                out.append(replace(first, start=hit.start(), end=hit.end(),
                                   sentence=max(0, bisect.bisect_right(starts, hit.start()) - 1)))
    return out


def initialisms(text: str, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """An acronym the document never defines, spelling the initials of one body it names
    ("l'AMF" in a text naming "l'Association des maires de France"): a mention of that body.
    Not a word of a capitalised run (a headline written in capitals), nor one several named
    bodies spell."""
    optional = initials_optional()
    # each name once, however often the text repeats it: its last mention
    bodies = {m.text: m for m in mentions if m.type == "Organization" and len(m.text.split()) > 1}
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for hit in re.finditer(r"(?<![\w-])(?<![A-Z] )[A-Z]{3,6}(?![\w-])(?! [A-Z]{2})", text):
        if overlaps(hit.start(), hit.end(), taken):
            continue
        named = {m.key or m.text: m for name, m in bodies.items()
                 if spells_initials(hit.group(), name, optional)}
        if len(named) == 1:
            (body,) = named.values()
            out.append(replace(body, text=hit.group(), start=hit.start(), end=hit.end(),
                               sentence=max(0, bisect.bisect_right(starts, hit.start()) - 1),
                               source="acronym", role=None))
    return out
