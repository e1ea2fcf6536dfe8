"""Persons beyond the NER: given names, roles in apposition ("X, préfet de police") and the
rule that a named person's title is not a mention of the organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractor.knowledge import load_yaml
from extractor.mentions.institutions import find_institutions
from extractor.mentions.naming import Found, lexicon_data, lexicon_words
from extractor.mentions.registry import load_registry
from extractor.mentions.title_leads import title_words_inside, titled_lead
from extractor.text.fold import fold
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages


@cache
def _role_re(lang: str) -> re.Pattern[str]:
    heads = sorted(lexicon_words("role_heads", lang), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


@cache
def _role_stop_re(lang: str) -> re.Pattern[str]:
    """Where a role in apposition ends: punctuation or the clause's verb."""
    stops = (lexicon_data().get("role_stops", {}) or {}).get(lang, [])
    verbs = "|".join(re.escape(v) for v in stops)
    return re.compile(r"[,;.:()\n«»\"“”]" + (rf"|\s(?:{verbs})\s" if verbs else ""))


@cache
def _role_verb_re(lang: str) -> re.Pattern[str]:
    """A clause's verb (``role_stops``) inside a span: no role runs over it."""
    stops = (lexicon_data().get("role_stops", {}) or {}).get(lang, [])
    verbs = "|".join(re.escape(v) for v in stops)
    return re.compile(rf"\s(?:{verbs})\s" if verbs else r"(?!)")


@cache
def _role_join_re(lang: str) -> re.Pattern[str]:
    """A word joining two persons with their roles ("…, X, et le maire de Nantes, Y")."""
    return re.compile(rf"\s(?:{alternation(lexicon_words('role_joins', lang))})\s")


@cache
def _apposition() -> re.Pattern[str]:
    """What may stand between a name and its role: a comma or a separator, then a determiner
    of any language (``role_determiners``)."""
    dets = alternation(all_languages("lang/actors.yaml", "role_determiners"))
    return re.compile(rf"\s*[,;■|–—]\s*(?:(?:{dets})\s*)?", re.IGNORECASE)


# one to three capitalised words, acronyms or prefixes ahead of a title's head noun
# ("EIB Vice-President")
_NAMED_BEFORE_HEAD = re.compile(r"(?:[A-Z][\w&'’.]*(?:\s+|-)){1,3}")


# a bracket left open or a slash before the name: a photo credit ("… 2023 ( AFP / Ludovic
# MARIN )"), not the end of a title; a closed bracket is a party ("le président (LR) de")
_RUNS_INTO_CREDIT = re.compile(r"\([^)]*$|/")


def person_role(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The span of a role in apposition to a person ("X, préfet de police" / "préfet …, X")."""
    after = text[end:end + 160]
    m = _apposition().match(after)
    if m:
        rest = after[m.end():]
        r = _role_re(lang).match(fold(rest))
        lead = None if r else _NAMED_BEFORE_HEAD.match(rest)
        if lead and _role_re(lang).match(fold(rest[lead.end():])):
            # "X, EIB Vice-President", "Y, Paris Mayor": the body or place before the title
            r = _role_re(lang).match(fold(rest[lead.end():]))
        r = r or _modified_head(rest, lang)  # "X, the French health minister"
        stop = _role_stop_re(lang).search(rest) if r else None
        # "…to Paris MP Mounir Mahjoubi, the minister said that": a title with its article
        # that runs into a verb is the next clause's subject, not this name's apposition
        if r and not (stop and stop.group().strip() and stop.group()[0].isspace()
                      and re.search(r"\w", m.group())):
            stop_at = stop.start() if stop else len(rest)
            return end + m.end(), _more_titles(text, end + m.end() + stop_at, lang)
    before = text[max(0, start - 160):start]
    window = fold(before)
    # after the last conjunction: in "La préfète …, Fabienne Buccio, et le maire de Nantes,
    # Johanna Rolland" Johanna Rolland's role is "maire de Nantes"
    joined = [m.end() for m in _role_join_re(lang).finditer(window)]
    heads = list(_role_re(lang).finditer(window))
    last_joined = [h for h in heads if joined and h.start() >= joined[-1]]
    for head in last_joined or heads:
        tail = before[head.start():]
        # not a role whose clause goes on with its verb ("le préfet du Tarn a salué l'accord,
        # tout comme le maire d'Albi, X": X's role is the mayor's)
        if _role_verb_re(lang).search(tail):
            continue
        words_before = fold(tail).rstrip(", ").split()
        if words_before and words_before[-1] in lexicon_words("role_breaks", lang):
            continue  # "l'avertissement du préfet à Anne Hidalgo": the title is another's
        if re.fullmatch(r"[^.;:\n«»\"“”]*?,?\s*", tail) and len(tail) < 120 \
                and not _RUNS_INTO_CREDIT.search(tail):
            s = start - len(before) + head.start()
            return titled_lead(text, s, lang), s + len(tail.rstrip(", "))
    return None


def _modified_head(rest: str, lang: str) -> re.Match[str] | None:
    """A role's head after a few words that qualify it, no verb among them ("the French
    health minister": ``role_modifiers_before_head`` words at most), or after words of
    ``title_premodifiers`` ("l'actuel préfet", "the former minister")."""
    most = int((lexicon_data().get("role_modifiers_before_head") or {}).get(lang) or 0)
    premodifiers = lexicon_words("title_premodifiers", lang)
    for count in range(1, max(most, 2) + 1):  # two premodifiers at most: "ex-futur …"
        lead = re.match(rf"(?:[\w’'-]+\s+){{{count}}}", rest)
        if lead is None or _role_verb_re(lang).search(" " + lead.group()):
            return None
        if count > most and not set(fold(lead.group()).split()) <= premodifiers:
            return None
        found = _role_re(lang).match(fold(rest[lead.end():]))
        if found:
            return found
    return None


def _more_titles(text: str, end: int, lang: str) -> int:
    """The end of a chain of titles after a comma ("X, préfet de la région
    Auvergne-Rhône-Alpes, préfet du Rhône, a signé"): each title is the person's."""
    for _ in range(3):
        comma = re.match(r",\s*", text[end:end + 4])
        rest = text[end + comma.end():end + 160] if comma else ""
        if not comma or not _role_re(lang).match(fold(rest)):
            break
        stop = _role_stop_re(lang).search(rest)
        end += comma.end() + (stop.start() if stop else len(rest))
    return end


def offices_of(text: str, span: tuple[int, int]) -> str | None:
    """The registry organisation whose office is named inside a role span, if any."""
    for hit in load_registry().find(text[span[0]:span[1]]):
        if hit.kind == "office" or load_registry().get(hit.actor) is not None:
            actor = load_registry().get(hit.actor)
            if actor and actor.type == "Organization":
                return hit.actor
    return None


@cache
def _given_name_re() -> re.Pattern[str] | None:
    data = load_yaml("lang/given_names.yaml") or {}
    # every given name the file lists: the gender lists name some that ``names`` does not
    # ("Aurore", "Rachida", "Ségolène")
    names = [*data.get("names", []), *data.get("female", []), *data.get("epicene", [])]
    if not names:
        return None
    given = "|".join(sorted((re.escape(n) for n in set(names)), key=len, reverse=True))
    particles = "|".join(re.escape(str(p)) for p in data.get("surname_particles") or ())
    particle = rf"(?:(?:{particles})\s){{0,2}}" if particles else ""
    surname = rf"{particle}[A-ZÀ-Ý][\w’'-]*[a-zà-ÿA-ZÀ-Ý]"
    # not the end of a hyphenated name ("Seine-Saint-Denis Fatiha …": no "Denis Fatiha")
    return re.compile(rf"(?<![\w-])(?:{given})(?:-(?:{given}))?(?:\s(?:{given}))?\s{surname}\b")


@cache
def surname_particles() -> frozenset[str]:
    """Words that open a surname ("Le Drian", "de Gaulle", "von der Leyen"), lower case."""
    data = load_yaml("lang/given_names.yaml") or {}
    return frozenset(str(p).lower() for p in data.get("surname_particles") or ())


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's name as written in full: not cut after its particle ("Jean-Yves Le" +
    "Drian"), with the particles and surname that follow ("Ursula" + "von der Leyen"), without
    a possessive ending ("de Gaulle's")."""
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    particles = surname_particles()
    words = text[start:end].split()
    after = re.match(r"\s+([A-ZÀ-Ý][\w’'-]*[a-zà-ÿ])", text[end:end + 40])
    if len(words) > 1 and words[-1].lower() in particles and after:
        return start, end + after.end()  # the surname the model left out
    tail = re.match(r"(?:\s+([a-zà-ÿ']+)){1,2}\s+([A-ZÀ-Ý][\w’'-]*[a-zà-ÿ])", text[end:end + 40])
    if tail and all(w.lower() in particles for w in text[end:end + tail.start(2)].split()):
        return start, end + tail.end()
    return start, end


def longer_names(given: list[Found], ner: list[Found]) -> list[Found]:
    """The model's reading of a person's name where it starts as a given-name match does
    and runs longer ("Philippe de Fontaine Vive", the rule stopping at "de Fontaine")."""
    longer = {f.start: f for f in ner if f.type == "Person"}
    return [longer[g.start] if g.start in longer and longer[g.start].end > g.end else g
            for g in given]


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
        start, end = whole_name(text, m.start(), m.end())
        out.append(Found("Person", start, end, None, "rule"))
    return out


def with_roles(text: str, found: list[Found], lang: str,
               verbs: Sequence[int] = ()) -> list[Found]:
    """Attach roles to persons; drop office mentions that are a named person's title. A span
    holding one of the finite ``verbs`` (their offsets) is no role."""
    persons = [f for f in found if f.type == "Person"]
    role_spans: list[tuple[int, int]] = []
    out: list[Found] = []
    for f in found:
        if f.type != "Person":
            continue
        span = person_role(text, f.start, f.end, lang)
        if span and any(s < span[1] and span[0] < e for s, e in role_spans):
            span = None  # "X, président de Y, et Z": the title read before Z is X's
        if span and verbs and any(span[0] <= v < span[1] for v in verbs):
            span = None
        if span:
            role_spans.append(span)
            role = " ".join(text[span[0]:span[1]].split())
            out.append(Found(f.type, f.start, f.end, f.key, f.source, role, offices_of(text, span)))
        else:
            out.append(f)
    offices = ("registry:office", "institution:office")
    taken = [(f.start, f.end) for f in found if f.source not in offices]
    for f in found:
        if f.type == "Person":
            continue
        inside_role = any(s <= f.start and f.end <= e for s, e in role_spans)
        if inside_role and (f.source == "registry:contextual" or f.source == "ner" and
                            title_words_inside(text, f.start, f.end, lang)):
            continue  # "l'adjointe à la mairie en charge de …": the title's noun, no mention
        if f.source in offices and (inside_role or _next_to_person(f, persons, text)):
            out.extend(_names_inside(text, f, taken, lang))
            continue
        out.append(f)
    return sorted(out, key=lambda f: f.start)


def _names_inside(text: str, office: Found, taken: list[tuple[int, int]],
                  lang: str) -> list[Found]:
    """A named person's title is not a mention of the organisation, but an organisation
    named inside it is ("directrice générale de l'ARS Ile-de-France" → "ARS Ile-de-France")."""
    out = []
    for hit in load_registry().find(text[office.start:office.end + 40], offices=False):
        s, e = office.start + hit.start, office.start + hit.end
        if s >= office.end or any(s < te and ts < e for ts, te in taken):
            continue
        actor = load_registry().get(hit.actor)
        # not a name that stands for a body only beside its full name ("ministre de la
        # Ville": the portfolio, not the Ville de Paris), as a title's noun is none either;
        # nor a minister's portfolio, its own body's name ("ministre de l'Education
        # nationale"), where a director's body is named ("directeur de l'ARS")
        if actor and actor.type == "Organization" and hit.kind not in ("seat", "contextual") \
                and not (hit.actor == office.key and _portfolio_title(text[office.start:office.end],
                                                                    lang)):
            out.append(Found("Organization", s, e, hit.actor, "registry:" + hit.kind))
            taken = [*taken, (s, e)]
    # the body a title heads, as the institution grammar names it after the title's head
    # ("présidente de la région Ile-de-France" → "région Ile-de-France"); not an area the
    # office serves ("préfet de la région Occitanie"), nor an office inside ("adjoint à la
    # maire de Paris")
    head = re.match(r"\S+", text[office.start:office.end])
    skip = office.start + (head.end() if head else 0)
    for inst in find_institutions(text[skip:office.end], lang):
        s, e = skip + inst.start, skip + inst.end
        if not inst.office and inst.key == office.key and not any(
                s < te and ts < e for ts, te in taken):
            out.append(Found("Organization", s, e, inst.key, "institution"))
    return out


def _portfolio_title(title: str, lang: str) -> bool:
    """A minister's title ("ministre de …", "secrétaire d'État à …"): what follows its head
    is a portfolio (``portfolio_heads``)."""
    folded = fold(title)
    return any(folded.startswith(h + " ") for h in lexicon_words("portfolio_heads", lang))


def _next_to_person(f: Found, persons: list[Found], text: str) -> bool:
    for p in persons:
        gap = text[f.end:p.start] if p.start >= f.end else text[p.end:f.start]
        if len(gap) <= 3 and re.fullmatch(r"[\s,]*", gap):
            return True
    return False

