"""A document named by a demonstrative ("ce rapport souligne", "this report found") stands
for the body that just published it, as "le rapport" does; "cette institution" in someone's
words stands for no one the text can tell."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "body"), [
    ("La Fondation Saint-Roch publie son rapport annuel. Ce rapport, publié mardi, souligne "
     "que le nombre de familles sans toit a doublé.", "fr", "Fondation Saint-Roch"),
    ("The Court of Audit published its annual report. This report found that spending on "
     "shelters doubled.", "en", "Court of Audit"),
])
def test_a_document_named_by_a_demonstrative_is_its_publisher_s(text: str, lang: str,
                                                               body: str) -> None:
    second = text.index(". ") + 2
    assert [c.actor for c in claims_of(text, lang=lang) if c.start >= second] == [body]


def test_a_body_named_by_a_demonstrative_in_someone_s_words_is_no_one() -> None:
    text = ("La chambre régionale des comptes critique la gestion de la métropole de Rennes. "
            "« Cette institution n'a pas à juger nos choix », répond la vice-présidente "
            "Marine Durand.")
    second = text.index("«")
    assert {c.actor for c in claims_of(text) if c.start >= second} == {"Marine Durand"}


@pytest.mark.parametrize(("text", "lang"), [
    ("La Fondation Saint-Roch publie son rapport annuel. Ce rapport, publié mardi, souligne "
     "que le nombre de familles sans toit a doublé.", "fr"),
    ("Le rapport de la Fondation Saint-Roch rappelle que 300 000 personnes vivent à la rue.",
     "fr"),
    ("The Saint-Roch Foundation published its report. The report says that rough sleeping "
     "has doubled.", "en"),
])
def test_what_a_document_says_is_its_author_s_assessment(text: str, lang: str) -> None:
    said = [c for c in claims_of(text, lang=lang) if c.action != "publish"]
    assert said and all(c.kind == "assessment" for c in said)
