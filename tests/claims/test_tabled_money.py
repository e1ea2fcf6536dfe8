"""Money an act bears on: "spent 2 million euros" is spending, and a plan presented bears on
its money before a count further on (issue 15)."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_spending_money_stays_an_act() -> None:
    (claim,) = claims_of("The Brittany Region spent 2 million euros on the shelters.", "en")
    assert (claim.action, claim.amount) == ("spend", 2_000_000)


def test_a_plan_presented_bears_on_its_money_before_a_count_further_on() -> None:
    claims = claims_of("The government presented Thursday a plan to 6.5 billion euros over two "
                       "years, with a flagship aid of 4,000 euros to promote 450,000 "
                       "recruitments by January.", "en")
    assert {c.amount for c in claims if c.action == "present"} == {6_500_000_000}
