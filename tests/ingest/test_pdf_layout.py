"""PDF layout: two columns read one after the other, running headers and footers dropped,
each file opened and parsed once (PDFs generated here with fpdf2)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from fpdf import FPDF

from extractor.ingest import bounds, pdf_text
from extractor.ingest.documents import read_document
from extractor.ingest.files import read_raw
from extractor.ingest.pdf_layout import Box, Line, drop_running_lines, rejoin_hyphens

TITLE = "La Ville et l'Etat presentent le bilan du plan de lutte contre le crack"
LEFT = ("La Ville de Paris a ouvert trois espaces de repos dans le nord-est de la capitale. "
        "Chaque espace accueille une quarantaine de personnes la nuit et propose des soins. "
        "Les equipes de maraude orientent les usagers vers ces lieux depuis le mois de mars.")
RIGHT = ("La prefecture de police a conduit deux cents operations contre les points de vente. "
         "Les enquetes ont permis de demanteler quatre reseaux de revente dans le quartier. "
         "Le parquet a engage des poursuites contre une soixantaine de personnes en un an.")
HEADER = "Prefecture de police - Communique de presse"


def two_column_pdf(path: Path) -> Path:
    """A full-width title over two columns of two paragraphs each (a 6 mm gutter)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.set_xy(10, 15)
    pdf.multi_cell(190, 6, TITLE)
    top = pdf.get_y() + 8
    pdf.set_xy(10, top)
    pdf.multi_cell(92, 6, f"{LEFT}\n\n{RIGHT}", align="L")
    pdf.set_xy(108, top)
    pdf.multi_cell(92, 6, f"{RIGHT.upper()}\n\n{LEFT.upper()}", align="L")
    pdf.output(str(path))
    return path


def running_header_pdf(path: Path, bodies: list[str]) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(False)  # the footer sits in the bottom margin
    pdf.set_font("helvetica", size=11)
    for number, body in enumerate(bodies, 1):
        pdf.add_page()
        pdf.cell(0, 6, HEADER, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(10)
        pdf.multi_cell(0, 6, body)
        pdf.set_y(-20)
        pdf.cell(0, 6, f"Page {number} / {len(bodies)}")
    pdf.output(str(path))
    return path


def words(text: str) -> str:
    return " ".join(text.split())


def test_two_columns_are_read_one_after_the_other(tmp_path: Path) -> None:
    text = read_raw(two_column_pdf(tmp_path / "cols.pdf"))[0]
    assert text.split("\n\n") == [TITLE, LEFT, RIGHT, RIGHT.upper(), LEFT.upper()]


def test_running_headers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    bodies = [LEFT, RIGHT, TITLE + "."]
    text = read_raw(running_header_pdf(tmp_path / "run.pdf", bodies))[0]
    assert HEADER not in text and "Page" not in text
    assert words(text) == words(" ".join(bodies))


def test_a_single_page_keeps_its_first_and_last_lines(tmp_path: Path) -> None:
    text = read_raw(running_header_pdf(tmp_path / "one.pdf", [LEFT]))[0]
    assert text.startswith(HEADER) and text.endswith("Page 1 / 1")


def test_drop_running_lines_needs_most_pages() -> None:
    def page(*texts: str) -> list[Box]:
        return [Box(tuple(Line(t, 0, 100, 700 - 20 * i, 710 - 20 * i)
                          for i, t in enumerate(texts)))]

    pages = [page("Rapport 2021", "a", "b", "c", "d", "Page 1"),
             page("Rapport 2021", "e", "f", "g", "h", "Page 2"),
             page("Annexe", "i", "j", "k", "l", "m")]
    kept = [[line.text for box in p for line in box.lines] for p in drop_running_lines(pages)]
    assert kept == [["a", "b", "c", "d"], ["e", "f", "g", "h"], ["Annexe", "i", "j", "k", "l", "m"]]


def test_pdf_is_opened_and_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = two_column_pdf(tmp_path / "cols.pdf")
    opened: list[str] = []
    parsed: list[object] = []
    real_os_open, real_io_open, real_document = os.open, io.open, pdf_text.PDFDocument

    def os_open(name: str, *args: object, **kwargs: object) -> int:
        opened.append(os.fspath(name))
        return real_os_open(name, *args, **kwargs)  # type: ignore[arg-type]

    def io_open(name: object, *args: object, **kwargs: object) -> object:
        opened.append(os.fspath(name) if isinstance(name, str | os.PathLike) else "fd")
        return real_io_open(name, *args, **kwargs)  # type: ignore[call-overload]

    def document(*args: object, **kwargs: object) -> object:
        parsed.append(args)
        return real_document(*args, **kwargs)

    monkeypatch.setattr(bounds.os, "open", os_open)
    monkeypatch.setattr(io, "open", io_open)
    monkeypatch.setattr(pdf_text, "PDFDocument", document)
    read_document(path, tmp_path)
    assert opened.count(str(path)) == 1 and len(parsed) == 1


def test_rejoin_hyphens_on_compounds_and_long_words() -> None:
    text = "Saint-Denis et Saint-\nDenis; la sous-\npréfecture, la sous-préfecture; bi-\nlan"
    assert rejoin_hyphens(text) == ("Saint-Denis et Saint-\nDenis; la sous-préfecture, "
                                    "la sous-préfecture; bilan")
    word = "a" * 200_000
    assert rejoin_hyphens(word + "-\nb") == word + "b"
