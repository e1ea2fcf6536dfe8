"""The medium a speaker spoke on is never the speaker, even two media joined by a slash or
one named between the verb and a bare title; a full stop before an opening quotation mark
ends the sentence before it."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of

LEAD = "La ministre du Travail Claire Dumont a reçu les syndicats lundi matin. "


@pytest.mark.parametrize("said", [
    "« Ces entreprises seront convoquées dans mon bureau dès mardi », a déclaré la ministre "
    "sur Europe 1/CNews.",
    "Ces entreprises seront convoquées dans son bureau dès mardi, a annoncé sur TF1 la ministre.",
    "Ces entreprises seront convoquées dans son bureau dès mardi, a annoncé sur France Inter "
    "la ministre.",
])
def test_the_medium_is_not_the_speaker_the_title_is(said: str) -> None:
    claims = [c for c in claims_of(LEAD + said, published="2024-03-04") if "convoqu" in c.quote]
    assert [(c.actor, c.kind) for c in claims] == [("Claire Dumont", "commitment")]


def test_a_full_stop_before_a_quotation_mark_ends_the_sentence() -> None:
    # a minister the registry knows: "la ministre" after the quotation is her title
    text = ("La ministre Aurore Bergé a répondu lundi aux questions des familles. « Dès la "
            "semaine prochaine », les représentants de ces quatre entreprises « seront "
            "convoqués dans mon bureau », a déclaré la ministre.")
    claims = claims_of(text, published="2023-09-04")
    assert sorted(c.quote[:20] for c in claims if c.actor == "Aurore Bergé") == [
        "La ministre Aurore B", "« Dès la semaine pro"]
