"""Each paragraph is parsed alone: a heading printed without a stop is not glued to the
paragraph under it, whose acts are read as they would be on their own."""

from __future__ import annotations

import hashlib

import pytest

from extractor.nlp.models import parse_batch
from extractor.records import Document
from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang"), [
    ("A thousand gendarmes and police deployed\n\nOn the instructions of Interior Minister "
     "Gérald Darmanin, a thousand police officers have been deployed in the north of Paris.",
     "en"),
    ("Mille policiers mobilisés\n\nSur instruction du ministre de l'Intérieur, Gérald "
     "Darmanin, mille policiers ont été déployés dans le nord de Paris.", "fr"),
])
def test_a_heading_without_a_stop_is_a_sentence_of_its_own(text: str, lang: str) -> None:
    (first, doc), = [p for p in _parsed(text, lang) if p[0] > 0]
    assert text[first:].startswith(("On the", "Sur instruction"))
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["deployed" if lang == "en" else "déployés"]
    claims = [c for c in claims_of(text, lang=lang) if c.actor == "Gérald Darmanin"]
    assert [(c.kind, c.action) for c in claims] == [("achievement", "deploy")]


def _parsed(text: str, lang: str) -> list:
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, media_type="text/plain",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    (pieces,) = parse_batch([doc])
    return pieces


def test_a_single_line_break_is_left_to_the_parser() -> None:
    pieces = _parsed("La Ville de Paris a ouvert\nune salle de repos en juin.", "fr")
    assert len(pieces) == 1 and len(list(pieces[0][1].sents)) == 1


def test_the_incise_after_a_quotation_opening_a_paragraph_is_its_sentences() -> None:
    text = ("Les syndicats ont repris la mobilisation.\n\n\"Le concret des choses, ils le "
            "verront très vite\", a martelé Annie Genevard, ministre de l'Agriculture, "
            "assurant que les premiers décaissements se feront avant la fin de l'année.")
    claims = [c for c in claims_of(text) if c.actor == "Annie Genevard"]
    assert claims and all(c.quote.startswith("\"Le concret") for c in claims)
