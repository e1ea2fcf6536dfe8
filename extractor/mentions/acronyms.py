"""Acronym definitions in running text: "Long Name (ACR)" pairs, so an acronym used alone
later (or in another document) resolves to the organisation it abbreviates."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extractor.mentions.actors import is_org_name
from extractor.mentions.naming import strip_determiner
from extractor.records import Document, Mention, key_for
from extractor.text.fold import fold
from extractor.text.wordlists import all_languages

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


def spells_initials(acronym: str, name: str, optional: frozenset[str]) -> bool:
    """Whether ``acronym`` is the initials of ``name``'s words in order, every word but the
    ``optional`` ones (folded articles and prepositions) giving one letter: "AMF" of
    "Association des maires de France", "ADEME" of "Agence de l'environnement et de la
    maîtrise de l'énergie" (an optional word may give its letter too: the D of "de")."""
    letters = fold(acronym)
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if i < len(letters) and words[j][0] == letters[i] and match(i + 1, j + 1):
            return True
        return words[j] in optional and match(i, j + 1)
    return len(words) <= 16 and match(0, 0)


def unify_acronyms(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Give "ACR" the key of "Long Name" where the text defines "Long Name (ACR)"."""
    by_span = {(m.start, m.end): m for m in mentions if m.key}
    acronym_key: dict[str, str] = {}
    defined = acronym_definitions(document.text)
    defined += _bracketed(document.text, mentions, defined)
    for ns, ne, as_, ae in defined:
        # the organisation the long form names (a place inside it is not the one defined:
        # "Maison de santé protestante de Bordeaux-Bagatelle (MSPB)")
        long = next((m for (s, e), m in by_span.items() if (s <= ns < e or ns <= s < ne)
                     and m.type == "Organization"), None)
        if long is not None and not (long.key or "").startswith("reg:"):
            long = _spelled_out(document, long, ns, ne, document.text[as_:ae], mentions)
        if long is None:
            long = _defined_organisation(document, ns, ne, mentions)
        if long is None or long.type != "Organization":
            continue
        acronym_key[document.text[as_:ae]] = long.key or ""
        misread = by_span.get((as_, ae))
        if misread is not None and misread.type == "Place" and misread.source == "ner":
            # "(CRC-ARA)" after a chamber's name: its acronym, which the model read as a place
            mentions.remove(misread)
            del by_span[(as_, ae)]
        if (as_, ae) not in by_span:
            mentions.append(Mention(document=document.id, type="Organization",
                                    text=document.text[as_:ae], start=as_, end=ae,
                                    sentence=long.sentence, key=long.key, source="acronym"))
    spans = {(s, e) for *_, s, e in defined}
    out = []
    for m in mentions:
        if m.text in acronym_key and m.key and m.key.startswith("org:"):
            m = replace(m, key=acronym_key[m.text])
        if (m.start, m.end) in spans and m.source == "ner" and m.type == "Organization":
            m = replace(m, source="acronym")  # defined by the text: its later uses are found
        out.append(m)
    return out


def _bracketed(text: str, mentions: list[Mention],
               defined: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """An acronym in brackets right after an organisation's name is its acronym even when
    its letters do not spell the name as written ("la Confédération des artisans du bâtiment
    (Capeb)", whose model read "Capeb" as a place); not one the registry knows as another
    body."""
    ends = {m.end: m for m in mentions if m.type == "Organization" and m.key}
    taken = {(s, e) for _, _, s, e in defined}
    keyed = {(m.start, m.end): m.key for m in mentions if m.key and m.key.startswith("reg:")}
    out = []
    for m in _PAREN.finditer(text):
        before = text[:m.start()].rstrip(" \t")
        org = ends.get(len(before))
        span = (m.start(1), m.end(1))
        if org is None or span in taken or keyed.get(span, org.key) != org.key:
            continue
        out.append((org.start, org.end, *span))
    return out


def _spelled_out(document: Document, found: Mention, start: int, end: int, acronym: str,
                 mentions: list[Mention]) -> Mention:
    """The whole name an acronym spells, where a finder kept only its first words ("le
    collectif Rassemblement pour la protection des peuples et des ressources afro-caribéens
    (RPPRAC)": the head rule stops at "pour"): that name, keyed by it."""
    start, end = strip_determiner(document.text, start, end)
    surface = document.text[start:end]
    if not (found.start <= start < found.end < end) or "\n" in surface \
            or not surface[:1].isupper() \
            or not spells_initials(acronym, surface, initials_optional()):
        return found
    whole = replace(found, text=surface, start=start, end=end,
                    key=key_for("Organization", surface), source="acronym")
    mentions[mentions.index(found)] = whole
    return whole


@cache
def initials_optional() -> frozenset[str]:
    """The folded words a name's initials may skip (articles, prepositions), every language."""
    return frozenset(fold(w) for w in all_languages("lang/actors.yaml", "initials_optional_words"))


def _defined_organisation(document: Document, start: int, end: int,
                          mentions: list[Mention]) -> Mention | None:
    """An organisation the NER missed but the text defines: "Agence nationale … (ANRU)"."""
    start, end = strip_determiner(document.text, start, end)
    surface = document.text[start:end]
    if not is_org_name(surface, document.lang) or "\n" in surface:
        return None
    sentence = next((m.sentence for m in mentions if m.start >= end), 0)
    found = Mention(document=document.id, type="Organization", text=surface, start=start,
                    end=end, sentence=sentence, key=key_for("Organization", surface),
                    source="acronym")
    mentions.append(found)
    return found
