"""A sentence a page prints twice (its headline again as the lead, a title repeated above a
photo) tells one act: one claim, as the annotators count it. Words said carry a figure only
when they ask for it."""

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


def test_a_request_carries_the_figure_it_asks_for():
    (claim,) = claims_of("La Région Réunion demande une enveloppe supplémentaire de 80 millions "
                         "d'euros pour le tram.")
    assert (claim.kind, claim.action, claim.amount) == ("statement", "request", 80_000_000)


def test_other_words_said_carry_no_figure():
    claims = claims_of("Le maire Jean Dupont a déclaré que la ville avait perdu 3 millions "
                       "d'euros en 2023.")
    assert [c.amount for c in claims if c.kind == "statement"] == [None]
