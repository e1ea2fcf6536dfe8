"""Money committed per actor and year, each fact counted once (issue 19).

Adding every amount a claim carries overstates what an actor put on the table twice over:
an assessment or a statement that merely mentions an amount is not a commitment, and the
same commitment reported by a press release, an audit and a news article is one fact, not
three. So a total counts commitments only (not negated), by the actor that commits (the
claim's agent), and one amount per actor, year and currency, however many sources report
it; the sources are listed with the figure. Two distinct commitments of exactly the same
amount by one actor in one year merge too: the listed sources show them. The saved query
``ontology/queries/money-per-actor-year.rq`` applies the same rule to the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from extractor.records import Claim

COMMITMENT = "commitment"


@dataclass(frozen=True)
class MoneyFact:
    """One amount an actor committed for one year, with every claim that reports it."""

    actor: str
    year: str
    amount: float
    currency: str
    claims: tuple[Claim, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents reporting this amount, each once, in order."""
        return tuple(sorted({c.document for c in self.claims}))


def money_amount(amount: Any, unit: str | None, currency: str) -> float:
    """A claim's amount in ``currency`` (a range counts its low end), else 0.

    >>> money_amount((2.0, 3.0), "EUR", "EUR")
    2.0
    >>> money_amount(5, "place", "EUR")
    0.0
    """
    if unit != currency or amount is None:
        return 0.0
    if isinstance(amount, (list, tuple)):
        amount = amount[0] if amount else 0
    return float(amount) if isinstance(amount, (int, float)) else 0.0


def actor_key(claim: Claim) -> str:
    """The key a claim's agent is filed under: its entity IRI, else its name."""
    return claim.actor_id or claim.actor or "?"


def claim_year(claim: Claim, published: dict[str, str]) -> str:
    """The claim's year, else its document's year of publication, else "".

    >>> c = Claim("c", "d.txt", "commitment", "A", "a", "fund", None, 5.0, "EUR", None, None,
    ...           "q", 0, 1, 0.9)
    >>> claim_year(c, {"d.txt": "2021-06-02"}), claim_year(c, {})
    ('2021', '')
    """
    return str(claim.date or published.get(claim.document) or "")[:4]


def committed_money(claims: list[Claim], published: dict[str, str],
                    currency: str) -> dict[str, list[MoneyFact]]:
    """Per actor key, the distinct amounts it committed, by year then amount."""
    grouped: dict[tuple[str, str, float], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != COMMITMENT or claim.negated:
            continue
        amount = money_amount(claim.amount, claim.unit, currency)
        if amount:
            grouped[(actor_key(claim), claim_year(claim, published), amount)].append(claim)
    facts: dict[str, list[MoneyFact]] = defaultdict(list)
    for (actor, year, amount), found in sorted(grouped.items()):
        ordered = sorted(found, key=lambda c: (c.document, c.start, c.id))
        facts[actor].append(MoneyFact(actor, year, amount, currency, tuple(ordered)))
    return dict(facts)
