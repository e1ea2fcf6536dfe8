"""The pieces every institution form is built from: a place name, the French articles
between a body and its place, a form's words, and the canonical key of the body a match
names. Data in ``ontology/institutions.yaml``; read by :mod:`institutions` (one body per
match) and :mod:`coordination` (several bodies named at once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import load_yaml
from extractor.mentions.area_names import official_area
from extractor.text.fold import fold_name

# a capitalised name, its hyphens of any kind ("Haute‑Garonne" with a non-breaking hyphen)
CAP = r"[A-ZÀ-ÖØ-Þ][\w’'\-\u2010\u2011]*[\w]"
_OF = "__OF__"
ACRONYM = r"\(\s*[A-Z][A-Za-z-]{1,11}\s*\)"
_PLACE = "__PLACE__"
# a department by its INSEE code ("SDIS 63", "SDIS29"), read as its place by official_area
_CODE = r"(?P<place>(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6]))(?!\d)"


@dataclass(frozen=True)
class Institution:
    """An institution mention: span, the key of its canonical name, office or body."""

    start: int
    end: int
    key: str
    office: bool
    by_adjective: bool = False  # "la métropole bordelaise": a reference to the body named


def config() -> dict[str, Any]:
    data = load_yaml("institutions.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _spaced_areas() -> str:
    """Regions and departments whose names have spaces ("Pays de la Loire", "Grand Est",
    "Provence-Alpes-Côte d'Azur"), which a single capitalised word would cut: from
    ``ontology/france.yaml``, longest first."""
    data = load_yaml("france.yaml") or {}
    every = {str(n) for section in ("regions", "departments") for e in data.get(section) or []
             for n in [*(e.get("labels") or {}).values(), *(e.get("aliases") or [])]}
    names = {n for n in every if re.search(r"[\s'’-]", n)}
    # each hyphen or space between words written as either ("Auvergne-Rhône Alpes", "Centre
    # Val-de-Loire", "Seine Saint Denis"): a single capitalised word would cut the name
    return "|".join(re.sub(r"\\[\s-]|\\ ", r"[\\s-]", re.escape(n)).replace("'", "['’]")
                    for n in sorted(names, key=len, reverse=True))


def place_pattern() -> str:
    prefixes = "|".join(re.escape(p) for p in config().get("place_prefixes") or [])
    areas = _spaced_areas()
    single = rf"(?:{areas})(?!\w)|{CAP}" if areas else CAP
    suffixes = "|".join(re.escape(p) for p in config().get("place_suffixes") or [])
    ending = rf"(?:\s+(?:{suffixes})(?![\w-]))?" if suffixes else ""
    return rf"(?P<place>(?:(?:{prefixes})\s+(?:{single})|{single}){ending})" if prefixes else \
        rf"(?P<place>(?:{single}){ending})"


def of_pattern() -> str:
    items = sorted(config().get("of") or [], key=len, reverse=True)
    elided = [re.escape(i) for i in items if i.endswith(("'", "’"))]
    spaced = [re.escape(i) for i in items if not i.endswith(("'", "’"))]
    parts = [rf"(?:{'|'.join(spaced)})\s+"] if spaced else []
    parts += [rf"(?:{'|'.join(elided)})\s?"] if elided else []
    return rf"(?P<of>{'|'.join(parts)})" if parts else "(?P<of>)"


def form_regex(form: str) -> str:
    """A written form as a regex: {of} any article, {place} a name ({code} a department's
    code), the words as written but
    for the case of their letters after the first: a form written with a capital ("Ville de
    X", the council) does not match the same words in lower case ("la ville de X", the city),
    while "conseil" and "Conseil" both match a form written in lower case."""
    marked = form.replace("{of} ", _OF).replace("{place}", _PLACE).replace("{code}", "__CODE__")
    out = []
    for index, piece in enumerate(re.split(f"({_OF}|{_PLACE}|__CODE__)", marked)):
        if piece == _OF:
            # the acronym may interrupt the name: "Agence régionale de santé (ARS) d'Ile-de-France"
            out.append(rf"(?:{ACRONYM}\s+)?" + of_pattern())
        elif piece == _PLACE:
            out.append(place_pattern())
        elif piece == "__CODE__":
            out.append(_CODE)
        elif piece:
            head = ""
            if index == 0 and piece[0].isupper():
                head, piece = re.escape(piece[0]), piece[1:]
            literal = re.escape(piece).replace(r"\ ", r"\s+").replace("'", "['’]")
            out.append(f"{head}(?i:{literal})" if literal else head)
    return "".join(out)




def canonical_key(canonical: str, place: str, of: str, written: str) -> str:
    if canonical == "{written}":
        return "org:" + fold_name(written)
    place, of = official_area(place, of)  # "Gironde prefecture": "préfecture de la Gironde"
    data = config()
    default, elided = str(data.get("default_of", "")), str(data.get("elided_of", ""))
    article = " ".join(of.split()) or default
    if not of and elided and place[:1].lower() in "aeiouyhéèêîô":
        article = elided
    name = canonical.replace("{of} ", article if article.endswith(("'", "’")) else
                             article + " " if article else "").replace("{place}", place)
    return "org:" + fold_name(name)
