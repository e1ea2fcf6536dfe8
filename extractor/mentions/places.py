"""Rule-based place finder (rule set ``plangraph.places.v1``) for French and English text.

Four sources of candidates, then the longest non-overlapping spans win:
gazetteer names anywhere (``extractor.mentions.gazetteer``, and the regions and departments of
``extractor.mentions.france``), names after or before a type word
("square Forceval", "Pitié-Salpêtrière hospital"; both in ``extractor.mentions.place_names``),
arrondissement ordinals in every spelling ("18ème", "XIXe arrondissement", "19th
district"; ``extractor.mentions.arrondissements``) and communes of France after a locative
preposition ("à Roubaix"; ``extractor.mentions.place_cities``). This module runs them and
picks the winners. The language knowledge is in ``ontology/lang/places.yaml``.
``Match.value`` is a gazetteer (or region or department) id, or None for a place found by
pattern only (the mention stage keys it by :func:`extractor.mentions.france.place_key`, else
by its name).
"""

from __future__ import annotations

import logging
import re

from extractor.mentions.arrondissements import arrondissement_cands
from extractor.mentions.france import area_gazetteer
from extractor.mentions.gazetteer import load_gazetteer
from extractor.mentions.place_cities import apposition_cands, city_cands
from extractor.mentions.place_lexicon import TOKEN, Cand, places_config
from extractor.mentions.place_names import name_cands, typed_cands
from extractor.records import Match

log = logging.getLogger(__name__)

_BLOCKED = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?|ftp|mailto):\S+|www\.\S+|(?<![\w@])@\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info|io)\b(?:/\S*)?"
)


def find_places(text: str, lang: str) -> list[Match]:
    """Place mentions in ``text``, sorted by offset; never raises.

    >>> text = "Le square Forceval, dans le XIXe arrondissement de Paris."
    >>> [(m.text, m.value) for m in find_places(text, "fr")]  # doctest: +NORMALIZE_WHITESPACE
    [('square Forceval', 'square-forceval'), ('XIXe arrondissement', 'paris-19e'),
     ('Paris', 'paris')]
    >>> [(m.text, m.value) for m in find_places("at the Porte de la Villette square", "en")]
    [('Porte de la Villette square', 'porte-de-la-villette')]
    >>> find_places("au 18e siècle", "fr")
    []
    """
    try:
        return _find(text, lang)
    except Exception:  # noqa: BLE001 - a finder over untrusted text must not stop the build
        log.exception("find_places failed; returning no places")
        return []


def _find(text: str, lang: str) -> list[Match]:
    if not isinstance(text, str) or not text.strip():
        return []
    gaz = load_gazetteer()
    blocked = [m.span() for m in _BLOCKED.finditer(text)]
    names = name_cands(text, lang, gaz) + name_cands(text, lang, area_gazetteer())
    city = str(places_config().get("arrondissement", {}).get("city", "paris"))
    paris_like = any(c.value == city or city in gaz.ancestors(c.value or "") for c in names)
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    cands = names + typed_cands(text, lang, gaz, tokens)
    elsewhere = not paris_like and any(
        (p := gaz.get(c.value or "")) is not None and p.type == "city" for c in names)
    cands += arrondissement_cands(text, lang, gaz, paris_like, elsewhere)
    cands += city_cands(text, lang) + apposition_cands(text, lang)
    chosen: list[Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.value is None, c.start)):
        spans = blocked + [(c.start, c.end) for c in chosen]
        if not any(cand.start < e and s < cand.end for s, e in spans):
            chosen.append(cand)
    return [Match(c.start, c.end, text[c.start : c.end], c.value) for c in sorted(chosen)]
