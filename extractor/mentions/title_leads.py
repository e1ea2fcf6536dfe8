"""Where a title written before a person's name starts: English and French capitalise the
words a title's head follows ("Justice Minister", "Prime Minister", "Paris Mayor", "le Premier
ministre"), and the office the title names is read from them (the Prime Minister's office,
not any minister's)."""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.naming import lexicon_words
from extractor.text.fold import fold
from extractor.text.numbers import is_closed
from extractor.text.patterns import alternation

# capitalised words just before a title's head, each followed by a space or a hyphen
_LEAD = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-Ý][\w&.]*(?:\s|-))+$")


def titled_lead(text: str, start: int, lang: str) -> int:
    """Where a title written before a name starts, with the capitalised words its head
    follows ("Prime Minister X", "Justice Minister X", "Paris Mayor X", "le Premier ministre
    X"): not a determiner or another word of a closed class ("The", "Le", "and")."""
    lead = _LEAD.search(text, max(0, start - 40), start)
    if lead is None:
        return start
    words = list(re.finditer(r"[^\s-]+", lead.group()))
    while words and is_closed(words[0].group(), lang):
        words.pop(0)
    return lead.start() + words[0].start() if words else start



@cache
def _after_head(lang: str) -> re.Pattern[str]:
    """A title's head and the word linking it to a portfolio, ending where a name starts."""
    heads = alternation(lexicon_words("role_heads", lang))
    links = alternation(lexicon_words("title_portfolio_links", lang))
    dets = alternation(lexicon_words("role_determiners", lang))  # "for the European Green Deal"
    return re.compile(rf"(?<![\w-])(?:{heads})\s+(?:{links})\s+(?:(?:{dets})\s*)?$"
                      if links else r"(?!)")


def title_words_inside(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a body the model found inside a person's role is the title itself or its
    portfolio ("the Minister for Housing and Urban Renewal, X", "the Anti-Terrorism
    Prosecutor X"): no body of its own, by the annotation guidelines a title's words."""
    heads = lexicon_words("role_heads", lang)
    return any(w in heads for w in fold(text[start:end]).split()) \
        or bool(_after_head(lang).search(fold(text[max(0, start - 40):start])))


__all__ = ["title_words_inside", "titled_lead"]
