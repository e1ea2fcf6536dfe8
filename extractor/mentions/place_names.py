"""Place names found by the gazetteer or beside a type word, for the place finder.

Two sources of place candidates: names of the gazetteer anywhere in the text (person-like
ones such as "Rosa Parks" only beside a context word), and names after a type word ("square
Forceval", "rue de la Chapelle") or before one ("Pitié-Salpêtrière hospital", "Baker
Street"), resolved to a gazetteer id when the gazetteer knows them. A generic phrase ("rue
de Paris", "Paris hospital") is no place of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.mentions.gazetteer import Gazetteer
from extractor.mentions.place_lexicon import Cand, by_lang, figured, folded_set, norm, places_config
from extractor.text.fold import fold_spaced

AREA_TYPES = ("country", "region", "department", "city", "arrondissement")
_SPACE = re.compile(r"[ \t\u00a0\u202f]+")
Token = tuple[int, int, str]  # start, end and text of a word (``places.TOKEN``)


def name_cands(text: str, lang: str, gaz: Gazetteer) -> list[Cand]:
    """Gazetteer names; person-like names ("Rosa Parks") only beside a context word."""
    cfg = places_config()
    context = folded_set(by_lang(cfg.get("context_words"), lang))
    prepositions = folded_set(by_lang(cfg.get("context_prepositions"), lang))
    out = []
    for start, end, place in gaz.find_names(text):
        if place.type == "arrondissement":
            continue  # the ordinal grammar (arrondissements) finds every spelling, with its span
        if lang in place.needs_context and norm(text[start:end]) in folded_set(
                label for _, label in place.labels):
            before = set(re.findall(r"\w+", fold_spaced(text[max(0, start - 60) : start]))[-3:])
            after = set(re.findall(r"\w+", fold_spaced(text[end : end + 30]))[:1])
            if not (context & (before | after) or prepositions & before):
                continue
        out.append(Cand(start, end, place.id))
    return out


# --- names after a type word ("rue de la Chapelle") or before one ("Baker Street") --------


def _word_kinds(section: Any, langs: list[str] | None = None) -> dict[str, tuple[str, str]]:
    """Type word -> (kind, language of the word), for ``langs`` (every language when None)."""
    by_lang = section if isinstance(section, dict) else {}
    out: dict[str, tuple[str, str]] = {}
    for lang, kinds in by_lang.items():
        if (langs is None or lang in langs) and isinstance(kinds, dict):
            out.update({norm(str(w)): (str(k), lang) for k, ws in kinds.items() for w in ws})
    return out


def _is_name_word(tok: str) -> bool:
    return tok[:1].isupper() and (tok[:1].isalpha())


def _glued(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """True if two tokens belong to one name: one line, single spaces, or an elision."""
    gap = text[left[1] : right[0]]
    if left[2][-1:] in "'’":
        return gap == "" or bool(_SPACE.fullmatch(gap))
    return bool(_SPACE.fullmatch(gap))


@dataclass(frozen=True)
class _Scan:
    """What both type-word scans read about one text: its words (and their folded forms),
    the suffix type words and particles of its language, and the gazetteer. Made once per
    text, so a scan is told only where its type word is and what kind of place it names."""

    text: str
    tokens: Sequence[Token]
    folded: Sequence[str]
    suffix: dict[str, tuple[str, str]]
    particles: frozenset[str]
    gaz: Gazetteer
    starts: frozenset[str] = frozenset()  # first words of type words of several words
    lines: frozenset[str] = frozenset()  # type words that also name a line ("métro B")


def typed_cands(text: str, lang: str, gaz: Gazetteer, tokens: Sequence[Token]) -> list[Cand]:
    cfg = places_config()
    prefix = _word_kinds(cfg.get("prefix_words"))
    suffix = _word_kinds(cfg.get("suffix_words"), [lang])
    scan = _Scan(text=text, tokens=tokens, folded=[norm(t[2]) for t in tokens], suffix=suffix,
                 particles=folded_set(by_lang(cfg.get("particles"), lang)), gaz=gaz,
                 starts=frozenset(w.split()[0] for w in (*prefix, *suffix) if " " in w),
                 lines=folded_set(by_lang(cfg.get("line_words"), "*")))
    out: list[Cand] = []
    for i in range(len(scan.folded)):
        last, (kind, word_lang) = _type_phrase(scan, prefix, i)
        # a foreign type word counts when capitalised, as in "the Porte de la Villette"
        if kind and (word_lang == lang or _is_name_word(tokens[i][2])):
            if kind in _bare_kinds():
                out += _named_after(scan, i)
            elif not figured(text, tokens[i][0], tokens[i][1], lang):
                out += _after_type_word(scan, last, kind, first=i)
        last, (kind, _) = _type_phrase(scan, scan.suffix, i)
        if kind:
            out += _before_type_word(scan, i, kind, last=last)
            out += _directed(scan, i, lang) if last == i else []
    return out


def _type_phrase(scan: _Scan, kinds: dict[str, tuple[str, str]],
                 i: int) -> tuple[int, tuple[str, str]]:
    """The type word or words starting at token ``i`` ("prison", "maison d'arrêt", "media
    library"), longest first: (index of their last token, (kind, language)); (i, ("", ""))
    when none starts there."""
    for size in (3, 2) if scan.folded[i] in scan.starts else ():
        if i + size <= len(scan.tokens) and all(_glued(scan.text, scan.tokens[j - 1],
                                                       scan.tokens[j])
                                                for j in range(i + 1, i + size)):
            phrase = " ".join(scan.folded[i:i + size]).replace("' ", "'").replace("’ ", "’")
            if phrase in kinds:
                return i + size - 1, kinds[phrase]
    return i, kinds.get(scan.folded[i], ("", ""))


def _directed(scan: _Scan, i: int, lang: str) -> list[Cand]:
    """A compass adjective before a bare type word names one area ("the northern districts",
    as French "les quartiers nord")."""
    adjectives = folded_set(by_lang(places_config().get("direction_adjectives"), lang))
    if i and scan.suffix[scan.folded[i]][0] in _bare_kinds() and scan.folded[i - 1] in adjectives \
            and _glued(scan.text, scan.tokens[i - 1], scan.tokens[i]):
        return [Cand(scan.tokens[i - 1][0], scan.tokens[i][1], None)]
    return []


def _after_type_word(scan: _Scan, i: int, kind: str, first: int | None = None) -> list[Cand]:
    """The name after the type word ending at token ``i`` (begun at ``first``)."""
    text, tokens, folded, particles = scan.text, scan.tokens, scan.folded, scan.particles
    if i + 1 < len(tokens) and folded[i] in scan.lines and (len(folded[i + 1]) == 1 or folded[
            i + 1].isdigit() or folded[i + 1] in particles):
        return []  # "métro B", "RER A", "le métro de Toulouse": a line or a network
    last, j = None, i + 1
    while j < len(tokens) and j - i <= 8 and _glued(text, tokens[j - 1], tokens[j]):
        if _is_name_word(tokens[j][2]):
            last = j
        elif folded[j] not in particles:
            break
        j += 1
    if last is None:
        return []
    start, end = tokens[i if first is None else first][0], tokens[last][1]
    base_end = end
    if last + 1 < len(tokens) and folded[last + 1] in scan.suffix and _glued(
            text, tokens[last], tokens[last + 1]):
        end = tokens[last + 1][1]
    bare = text[tokens[i + 1][0] : base_end]
    linked = folded[i + 1] in particles
    value = _resolve(scan.gaz, [text[start:end], text[start:base_end]], bare, kind, linked)
    # "rue de Paris" is any town's; a capitalised type word names a site ("Stade de France")
    named = text[start].isupper() and text[:start].rstrip()[-1:] not in ("", ".", "!", "?")
    return [] if value is False and not named else [Cand(start, end, value or None)]


def _before_type_word(scan: _Scan, k: int, kind: str, last: int | None = None) -> list[Cand]:
    """The name before the type word begun at token ``k`` (ended at ``last``)."""
    text, tokens, folded, particles, gaz = (scan.text, scan.tokens, scan.folded, scan.particles,
                                            scan.gaz)
    stops = folded_set(by_lang(places_config().get("before_type_word_stops"), "*"))
    first, j = None, k - 1
    while j >= 0 and k - j <= 8 and _glued(text, tokens[j], tokens[j + 1]):
        if _is_name_word(tokens[j][2]):
            first = j
        elif folded[j] not in particles or folded[j] in stops:
            break  # "Pupils of the Jean Moulin school": the name starts after "of the"
        j -= 1
    while first is not None and first < k and folded[first] in particles:
        first += 1  # "The Forceval square": the article is not part of the name
    if first is None or first == k:
        return []
    start, end = tokens[first][0], tokens[k if last is None else last][1]
    bare = text[start : tokens[k - 1][1]]
    if kind in _bare_kinds():
        end = tokens[k - 1][1]  # "the Cimiez district" is the place "Cimiez"
    value = _resolve(gaz, [text[start:end], bare], bare, kind, True)
    place = gaz.lookup(bare)
    if value is False or (place and place.type in AREA_TYPES):
        return []  # "Paris hospital" is a generic phrase, the city is found on its own
    return [Cand(start, end, value or None)]


def _resolve(gaz: Gazetteer, spans: list[str], bare: str, kind: str, linked: bool):
    """A gazetteer id, "" for an unknown place, or False for a generic phrase ("rue de Paris")."""
    for span in spans:
        place = gaz.lookup(span)
        if place:
            return place.id
    cfg = places_config()
    skip = folded_set(by_lang(cfg.get("articles"), "*")) | folded_set(
        by_lang(cfg.get("particles"), "*")
    )
    words = bare.split()
    while len(words) > 1 and norm(words[0]) in skip:
        words = words[1:]
    place = gaz.lookup(" ".join(words))
    if place is None:
        return ""
    if place.type in (places_config().get("compatible_types") or {}).get(kind, [kind]):
        return place.id
    if place.type in AREA_TYPES and (kind not in ("gate", "station") or not linked):
        return False
    return ""


@cache
def type_words() -> frozenset[str]:
    """Every place type word of every language, folded ("rue", "place", "RER", "street")."""
    cfg = places_config()
    return frozenset(w for section in ("prefix_words", "suffix_words")
                     for w in _word_kinds(cfg.get(section)))


def _bare_kinds() -> frozenset[str]:
    """Kinds whose type word is no part of the name ("le quartier des Quatre Chemins", "les
    secteurs Auguste-Baron, Stalingrad": the places are "Quatre Chemins", "Stalingrad")."""
    return frozenset(str(k) for k in places_config().get("bare_kinds") or ())


def _verb_read(scan: _Scan, i: int, j: int) -> bool:
    """A compass word that is also a verb (``direction_homographs``: "est") after a singular
    type word, in lower case: the verb ("le quartier est calme"), not "les quartiers est"."""
    homographs = folded_set(by_lang(places_config().get("direction_homographs"), "*"))
    word = scan.text[scan.tokens[j][0]:scan.tokens[j][1]]
    return scan.folded[j] in homographs and word.islower() and \
        not scan.folded[i].endswith(("s", "x"))


def _named_after(scan: _Scan, i: int) -> list[Cand]:
    """The names after a bare type word, each a place: a list of them after a plural one
    ("les secteurs A, B et C"); a compass word makes the type word and it one place ("les
    quartiers nord")."""
    text, tokens, folded = scan.text, scan.tokens, scan.folded
    directions = folded_set(by_lang(places_config().get("directions"), "*"))
    j = i + 1
    if j < len(tokens) and folded[j] in directions and _glued(text, tokens[i], tokens[j]) \
            and not _verb_read(scan, i, j):
        return [Cand(tokens[i][0], tokens[j][1], None)]
    joiners = folded_set(by_lang(places_config().get("list_joiners"), "*"))
    j = _past_qualifier(scan, j)
    out: list[Cand] = []
    while j < len(tokens):
        while j < len(tokens) and folded[j] in scan.particles:
            j += 1
        first = last = j
        while last < len(tokens) and _is_name_word(tokens[last][2]):
            last += 1
            k = last
            while k < len(tokens) and folded[k] in scan.particles:
                k += 1  # "Porte de la Villette": particles inside a name
            if k > last and k < len(tokens) and _is_name_word(tokens[k][2]):
                last = k
            elif _dash_joined(scan, last):
                last += 1  # "Chasse Royale - La Sentinelle": one name in two parts
        if last == first:
            break
        start, end = tokens[first][0], tokens[last - 1][1]
        place = scan.gaz.lookup(text[start:end])
        out.append(Cand(start, end, place.id if place else None))
        if last >= len(tokens) or folded[last] not in joiners:
            break
        j = last + 1
    return out


def _dash_joined(scan: _Scan, k: int) -> bool:
    """A spaced dash at ``k`` between two capitalised words joins two parts of one name."""
    tokens = scan.tokens
    return (k + 1 < len(tokens) and tokens[k][2] in ("-", "–", "—")
            and _is_name_word(tokens[k + 1][2]) and _is_name_word(tokens[k - 1][2])
            and _glued(scan.text, tokens[k - 1], tokens[k])
            and _glued(scan.text, tokens[k], tokens[k + 1]))


def _past_qualifier(scan: _Scan, j: int) -> int:
    """Past a few lower-case words describing the type word, when a particle and a name follow
    them ("le quartier de reconquête républicaine des Quatre Chemins", "le quartier populaire
    du Panier"); else ``j`` itself."""
    tokens, folded = scan.tokens, scan.folded
    k, words = j, 0
    while k < len(tokens) and words <= 3 and _glued(scan.text, tokens[k - 1], tokens[k]):
        if folded[k] in scan.particles:
            k += 1
            continue
        if _is_name_word(tokens[k][2]):
            break
        if not tokens[k][2].isalpha() or not tokens[k][2].islower():
            return j
        words, k = words + 1, k + 1
    named = k < len(tokens) and _is_name_word(tokens[k][2])
    return k if words and named and folded[k - 1] in scan.particles else j
