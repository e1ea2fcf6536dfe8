"""A paragraph of words with no quotation marks, signed after a dash by a person (a pull
quote, an embedded post): the signer's words; a headline whose verb follows the name, a
caption or a name set off inside a sentence signs nothing."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("Le conseil municipal a voté le budget.\n\nNous ne laisserons pas les familles du "
     "quartier sans solution cet hiver - Camille Berthier, adjointe au logement\n\nLa suite "
     "du débat a porté sur les écoles.", "fr", "Camille Berthier"),
    ("The council voted the budget on Monday.\n\nI will not accept that this town gives up "
     "on its libraries. pic.twitter.com/aBcD1234 — Nora Whitfield (@norawhit) March 3, 2025"
     "\n\nThe vote was close.", "en", "Nora Whitfield"),
])
def test_words_signed_after_a_dash_are_the_signer_s(text: str, lang: str,
                                                    speaker: str) -> None:
    first, last = text.index("\n\n") + 2, text.rindex("\n\n")
    signed = [c for c in claims_of(text, lang=lang) if first <= c.start < last]
    assert [(c.actor, c.kind) for c in signed] == [(speaker, "statement")]


@pytest.mark.parametrize(("text", "lang"), [
    # a headline: the name has a verb of its own
    ("Piscines à Rennes - Camille Berthier annonce la fermeture du bassin nord\n\nLe texte.",
     "fr"),
    # a caption: no sentence before the dash
    ("Le conseil a voté.\n\nLa manifestation devant la mairie de Rennes, mardi matin - "
     "Camille Berthier\n\nLe texte.", "fr"),
])
def test_a_name_after_a_dash_without_words_of_its_own_signs_nothing(text: str,
                                                                     lang: str) -> None:
    dash = text.index(" - ")
    first, last = text.rfind("\n", 0, dash) + 1, text.index("\n", dash)
    assert not [c for c in claims_of(text, lang=lang)
                if first <= c.start < last and c.construction == "quotation"]
