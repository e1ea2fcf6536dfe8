"""A quotation that is a fragment of the clause a reporting verb tells ("a précisé qu'un
chèque serait versé … « d'ici la fin de l'année »"): the promise the clause makes is the
speaker's commitment, with its figure, not a statement; a quotation that is itself what is
said stays the speaker's words."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "amount"), [
    ("La ministre de la Santé, Marie Durand, a précisé qu'un chèque énergie serait versé à 12 "
     "millions de foyers « d'ici la fin de l'année ».", "fr", 12e6),
    ("Health minister Jane Roe said a new shelter would be opened in Lyon “as soon as the works "
     "in the old barracks are finished”.", "en", None),
])
def test_a_quoted_fragment_of_a_promise_is_a_commitment(text: str, lang: str,
                                                         amount: float | None) -> None:
    (claim,) = claims_of(text, lang=lang)
    assert (claim.kind, claim.amount) == ("commitment", amount)


@pytest.mark.parametrize(("text", "lang"), [
    ("« Nous devons continuer à ouvrir des lignes », a déclaré Marie Durand lundi.", "fr"),
    ("“We must continue to open up new lines,” Jane Roe said on Monday.", "en"),
])
def test_a_whole_quotation_stays_a_statement(text: str, lang: str) -> None:
    (claim,) = claims_of(text, lang=lang)
    assert claim.kind == "statement"


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("\"On ne lâche rien\" avait déclaré Gérald Darmanin mercredi.", "fr", "Gérald Darmanin"),
    ("\"Never again\" said John Smith on Monday.", "en", "John Smith"),
])
def test_short_words_right_before_a_verb_of_saying_and_its_subject_are_a_quotation(
        text: str, lang: str, speaker: str) -> None:
    # no comma after the marks; the verb of saying and the name after it make the incise
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.construction, c.object) for c in claims] == [
        (speaker, "quotation", None)]


def test_a_quoted_name_before_a_passive_verb_is_no_quotation() -> None:
    # guard: "présenté par" is no verb of saying; the name is what was presented
    claims = claims_of("« Logement d'abord » a été présenté par Julien Denormandie.")
    assert [(c.actor, c.construction) for c in claims] == [("Julien Denormandie", "agent")]
