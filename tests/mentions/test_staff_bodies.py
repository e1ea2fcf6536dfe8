"""A person's staff acting or speaking for the body the person heads is that body ("the
minister's office said", "Ms Masson's office published", "le cabinet de la ministre
précise"), not the person; "Macron's aides", "l'entourage du ministre" are people close to
the person, who stays the actor (issue 16)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_generalising_entities import _mentions

_EN = "Labour Minister Claire Masson announced the plan on Monday. "
_FR = "La ministre du Travail Claire Masson a présenté le plan lundi. "


@pytest.mark.parametrize("text,lang,words", [
    (_EN + "The minister's office said the list will be detailed in March.", "en",
     "minister's office"),
    (_EN + "Ms Masson’s office published a report on Tuesday.", "en", "Masson’s office"),
    (_FR + "Le cabinet de la ministre précise que la liste sera détaillée en mars.", "fr",
     "cabinet de la ministre"),
])
def test_a_persons_staff_is_the_body_the_person_heads(text: str, lang: str,
                                                      words: str) -> None:
    found = {(m.text, m.key) for m in _mentions(text, lang) if m.type == "Organization"}
    assert (words, "reg:ministere-du-travail") in found
    later = [c for c in claims_of(text, lang) if c.start >= len(_EN if lang == "en" else _FR)]
    assert later and {c.actor for c in later} == {words}


def test_no_staff_body_without_an_office_or_where_a_body_is_named() -> None:
    text = "Claire Masson's office published a report. The Prime Minister's Office agreed."
    found = {(m.text, m.key) for m in _mentions(text, "en") if m.type == "Organization"}
    assert not [t for t, _ in found if "Masson" in t]  # no role: no body
    assert len([t for t, _ in found if "Office" in t]) == 1
    aides = _FR + "L'entourage de Claire Masson assure que la liste sera détaillée en mars."
    assert not [m for m in _mentions(aides, "fr") if m.type == "Organization"]


def test_a_political_colour_between_the_article_and_a_reference() -> None:
    text = ("Lille City Council voted the plan in March. The socialist town hall and the "
            "metropolis have been carrying out the project since 2010.")
    found = {(m.text, m.key) for m in _mentions(text, "en") if m.type == "Organization"}
    assert ("town hall", "org:ville de lille") in found
