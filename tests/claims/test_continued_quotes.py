"""A quotation that is a paragraph of its own after a paragraph quoting a speaker is that
speaker's (extractor/claims/continued_quotes.py), and a pronoun after a quotation continues
its speaker (extractor/claims/anaphora.salient_subjects), on texts of our own."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of

_QUOTED = ("« Nos taux de programmation sont supérieurs à la moyenne », assure Hélène Vasseur, "
           "vice-présidente de la Région.\n\n")


def test_a_quoted_paragraph_goes_on_with_the_speaker_quoted_just_before() -> None:
    text = _QUOTED + ("« La courbe des paiements est exponentielle. Elle atteindra son plein "
                      "régime en 2026. »\n")
    claims = claims_of(text)
    assert [c.actor for c in claims if c.quote.startswith("« La courbe")] == ["Hélène Vasseur"]


def test_it_goes_on_over_several_paragraphs() -> None:
    text = _QUOTED + ("« La courbe des paiements est exponentielle. »\n\n« Les derniers "
                      "paiements interviendront même en 2027, nous y veillerons. »\n")
    claims = claims_of(text)
    assert "Hélène Vasseur" in [c.actor for c in claims if c.quote.startswith("« Les derniers")]


def test_a_quoted_subheading_is_no_one_s_words() -> None:
    # a quotation set as a heading has no final stop: the paragraph after it quotes it
    text = _QUOTED + ("« Chaque jour de plus est un jour de trop »\n\nLa maire de Pantin a "
                      "rappelé sa position.\n")
    assert not [c for c in claims_of(text) if c.quote.startswith("« Chaque jour")]


def test_a_quoted_paragraph_after_narration_is_no_one_s() -> None:
    text = _QUOTED + ("Le préfet a ensuite présenté le calendrier des travaux.\n\n« Ceci est une "
                      "citation dont le texte ne dit pas l'auteur. »\n")
    assert not [c for c in claims_of(text) if c.quote.startswith("« Ceci")]


def test_a_pronoun_after_a_quotation_continues_its_speaker_not_a_body_quoted() -> None:
    # the region is what the speaker talks of, inside her words: "Elle" is the speaker
    claims = claims_of("« La Région Bretagne a trop attendu, et nous ne le ferons pas », a "
                       "déclaré Jeanne Morel, maire de Rennes. Elle a annoncé une hausse de 5 % "
                       "du budget.")
    assert [c.actor for c in claims if c.action == "increase"] == ["Jeanne Morel"]
