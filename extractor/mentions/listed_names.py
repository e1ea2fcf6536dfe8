"""Organisations named in a list after a plural head noun: "ces quatre entreprises, Les
Petits Chaperons rouges, Babilou, La Maison Bleue et People & Baby", "les syndicats CGT, FO
et Unsa", "the charities Utopia 56 and Médecins du Monde".

The model finds few of such names (brand names, made-up words, common words capitalised),
but the head says what every item of the list is. The heads are ``plural_org_heads`` of
``ontology/lang/actors.yaml``; the items are capitalised names between commas, the last one
after a conjunction (``conjunctions`` of the claims lexicon), each without its article.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.naming import Found, lexicon_words, strip_determiner
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages

_ITEM_WORDS = 6  # a name in a list is short; a longer run is a clause


@cache
def _list_re(lang: str) -> re.Pattern[str]:
    heads = alternation(lexicon_words("plural_org_heads", lang))
    conj = alternation(_conjunctions())
    # the head, up to three lower-case words ("syndicats de policiers"), an optional comma or
    # colon, then items: "Name, Name, … et Name" (an item may hold lower-case words between
    # capitalised ones: "Médecins du Monde", "Petits Chaperons rouges")
    item = r"[A-ZÀ-Ý0-9][^,;:()\n]{0,60}?"
    return re.compile(
        rf"(?i:\b(?:{heads}))(?:\s+[a-zà-ÿ'’-]+){{0,3}}?\s*[,:]?\s+"
        rf"(?P<list>{item}(?:\s*,\s*{item})*\s+(?i:{conj})\s+{item})"
        # the list ends at a stop or a clause's lower-case words ("… et Unsa ont appelé"),
        # not at a particle inside a name ("Médecins du Monde")
        rf"(?=\s*(?:[,.;:)\n]|$)|\s+[a-zà-ÿ'’-]+(?:\s+[a-zà-ÿ]|\s*(?:[,.;:)\n]|$)))")


@cache
def _conjunctions() -> tuple[str, ...]:
    """The conjunctions that join a list's last item, in words: "&" is inside names."""
    return tuple(w for w in all_languages("lang/claims.yaml", "conjunctions") if w[:1].isalpha())


def listed_found(text: str, lang: str) -> list[Found]:
    """An organisation for every capitalised item of a list a plural head announces."""
    out = []
    for m in _list_re(lang).finditer(text):
        start = m.start("list")
        parts = re.split(rf"\s*,\s*|\s+(?:{alternation(_conjunctions())})\s+", m.group("list"))
        items: list[Found] = []
        at = start
        for part in parts:
            begin = text.index(part, at)
            at = begin + len(part)
            s, e = strip_determiner(text, begin, at)
            words = text[s:e].split()
            if not words or not text[s].isupper() or len(words) > _ITEM_WORDS:
                items = []
                break
            items.append(Found("Organization", s, e, None, "list"))
        out += items if len(items) >= 2 else []
    return out


__all__ = ["listed_found"]
