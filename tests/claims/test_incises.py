"""French incises invert their subject after any verb ("…, se félicite son président, Olivier
Klein", "…, reprend Anne Souyris"): the words before the comma are the speaker's, even when
the verb is listed nowhere as one of saying, and even when a quotation mark opened them and
none closed them. A reflexive verb after a fronted phrase is no incise."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text, speaker", [
    ("« Nous validons à tour de bras, se félicite son président, Olivier Klein.", "Olivier Klein"),
    ("« Il faudrait aussi des espaces de repos dans les centres, reprend Anne Souyris.",
     "Anne Souyris"),
    ("Les chantiers avancent enfin, s'enorgueillit le maire Jean Dupont.", "Jean Dupont"),
])
def test_an_inverted_incise_names_the_speaker_whatever_its_verb(text: str, speaker: str):
    assert [(c.actor, c.kind) for c in claims_of(text)] == [(speaker, "statement")]


@pytest.mark.parametrize("text", [
    "A ce montant, s’ajoute le co-financement du Conseil régional de Bretagne.",
    "Dans la salle, se tenait le préfet Jean Dupont.",
])
def test_a_fronted_phrase_before_an_inverted_verb_is_no_incise(text: str):
    assert [c for c in claims_of(text) if c.kind == "statement"] == []


def test_english_inverts_only_verbs_of_saying():
    claims = claims_of("The works are finally moving, smiled Mayor Jane Smith.", lang="en")
    assert claims == []
