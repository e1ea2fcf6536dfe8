"""Acronym definitions in running text: "Long Name (ACR)" pairs, so an acronym used alone
later (or in another document) resolves to the organisation it abbreviates."""

from __future__ import annotations

import re

from extractor.text.fold import fold

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
