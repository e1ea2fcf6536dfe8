"""A sentence a page prints twice (its headline again as the lead, a title repeated above a
photo) tells one act: one claim, as the annotators count it."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_a_headline_printed_again_gives_one_claim():
    head = "La Région Bretagne finance 40 nouvelles places de crèche"
    claims = claims_of(f"{head}\n\n{head}\n\nLe vote a eu lieu lundi à Rennes.")
    assert [(c.actor, c.action) for c in claims].count(("Région Bretagne", "fund")) == 1


def test_the_same_act_told_in_two_different_sentences_stays_two_claims():
    claims = claims_of("La Région Bretagne finance 40 nouvelles places de crèche à Rennes. "
                       "La Région Bretagne finance aussi 20 places à Brest.")
    assert [c.action for c in claims if c.actor == "Région Bretagne"] == ["fund", "fund"]
