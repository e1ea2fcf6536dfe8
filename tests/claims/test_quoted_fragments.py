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
