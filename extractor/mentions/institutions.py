"""Organisations named by the place they serve, in any city: "Ville de Rennes", "la
préfecture du Rhône", "Nantes city council", "the prefect of the Nord" (an unnamed
office-holder is a mention of the body, by the annotation guidelines).

The forms are data (``ontology/institutions.yaml``); this module turns them into one regular
expression per language. Every form of one body gets the key of its canonical name, so the
mayor, the town hall and the council of one city resolve to one entity, in both languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import load_yaml
from extractor.text.fold import fold_name

_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*[\w]"
_OF = "__OF__"
_PLACE = "__PLACE__"


@dataclass(frozen=True)
class Institution:
    """An institution mention: span, the key of its canonical name, office or body."""

    start: int
    end: int
    key: str
    office: bool


def config() -> dict[str, Any]:
    data = load_yaml("institutions.yaml")
    return data if isinstance(data, dict) else {}


def place_pattern() -> str:
    prefixes = "|".join(re.escape(p) for p in config().get("place_prefixes") or [])
    single = rf"{_CAP}"
    return rf"(?P<place>(?:(?:{prefixes})\s+{single}|{single}))" if prefixes else \
        rf"(?P<place>{single})"


def of_pattern() -> str:
    items = sorted(config().get("of") or [], key=len, reverse=True)
    elided = [re.escape(i) for i in items if i.endswith(("'", "’"))]
    spaced = [re.escape(i) for i in items if not i.endswith(("'", "’"))]
    parts = [rf"(?:{'|'.join(spaced)})\s+"] if spaced else []
    parts += [rf"(?:{'|'.join(elided)})\s?"] if elided else []
    return rf"(?P<of>{'|'.join(parts)})" if parts else "(?P<of>)"


def _form_regex(form: str) -> str:
    """A written form as a regex: {of} any article, {place} a name, the words as written but
    for the case of their letters after the first: a form written with a capital ("Ville de
    X", the council) does not match the same words in lower case ("la ville de X", the city),
    while "conseil" and "Conseil" both match a form written in lower case."""
    marked = form.replace("{of} ", _OF).replace("{place}", _PLACE)
    out = []
    for index, piece in enumerate(re.split(f"({_OF}|{_PLACE})", marked)):
        if piece == _OF:
            out.append(of_pattern())
        elif piece == _PLACE:
            out.append(place_pattern())
        elif piece:
            head = ""
            if index == 0 and piece[0].isupper():
                head, piece = re.escape(piece[0]), piece[1:]
            literal = re.escape(piece).replace(r"\ ", r"\s+").replace("'", "['’]")
            out.append(f"{head}(?i:{literal})" if literal else head)
    return "".join(out)


@cache
def _grammar(lang: str) -> list[tuple[re.Pattern[str], str, bool]]:
    """(compiled form, canonical name, is an office) for every form of the language."""
    out = []
    for body in config().get("bodies") or []:
        canonical = str(body.get("canonical", ""))
        forms = [(f, False) for f in body.get(lang) or []]
        forms += [(f, True) for f in (body.get("offices") or {}).get(lang) or []]
        for form, office in forms:
            regex = rf"(?<![\w-]){_form_regex(str(form))}(?![\w-])"
            out.append((re.compile(regex), canonical, office))
    return out


def canonical_key(canonical: str, place: str, of: str, written: str) -> str:
    if canonical == "{written}":
        return "org:" + fold_name(written)
    data = config()
    default, elided = str(data.get("default_of", "")), str(data.get("elided_of", ""))
    article = " ".join(of.split()) or default
    if not of and elided and place[:1].lower() in "aeiouyhéèêîô":
        article = elided
    name = canonical.replace("{of} ", article if article.endswith(("'", "’")) else
                             article + " " if article else "").replace("{place}", place)
    return "org:" + fold_name(name)


@cache
def _place_reading(lang: str) -> re.Pattern[str]:
    """A locative word (and a determiner) right before a match: the name is a place there."""
    words = (config().get("place_reading_after") or {}).get(lang) or []
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(rf"(?i)(?<!\w)(?:{alternatives})\s+(?:\w+['’]?\s*)?$")


def find_institutions(text: str, lang: str) -> list[Institution]:
    """Every institution form in ``text``, longest first where forms overlap."""
    # imported here: coordination reads this module's grammar helpers
    from extractor.mentions.coordination import coordinated_institutions

    not_places = set(config().get("not_places") or [])
    found: list[Institution] = coordinated_institutions(text, lang)
    for pattern, canonical, office in _grammar(lang):
        for m in pattern.finditer(text):
            place = m.group("place")
            if place in not_places or place.isupper() and len(place) <= 2:
                continue
            if not office and _place_reading(lang).search(text[max(0, m.start() - 30):m.start()]):
                continue
            of = m.groupdict().get("of") or ""
            key = canonical_key(canonical, place, of, m.group(0))
            found.append(Institution(m.start(), m.end(), key, office))
    kept: list[Institution] = []
    for inst in sorted(found, key=lambda i: (i.start - i.end, i.start)):
        if all(inst.end <= k.start or inst.start >= k.end for k in kept):
            kept.append(inst)
    return sorted(kept, key=lambda i: i.start)


def _kind(body: dict[str, Any]) -> str:
    return str(body.get("kind") or body.get("canonical", ""))


def kind_of(key: str) -> str | None:
    """The kind ("Ville de {place}") of the body an institution key names."""
    for body in config().get("bodies") or []:
        kind = _kind(body)
        head = fold_name(kind.split("{", 1)[0])
        if head and (f"org:{head} " in f"{key} " or key.startswith(f"org:{head}'")
                     or key.endswith(f" {head}")):
            return kind
    return None


@cache
def _references(lang: str) -> list[tuple[re.Pattern[str], str]]:
    articles = (config().get("reference_articles") or {}).get(lang) or []
    article = "|".join(re.escape(a).replace("'", "['’]") for a in articles) or r"(?!)"
    of = "|".join(re.escape(o.strip()) for o in config().get("of") or [])
    out = []
    for body in config().get("bodies") or []:
        nouns = (body.get("references") or {}).get(lang) or []
        if not nouns:
            continue
        alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        regex = (rf"(?<![\w-])(?i:{article})(?P<noun>{alternatives})(?![\w-])"
                 rf"(?!\s+(?:{of}|of)\b)")
        out.append((re.compile(regex), _kind(body)))
    return out


def find_references(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical form) of every definite reference to a kind of body ("la
    mairie", "the prefecture"): the body of that kind the document names, if only one."""
    return [(m.start("noun"), m.end("noun"), canonical)
            for pattern, canonical in _references(lang) for m in pattern.finditer(text)]
