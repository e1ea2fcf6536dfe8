"""Communes of France named right after a locative preposition, for the place finder.

"à Roubaix", "in Tourcoing", "la ville de Tourcoing": a capitalised name the language model
may miss. Cautious on purpose, since a commune may be named like a person or a word: only
after one of the ``city_prepositions`` of ``ontology/lang/places.yaml``; only when the whole
capitalised run of words is the official GeoNames name of a commune of at least
``city_min_population`` inhabitants ("in Orange County" is no commune); never a region or
department (often a river or a word as well), never a given name ("parler à Nancy"). The
candidate carries no gazetteer id: :func:`extractor.mentions.france.place_key` resolves it.
"""

from __future__ import annotations

import re
from functools import cache

import spacy

from extractor.knowledge import load_yaml
from extractor.mentions.france import france_places, place_key
from extractor.mentions.gazetteer import name_key
from extractor.mentions.naming import lexicon_data
from extractor.mentions.place_lexicon import Cand, by_lang, folded_set, norm, places_config

_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
# a whole capitalised run of words, not part of a longer name
_RUN = re.compile(rf"(?<![\w'’-])({_WORD}(?:[ \t]{_WORD})*)(?![\w-])")


@cache
def _pattern(lang: str, section: str = "city_prepositions") -> re.Pattern[str] | None:
    """The section's words, then a capitalised run; an elided word ("commune d'") takes no
    space before the name."""
    words = sorted({str(w) for w in by_lang(places_config().get(section), lang)},
                   key=len, reverse=True)
    if not words:
        return None
    before = "|".join(r"\s+".join(re.escape(part) for part in w.split()).replace("'", "['’]")
                      + ("" if w.endswith(("'", "’")) else r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?i:{before})({_WORD}(?:[ \t]{_WORD})*)(?![\w-])")


@cache
def given_names() -> frozenset[str]:
    data = load_yaml("lang/given_names.yaml")
    return folded_set(data.get("names") if isinstance(data, dict) else ())


def _after_honorific(text: str, start: int) -> bool:
    """The name follows an honorific ("M. Beaune", "Mrs Vienne"): a person's."""
    before = text[max(0, start - 6):start].split()
    return bool(before) and before[-1] in (lexicon_data().get("honorifics") or ())


def _opens_sentence(text: str, start: int) -> bool:
    """The name opens a sentence, a line or a quotation, where any word takes a capital."""
    before = text[max(0, start - 4):start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:;\n«“\"(—–-"


def city_cands(text: str, lang: str) -> list[Cand]:
    """Commune names after a locative preposition, and large ones anywhere.

    >>> text = "Le maire a parlé à Nancy. Réunion à Tourcoing, puis à Vienne, Agen et Évry."
    >>> [text[c.start:c.end] for c in city_cands(text, "fr")]
    ['Tourcoing', 'Agen', 'Évry']
    """
    france = france_places()
    out: list[Cand] = []
    # after "la commune de" the name is a commune whatever its size; a large city's name is
    # one wherever it stands ("the convoy, which left Agen"), a small commune's only after a
    # preposition
    for section, minimum in (("city_prepositions", places_config().get("city_min_population")),
                             ("city_named_by", 0),
                             (None, places_config().get("city_anywhere_population"))):
        pattern = _pattern(lang, section) if section else _RUN if minimum else None
        for match in pattern.finditer(text) if pattern else ():
            name = match.group(1)
            found = france.index.names.get(name_key(name))  # the most selective test first
            if not found or france.index.place(found[0]).population < int(minimum or 0) \
                    or france.area(name) is not None or norm(name) in given_names() \
                    or _after_honorific(text, match.start(1)) \
                    or section is None and _opens_sentence(text, match.start(1)):
                continue  # "a déclaré M. Beaune": the minister; "Nice to meet you"
            if all(c.start != match.start(1) for c in out):
                out.append(Cand(match.start(1), match.end(1), None))
    return out


def contracted_city_cands(text: str, lang: str) -> list[Cand]:
    """A commune whose name opens with an article, after the preposition that article merges
    into ("au Havre", "du Mans", "aux Mureaux": Le Havre, Le Mans, Les Mureaux); the mention
    is the name as written, keyed as the commune. The contractions are ``city_contractions``
    of places.yaml.

    A name that goes on after a particle is another's ("au Port du Canal" is no Le Port).

    >>> text = "Réunion au Havre, puis aux Mureaux, au Louvre et au Port du Canal."
    >>> [text[c.start:c.end] for c in contracted_city_cands(text, "fr")]
    ['Havre', 'Mureaux']
    """
    france, out = france_places(), []
    minimum = int(places_config().get("city_min_population") or 0)
    links = "|".join(re.escape(str(w)) for w in by_lang(places_config().get("particles"), lang))
    longer = rf"(?!\s+(?:{links})\s*[A-ZÀ-Ý])" if links else ""
    for word, article in ((places_config().get("city_contractions") or {}).get(lang) or {}).items():
        for match in re.finditer(
                rf"(?<![\w-]){re.escape(str(word))}\s+({_WORD})(?![\w-]){longer}", text):
            found = france.index.names.get(name_key(f"{article} {match.group(1)}"))
            place = france.index.place(found[0]) if found else None
            if place is not None and place.population >= minimum:  # keyed by its full name
                out.append(Cand(match.start(1), match.end(1), place.slug))
    return out


@cache
def _apposition(lang: str) -> re.Pattern[str] | None:
    cfg = places_config()
    articles = "|".join(re.escape(str(w)) for w in by_lang(cfg.get("apposition_articles"), lang))
    nouns = "|".join(re.escape(str(w)) for w in by_lang(cfg.get("apposition_nouns"), lang))
    links = "|".join(re.escape(str(w)) for w in by_lang(cfg.get("particles"), "*"))
    if not articles or not nouns:
        return None
    # the words between are adjectives ("a small rural"), never a complement ("la maire de la")
    between = rf"(?:(?!(?:{links})\b)[a-zà-ÿ-]+[ \t]+){{0,3}}"
    # the noun in lower case: "Lyon, la Métropole de Lyon" lists a body, it is no apposition
    return re.compile(rf"(?<![\w-])({_WORD}(?:[ \t]{_WORD})*),[ \t]+(?i:{articles})[ \t]+"
                      rf"{between}(?:{nouns})\b")


def apposition_cands(text: str, lang: str) -> list[Cand]:
    """A name the text itself calls a place: "Puycalvet, a small rural commune", "Égletons,
    une petite ville de Corrèze". Found however small the place, known or not.

    >>> text = "He went to Brignac, a small rural village near the coast."
    >>> [text[c.start:c.end] for c in apposition_cands(text, "en")]
    ['Brignac']
    """
    pattern = _apposition(lang)
    if pattern is None:
        return []
    stop = _stop_words(lang)
    return [Cand(m.start(1), m.end(1), None) for m in pattern.finditer(text)
            if norm(m.group(1).split()[0]) not in given_names()
            and m.group(1).lower() not in stop]  # "Depuis, la commune recherche…": no name


@cache
def _stop_words(lang: str) -> frozenset[str]:
    """The language's function words as spaCy lists them (an adverb opening a sentence before
    its subject in apposition, "Depuis, la commune…", "Since then, the town…"); the language
    data ships with spaCy itself, no model needed."""
    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except ImportError:  # a language spaCy has no data for
        return frozenset()


# a line that opens with a place and the agency of the dispatch in brackets ("Besancon (AFP)",
# "Marseille (Reuters) –"): the dateline, written in any case and often without accents
AGENCY_IN_BRACKETS = r"\([A-Z][\w-]{1,15}\)"  # "(AFP)", "(Reuters)": also read by metonymy
_DATELINE = re.compile(rf"^[ \t]*({_WORD}(?:[ \t]{_WORD})*)[ \t]*{AGENCY_IN_BRACKETS}",
                       re.MULTILINE)


def dateline_cands(text: str) -> list[Cand]:
    """The place of a dispatch's dateline, when it is a known place of France.

    >>> text = "Besancon (AFP)\\n\\nLe gouvernement a présenté un plan."
    >>> [text[c.start:c.end] for c in dateline_cands(text)]
    ['Besancon']
    """
    return [Cand(m.start(1), m.end(1), None) for m in _DATELINE.finditer(text)
            if place_key(m.group(1)) is not None]


def department_number_cands(text: str, lang: str) -> list[Cand]:
    """A department named by its number, as French speech does ("dans le 93", "dans le 71."),
    after the words of ``department_number_before`` and before a pause: that department.

    >>> text = "Un centre sur le modèle de celui de Mâcon, dans le 71."
    >>> [(text[c.start:c.end], c.value) for c in department_number_cands(text, "fr")]
    [('71', 'saone-et-loire')]
    """
    words = sorted({str(w) for w in by_lang(places_config().get("department_number_before"),
                                            lang)}, key=len, reverse=True)
    if not words:
        return []
    codes = {a.code: a.id for a in france_places().areas()
             if a.type == "department" and a.code}
    before = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    joiners = "|".join(re.escape(str(w)) for w in by_lang(places_config().get("list_joiners"),
                                                          lang) if str(w).isalpha()) or "(?!)"
    pause = rf"(?=\s*(?:[,.;:)]|$|\s(?:{joiners})\s))"
    pattern = re.compile(rf"(?<![\w-])(?i:{before})\s+(\d{{2,3}}|2[AB]){pause}")
    return [Cand(m.start(1), m.end(1), codes[m.group(1)]) for m in pattern.finditer(text)
            if m.group(1) in codes]


def road_cands(text: str, lang: str) -> list[Cand]:
    """A motorway named by its number ("l'A69", "the A6", "(A69 et A680)"): the letters of
    ``road_prefixes`` and one to three digits, a word of its own, after a word of
    ``road_before`` or a bracket; not a model number ("l'Airbus A320") nor a grade ("la note
    A2").

    >>> text = "les autorisations (A69 et A680) sur l'A7, puis l'Airbus A320."
    >>> [text[c.start:c.end] for c in road_cands(text, "fr")]
    ['A69', 'A680', 'A7']
    """
    pattern = _road_pattern(lang)
    return [Cand(m.start("road"), m.end("road"), None)
            for m in pattern.finditer(text)] if pattern else []


@cache
def _road_pattern(lang: str) -> re.Pattern[str] | None:
    """The pattern of :func:`road_cands`, compiled once per language."""
    prefixes = "|".join(re.escape(str(p)) for p in places_config().get("road_prefixes") or [])
    before = by_lang(places_config().get("road_before"), lang)
    if not prefixes or not before:
        return None
    words = "|".join(re.escape(str(w)) for w in sorted(before, key=len, reverse=True))
    return re.compile(rf"(?:(?<![\w-])(?i:{words})\s*|\(\s*)"
                      rf"(?P<road>(?:{prefixes}) ?\d{{1,3}})(?![\w-])(?![.,]\d)")


# a name in brackets: capitalised words joined by spaces, hyphens or apostrophes
_BRACKETED = re.compile(r"\(\s*([A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,4})\s*\)")


def bracketed_area_cands(text: str, lang: str) -> list[Cand]:
    """A department or region in brackets, as news locates a town ("Treffiagat (Finistère)",
    "Agen (Lot-et-Garonne)"): that area, however short its name.

    >>> text = "à Treffiagat (Finistère), au Parti socialiste (PS) et à Rungis (Val-de-Marne)"
    >>> [(text[c.start:c.end], c.value) for c in bracketed_area_cands(text, "fr")]
    [('Finistère', 'finistere'), ('Val-de-Marne', 'val-de-marne')]
    """
    france = france_places()
    out = []
    for match in _BRACKETED.finditer(text):
        area = france.area(match.group(1))
        if area is not None and area.type in ("department", "region"):
            out.append(Cand(match.start(1), match.end(1), area.id))
    return out
