"""A ministry's full name: the portfolios joined after its first one.

Ministries are renamed with every government and the press writes their whole title ("le
ministère du Travail, de la Santé, des Solidarités et des Familles", "la ministre de la Ville
et du Logement", "the Ministry of Labour, Health and Solidarity"). The registry knows the
first portfolio; the name goes on over the portfolios joined to it by commas and "et"/"and",
each opened by a link word (French) or a capitalised word (English). The words are in
``ontology/lang/actors.yaml`` (``portfolio_heads``, ``portfolio_links``).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.registry import load_registry
from extractor.text.fold import fold
from extractor.text.wordlists import all_languages, per_language

_LEXICON = "lang/actors.yaml"
_WORD = r"[^\W\d_][\w'’-]*"


def _alternation(words: tuple[str, ...]) -> str:
    out = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
           for w in sorted(words, key=len, reverse=True)]
    return "|".join(out) or "(?!)"


@cache
def _continuation(lang: str) -> re.Pattern[str]:
    """One more portfolio: a comma or the language's "and", a link word (or, with none, a
    capitalised word), the portfolio's noun and up to two lower-case words after it."""
    joins = _alternation(per_language(_LEXICON, "portfolio_joins").get(lang, ()))
    links = per_language(_LEXICON, "portfolio_links").get(lang, ())
    opener = (rf"(?:{_alternation(links)})\s*{_WORD}" if links
              else r"(?:the\s+)?[A-ZÀ-Ý][\w'’-]*")
    inner = rf"(?:\s+(?:{_alternation(links)})\s*[a-zà-ÿ][\w'’-]*)?" if links else ""
    return re.compile(rf"(?P<join>\s*,\s*|\s+(?:{joins})\s+){opener}{inner}")


def portfolio_end(text: str, start: int, end: int, lang: str) -> int:
    """The end of a ministry's name that opens at ``start`` and whose first portfolio ends at
    ``end``: past every portfolio joined to it; ``end`` for another name.

    >>> t = "le ministère du Travail, de la Santé, des Solidarités et des Familles a dit"
    >>> t[3:portfolio_end(t, 3, 23, "fr")]
    'ministère du Travail, de la Santé, des Solidarités et des Familles'
    """
    heads = per_language(_LEXICON, "portfolio_heads").get(lang, ())
    if not any(fold(text[start:end]).startswith(fold(h)) for h in heads):
        return end
    pattern, out, last_joined = _continuation(lang), end, end
    while (m := pattern.match(text, out)) is not None and m.end() > out:
        out = m.end()
        if "," not in m.group("join"):
            last_joined = out
    # a list of portfolios ends with its "and" one: a comma alone may close the name
    # ("the Ministry of Labour, Paris")
    return out if out == last_joined or "," not in text[last_joined:out] else last_joined


@cache
def portfolio_words() -> frozenset[str]:
    """The folded first word of every portfolio the registry's ministries are named by
    ("Comptes" of "ministre des Comptes publics", "Intérieur" of "ministère de l'Intérieur"):
    after a minister's title such a word is a portfolio, not a surname ("accompagné des
    ministres des Comptes publics" names no person 'des Comptes')."""
    heads = [fold(h) for h in all_languages(_LEXICON, "portfolio_heads")]
    links = sorted((fold(w) for w in all_languages(_LEXICON, "portfolio_links")),
                   key=len, reverse=True)
    link = "|".join(re.escape(w) + (r"\s*" if w.endswith("'") else r"\s+") for w in links)
    opener = re.compile(rf"(?:{'|'.join(re.escape(h) for h in heads)})\s+"
                        rf"(?:{link})?([^\W\d_][\w-]*)")
    out = set()
    for actor in load_registry().actors.values():
        for name in actor.names() + actor.offices:
            if (m := opener.match(fold(name).replace("’", "'"))) is not None:
                out.add(m.group(1))
    return frozenset(out)


def is_portfolio(name: str) -> bool:
    """Whether a capitalised name after a title, its particles dropped, opens a portfolio of
    the registry's ministries ("des Comptes", "de la Justice")."""
    links = {w for link in all_languages(_LEXICON, "portfolio_links")
             for w in fold(link).replace("'", " ").split()}
    words = [w for w in fold(name).replace("’", "'").replace("'", " ").split() if w not in links]
    return bool(words) and words[0] in portfolio_words()
