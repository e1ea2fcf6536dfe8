"""Organisations the model found though the tagger read their words as common ones, and
funds, which are schemes (extractor/mentions/ner_names.py), on sentences of our own."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _entities


def test_a_coined_company_name_the_vectors_do_not_know_is_a_body() -> None:
    found = _entities("Les gigafactories d'Envision, de Verkor et de ProLogium débuteront leur "
                      "production en 2025.", "fr")
    assert ("Organization", "Envision") in found


def test_a_known_word_capitalised_inside_a_sentence_is_no_body_by_itself() -> None:
    # the model's vectors know "transition": a common word, whatever its capital
    assert ("Organization", "Transition") not in _entities(
        "La ministre de la Transition a présenté son plan.", "fr")


@pytest.mark.parametrize(("text", "lang", "fund"), [
    ("Le Fonds vert financera 20 projets, a annoncé le préfet du Doubs.", "fr", "Fonds vert"),
    ("The Just Transition Fund is helping the region, the commissioner said.", "en",
     "Just Transition Fund"),
])
def test_a_fund_is_a_scheme_not_a_body(text: str, lang: str, fund: str) -> None:
    assert ("Organization", fund) not in _entities(text, lang)
