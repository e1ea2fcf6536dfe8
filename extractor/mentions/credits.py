"""Names in the furniture of a press page: photo credits and bylines.

A credit line names a photographer and an agency in capitals ("— ANGOT/SIPA", "JEAN DUPONT
© 2019 AFP", "Crédit photo : PHANIE") and a byline the author ("Par Martin Dumas Primbault -",
"By Jane Roe", "Nina Droff with AFP"): the language model reads neither (capitals, no
sentence), yet both are named persons and organisations by the annotation guidelines. The
marker words are data (``credit_markers``, ``byline_openers``, ``byline_with`` of
``ontology/lang/actors.yaml``); the shapes are the press's own, the same in every language.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.naming import Found
from extractor.mentions.registry import load_registry
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages

_LEXICON = "lang/actors.yaml"
_UPPER = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+"
_CAP = r"[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ]"
_AGENCY = r"[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+)?"
_NAME = rf"{_CAP}(?:[ \t]+{_CAP}){{1,3}}"  # a person's name: two to four capitalised words


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    markers = alternation(all_languages(_LEXICON, "credit_markers"))
    openers = alternation(all_languages(_LEXICON, "byline_openers"))
    with_ = alternation(all_languages(_LEXICON, "byline_with"))
    leads = alternation(all_languages(_LEXICON, "byline_leads"))
    edited = alternation(all_languages(_LEXICON, "byline_edited"))
    return (
        # "Crédit photo : PHANIE", "Photo : JEAN DUPONT / AFP", "(Photo by Charly TRIBALLEAU /
        # AFP)"
        re.compile(rf"(?m)(?:^|(?<=[\s(]))(?:{markers})(?:\s*:\s*|\s+(?i:{openers})\s+)"
                   rf"(?P<person>(?:{_UPPER}|{_CAP})(?:[ \t]+(?:{_UPPER}|{_CAP}))*)"
                   rf"(?:\s*/\s*(?P<agency>{_AGENCY}))?"),
        # "— ANGOT/SIPA", "- GEOFFROY VAN DER HASSELT © 2019 AFP", "… Clamecy. / JEFF PACHOUD /
        # AFP", "2023. MATHIEU PATTIER /OUEST FRANCE", "- GUIZIOU Franck / hemis.fr": a name
        # with a surname in capitals after a line's start, a dash, a slash or a sentence's end
        re.compile(rf"(?m)(?:^|[-—–/]\s+|(?<=[.!?])\s+)(?P<person>{_UPPER}(?:[ \t]+{_UPPER})*"
                   rf"|{_UPPER}[ \t]+{_CAP}|{_CAP}[ \t]+{_UPPER})\s*"
                   rf"(?:/|©\s*(?:\d{{4}}\s+)?)\s*(?P<agency>{_AGENCY})"),
        # "© Radio France - Katia Lautrou", "© Maxppp / Jean Dupont": agency, then photographer
        re.compile(rf"©\s*(?P<agency>{_AGENCY})\s*[-–—/]\s*(?P<person>{_CAP}"
                   rf"(?:[ \t]+(?:{_CAP}|{_UPPER})){{1,3}})"),
        # "Par\nMartin Dumas Primbault -", "By Jane Roe"
        # "Par Aveline Marques le 09-03-2021": a date (one word, then digits) may follow
        re.compile(rf"(?m)^(?:{openers})\s+(?P<person>{_NAME})"
                   rf"[ \t]*(?=[-–—,|]|$|(?:[^\W\d]+[ \t]+)?\d)"),
        # "Publié le 07-10-2022 par César Armand", "Updated on 3 May 2024 by Jane Roe"
        re.compile(rf"(?m)^(?:{leads})\b[^\n]{{0,40}}?\s(?i:{openers})\s+"
                   rf"(?P<person>{_NAME})[ \t]*(?=[-–—,|.]|$)"),
        # "Jean-Luc Boujon, edited by Loane Nader 10:20 am": the author, then the editor
        re.compile(rf"(?m)^(?P<person>{_NAME}),[ \t]+(?=(?i:{edited})\s)"),
        re.compile(rf"(?m),[ \t]+(?i:{edited})[ \t]+(?P<person>{_NAME})"),
        # "Nina Droff with AFP"
        re.compile(rf"(?m)^(?P<person>{_NAME})[ \t]+(?:{with_})[ \t]+"
                   rf"(?P<agency>[A-Z]{{2,}})\b"),
    )


# "( AFP / Ludovic MARIN )", "(VINCENT VOEGTLIN / MAXPPP)", "(AFP - FREDERICK FLORIN)": a
# photo credit in brackets, the agency one word on either side of the slash or the spaced dash
# and the photographer two words or more
_WORDS = rf"(?:{_UPPER}|{_CAP})(?:[ \t]+(?:{_UPPER}|{_CAP})){{0,3}}"
_BRACKETED = re.compile(rf"\(\s*(?P<a>{_WORDS})\s*(?:/|\s[-–—]\s)\s*(?P<b>{_WORDS})\s*\)")


def _bracketed(text: str) -> list[Found]:
    out: list[Found] = []
    for m in _BRACKETED.finditer(text):
        sides = sorted("ab", key=lambda g: len(m.group(g).split()))
        agency, person = sides
        if len(m.group(agency).split()) != 1 or len(m.group(person).split()) < 2:
            continue  # "(SDH/LPI)": no photographer named
        for group in (person, agency):
            known = load_registry().lookup(m.group(group))
            if known or group == person:  # an agency the registry knows: not "POOL"
                out.append(Found("Organization" if known else "Person", *m.span(group), known,
                                 "credit"))
    return out


@cache
def _credit_block() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The block, and its opener words (masked before names are read: "Reportage Jean
    Dupont" names Jean Dupont)."""
    openers = alternation(all_languages(_LEXICON, "credit_block_openers"))
    return (re.compile(rf"\((?:{openers})\b[^()]{{0,400}}\)"),
            re.compile(rf"\b(?:{openers})\b", re.IGNORECASE))


def _credit_blocks(text: str) -> list[Found]:
    """Every name of two to four capitalised words inside an agency's credit block ("(Reporting
    by Dominique Vidalon; Editing by Mark John and Alison Williams)"): the reporters and
    editors of the dispatch, credits, not actors."""
    out: list[Found] = []
    blocks, openers = _credit_block()
    for block in blocks.finditer(text):
        masked = openers.sub(lambda o: " " * len(o.group()), block.group())
        for m in re.finditer(_NAME, masked):
            known = load_registry().lookup(m.group())
            start, end = block.start() + m.start(), block.start() + m.end()
            out.append(Found("Organization" if known else "Person", start, end, known, "credit"))
    return out


def credit_found(text: str) -> list[Found]:
    """Persons and agencies of credit lines and bylines; one capitalised word alone after a
    credit marker is an agency ("Crédit photo : PHANIE"), a known body is the registry's."""
    out: list[Found] = []
    for index, pattern in enumerate(_patterns()):
        for m in pattern.finditer(text):
            agency = m.groupdict().get("agency")
            person = m.group("person")
            alone = index == 0 and agency is None and len(person.split()) == 1
            for group, kind in (("person", "Organization" if alone else "Person"),
                                ("agency", "Organization")):
                if m.groupdict().get(group) is None:
                    continue
                known = load_registry().lookup(m.group(group))
                start, end = m.span(group)
                out.append(Found("Organization" if known else kind, start, end, known, "credit"))
    seen = {(f.start, f.end) for f in out}
    return out + _bracketed(text) + [f for f in _credit_blocks(text)
                                     if (f.start, f.end) not in seen]
