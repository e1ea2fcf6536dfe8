"""A name the text describes as a body right after it, in apposition: "Eurenco, groupe
industriel détenu par l'État", "Nanomade, une start-up toulousaine", "Eurenco, a French
defence group". The head noun after the comma (a company's or an association's:
``company_heads``, ``appositive_heads``) says what the name is; the small model often misses
such names, which are rarely known to the registry.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.knowledge import terms
from extractor.mentions.naming import (
    Found,
    all_folded,
    lexicon_data,
    lexicon_words,
    strip_determiner,
)
from extractor.records import key_for
from extractor.text.patterns import alternation


@cache
def _name() -> str:
    """Capitalised words, joined by the particles of names ("Groupe SOS", "Soleil d'Hiver")."""
    particles = alternation(w for w in all_folded("name_particles") if w.isalpha())
    return rf"[A-ZÀ-Ý][\w’'&-]+(?:\s+(?:(?:{particles}|&)\s+)?[A-ZÀ-Ý][\w’'&-]+){{0,3}}"


@cache
def _described(lang: str) -> re.Pattern[str]:
    heads = alternation(lexicon_words("company_heads", lang)
                        | lexicon_words("appositive_heads", lang))
    articles = alternation({w.strip() for w in lexicon_words("determiners", lang)})
    # the words a language puts before the head ("a French defence group": three)
    gap = int((lexicon_data().get("words_before_head") or {}).get(lang) or 0)
    # never over a function word: "Jean Dupont, the chairman of the association" is a person
    closed = alternation(terms("function_words", lang))
    # the head in lower case: capitalised, it is a name of its own ("MPs, the National
    # Federation of Hunters"); and a head before a name describes that name ("Sundays,
    # polling firm IFOP found")
    before = rf"(?:(?!(?i:{closed})\s)[a-zà-ÿA-Z][\w-]*\s+){{0,{gap}}}" if gap else ""
    return re.compile(rf"(?<![\w-])(?P<name>{_name()}),\s+(?:(?:{articles})\s*)?{before}"
                      rf"(?:{heads})\b(?!\s+[A-ZÀ-Ý])")


def described_names(text: str, lang: str) -> list[Found]:
    """Every name followed by a comma and a body's head noun, as an organisation (less a
    capitalised article: "Le RPPRAC, collectif à l'origine de …")."""
    out = []
    for m in _described(lang).finditer(text):
        start, end = strip_determiner(text, m.start("name"), m.end("name"))
        if end > start:
            out.append(Found("Organization", start, end,
                             key_for("Organization", text[start:end]), "rule"))
    return out
