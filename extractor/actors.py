"""Organisation and person mentions: the registry, spaCy's NER, and naming rules combined.

The small models miss acronyms and lowercase names ("préfecture de police") and mislabel
others, so registry names win; NER adds actors the registry does not know, filtered by
rules over naming conventions (capitalisation, head nouns, acronym definitions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .knowledge import load_yaml
from .registry import NameHit, load_registry, longest_first
from .textnorm import fold, fold_name


@dataclass(frozen=True)
class Found:
    """An actor or place span found in one piece of text (offsets into that piece)."""

    type: str
    start: int
    end: int
    key: str | None
    source: str
    role: str | None = None
    role_org: str | None = None


def _data() -> dict[str, Any]:
    data = load_yaml("lang/actors.yaml")
    return data if isinstance(data, dict) else {}


@cache
def _words(section: str, lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in (_data().get(section, {}) or {}).get(lang, []))


@cache
def _role_re(lang: str) -> re.Pattern[str]:
    heads = sorted(_words("role_heads", lang), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


@cache
def _role_stop_re(lang: str) -> re.Pattern[str]:
    """Where a role in apposition ends: punctuation or the clause's verb."""
    verbs = "|".join(re.escape(v) for v in (_data().get("role_stops", {}) or {}).get(lang, []))
    return re.compile(r"[,;.:()\n«»\"“”]" + (rf"|\s(?:{verbs})\s" if verbs else ""))


def strip_determiner(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` past a leading determiner ("la Ville de Paris" → "Ville de Paris")."""
    span = fold(text[start:end])
    for det in _data().get("determiners", []):
        d = fold(det)
        if span.startswith(d) and end - start > len(d) + 1:
            return start + len(d), end
    return start, end


def registry_hits(text: str) -> list[NameHit]:
    return load_registry().find(text)


_LONGER_NAME = re.compile(r"\s+(?:de|du|des|d'|d’|of)\s*[A-ZÀ-Ý]")


def _contextual_checked(text: str, hits: list[NameHit]) -> list[NameHit]:
    """Contextual names ("la municipalité") count only where the text also names the entity in
    full, and not when they open a longer name ("la Ville de Marseille")."""
    named = {h.actor for h in hits if h.kind not in ("contextual", "office")}
    return [h for h in hits if h.kind != "contextual"
            or (h.actor in named and not _LONGER_NAME.match(text, h.end))]


def _clean_ner_span(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:'’\")»”":
        end -= 1
    while start < end and text[start] in " \"'«“(":
        start += 1
    for hon in _data().get("honorifics", []):
        if text[start:end].startswith(hon + " "):
            start += len(hon) + 1
    return strip_determiner(text, start, end)


def _plausible_name(surface: str, kind: str, lang: str) -> bool:
    """Naming conventions: capitalised, no digits, not generic, not a bare fragment."""
    words = surface.split()
    if not words or len(words) > 10 or any(c.isdigit() for c in surface):
        return False
    if not surface[0].isupper():
        return False
    if fold_name(surface) in _words("generic", lang):
        return False
    if kind == "Person":
        caps = [w for w in words if w[0].isupper()]
        return len(caps) >= 2 and all(len(w) > 1 for w in caps) and not surface.isupper()
    if kind == "Organization" and len(words) == 1 and surface.isupper():
        return False
    return len(surface) > 2


def _scheme(surface: str, lang: str) -> bool:
    """True for names of schemes or document furniture ("Plan national…", "Contact presse")."""
    folded = fold_name(surface)
    heads = _words("scheme_heads", lang)
    last = folded.rsplit(" ", 1)[-1]
    return last in heads or any(folded == h or folded.startswith(h + " ") for h in heads)


def ner_found(doc: Any, lang: str) -> list[Found]:
    """NER entities mapped to mention types and filtered by :func:`_plausible_name`."""
    labels = (_data().get("ner_labels", {}) or {}).get(lang, {})
    text = doc.text
    out: list[Found] = []
    for ent in doc.ents:
        kind = labels.get(ent.label_)
        if kind is None:
            continue
        start, end = _clean_ner_span(text, ent.start_char, ent.end_char)
        surface = text[start:end]
        if "@" in surface or "/" in surface or "\n" in surface:
            continue
        if not _plausible_name(surface, kind, lang) or _scheme(surface, lang):
            continue
        tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or []
                  if t.is_alpha]
        if kind != "Person" and not any(t.pos_ == "PROPN" for t in tokens):
            continue
        if kind != "Person" and len(tokens) == 1 and tokens[0].is_sent_start:
            continue
        out.append(Found(kind, start, end, None, "ner"))
    return out


@cache
def _org_head_re(lang: str) -> re.Pattern[str]:
    heads = sorted(_words("org_heads", lang), key=len, reverse=True)
    alt = "(?i:" + "|".join(re.escape(h) for h in heads) + ")"
    name = (r"(?!(?:The|A|An|This|That|Its|Their|Our|La|Le|Les|Une|Un|Cette|Ce)\b)"
            r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|et|and|de|du|des|d'|of|the))*")
    after = rf"\b(?:{alt})\s+(?:(?:de\s+la|de|du|des|of\s+the|of)\s+|d')?(?P<name2>{name})"
    if lang == "en":
        return re.compile(rf"\b(?:the\s+)?(?P<name>{name})\s+(?:{alt})\b|{after}")
    return re.compile(after)


def head_rule_found(text: str, lang: str) -> list[Found]:
    """Organisations named with a head noun: "l'association Aurore", "the Oppelia association"."""
    out = []
    folded = fold(text)
    capital_heads = _words("capitalised_heads", lang)
    for m in _org_head_re(lang).finditer(_lowered_case_kept(text, folded)):
        group = "name2" if m.group("name2") else "name"
        if not text[m.start(group)].isupper():
            continue
        head = folded[m.start():m.end()].split()[0]
        if head in capital_heads and not text[m.start()].isupper():
            continue  # "la ville de Marseille" is the place; "la Ville de Marseille" governs it
        start, end = strip_determiner(text, m.start(), m.end())
        out.append(Found("Organization", start, end, None, "rule"))
    return out


def is_org_name(surface: str, lang: str) -> bool:
    """A capitalised name opening with an organisation head noun ("Agence nationale de …")."""
    words = fold_name(surface).split()
    heads = _words("org_heads", lang)
    return bool(words) and surface.lstrip()[:1].isupper() and (
        words[0] in heads or " ".join(words[:2]) in heads)


def _lowered_case_kept(text: str, folded: str) -> str:
    """Folded text with the original capitals kept, so the name pattern can see them."""
    return "".join(f.upper() if o.isupper() else f for o, f in zip(text, folded, strict=True))


_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z-]{1,11})\s*\)")
_WORD = re.compile(r"[\w'’-]+")


def _schwartz_hearst(short: str, long: str) -> int | None:
    """Where the long form of ``short`` starts in ``long`` (Schwartz & Hearst, 2003):
    every letter of the acronym appears in order, reading backwards, and the first one
    starts a word. Returns the start offset or None."""
    s_i, l_i = len(short) - 1, len(long) - 1
    while s_i >= 0:
        ch = short[s_i].lower()
        if not ch.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (long[l_i].lower() != ch
                            or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = long.rfind(" ", 0, l_i + 1) + 1
    return start


def acronym_definitions(text: str) -> list[tuple[int, int, int, int]]:
    """"Long Name (ACR)" pairs as (name_start, name_end, acr_start, acr_end).

    The long form is searched in a window of words before the parenthesis, with the
    Schwartz–Hearst alignment, so "chambre régionale des comptes (CRC)" pairs up.
    """
    out = []
    for m in _PAREN.finditer(text):
        acr = m.group(1)
        letters = sum(c.isalpha() for c in acr)
        window_start = m.start()
        words = list(_WORD.finditer(text[max(0, m.start() - 200):m.start()]))
        limit = min(letters + 5, letters * 2)
        if words:
            window_start = max(0, m.start() - 200) + words[max(0, len(words) - limit)].start()
        long = text[window_start:m.start()].rstrip()
        if not long or "\n" in long:
            long = long.rsplit("\n", 1)[-1]
            window_start = m.start() - len(text[window_start:m.start()].rstrip()) + (
                len(text[window_start:m.start()].rstrip()) - len(long))
        rel = _schwartz_hearst(acr, fold(long))
        if rel is None:
            continue
        name_start = window_start + rel
        name_end = window_start + len(long)
        if name_end - name_start <= len(acr):
            continue
        out.append((name_start, name_end, m.start(1), m.end(1)))
    return out


# What may stand between a name and its role: a comma or a separator, then a determiner.
_APPOSITION = re.compile(r"\s*[,;■|–—]\s*(?:(?:the|le|la|l'|l’)\s*)?", re.IGNORECASE)


def person_role(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The span of a role in apposition to a person ("X, préfet de police" / "préfet …, X")."""
    after = text[end:end + 160]
    m = _APPOSITION.match(after)
    if m:
        rest = after[m.end():]
        r = _role_re(lang).match(fold(rest))
        if r:
            stop = _role_stop_re(lang).search(rest)
            stop_at = stop.start() if stop else len(rest)
            return end + m.end(), end + m.end() + stop_at
    before = text[max(0, start - 160):start]
    window = fold(before)
    for r in _role_re(lang).finditer(window):
        tail = before[r.start():]
        if re.fullmatch(r"[^.;:\n«»\"“”]*?,?\s*", tail) and len(tail) < 120:
            s = start - len(before) + r.start()
            return s, s + len(tail.rstrip(", "))
    return None


def offices_of(text: str, span: tuple[int, int]) -> str | None:
    """The registry organisation whose office is named inside a role span, if any."""
    for hit in registry_hits(text[span[0]:span[1]]):
        if hit.kind == "office" or load_registry().get(hit.actor) is not None:
            actor = load_registry().get(hit.actor)
            if actor and actor.type == "Organization":
                return hit.actor
    return None


@cache
def _given_name_re() -> re.Pattern[str] | None:
    names = (load_yaml("lang/given_names.yaml") or {}).get("names", [])
    if not names:
        return None
    given = "|".join(sorted((re.escape(n) for n in set(names)), key=len, reverse=True))
    surname = r"(?:(?:de|du|van|von|da|di|le|la|d')\s)?[A-ZÀ-Ý][\w’'-]*[a-zà-ÿA-ZÀ-Ý]"
    return re.compile(rf"\b(?:{given})(?:-(?:{given}))?(?:\s(?:{given}))?\s{surname}\b")


def given_name_found(text: str) -> list[Found]:
    """Persons named "Given Surname" (any case of surname): a listed given name makes it a
    person even where the small NER model misses it or calls it a place."""
    pattern = _given_name_re()
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        surface = m.group(0)
        if "\n" in surface or load_registry().lookup(surface):
            continue
        out.append(Found("Person", m.start(), m.end(), None, "rule"))
    return out


def find_actors(doc: Any, lang: str, ner: list[Found] | None = None) -> list[Found]:
    """Organisation and person mentions in one parsed piece of text (``ner``: the NER spans
    when the caller already has them)."""
    text = doc.text
    found: list[Found] = []
    hits = _contextual_checked(text, registry_hits(text))
    for hit in hits:
        actor = load_registry().get(hit.actor)
        kind = actor.type if actor else "Organization"
        s, e = strip_determiner(text, hit.start, hit.end)
        found.append(Found(kind, s, e, hit.actor, "registry:" + hit.kind))
    taken = [(f.start, f.end) for f in found]
    ner = ner if ner is not None else ner_found(doc, lang)
    extra = given_name_found(text) + head_rule_found(text, lang) + ner
    for f in extra:
        if f.type == "Place":
            continue
        if any(not (f.end <= s or f.start >= e) for s, e in taken):
            continue
        found.append(f)
        taken.append((f.start, f.end))
    return _with_roles(text, found, lang)


def _with_roles(text: str, found: list[Found], lang: str) -> list[Found]:
    """Attach roles to persons; drop office mentions that are a named person's title."""
    persons = [f for f in found if f.type == "Person"]
    role_spans: list[tuple[int, int]] = []
    out: list[Found] = []
    for f in found:
        if f.type != "Person":
            continue
        span = person_role(text, f.start, f.end, lang)
        if span:
            role_spans.append(span)
            role = " ".join(text[span[0]:span[1]].split())
            out.append(Found(f.type, f.start, f.end, f.key, f.source, role, offices_of(text, span)))
        else:
            out.append(f)
    taken = [(f.start, f.end) for f in found if f.source != "registry:office"]
    for f in found:
        if f.type == "Person":
            continue
        inside_role = any(s <= f.start and f.end <= e for s, e in role_spans)
        if f.source == "registry:office" and (inside_role or _next_to_person(f, persons, text)):
            out.extend(_names_inside(text, f, taken))
            continue
        out.append(f)
    return sorted(out, key=lambda f: f.start)


def _names_inside(text: str, office: Found, taken: list[tuple[int, int]]) -> list[Found]:
    """A named person's title is not a mention of the organisation, but an organisation
    named inside it is ("directrice générale de l'ARS Ile-de-France" → "ARS Ile-de-France")."""
    out = []
    for hit in load_registry().find(text[office.start:office.end + 40], offices=False):
        s, e = office.start + hit.start, office.start + hit.end
        if s >= office.end or any(s < te and ts < e for ts, te in taken):
            continue
        actor = load_registry().get(hit.actor)
        if actor and actor.type == "Organization":
            out.append(Found("Organization", s, e, hit.actor, "registry:" + hit.kind))
    return out


def _next_to_person(f: Found, persons: list[Found], text: str) -> bool:
    for p in persons:
        gap = text[f.end:p.start] if p.start >= f.end else text[p.end:f.start]
        if len(gap) <= 3 and re.fullmatch(r"[\s,]*", gap):
            return True
    return False


__all__ = ["Found", "find_actors", "acronym_definitions", "strip_determiner", "longest_first"]
