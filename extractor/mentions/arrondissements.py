"""Paris arrondissements in every spelling, for the place finder.

"18ème", "XIXe arrondissement", "19th district", "dix-huitième", lists such as "les 18e et
19e arrondissements", "Paris 18e" and postal codes beside the city's name ("75018 Paris")
all name an arrondissement. An ordinal without the noun counts only where the text is about
the city ("le 18e siècle" is not a place), and in a text naming another city ("Lyon 3e",
"13e arrondissement de Marseille") the arrondissement is found but not placed in Paris.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extractor.mentions.gazetteer import Gazetteer
from extractor.mentions.place_lexicon import TOKEN, Cand, by_lang, folded_set, norm, places_config
from extractor.text.fold import fold_spaced
from extractor.text.patterns import alternation

_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_to_int(numeral: str) -> int | None:
    """The value of a canonical roman numeral up to XX, else None.

    >>> roman_to_int("XVIII"), roman_to_int("XIX"), roman_to_int("IIII"), roman_to_int("VX")
    (18, 19, None, None)
    """
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for char, nxt in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN[char]
        total += -value if _ROMAN.get(nxt, 0) > value else value
    return total if 0 < total <= 20 and _int_to_roman(total) == numeral else None


def _int_to_roman(number: int) -> str:
    tens, rest = divmod(number, 10)
    units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][rest]
    return "X" * tens + units


@lru_cache(maxsize=8)
def _arr_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    """The ordinal token ("18ème", "XIXe", "18<sup>ème</sup>", "dix-huitième") and the noun."""
    cfg = places_config().get("arrondissement") or {}
    suffixes = list(by_lang(cfg.get("suffixes"), lang)) + list(cfg.get("damaged_suffixes") or ())
    sfx = alternation(suffixes)
    words = {str(k): int(v) for k, v in by_lang(cfg.get("ordinal_words"), lang).items()}
    ordinal = re.compile(
        rf"(?<![\w.,])(?:(?P<num>\d{{1,2}}|[IVX]{{1,5}})"
        rf"(?:<sup>(?P<s1>{sfx})</sup>|\^\{{(?P<s2>{sfx})\}}|(?P<s3>{sfx}))"
        rf"|(?i:(?P<word>{alternation(words)})))(?![\w])"
    )
    noun = re.compile(rf"\s+(?:{alternation(by_lang(cfg.get('words'), lang))})(?![\w])", re.I)
    return ordinal, noun, {fold_spaced(k): v for k, v in words.items()}


class _Ordinal(NamedTuple):
    start: int
    end: int
    number: int
    strict: bool  # a damaged suffix or a spelled-out ordinal: only before the noun


def _ordinals(text: str, lang: str) -> list[_Ordinal]:
    ordinal, _, words = _arr_patterns(lang)
    damaged = set((places_config().get("arrondissement") or {}).get("damaged_suffixes") or ())
    out = []
    for m in ordinal.finditer(text):
        if m.group("word"):
            number, strict = words.get(fold_spaced(m.group("word"))), True
        else:
            num = m.group("num")
            number = int(num) if num.isdigit() else roman_to_int(num)
            strict = (m.group("s1") or m.group("s2") or m.group("s3")) in damaged
        if number and 1 <= number <= 20:
            out.append(_Ordinal(m.start(), m.end(), number, strict))
    return out


def _joined(gap: str, joiners: frozenset[str]) -> bool:
    parts = re.findall(r"\w+|[^\w\s]", gap)
    return len(gap) <= 12 and bool(parts) and all(norm(p) in joiners for p in parts)


def arrondissement_cands(text: str, lang: str, gaz: Gazetteer, paris_like: bool,
                          elsewhere: bool = False) -> list[Cand]:
    """Ordinals naming arrondissements, alone or in lists ending in the noun, and postal codes."""
    cfg = places_config().get("arrondissement") or {}
    city = str(cfg.get("city", "paris"))
    joiners = frozenset(norm(str(w)) for w in by_lang(cfg.get("list_joiners"), lang))
    noun = _arr_patterns(lang)[1]
    groups: list[list[_Ordinal]] = []
    for o in _ordinals(text, lang):
        if groups and _joined(text[groups[-1][-1].end : o.start], joiners):
            groups[-1].append(o)
        else:
            groups.append([o])
    out = []
    for group in groups:
        after_noun = noun.match(text, group[-1].end)
        if after_noun:
            members, end = group, after_noun.end()
        elif _bare_ok(text, group, lang, gaz, city, paris_like, joiners):
            members, end = [o for o in group if not o.strict], group[-1].end
        else:
            continue
        foreign = _other_city(text, group[0].start, end, gaz, city, lang)
        for o in members:
            place = gaz.lookup(str(cfg.get("postal_code_format", "75{n:03d}")).format(n=o.number))
            # In a text naming another city and nothing of Paris, "3e arrondissement" is
            # that city's (Lyon, Marseille): found, but not placed in Paris.
            value = None if foreign or elsewhere or place is None else place.id
            out.append(Cand(o.start, end if o is group[-1] else o.end, value))
    return out + _postal_cands(text, gaz, city, str(cfg.get("postal_code_pattern") or "(?!)"))


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_][\w-]*)\s*$", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def _bare_ok(text, group, lang, gaz, city, paris_like, joiners) -> bool:
    """An ordinal without the noun: "Paris 18e", or "dans le 18e," in a text about the city."""
    if _city_named(gaz, _word_before(text, group[0].start)):
        return True  # "Paris 18e", "Lyon 3e" (the latter is not mapped to Paris)
    if paris_like and text[:group[0].start].endswith("(") and \
            text[group[-1].end:].startswith(")") and text[group[0].start].isdigit() \
            and _word_before(text, group[0].start - 1)[:1].isupper():
        # a site's arrondissement in brackets: "l'hôpital Lariboisière (10e)", not a century
        # ("le 18e siècle (XVIIIe)")
        return True
    follow = re.match(r"\s*(\w+|\S)?", text[group[-1].end :])
    nxt = follow.group(1) if follow else None
    if nxt and nxt[0].isalnum() and norm(nxt) not in joiners:
        return False  # "le 18e siècle", "la 2e édition"
    words = norm(text[max(0, group[0].start - 30) : group[0].start]).split()
    bare_before = by_lang((places_config().get("arrondissement") or {}).get("bare_before"), lang)
    phrases = [norm(str(p)).split() for p in bare_before]
    return paris_like and any(p and words[-len(p) :] == p for p in phrases)


def _other_city(text: str, start: int, end: int, gaz: Gazetteer, city: str, lang: str) -> bool:
    """True for "13e arrondissement de Marseille" or "Lyon 3e": not the city's arrondissements."""
    particles = folded_set(by_lang(places_config().get("particles"), lang))
    after = TOKEN.findall(text[end : end + 60])[:2]
    names = [_word_before(text, start)]
    if len(after) == 2 and norm(after[0]) in particles:
        names.append(after[1])
    return any(_city_named(gaz, name) not in (None, city) for name in names)


def _city_named(gaz: Gazetteer, name: str) -> str | None:
    """The id of the city a capitalised word names, else None."""
    place = gaz.lookup(name) if name[:1].isupper() else None
    return place.id if place is not None and place.type == "city" else None


def _postal_cands(text: str, gaz: Gazetteer, city: str, pattern: str) -> list[Cand]:
    """"75018 Paris" / "Paris 75018": a postal code beside the city's name."""
    out = []
    for m in re.finditer(rf"(?<!\d){pattern}(?!\d)", text):
        window = text[max(0, m.start() - 20) : m.end() + 20]
        place = gaz.lookup(m.group())
        if place and any(p.id == city for _, _, p in gaz.find_names(window)):
            out.append(Cand(m.start(), m.end(), place.id))
    return out
