"""A topic set at the head of a sentence ("Quant à la CGT, elle …", "As for X, it …") is what
the sentence's pronoun subject stands for, not the actor of the sentence before."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_a_fronted_topic_is_the_pronoun_s_actor():
    claims = claims_of("Le Premier ministre Édouard Philippe a reçu les syndicats lundi. "
                       "Quant à la CGT, elle a annoncé une grève pour jeudi.")
    assert [c.actor for c in claims if c.action == "announce"] == ["CGT"]


def test_a_topic_named_in_an_apposition_is_the_pronoun_s_actor():
    claims = claims_of("Le ministre Paul Martin a proposé un accord. Quant au syndicat "
                       "majoritaire, l'Ufap-Unsa-Justice (40 %), il a indiqué qu'il "
                       "consultait sa base.")
    assert "Paul Martin" not in [c.actor for c in claims if c.action != "propose"]
    assert "Ufap-Unsa-Justice" in [c.actor for c in claims]
