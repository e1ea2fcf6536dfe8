"""Persons named by their title or civility and surname alone: "les sénateurs
Estrosi-Sassonne et Gontard", "le ministre Darmanin", "Mayor Estrosi", "M. Beaune".

No given name marks these as persons and the small model often misses a lone surname; the
title noun or civility before them does (``title_nouns`` and ``honorifics`` of
``ontology/lang/actors.yaml``). A name the registry knows ("le député Renaissance"), a region
or department ("le préfet Nord") or an office's place ("le maire de Nantes") is not a person;
the document joins a surname to the full name it gives elsewhere (:mod:`find`).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.france import france_places, place_key
from extractor.mentions.naming import Found, lexicon_data
from extractor.mentions.persons import surname_particles
from extractor.mentions.portfolios import is_portfolio
from extractor.mentions.registry import load_registry
from extractor.text.wordlists import per_language

_LEXICON = "lang/actors.yaml"
_NAME = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@cache
def _titled(lang: str) -> re.Pattern[str]:
    """A title or civility, then one surname or several joined by "et"/"and", each alone
    (not the given name of a full name, which the other finders read)."""
    # a civility ("M. Dupont", "Mrs Smith") names a person as a title does; as written only
    # ("Me" is the French "Maître", not the English "me")
    civilities = _alternation(tuple(str(h) for h in lexicon_data().get("honorifics") or ()))
    titles = _alternation(per_language(_LEXICON, "title_nouns").get(lang, ()))
    # a title or a role word is no surname ("the minister Le Maire and President Macron",
    # "Minister Delegate")
    roles = _alternation(per_language(_LEXICON, "title_nouns").get(lang, ())
                         + per_language(_LEXICON, "role_heads").get(lang, ())
                         + per_language(_LEXICON, "title_words").get(lang, ()))
    # nor the head of a body's name ("le Président du Conseil départemental"), where "Le
    # Maire" after a particle is a surname
    heads = _alternation(per_language(_LEXICON, "official_name_heads").get(lang, ()))
    joins = _alternation(per_language(_LEXICON, "portfolio_joins").get(lang, ()))
    particles = _alternation(tuple(sorted(surname_particles())))
    surname = rf"(?!(?i:{roles}|{heads})(?![\w-]))(?:(?i:{particles})\s+)?" \
              rf"(?!(?i:{heads})(?![\w-])){_NAME}"
    # a surname alone: not a given name followed by more of the name ("Johanna Rolland")
    alone = r"(?![\w'’-])(?!\s+[A-ZÀ-Ý])"
    return re.compile(rf"(?<![\w-])(?:(?i:{titles})|{civilities})\s+(?P<names>{surname}{alone}"
                      rf"(?:\s+(?:{joins})\s+{surname}{alone})*)")


def titled_found(text: str, lang: str) -> list[Found]:
    """Each surname after a title noun (several joined by "et"/"and")."""
    out = []
    joins = per_language(_LEXICON, "portfolio_joins").get(lang, ())
    for m in _titled(lang).finditer(text):
        start = m.start("names")
        for part in re.split(rf"(\s+(?:{_alternation(joins)})\s+)", m.group("names")):
            end = start + len(part)
            # "maire de Nantes" is an office, "le préfet Nord" a region's; a surname may be a
            # town's name ("M. Beaune")
            name = part.split()[-1] if len(part.split()) > 1 else ""
            # a ministry's portfolio is no surname ("les ministres des Comptes publics")
            if part.strip(", ") and part.strip() not in joins and not load_registry().lookup(
                    part) and not (name and place_key(name)) and not france_places().area(part) \
                    and not is_portfolio(part):
                out.append(Found("Person", start, end, None, "rule"))
            start = end
    return out
