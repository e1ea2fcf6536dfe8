"""Organisations listed after a plural head noun are each an organisation; the verb of the
incise after a quotation that follows them is not their act, and a pronoun after it is the
speaker's."""

from __future__ import annotations

import pytest

from extractor.mentions.listed_names import listed_found
from tests.claims.test_named_errors import claims_of

_BERGE = ("\"Dès la semaine prochaine\", les représentants de ces quatre entreprises, Les Petits "
          "Chaperons rouges, Babilou, La Maison Bleue et People & Baby, \"seront convoqués dans "
          "mon bureau\", a déclaré la ministre Aurore Bergé sur Europe 1. Elle a rappelé "
          "vouloir \"changer la loi\".")


@pytest.mark.parametrize(("text", "lang", "names"), [
    (_BERGE, "fr", ["Petits Chaperons rouges", "Babilou", "Maison Bleue", "People & Baby"]),
    ("Les syndicats de policiers Alliance et Unité SGP ont appelé à manifester.", "fr",
     ["Alliance", "Unité SGP"]),
    ("The charities Utopia 56 and Médecins du Monde condemned the evacuation.", "en",
     ["Utopia 56", "Médecins du Monde"]),
])
def test_each_name_a_plural_head_lists_is_an_organisation(text: str, lang: str,
                                                          names: list[str]) -> None:
    assert [text[f.start:f.end] for f in listed_found(text, lang)] == names


@pytest.mark.parametrize("text", [
    "Les associations de riverains ont manifesté et les élus Verts aussi.",
    "Les entreprises du secteur, selon la Fédération, embauchent.",
])
def test_no_list_of_names_no_organisation(text: str) -> None:
    assert listed_found(text, "fr") == []


def test_names_listed_act_on_their_own_verb() -> None:
    text = "The charities Utopia 56 and Médecins du Monde condemned the evacuation."
    assert {c.actor for c in claims_of(text, lang="en")} == {"Utopia 56", "Médecins du Monde"}


def test_the_verb_of_an_incise_is_the_speakers_not_the_listed_names() -> None:
    assert {c.actor for c in claims_of(_BERGE)} == {"Aurore Bergé"}
