"""Several bodies named at once: "les conseils départementaux du Nord et du Pas-de-Calais",
"the Lille and Douai courts of appeal" are one body per place, each keyed like its
singular form ("Conseil départemental du Nord", "Cour d'appel de Douai"); "les maires de
Pantin et d'Aubervilliers" are one office per place, each standing for its holder where the
text names one, as "le maire de Pantin" does.

The plural forms and the joining words are data (``ontology/institutions.yaml``); the
places are read like the singular forms' (:mod:`institutions`).
"""

from __future__ import annotations

import re
from functools import cache

from extractor.mentions.france import place_key
from extractor.mentions.institution_grammar import (
    CAP,
    Institution,
    canonical_key,
    config,
    of_pattern,
    place_pattern,
)
from extractor.text.caseless import Guarded


def _joiner(lang: str) -> str:
    words = (config().get("place_joiners") or {}).get(lang) or []
    spaced = [re.escape(w) for w in words if w.isalpha()]
    marks = [re.escape(w) for w in words if not w.isalpha()]
    parts = ([rf"\s*(?:{'|'.join(marks)})\s*"] if marks else []) + (
        [rf"\s+(?:{'|'.join(spaced)})\s+"] if spaced else [])
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@cache
def _forms(lang: str) -> list[tuple[Guarded, str, bool]]:
    """(pattern, canonical, office) for every plural form of a body or of its office: {place}
    then more places after it (French order), or {places} before the plural noun (English
    order)."""
    join, of = _joiner(lang), of_pattern().replace("(?P<of>", "(?:")
    more = rf"(?P<more>(?:{join}(?:{of})?{CAP})+)"
    out = []
    for body in config().get("bodies") or []:
        forms = [(form, False) for form in (body.get("plural") or {}).get(lang) or []] + [
            (form, True) for form in (body.get("plural_offices") or {}).get(lang) or []]
        for form, office in forms:
            literal = re.escape(str(form)).replace(r"\ ", r"\s+").replace("'", "['’]")
            literal = literal.replace(re.escape("{of}") + r"\s+", of_pattern())
            literal = literal.replace(re.escape("{place}"), place_pattern() + more)
            literal = literal.replace(re.escape("{places}"),
                                      rf"(?P<places>{CAP}(?:{join}{CAP})+)")
            # a body whose key is its written name is keyed by its `singular` form here
            canonical = str(body.get("singular") or body["canonical"])
            out.append((Guarded(rf"(?<![\w-]){literal}(?![\w-])", str(form)), canonical, office))
    return out


def coordinated_institutions(text: str, lang: str) -> list[Institution]:
    """One institution per place of every plural form in ``text``: the first spans the head
    and its place, the others their own place name."""
    join = _joiner(lang)
    found = []
    for pattern, canonical, office in _forms(lang):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            of = groups.get("of") or ""
            if groups.get("places"):
                names = [(n.start() + m.start("places"), n.group()) for n in
                         re.finditer(CAP, m.group("places"))]
                spans = [(s, s + len(n), n, of) for s, n in names]
            else:
                first = (m.start(), m.end("place"), m.group("place"), of)
                article = of_pattern().replace("(?P<of>", "(?P<a>")
                rest = [(m.start("more") + n.start("n"), m.start("more") + n.end("n"),
                         n.group("n"), n.group("a") or of)
                        for n in re.finditer(rf"{article}?(?P<n>{CAP})", m.group("more"))]
                spans = [first, *rest]
            if len(spans) < 2 or not re.search(join, text[spans[0][1]:spans[1][0]] or " "):
                continue
            # after an office's plural a capitalised name is as often its holder's ("les
            # maires de France, Jacques Pélissard"): only places the gazetteer knows, two at
            # least ("les maires de Caluire, Rillieux et Sathonay-Camp": the two it knows)
            if office and len(spans := [s for s in spans if place_key(s[2])]) < 2:
                continue
            for start, end, place, article in spans:
                key = canonical_key(canonical, place, article, place)
                found.append(Institution(start, end, key, office))
    return found
