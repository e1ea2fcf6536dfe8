"""A surname of several words written alone ("Abdul Malak") is the one person the text names
in full with it, before or after ("Culture Minister Rima Abdul Malak"); a shorter name that
ends no full name stays its own (extractor/mentions/find.py, unify_surnames)."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _mentions


def _keys(text: str, lang: str) -> dict[str, str | None]:
    return {m.text: m.key for m in _mentions(text, lang) if m.type == "Person"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Abdul Malak has not quantified her plan. On Wednesday the minister Rima Abdul Malak "
     "announced a library plan.", "en"),
    ("Abdul Malak n'a pas chiffré son plan. Lundi, Rima Abdul Malak a présenté un plan pour "
     "les bibliothèques.", "fr"),
])
def test_a_surname_of_two_words_is_the_person_named_in_full(text: str, lang: str) -> None:
    keys = _keys(text, lang)
    assert keys.get("Abdul Malak") == keys.get("Rima Abdul Malak") == "per:rima abdul malak"


def test_a_name_of_as_many_words_is_no_surname_of_another() -> None:
    keys = _keys("Lundi, Paul Malak a signé la convention. Abdul Malak a ensuite ajouté un mot.",
                 "fr")
    assert keys.get("Abdul Malak") != keys.get("Paul Malak")
