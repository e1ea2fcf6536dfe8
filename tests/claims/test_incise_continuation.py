"""A sentence the parser cut after a closing quotation mark goes on into its incise: no
sentence opens on a comma."""

from __future__ import annotations

from extractor.claims.sentences import _continues
from tests.claims.test_named_errors import claims_of


def test_the_incise_after_a_quotation_opening_a_paragraph_is_its_sentences() -> None:
    text = ("Les syndicats ont repris la mobilisation.\n\n\"Le concret des choses, ils le "
            "verront très vite\", a martelé Annie Genevard, ministre de l'Agriculture, "
            "assurant que les premiers décaissements se feront avant la fin de l'année.")
    claims = [c for c in claims_of(text) if c.actor == "Annie Genevard"]
    assert claims and all(c.quote.startswith("\"Le concret") for c in claims)


def test_no_sentence_opens_on_a_comma_or_a_lower_case_word_after_a_quotation() -> None:
    assert _continues("« Le concret des choses »", ", a martelé Annie Genevard.")
    assert _continues("« Le concret des choses »", "a-t-elle martelé.")
    assert not _continues("Le plan est adopté.", "La Ville a signé.")
