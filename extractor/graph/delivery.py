"""Was it delivered? The delivery status of every commitment, from what later sources say.

Run once after resolution over the claims of the whole corpus (actors are entity IRIs by
then, so "ARS" in 2019 and "Regional Health Agency" in 2021 are one actor). For each
commitment, a later claim is **evidence** when:

- it is later: its document's date or its own date is after the commitment's date (compared
  at the coarser of the two precisions, so "2019" is not after "2019-05"), and within the
  plan's period (``horizon_months`` after the end of the commitment's date,
  ``ontology/delivery.yaml``);
- it is about the same thing: an achievement or statement by the same actor (or an
  organisation it is a member of, or one of its members) with the same action class or an
  object word in common; by a partner (a co-signatory: another actor committing in the
  commitment's document) with an object word in common; or an assessment, by anyone,
  sharing an object word with the commitment;
- it says something about delivery: an achievement (negated: not delivered), or an
  assessment or statement with a "not done", "partly" or "done" cue (``lang/delivery.yaml``).

Each piece of evidence gives a verdict; amounts and counts of the same unit are compared
(the later figure's top against the committed figure's bottom). The status follows
:func:`decide`. Every :class:`~extractor.records.Delivery` names its evidence and its rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.graph.delivery_rules import (
    action_class,
    cue,
    date_parts,
    is_after,
    month_number,
    object_words,
    settings,
)
from extractor.records import DELIVERY_STATUSES, Claim, Delivery, Entity

DELIVERED, PARTLY, NOT_DELIVERED, DISPUTED, NO_REPORT = DELIVERY_STATUSES
# How much a verdict says: a compared figure beats a cue word, which beats a bare achievement.
FIGURE, WORDS, BARE = 2, 1, 0


@dataclass(frozen=True)
class Verdict:
    """What one later claim says about a commitment, and how strongly (:data:`FIGURE`…)."""

    claim: Claim
    status: str
    rule: str
    weight: int
    when: tuple[int, ...]


def figure_verdict(committed: Claim, later: Claim) -> tuple[str, str] | None:
    """Compare the amounts or counts of the same unit; None when they do not compare.

    >>> c = Claim("c", "d", "commitment", "A", "a", "open", None, 100.0, "place", None, None,
    ...           "q", 0, 1, 1.0)
    >>> figure_verdict(c, Claim("e", "d", "achievement", "A", "a", "open", None, [60.0, 80.0],
    ...                         "place", None, None, "q", 0, 1, 1.0))[0]
    'partly'
    """
    if committed.amount is None or later.amount is None or committed.unit != later.unit:
        return None
    low = min(_values(committed.amount))
    high = max(_values(later.amount))
    status = DELIVERED if high >= low else PARTLY
    sign = "≥" if high >= low else "<"
    return status, f"reported {_number(high)} {sign} committed {_number(low)} {later.unit}"


def _number(value: float) -> str:
    """``2000000.0`` → ``2 000 000`` (a rule is read by people)."""
    return f"{value:,.10g}".replace(",", " ")


def _values(amount: Any) -> list[float]:
    return [float(v) for v in (amount if isinstance(amount, (list, tuple)) else [amount])]


def verdict(committed: Claim, later: Claim, when: tuple[int, ...],
            said: str | None) -> Verdict | None:
    """What ``later`` says about ``committed`` (already matched on actor and topic);
    ``said`` is the cue of its quote (:func:`cue`)."""
    if later.kind == "achievement":
        if later.negated or said == NOT_DELIVERED:
            return Verdict(later, NOT_DELIVERED, "achievement negated or saying not done",
                           WORDS, when)
        compared = figure_verdict(committed, later)
        if compared:
            return Verdict(later, compared[0], f"achievement: {compared[1]}", FIGURE, when)
        if said == PARTLY:
            return Verdict(later, PARTLY, "achievement saying partly", WORDS, when)
        return Verdict(later, DELIVERED, "achievement, no figure to compare", BARE, when)
    if later.negated and said != PARTLY:
        said = NOT_DELIVERED
    if said is None:
        return None
    compared = figure_verdict(committed, later) if said == DELIVERED else None
    if compared:
        return Verdict(later, compared[0], f"{later.kind}: {compared[1]}", FIGURE, when)
    return Verdict(later, said, f"{later.kind} saying {said}", WORDS, when)


def decide(verdicts: Sequence[Verdict]) -> tuple[str, str]:
    """The status and the rule that decided it, from every verdict on one commitment.

    Not done and done (or partly) both said: ``disputed``. Otherwise the strongest verdict
    (a compared figure, then a cue word, then a bare achievement; the latest on a tie).
    """
    if not verdicts:
        return NO_REPORT, "no later claim by the actor or a partner on the same action or object"
    said = {v.status for v in verdicts}
    if NOT_DELIVERED in said and said & {DELIVERED, PARTLY}:
        yes = ", ".join(sorted(s for s in said if s != NOT_DELIVERED))
        return DISPUTED, f"later evidence disagrees: {yes} and {NOT_DELIVERED}"
    best = max(verdicts, key=lambda v: (v.weight, v.when, v.status == DELIVERED))
    return best.status, best.rule


class Ledger:
    """The claims of a build, collected as each document is written, with their documents'
    dates: delivery needs the whole corpus, and the documents stream past once."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.published: dict[str, str | None] = {}

    def add(self, document: str, published: str | None, claims: Iterable[Claim]) -> None:
        self.published[document] = published
        self.claims.extend(claims)

    def deliveries(self, entities: Iterable[Entity] = ()) -> list[Delivery]:
        """One :class:`Delivery` per commitment; ``entities`` give who is a member of what."""
        members = {e.id: frozenset(e.member_of) for e in entities if e.member_of}
        return deliveries(self.claims, self.published, members)


def deliveries(claims: Sequence[Claim], published: Mapping[str, str | None],
               members: Mapping[str, frozenset[str]] | None = None) -> list[Delivery]:
    """The delivery status of every commitment of ``claims`` (see the module doc).

    ``published``: document id → publication date; ``members``: actor IRI → the
    organisations it is a member of (entities' ``member_of``)."""
    members = members or {}
    index = _Index(claims, published)
    horizon = settings()["horizon_months"]
    out = []
    for c in claims:
        if c.kind != "commitment":
            continue
        span = date_parts(c.date or published.get(c.document))
        own = _near({c.actor_id}, members)
        partners = _near(index.signers.get(c.document, set()), members)
        found = [] if span is None else [
            v for e in index.candidates(c, own, partners)
            if (v := _evidence(c, e, (own, partners), (span[0], month_number(span[1]) + horizon)))]
        found.sort(key=lambda v: (v.when, v.claim.document, v.claim.start))
        status, rule = decide(found)
        out.append(Delivery(c.id, status, rule, tuple(dict.fromkeys(v.claim.id for v in found))))
    return out


@dataclass(frozen=True)
class _Later:
    """A claim that may report on commitments, read once: its dates (the document's and its
    own, with their month numbers), topic words, action class, cue and place in the corpus."""

    claim: Claim
    dates: tuple[tuple[tuple[int, ...], int], ...]
    topic: frozenset[str]
    said: str | None
    action: str
    seq: int


class _Index:
    """Later claims by actor and action class, by actor and topic word, and assessments (the
    only evidence by anyone) by topic word: each commitment reads only the claims that are
    about the same thing (the topical test of :func:`_evidence`), not every claim of its
    actor, which made the delivery pass quadratic in a large corpus."""

    def __init__(self, claims: Sequence[Claim], published: Mapping[str, str | None]) -> None:
        self.signers: dict[str, set[str]] = {}
        self.by_class: dict[tuple[str, str], list[_Later]] = {}
        self.by_actor_word: dict[tuple[str, str], list[_Later]] = {}
        self.by_word: dict[str, list[_Later]] = {}
        for seq, c in enumerate(claims):
            if c.kind == "commitment":
                self.signers.setdefault(c.document, set()).add(c.actor_id)
                continue
            spans = (date_parts(published.get(c.document)), date_parts(c.date))
            later = _Later(c, tuple((p[0], month_number(p[0])) for p in spans if p),
                           topic_words(c), cue(c.quote), action_class(c.action), seq)
            if c.kind != "assessment":
                self.by_class.setdefault((c.actor_id, later.action), []).append(later)
            for word in later.topic:
                self.by_actor_word.setdefault((c.actor_id, word), []).append(later)
                if c.kind == "assessment":
                    self.by_word.setdefault(word, []).append(later)

    def candidates(self, c: Claim, own: set[str], partners: set[str]) -> list[_Later]:
        """The claims that may be about ``c``: by its actors (``own``) with its action class
        or one of its object words, by a partner or assessing with one of its object words;
        in the order of a scan of every claim of the actors (sorted), then of the
        assessments by word (sorted), so that ties between pieces of evidence fall as
        they always have."""
        words = object_words(c.object)
        action = action_class(c.action)
        actors = sorted(own | partners)
        found: dict[str, _Later] = {}
        for a in own:
            found.update((e.claim.id, e) for e in self.by_class.get((a, action), ()))
        for a in actors:
            for w in words:
                found.update((e.claim.id, e) for e in self.by_actor_word.get((a, w), ()))
        for w in words:
            found.update((e.claim.id, e) for e in self.by_word.get(w, ()))
        rank = {a: n for n, a in enumerate(actors)}
        first = {w: n for n, w in enumerate(sorted(words))}
        return sorted(found.values(), key=lambda e: (0, rank[e.claim.actor_id], e.seq)
                      if e.claim.actor_id in rank else (1, min(first[w] for w in e.topic & words),
                                                         e.seq))


def topic_words(claim: Claim) -> frozenset[str]:
    """What a later claim is about: its object's words, and for an assessment or statement
    (whose object is often a clause fragment) its quote's too."""
    quote = claim.quote if claim.kind != "achievement" else None
    return object_words(" ".join(filter(None, (claim.object, quote))))


def _near(actors: set[str], members: Mapping[str, frozenset[str]]) -> set[str]:
    """The actors, the organisations any of them is a member of, and the members of those
    (a minister speaks for the State, the State for its minister)."""
    near = set(actors) | {org for a in actors for org in members.get(a, ())}
    return near | {person for person, orgs in members.items() if orgs & near}


def _evidence(c: Claim, e: _Later, actors: tuple[set[str], set[str]],
              window: tuple[tuple[int, ...], int]) -> Verdict | None:
    """The verdict of ``e`` on commitment ``c``, or None when ``e`` does not report on it.
    ``window``: the commitment's start and the last month of the plan's period."""
    if e.claim.id == c.id:
        return None
    shared = bool(object_words(c.object) & e.topic)
    own, partners = actors
    if e.claim.actor_id in own and e.claim.kind != "assessment":
        topical = shared or action_class(c.action) == e.action
    else:  # an auditor, or a co-signatory: only on the same object
        topical = shared and (e.claim.kind == "assessment" or e.claim.actor_id in partners)
    if not topical:  # the cheaper test first: most claims of an actor are on other things
        return None
    begun, last = window
    later = [d for d, month in e.dates if month <= last and is_after(d, begun)]
    return verdict(c, e.claim, max(later), e.said) if later else None
