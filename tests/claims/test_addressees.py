"""Whom words were said to is not who said them: "…, she told AFP" names the addressee after
the verb, where "…, said the minister" names the speaker (issue 15)."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_the_object_of_told_is_no_speaker() -> None:
    claims = claims_of("\"It shouldn't be the idea of constraint, of obligation,\" Claire "
                       "Masson, president of Médecins Généralistes (MG France, the majority "
                       "among the liberals), told AFP.", "en")
    actors = {c.actor for c in claims}
    assert "AFP" not in actors and "Claire Masson" in actors


def test_an_inverted_speaker_after_said_or_a_french_verb_stays_the_speaker() -> None:
    assert {c.actor for c in claims_of("\"We will open twenty new shelters in the city next "
                                       "year,\" said the Red Cross.", "en")} == {"Red Cross"}
    assert {c.actor for c in claims_of("Les conditions se dégradent fortement depuis deux "
                                       "ans, rappelle la Cour des comptes.")} == {
        "Cour des comptes"}
