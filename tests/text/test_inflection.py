"""The infinitives a French or English form's ending suggests, accents or not: the endings
are compared as the folded form is ("épinglée" → épingler, not "epingleer")."""

from __future__ import annotations

import pytest

from extractor.text.inflection import lemma_guesses


@pytest.mark.parametrize(("lemma", "text", "lang", "infinitive"), [
    ("épinglée", "Épinglée", "fr", "epingler"),
    ("gérés", "gérés", "fr", "gerer"),
    ("financée", "financée", "fr", "financer"),
    ("choisie", "choisie", "fr", "choisir"),
    ("funded", "funded", "en", "fund"),
])
def test_an_accented_ending_suggests_its_infinitive(lemma: str, text: str, lang: str,
                                                    infinitive: str) -> None:
    guesses = lemma_guesses(lemma, text, lang)
    assert guesses[0] == lemma and infinitive in guesses[1:]
    assert len(set(guesses[1:])) == len(guesses) - 1
