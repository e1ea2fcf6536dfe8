"""The parse keeps each piece's text, so the finders do not rebuild it from the tokens."""

from __future__ import annotations

from extractor.nlp.models import _TEXT, doc_text, load_model, parse_batch
from extractor.records import Document
from tests.claims.test_named_errors import claims_of


def test_parse_keeps_the_verbatim_text_of_every_piece() -> None:
    text = "La Ville de Paris  investira 3 M€.\n\nLe préfet l’a dit\u00a0: « oui »."
    document = Document(id="d.txt", path="d.txt", text=text, lang="fr", sha256="x",
                        media_type="text/plain")
    (parsed,) = parse_batch([document])
    for offset, doc in parsed:
        assert doc.user_data[_TEXT] == doc.text == text[offset:offset + len(doc.text)]
        assert doc_text(doc) is doc.user_data[_TEXT]


def test_a_doc_made_elsewhere_gets_its_text_once() -> None:
    doc = load_model("en")("The council voted.")
    assert _TEXT not in doc.user_data
    assert doc_text(doc) == "The council voted." == doc.user_data[_TEXT]


def test_a_stop_after_an_abbreviated_amount_ends_the_sentence() -> None:
    # spaCy's French tokenizer keeps "M€." whole, and the parser then ran two sentences
    # into one: the next sentence's subject took the amount
    nlp = load_model("fr")
    for text in ("La Métropole a voté 3 M€. La Région a signé la convention.",
                 "La Métropole a voté 3M€. La Région a signé la convention."):
        doc = nlp(text)
        assert [s.text for s in doc.sents][-1] == "La Région a signé la convention."
        assert "." in [t.text for t in doc]


def test_a_quotation_mark_glued_between_two_words_is_a_token() -> None:
    # a slip of web texts: the incise after the quotation could not be read
    doc = load_model("en")("“It was the maximum permitted”defended the deputy mayor.")
    assert "”" in [t.text for t in doc] and "defended" in [t.text for t in doc]
    doc = load_model("fr")("« C'est un succès »a-t-il dit, l'aujourd'hui d'un élu.")
    assert "»" in [t.text for t in doc]
    assert "aujourd'hui" in [t.text for t in doc]  # an apostrophe is no quotation mark


def test_an_incise_glued_to_its_quotation_names_the_speaker() -> None:
    text = ("A new scheme provides a bonus of up to 2,500 euros, “the maximum permitted by the "
            "law”defended the first deputy mayor, Anthony Borré.")
    assert [(c.actor, c.kind) for c in claims_of(text, lang="en")] == [
        ("Anthony Borré", "statement")]
