"""A region or department as the canonical name of a body seated in it writes it: its French
label and article ("Gironde prefecture" → "préfecture de la Gironde", "Brittany Region" →
"Région Bretagne"), so the French and English forms of one body, and the body a generic name
stands for (:mod:`extractor.mentions.seats`), get one key.

The articles are data (``articles`` of ``ontology/institutions.yaml``, by the area's id in
``ontology/france.yaml``); a form that writes an article keeps it.
"""

from __future__ import annotations

from functools import cache

from extractor.knowledge import load_yaml
from extractor.mentions.france import france_places


@cache
def _articles() -> dict[str, str]:
    """Area id → the article between a body and the area ("du" for "nord")."""
    data = load_yaml("institutions.yaml")
    table = data.get("articles") if isinstance(data, dict) else None
    return {str(ident): str(article) for article, ids in (table or {}).items()
            for ident in ids or []}


def official_area(place: str, of: str) -> tuple[str, str]:
    """(name, article) of a place written in an institution's name: a region or department by
    its French label and, where the form wrote none, its article; any other place as written.

    >>> official_area("Brittany", ""), official_area("Gironde", ""), official_area("Lille", "")
    (('Bretagne', ''), ('Gironde', 'de la'), ('Lille', ''))
    >>> official_area("29", "")
    ('Finistère', 'du')
    """
    area = france_places().area(place) or (france_places().department(place)
                                           if place[:1].isdigit() else None)  # "SDIS 63"
    if area is None:
        return place, of
    return area.label(), of if of.strip() else _articles().get(area.id, "")
