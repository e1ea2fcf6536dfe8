"""How far a claim can be trusted: the precision its construction had on annotated texts.

A constant per rule said nothing a user could act on. The table in
``ontology/confidence.yaml`` is measured by ``scripts/calibrate.py`` on every text with gold
(the corpus and the field set's tune half): for each construction the share of its claims
that a careful analyst also found, smoothed so a rare construction is not trusted on a
handful of cases. ``evaluate --min-confidence`` shows what a threshold trades.
"""

from __future__ import annotations

from functools import cache

from extractor.knowledge import load_yaml

_HEDGE_PENALTY = 0.15  # a hedged claim ("aurait", "reportedly") is less sure than its rule


@cache
def _table() -> tuple[dict[str, float], float]:
    data = load_yaml("confidence.yaml") or {}
    table = {str(k): float(v["precision"]) for k, v in (data.get("constructions") or {}).items()}
    return table, float(data.get("default", 0.5))


def confidence_of(construction: str, hedged: bool = False) -> float:
    """The calibrated precision of the construction, less a penalty when hedged."""
    table, default = _table()
    value = table.get(construction, default) - (_HEDGE_PENALTY if hedged else 0.0)
    return round(max(0.05, min(0.99, value)), 2)


__all__ = ["confidence_of"]
