"""Rule-based place finder (rule set ``plangraph.places.v1``) for French and English text.

Three sources of candidates, then the longest non-overlapping spans win:
gazetteer names anywhere (``extractor.mentions.gazetteer``), names after or before a type word
("square Forceval", "Pitié-Salpêtrière hospital") and arrondissement ordinals in every
spelling ("18ème", "XIXe arrondissement", "19th district"). The language knowledge is in
``ontology/lang/places.yaml``. ``Match.value`` is a gazetteer id, or None for a place found
by pattern only (the resolver mints an IRI from its name).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, NamedTuple

from extractor.knowledge import load_yaml
from extractor.mentions.gazetteer import Gazetteer, fold, load_gazetteer
from extractor.records import Match
from extractor.text.patterns import alternation

log = logging.getLogger(__name__)

AREA_TYPES = ("country", "region", "department", "city", "arrondissement")
_BLOCKED = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?|ftp|mailto):\S+|www\.\S+|(?<![\w@])@\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info|io)\b(?:/\S*)?"
)
_TOKEN = re.compile(r"[^\W\d_]+['’]|\w+(?:[-‐‑]\w+)*|\S")
_SPACE = re.compile(r"[ \t\u00a0\u202f]+")


class Cand(NamedTuple):
    start: int
    end: int
    value: str | None


@lru_cache(maxsize=1)
def _cfg() -> dict[str, Any]:
    data = load_yaml("lang/places.yaml")
    return data if isinstance(data, dict) else {}


def _by_lang(section: Any, lang: str) -> Any:
    """The entry of ``lang``, else the union of every language's entry (lists or dicts)."""
    if not isinstance(section, dict):
        return []
    if lang in section:
        return section[lang] or []
    values = [v for v in section.values() if v]
    if values and all(isinstance(v, dict) for v in values):
        return {k: x for v in values for k, x in v.items()}
    return [x for v in values for x in v]


def _norm(word: str) -> str:
    """Folded form of a word or phrase; punctuation-only words stay as they are ("-")."""
    return " ".join(fold(word).split()) or word.strip()


def _folded_set(words: Any) -> frozenset[str]:
    return frozenset(_norm(str(w)) for w in words or ())


def find_places(text: str, lang: str) -> list[Match]:
    """Place mentions in ``text``, sorted by offset; never raises.

    >>> text = "Le square Forceval, dans le XIXe arrondissement de Paris."
    >>> [(m.text, m.value) for m in find_places(text, "fr")]  # doctest: +NORMALIZE_WHITESPACE
    [('square Forceval', 'square-forceval'), ('XIXe arrondissement', 'paris-19e'),
     ('Paris', 'paris')]
    >>> [(m.text, m.value) for m in find_places("at the Porte de la Villette square", "en")]
    [('Porte de la Villette square', 'porte-de-la-villette')]
    >>> find_places("au 18e siècle", "fr")
    []
    """
    try:
        return _find(text, lang)
    except Exception:  # noqa: BLE001 - a finder over untrusted text must not stop the build
        log.exception("find_places failed; returning no places")
        return []


def _find(text: str, lang: str) -> list[Match]:
    if not isinstance(text, str) or not text.strip():
        return []
    gaz = load_gazetteer()
    blocked = [m.span() for m in _BLOCKED.finditer(text)]
    names = _name_cands(text, lang, gaz)
    city = str(_cfg().get("arrondissement", {}).get("city", "paris"))
    paris_like = any(c.value == city or city in gaz.ancestors(c.value or "") for c in names)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    cands = names + _typed_cands(text, lang, gaz, tokens)
    elsewhere = not paris_like and any(
        (p := gaz.get(c.value or "")) is not None and p.type == "city" for c in names)
    cands += _arrondissement_cands(text, lang, gaz, paris_like, elsewhere)
    chosen: list[Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.value is None, c.start)):
        spans = blocked + [(c.start, c.end) for c in chosen]
        if not any(cand.start < e and s < cand.end for s, e in spans):
            chosen.append(cand)
    return [Match(c.start, c.end, text[c.start : c.end], c.value) for c in sorted(chosen)]


# --- gazetteer names ----------------------------------------------------------------------


def _name_cands(text: str, lang: str, gaz: Gazetteer) -> list[Cand]:
    """Gazetteer names; person-like names ("Rosa Parks") only beside a context word."""
    cfg = _cfg()
    context = _folded_set(_by_lang(cfg.get("context_words"), lang))
    prepositions = _folded_set(_by_lang(cfg.get("context_prepositions"), lang))
    out = []
    for start, end, place in gaz.find_names(text):
        if place.type == "arrondissement":
            continue  # the ordinal grammar below finds every spelling, with its own span
        if lang in place.needs_context and _norm(text[start:end]) in _folded_set(
                label for _, label in place.labels):
            before = set(re.findall(r"\w+", fold(text[max(0, start - 60) : start]))[-3:])
            after = set(re.findall(r"\w+", fold(text[end : end + 30]))[:1])
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
            out.update({_norm(str(w)): (str(k), lang) for k, ws in kinds.items() for w in ws})
    return out


def _is_name_word(tok: str) -> bool:
    return tok[:1].isupper() and (tok[:1].isalpha())


def _glued(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """True if two tokens belong to one name: one line, single spaces, or an elision."""
    gap = text[left[1] : right[0]]
    if left[2][-1:] in "'’":
        return gap == "" or bool(_SPACE.fullmatch(gap))
    return bool(_SPACE.fullmatch(gap))


def _typed_cands(text: str, lang: str, gaz: Gazetteer, tokens: list) -> list[Cand]:
    cfg = _cfg()
    prefix = _word_kinds(cfg.get("prefix_words"))
    suffix = _word_kinds(cfg.get("suffix_words"), [lang])
    particles = _folded_set(_by_lang(cfg.get("particles"), lang))
    figurative = _folded_set(_by_lang(cfg.get("figurative"), lang))
    out: list[Cand] = []
    folded = [_norm(t[2]) for t in tokens]
    for i, word in enumerate(folded):
        kind, word_lang = prefix.get(word, ("", ""))
        # a foreign type word counts when capitalised, as in "the Porte de la Villette"
        if kind and (word_lang == lang or _is_name_word(tokens[i][2])):
            head = _norm(text[max(0, tokens[i][0] - 20) : tokens[i][1]])
            if not any(head.endswith(f) for f in figurative):
                out += _after_type_word(text, tokens, folded, i, kind, suffix, particles, gaz)
        if word in suffix:
            out += _before_type_word(text, tokens, folded, i, suffix[word][0], particles, gaz)
    return out


def _after_type_word(text, tokens, folded, i, kind, suffix, particles, gaz) -> list[Cand]:
    last, j = None, i + 1
    while j < len(tokens) and j - i <= 8 and _glued(text, tokens[j - 1], tokens[j]):
        if _is_name_word(tokens[j][2]):
            last = j
        elif folded[j] not in particles:
            break
        j += 1
    if last is None:
        return []
    start, end = tokens[i][0], tokens[last][1]
    base_end = end
    if last + 1 < len(tokens) and folded[last + 1] in suffix and _glued(
        text, tokens[last], tokens[last + 1]
    ):
        end = tokens[last + 1][1]
    bare = text[tokens[i + 1][0] : base_end]
    linked = folded[i + 1] in particles
    value = _resolve(gaz, [text[start:end], text[start:base_end]], bare, kind, linked)
    return [] if value is False else [Cand(start, end, value or None)]


def _before_type_word(text, tokens, folded, k, kind, particles, gaz) -> list[Cand]:
    first, j = None, k - 1
    while j >= 0 and k - j <= 8 and _glued(text, tokens[j], tokens[j + 1]):
        if _is_name_word(tokens[j][2]):
            first = j
        elif folded[j] not in particles:
            break
        j -= 1
    while first is not None and first < k and folded[first] in particles:
        first += 1  # "The Forceval square": the article is not part of the name
    if first is None or first == k:
        return []
    start, end = tokens[first][0], tokens[k][1]
    bare = text[start : tokens[k - 1][1]]
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
    cfg = _cfg()
    skip = _folded_set(_by_lang(cfg.get("articles"), "*")) | _folded_set(
        _by_lang(cfg.get("particles"), "*")
    )
    words = bare.split()
    while len(words) > 1 and _norm(words[0]) in skip:
        words = words[1:]
    place = gaz.lookup(" ".join(words))
    if place is None:
        return ""
    if place.type in (_cfg().get("compatible_types") or {}).get(kind, [kind]):
        return place.id
    if place.type in AREA_TYPES and (kind not in ("gate", "station") or not linked):
        return False
    return ""


# --- arrondissements -----------------------------------------------------------------------

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
    cfg = _cfg().get("arrondissement") or {}
    suffixes = list(_by_lang(cfg.get("suffixes"), lang)) + list(cfg.get("damaged_suffixes") or ())
    sfx = alternation(suffixes)
    words = {str(k): int(v) for k, v in _by_lang(cfg.get("ordinal_words"), lang).items()}
    ordinal = re.compile(
        rf"(?<![\w.,])(?:(?P<num>\d{{1,2}}|[IVX]{{1,5}})"
        rf"(?:<sup>(?P<s1>{sfx})</sup>|\^\{{(?P<s2>{sfx})\}}|(?P<s3>{sfx}))"
        rf"|(?i:(?P<word>{alternation(words)})))(?![\w])"
    )
    noun = re.compile(rf"\s+(?:{alternation(_by_lang(cfg.get('words'), lang))})(?![\w])", re.I)
    return ordinal, noun, {fold(k): v for k, v in words.items()}


class _Ordinal(NamedTuple):
    start: int
    end: int
    number: int
    strict: bool  # a damaged suffix or a spelled-out ordinal: only before the noun


def _ordinals(text: str, lang: str) -> list[_Ordinal]:
    ordinal, _, words = _arr_patterns(lang)
    damaged = set((_cfg().get("arrondissement") or {}).get("damaged_suffixes") or ())
    out = []
    for m in ordinal.finditer(text):
        if m.group("word"):
            number, strict = words.get(fold(m.group("word"))), True
        else:
            num = m.group("num")
            number = int(num) if num.isdigit() else roman_to_int(num)
            strict = (m.group("s1") or m.group("s2") or m.group("s3")) in damaged
        if number and 1 <= number <= 20:
            out.append(_Ordinal(m.start(), m.end(), number, strict))
    return out


def _joined(gap: str, joiners: frozenset[str]) -> bool:
    parts = re.findall(r"\w+|[^\w\s]", gap)
    return len(gap) <= 12 and bool(parts) and all(_norm(p) in joiners for p in parts)


def _arrondissement_cands(text: str, lang: str, gaz: Gazetteer, paris_like: bool,
                          elsewhere: bool = False) -> list[Cand]:
    """Ordinals naming arrondissements, alone or in lists ending in the noun, and postal codes."""
    cfg = _cfg().get("arrondissement") or {}
    city = str(cfg.get("city", "paris"))
    joiners = frozenset(_norm(str(w)) for w in _by_lang(cfg.get("list_joiners"), lang))
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
    follow = re.match(r"\s*(\w+|\S)?", text[group[-1].end :])
    nxt = follow.group(1) if follow else None
    if nxt and nxt[0].isalnum() and _norm(nxt) not in joiners:
        return False  # "le 18e siècle", "la 2e édition"
    words = _norm(text[max(0, group[0].start - 30) : group[0].start]).split()
    bare_before = _by_lang((_cfg().get("arrondissement") or {}).get("bare_before"), lang)
    phrases = [_norm(str(p)).split() for p in bare_before]
    return paris_like and any(p and words[-len(p) :] == p for p in phrases)


def _other_city(text: str, start: int, end: int, gaz: Gazetteer, city: str, lang: str) -> bool:
    """True for "13e arrondissement de Marseille" or "Lyon 3e": not the city's arrondissements."""
    particles = _folded_set(_by_lang(_cfg().get("particles"), lang))
    after = _TOKEN.findall(text[end : end + 60])[:2]
    names = [_word_before(text, start)]
    if len(after) == 2 and _norm(after[0]) in particles:
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
