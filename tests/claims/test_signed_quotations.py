"""A quotation signed on its own line by the name right after its closing mark, with a title
and no verb ("« … » Ginette Allard, présidente de l'association", "“…” – Jane Roe, mayor"):
the signer's words."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("La mairie a lancé une campagne de stérilisation.\n\n« L'année dernière, on nous a "
     "signalé plus de 270 chats abandonnés ! » Ginette Allard, présidente de l'association "
     "Adeo Animalis.", "fr", "Ginette Allard"),
    ("La préfecture a signé le protocole.\n\n« Je serai d'une prudence de sioux tant que les "
     "propriétaires n'auront rien touché » - Benoît Simian, député du Médoc.", "fr",
     "Benoît Simian"),
    ("The council voted the budget on Monday.\n\n“This is a great day for every family in "
     "our town” – Jane Roe, mayor of Dover.", "en", "Jane Roe"),
])
def test_a_quotation_signed_after_its_closing_mark_is_the_signer_s(text: str, lang: str,
                                                                    speaker: str) -> None:
    quote = text.index("\n\n") + 2
    assert [c.actor for c in claims_of(text, lang=lang) if c.start >= quote] == [speaker]


def test_a_name_after_a_quotation_with_a_verb_of_its_own_signs_nothing() -> None:
    text = ("La préfecture a signé le protocole.\n\n« Nous allons enfin pouvoir reconstruire "
            "la digue du port » Marie Durand a visité le chantier mardi.")
    quote = text.index("\n\n") + 2
    assert not [c for c in claims_of(text) if c.start >= quote and c.construction ==
                "quotation"]
