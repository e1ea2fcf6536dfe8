"""English headlines: an infinitive with its subject after a kicker ("MAP: France to …") is a
commitment, and the press's idioms of spending are spending, on headlines of our own."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text", [
    "MAP: France to splash out €43 million to build new cycle lanes",
    "France to splash out €43 million to build new cycle lanes",
    "How France will splash another €43 million on its bike plan",
])
def test_a_headline_s_spending_is_a_commitment_to_spend(text: str) -> None:
    claims = claims_of(text, "en")
    assert [(c.kind, c.action, c.amount) for c in claims] == [
        ("commitment", "spend", 43_000_000.0)]


def test_a_past_spending_stays_done() -> None:
    claims = claims_of("The region forked out €2 million for the new lines last year, the "
                       "Occitanie Region said.", "en")
    assert all(c.kind != "commitment" for c in claims)
