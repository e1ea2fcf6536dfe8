"""One claim record from what the rules found: its slots read off the parse (amount, date,
place, object), the kind corrected by its date and budget, its id and confidence.
Actor, place and speaker ids are ``#mention-<start>-<end>`` placeholders that the build
replaces with entity IRIs after resolution.
"""

from __future__ import annotations

import bisect
import re

from extractor import iris
from extractor.claims.confidence import confidence_of
from extractor.claims.forecasts import forecast_figure, said_sum
from extractor.claims.kind import (
    any_language_words,
    auxiliaries,
    hedged,
    is_auditor,
    is_past,
    named_as,
    negated,
    refused,
    restrictive,
)
from extractor.claims.predicates import budgeted, later, reports
from extractor.claims.sentences import Sentence, Tok, words
from extractor.claims.slots import (
    amount_of,
    argument_spans,
    date_of,
    figure_of,
    object_of,
    place_of,
)
from extractor.records import Claim, Document, Mention
from extractor.text.spans import SpanIndex


def placeholder(m: Mention) -> str:
    """The id the build swaps for the entity IRI once mentions are resolved.

    >>> placeholder(Mention(document="d", type="Organization", text="ARS", start=4, end=7))
    '#mention-4-7'
    """
    return f"#mention-{m.start}-{m.end}"


def actor_key(m: Mention) -> str:
    """What tells two actors apart in one document: the entity key, else the name."""
    return m.key or m.text.lower()


def make_claim(document: Document, unit: Sentence, actor: Mention, action: str, kind: str, k: int,
           toks: list[Tok], mentions: SpanIndex[Mention], starts: list[int],
           construction: str, source: tuple[str | None, str]) -> Claim:
    text = document.text
    lang = document.lang
    unit_mentions = mentions.within(unit.start, unit.end)
    trigger = toks[k]
    amount, unit_name = (None, None)
    args = argument_spans(toks, k, unit)
    if kind in ("commitment", "achievement") or action in words("asking_actions"):
        # an agent ("créées par la Ville") makes the verb passive whatever its features say
        passive = construction == "agent" or trigger.feat("Voice") == "Pass" or any(
            a.dep in ("aux:pass", "auxpass") for a in auxiliaries(toks, k))
        amount, unit_name = amount_of(unit_mentions, trigger, action, unit, args, passive, toks,
                                      lang)
    date = date_of(unit_mentions, trigger, toks) or document.published
    reported = kind in ("statement", "assessment") and reports(trigger, lang)
    # an imperfect ("présentait") tells of the past, whatever year a bare date resolved to
    future_date = later(date, document.published) and not is_past(toks, k) \
        and trigger.feat("Tense") != "Imp"
    if kind == "achievement" and (future_date or budgeted(trigger, action, auxiliaries(toks, k))):
        kind = "commitment"  # "ouvrira à partir du 1er juin 2026", "investit 70 M€": not done
    if kind in ("commitment", "achievement") and refused(toks, k, lang):
        # "ont annoncé qu'elles ne signeraient pas", "n'a pas signé l'accord", "did not
        # specify": a refusal or a thing not done, no promise and no deed
        kind = "statement"
    if kind == "statement" and _ruling(actor, action) and trigger.feat("Tense") != "Fut":
        kind = "achievement"  # "le tribunal a rejeté le recours": a ruling, done
    if kind in ("statement", "commitment") and amount is None and (reports(
            trigger, lang) or construction in ("quotation", "attribution")):
        # "a affirmé que la part de l'État serait de 150 M€", "1 000 places seront ouvertes,
        # a annoncé Matignon": the figure said of what will be, a commitment's
        forecast = forecast_figure(toks, unit, k, unit_mentions, lang)
        if forecast is not None:
            kind, (amount, unit_name) = "commitment", figure_of(forecast)
    if amount is None and kind in ("statement", "assessment"):
        amount, unit_name = amount_of(unit_mentions, trigger, action, unit, args,
                                      own_only=True)
        said = None if amount is not None or not (reported or construction in (
            "quotation", "attribution")) else said_sum(toks, unit, unit_mentions, actor)
        amount, unit_name = figure_of(said) if said else (amount, unit_name)
    place = place_of(unit_mentions, trigger)
    is_hedged = hedged(toks, k, lang)
    factuality = "hedged" if is_hedged else source[1]
    extra: list[tuple[str, str]] = [("trigger", trigger.text)]
    if actor.role:
        extra.append(("role", actor.role))
    if restrictive(toks, unit.lo, k, lang):
        extra.append(("modality", "restrictive"))
    return Claim(
        id=iris.claim(document.id, unit.start, unit.end, actor_key(actor), action),
        document=document.id, kind=kind, actor=actor.text, actor_id=placeholder(actor),
        action=action, object=object_of(toks, k, unit, text, unit_mentions, lang, reported),
        amount=amount,
        unit=unit_name, date=date, place=place.text if place else None,
        quote=text[unit.start:unit.end], start=unit.start, end=unit.end,
        confidence=confidence_of(construction, is_hedged), construction=construction,
        attributed_to=source[0], factuality=factuality, negated=negated(toks, k),
        place_id=placeholder(place) if place else None,
        sentence=max(0, bisect.bisect_right(starts, unit.start) - 1), extra=tuple(extra))


def _ruling(actor: Mention, action: str) -> bool:
    """A court's ruling act (``court_words``, ``ruling_actions``): no audit court's."""
    if action not in words("ruling_actions") or is_auditor(actor):
        return False
    name = named_as(actor)
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", name)
               for w in any_language_words("court_words"))


def said_once(claims: list[Claim]) -> list[Claim]:
    """Claims less those of a sentence that repeats an earlier one word for word with the same
    actor and action: a headline printed again as the lead or under a photo, or a page's title
    given twice, tells one act once (as the annotators count it, as values are counted)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for c in claims:
        key = (c.actor.casefold(), c.action, " ".join(c.quote.split()))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def by_speaker(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims by their actor's placeholder: what each speaker's quotations cover."""
    out: dict[str, list[Claim]] = {}
    for claim in claims:
        out.setdefault(claim.actor_id, []).append(claim)
    return out


def spoken(out: list[Claim], said: dict[str, list[Claim]], actor: Mention, action: str,
           unit: Sentence) -> bool:
    """The actor already has this action over this unit (``out``: the unit's claims so far;
    units do not overlap), or a quotation of theirs covers it: the reporting verb ("annonce
    Alain Juppé") is how the quotation is said, not another act."""
    def covers(c: Claim) -> bool:
        return c.actor_id == placeholder(actor) and c.start <= unit.start and unit.end <= c.end

    return any(covers(c) for c in said.get(placeholder(actor), ())) or any(
        covers(c) and c.action == action for c in out)


__all__ = ["actor_key", "by_speaker", "make_claim", "placeholder", "said_once", "spoken"]
