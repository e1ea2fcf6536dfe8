"""Units of claims: a web page's lines are paragraphs, a PDF's lines are wrapped text."""

from __future__ import annotations

from extractor.claims.sentences import paragraph_lines
from tests.claims.test_named_errors import claims_of

_LONG = ("Valérie Pécresse monte au créneau dans un communiqué de presse transmis ce mardi, "
         "où la présidente de région se dit choquée de l'ampleur des nouveaux retards annoncés "
         "pour les travaux des lignes 15 sud, 16 et 17 du métro.")


def test_lines_of_a_web_page_are_paragraphs_and_lines_of_a_pdf_are_not() -> None:
    assert paragraph_lines(f"{_LONG}\n{_LONG}\nUne ligne courte\n{_LONG}")
    wrapped = "\n".join(_LONG[i:i + 70] for i in range(0, len(_LONG), 70))
    assert not paragraph_lines(wrapped)


def test_a_credit_line_without_a_full_stop_is_not_the_next_paragraphs_actor() -> None:
    text = (f"Un employé devant une carte du métro, près de Paris. - Ludovic MARIN © 2019 AFP\n"
            f"La Région Île-de-France a voté mardi une enveloppe de 20 millions d'euros pour les "
            f"travaux des lignes de métro 15 sud, 16 et 17, qui accusent de nouveaux retards.\n"
            f"{_LONG}")
    assert "AFP" not in [c.actor for c in claims_of(text)]


def test_an_amount_before_a_sentence_stop_stays_in_its_sentence() -> None:
    claims = claims_of("La Métropole a voté 3 M€. La Région a signé la convention.")
    assert {(c.actor, c.amount) for c in claims if c.action == "sign"} == {("Région", None)}


def test_a_wrapped_line_that_ends_on_a_comma_goes_on() -> None:
    # a list of names and titles a PDF wrapped: every one inaugurates, one sentence
    text = ("Ce samedi, Jean Moreau, Président de la Région Bretagne,\nPaul Garnier, Président "
            "du Conseil départemental du Morbihan, Louis Perrin,\nPrésident de Lorient "
            "Agglomération, et Marc Lebon, Préfet du Morbihan,\nont inauguré le nouveau quai "
            "du port de pêche.")
    claims = claims_of(text)
    assert {c.actor for c in claims if c.action == "inaugurate"} == {
        "Jean Moreau", "Paul Garnier", "Louis Perrin", "Marc Lebon"}
    assert {c.quote for c in claims} == {text}


def test_a_list_item_after_a_line_that_ends_on_a_comma_is_a_unit_of_its_own() -> None:
    # a guard: the wrapped line goes on, a list's next item does not
    text = ("Les partenaires du plan :\n- la Ville de Lyon,\n- la Région Bretagne,\n- la "
            "Métropole de Lyon ont signé la convention.")
    quotes = {c.quote for c in claims_of(text)}
    assert quotes == {"- la Métropole de Lyon ont signé la convention."}
