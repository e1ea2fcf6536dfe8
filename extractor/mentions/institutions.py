"""Organisations named by the place they serve, in any city: "Ville de Rennes", "la
préfecture du Rhône", "Nantes city council", "the prefect of the Nord" (an unnamed
office-holder is a mention of the body, by the annotation guidelines).

The forms are data (``ontology/institutions.yaml``); this module turns them into one regular
expression per language. Every form of one body gets the key of its canonical name, so the
mayor, the town hall and the council of one city resolve to one entity, in both languages.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.mentions.coordination import coordinated_institutions
from extractor.mentions.france import place_key
from extractor.mentions.institution_grammar import (
    Institution,
    canonical_key,
    config,
    form_regex,
)
from extractor.mentions.registry import load_registry
from extractor.text.caseless import Guarded
from extractor.text.fold import fold_name
from extractor.text.spans import longest_first
from extractor.text.wordlists import per_language


@cache
def _grammar(lang: str) -> list[tuple[Guarded, str, bool]]:
    """(compiled form, canonical name, is an office) for every form of the language."""
    out = []
    for body in config().get("bodies") or []:
        canonical = str(body.get("canonical", ""))
        forms = [(f, False, "") for f in body.get(lang) or []]
        forms += [(f, True, "") for f in (body.get("offices") or {}).get(lang) or []]
        forms += [(f, False, _definite_before(lang))
                  for f in (body.get("after_definite") or {}).get(lang) or []]
        for form, office, before in forms:
            regex = rf"{before}(?<![\w-]){form_regex(str(form))}(?![\w-])"
            out.append((Guarded(regex, str(form)), canonical, office))
    return out


def _definite_before(lang: str) -> str:
    """A lookbehind for a singular definite article right before a form (``after_definite``
    of ``ontology/institutions.yaml``); each its own lookbehind, of fixed width."""
    articles = (config().get("definite_articles") or {}).get(lang) or []
    return "(?:" + "|".join(rf"(?<=(?<!\w)(?i:{re.escape(str(a))})\s)" for a in articles) + ")" \
        if articles else "(?!)"


@cache
def _place_reading(lang: str) -> re.Pattern[str]:
    """A locative word (and a determiner) right before a match: the name is a place there."""
    words = (config().get("place_reading_after") or {}).get(lang) or []
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if not alternatives:
        return re.compile(r"(?!)")
    # words between, as many as the language's determiners and adjectives take ("dans le
    # département", "in the northern French Pas-de-Calais department"; French stops at one:
    # "en associant la municipalité" is a gerund); never over punctuation
    gap = int((config().get("place_reading_gap") or {}).get(lang) or 1)
    return re.compile(rf"(?i)(?<!\w)(?:{alternatives})\s+(?:[\w-]+['’]?\s*){{0,{gap}}}$")


def find_institutions(text: str, lang: str) -> list[Institution]:
    """Every institution form in ``text``, longest first where forms overlap."""
    not_places = set(config().get("not_places") or [])
    found: list[Institution] = coordinated_institutions(text, lang)
    for pattern, canonical, office in _grammar(lang) + _demonym_grammar(lang):
        for m in pattern.finditer(text):
            adjective = fold_name(m.group("place")) in _demonyms()
            place = _demonyms().get(fold_name(m.group("place")), m.group("place"))
            if place in not_places or place.isupper() and len(place) <= 2:
                continue
            if m.start("place") == m.start() and not adjective and not place_key(place):
                continue  # a capitalised word before the noun is no place ("North Hospital")
            if not office and _place_reading(lang).search(text[max(0, m.start() - 30):m.start()]):
                continue
            of = m.groupdict().get("of") or ""
            key = canonical_key(canonical, place, of, m.group(0))
            found.append(Institution(m.start(), m.end(), key, office, adjective))
    return longest_first(found)


@cache
def _demonyms() -> dict[str, str]:
    """Folded adjective of a place ("bordelaise") → the place's name ("Bordeaux")."""
    return {fold_name(str(a)): str(place)
            for place, adjectives in (config().get("demonyms") or {}).items()
            for a in adjectives or []}


@cache
def _demonym_grammar(lang: str) -> list[tuple[Guarded, str, bool]]:
    """A body named by its place's adjective ("la métropole bordelaise", "la municipalité
    marseillaise"): the body seated in that place, keyed like its other forms."""
    adjectives = sorted({str(a) for names in (config().get("demonyms") or {}).values()
                         for a in names or []}, key=len, reverse=True)
    if not adjectives:
        return []
    place = "(?P<place>" + "|".join(re.escape(a) for a in adjectives) + ")"
    out = []
    for body in config().get("bodies") or []:
        for form in (body.get("demonym_forms") or {}).get(lang) or []:
            words = re.escape(str(form)).replace(r"\ ", r"\s+").replace(
                re.escape("{demonym}"), place)
            out.append((Guarded(rf"(?<![\w-]){words}(?![\w-])", str(form)),
                        str(body.get("canonical", "")), False))
    return out


def _kind(body: dict[str, Any]) -> str:
    return str(body.get("kind") or body.get("canonical", ""))


@cache
def kind_of(key: str) -> str | None:
    """The kind ("Ville de {place}") of the body an institution key names; a registry body
    ("reg:bordeaux-metropole") by its label's name."""
    if key.startswith("reg:"):
        actor = load_registry().get(key[4:])
        return next((k for _, label in actor.labels if (k := kind_of("org:" + fold_name(label))))
                    , None) if actor else None
    for body in config().get("bodies") or []:
        kind = _kind(body)
        head = fold_name(kind.split("{", 1)[0])
        if head and (f"org:{head} " in f"{key} " or key.startswith(f"org:{head}'")
                     or key.endswith(f" {head}")):
            return kind
    return None


@cache
def _references(lang: str) -> list[tuple[re.Pattern[str], str, bool]]:
    """(pattern, kind, is a person's title) of every reference noun of the language."""
    articles = (config().get("reference_articles") or {}).get(lang) or []
    article = "|".join(re.escape(a).replace("'", "['’]") for a in articles) or r"(?!)"
    # "the socialist town hall": a political colour between the article and the noun
    modifiers = (config().get("reference_modifiers") or {}).get(lang) or []
    colour = rf"(?:(?:{'|'.join(map(re.escape, modifiers))})\s+)?" if modifiers else ""
    of = "|".join(re.escape(o.strip()) for o in config().get("of") or [])
    out = []
    for body in config().get("bodies") or []:
        titles = set((body.get("title_references") or {}).get(lang) or [])
        # a capital marks the body ("le Conseil municipal" as "le conseil municipal"); not a
        # title's ("Le Maire" is a surname)
        listed = (body.get("references") or {}).get(lang) or []
        nouns = list(dict.fromkeys(listed + [n[:1].upper() + n[1:] for n in listed
                                             if n not in titles]))
        # not "le maire de …" (a form with its place) nor, for a person's title, "le maire,
        # Jean Dupont" ("la Préfecture, Action Logement et la Métropole" lists bodies)
        for group, tail, title in (
                ([n for n in nouns if n not in titles], "", False),
                ([n for n in nouns if n in titles], r"(?!\s*,?\s+[A-ZÀ-Ý](?:[a-zà-ÿ]|\.\s))",
                 True)):
            if not group:
                continue
            alternatives = "|".join(re.escape(n) for n in sorted(group, key=len, reverse=True))
            # not "le préfet de police", "le maire de Lyon": a place or a kind after "de";
            # but "la décision du préfet de fermer le camp": an infinitive
            regex = (rf"(?<![\w-])(?i:{article}){colour}(?P<noun>{alternatives})(?![\w-])"
                     rf"(?!\s+(?:{of}|of)\b(?!\s*(?:{_infinitive(lang)})\b)){tail}")
            out.append((re.compile(regex), _kind(body), title))
    return out


def _infinitive(lang: str) -> str:
    """A lower-case word with an infinitive's ending (``infinitive_endings``), or nothing."""
    endings = "|".join(map(re.escape, per_language("lang/claims.yaml", "infinitive_endings").get(
        lang, ())))
    return rf"[a-zà-ÿ]+(?:{endings})" if endings else r"(?!)"


def find_references(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical form) of every definite reference to a kind of body ("la
    mairie", "the prefecture"): the body of that kind the document names, if only one; not
    the building after a locative word ("il s'est rendu à la préfecture")."""
    return [(m.start("noun"), m.end("noun"), canonical)
            for pattern, canonical, title in _references(lang) for m in pattern.finditer(text)
            if title or _capital_only(m.group("noun"), lang) or not _place_reading(lang).search(
                text[max(0, m.start("noun") - 30):m.start("noun")])]


def _capital_only(noun: str, lang: str) -> bool:
    """A reference that is one only with its capital ("la Ville", "the City"): the body even
    after a locative word ("les recommandations de la chambre à la Ville"), there being no
    building of that name."""
    lowered = noun[:1].lower() + noun[1:]
    return noun[:1].isupper() and not any(
        lowered in ((body.get("references") or {}).get(lang) or [])
        for body in config().get("bodies") or [])


def is_title_reference(noun: str, lang: str) -> bool:
    """Whether a reference is also a person's title ("le maire", "the mayor")."""
    return any(noun in ((body.get("title_references") or {}).get(lang) or [])
               for body in config().get("bodies") or [])


def capital_marks_body(noun: str, lang: str) -> bool:
    """A reference written with a capital whose lower-case form is a reference too ("la
    Préfecture", "la Métropole"): the capital makes it the name of the institution, even in a
    text that names no body of that kind by its place."""
    if not noun[:1].isupper() or noun.isupper():
        return False
    lowered = noun[:1].lower() + noun[1:]
    # as listed only: a capital read on any reference ("le Conseil municipal") marks the body
    # of the text's place, not a name of its own
    return any(lowered in (listed := (body.get("references") or {}).get(lang) or [])
               and noun in listed for body in config().get("bodies") or [])


def seat_key(kind: str, place: str) -> str | None:
    """The key of the body of ``kind`` seated in ``place`` (its registry id when the registry
    knows it: "Ville de Paris"), for a kind that has a ``seat``; else None, as for a kind
    seated only where the registry knows the body (``seat_known_only``: "la métropole").

    >>> seat_key("Ville de {place}", "Paris"), seat_key("CAF {of} {place}", "Gironde")
    ('reg:ville-de-paris', 'org:caf de la gironde')
    """
    for body in config().get("bodies") or []:
        if _kind(body) == kind and body.get("seat"):
            if body.get("seat_places") and fold_name(place) not in {
                    fold_name(str(p)) for p in body["seat_places"]}:
                return None  # a body only some places have ("le tribunal administratif")
            canonical = str(body.get("singular") or body.get("canonical", ""))
            key = canonical_key(canonical, place, "", place)
            known = load_registry().lookup(canonical.replace("{of} ", "de ").replace(
                "{place}", place)) or load_registry().lookup(key.removeprefix("org:"))
            if known:
                return "reg:" + known
            return None if body.get("seat_known_only") else key
    return None


def seated_reference(noun: str, kind: str, lang: str) -> bool:
    """Whether a reference names the body of its kind seated in the text's place when the text
    names none by its place: any reference of a kind with a seat, unless the kind lists the
    ones that do (``seated_references``: "le Département", not "le département")."""
    for body in config().get("bodies") or []:
        if _kind(body) == kind and body.get("seat"):
            listed = body.get("seated_references")
            return listed is None or noun in (listed.get(lang) or [])
    return False


def seat_type(kind: str) -> str | None:
    """The place type a kind of body is seated in ("city" for a city council), if any."""
    return next((str(b["seat"]) for b in config().get("bodies") or []
                 if _kind(b) == kind and b.get("seat")), None)
