"""When a found claim is a gold one: the same actor (after alignment), the same sentence or
amount; and the stricter agreements the evaluator also counts (kind, amount, date).

Kept apart from :mod:`extractor.read.evaluate`, which only counts with these pairs, so that
scripts (``scripts/calibrate.py``) pair claims exactly as the evaluator does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from extractor.read.gold_match import locate, number_key, slug_of

__all__ = ["STRICT", "actor_slug", "claim_pairs"]


def actor_slug(claim: dict[str, Any], aliases: Mapping[str, str] | None = None) -> str:
    """The gold slug a predicted claim's actor is compared as."""
    slug = slug_of(claim.get("actor_id") or claim.get("actor"))
    return (aliases or {}).get(slug, slug)


def claim_pairs(gold: list[dict], predicted: list[dict], text: str | None,
                aliases: Mapping[str, str] | None = None) -> dict[int, int]:
    """Gold claim index → the predicted claim it is paired with, one to one; ``aliases``
    maps found actor slugs to the gold slugs they stand for."""
    gold_spans = [locate(g["quote"], text) if text else None for g in gold]
    pred_spans = [_predicted_span(p, text) for p in predicted]
    matched: dict[int, int] = {}
    # prefer pairs agreeing on both amount and place in the text, then on the kind: where one
    # sentence gives an actor two claims, the one of the same kind is its match
    for strict, same_kind in ((True, True), (True, False), (False, True), (False, False)):
        for gi, g in enumerate(gold):
            if gi in matched:
                continue
            for pi, p in enumerate(predicted):
                if pi not in matched.values() and (not same_kind or _same_kind(g, p)) \
                        and actor_slug(p, aliases) == g["actor"] \
                        and _claim_match(g, p, gold_spans[gi], pred_spans[pi], strict):
                    matched[gi] = pi
                    break
    return matched


def _same_kind(gold: dict, pred: dict) -> bool:
    return gold.get("kind") == pred.get("kind")


def _same_amount(gold: dict, pred: dict) -> bool:
    return number_key(gold.get("amount")) == number_key(pred.get("amount"))


def _dates_agree(gold: dict, pred: dict) -> bool:
    """Equal at the coarser of the two precisions ("2023" agrees with "2023-06"); a gold claim
    without a date agrees with any."""
    g, p = str(gold.get("date") or ""), str(pred.get("date") or "")
    if not g:
        return True
    size = min(len(g), len(p))
    return bool(p) and g[:size] == p[:size]


# The stricter scores: a lenient match (same actor, same sentence or amount) that must also
# agree on the kind (was it promised or delivered?), on the amount, or on the date.
STRICT = {"claims+kind": _same_kind, "claims+amount": _same_amount, "claims+date": _dates_agree}


def _predicted_span(claim: dict[str, Any], text: str | None) -> tuple[int, int] | None:
    start, end, quote = claim.get("start"), claim.get("end"), str(claim.get("quote") or "")
    offsets = (start, end) if isinstance(start, int) and isinstance(end, int) else None
    if text is None or not quote:
        return offsets
    if offsets and " ".join(text[offsets[0]:offsets[1]].split()) == " ".join(quote.split()):
        return offsets
    return locate(quote, text) or offsets


def _claim_match(gold: dict, pred: dict, gspan: tuple[int, int] | None,
                 pspan: tuple[int, int] | None, strict: bool) -> bool:
    overlap = bool(gspan and pspan and gspan[0] < pspan[1] and pspan[0] < gspan[1])
    gold_amount = number_key(gold.get("amount"))
    if gold_amount is None:
        return overlap
    return gold_amount == number_key(pred.get("amount")) and (overlap or not strict)
