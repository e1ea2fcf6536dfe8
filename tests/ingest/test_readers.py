"""Readers: encodings, HTML, PDF text layer and every kind of bad file."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import matplotlib
import pytest
from fpdf import FPDF

from extractor.errors import PlangraphError
from extractor.ingest.decoding import decode_bytes
from extractor.ingest.files import read_raw
from extractor.ingest.pdf_layout import rejoin_hyphens
from extractor.ingest.repair import repair
from tests.conftest import FIXTURES as ALL_FIXTURES
from tests.conftest import ROOT

FIXTURES = ALL_FIXTURES / "ingest"
CORPUS_000 = next((ROOT / "corpus").glob("000_*.txt"))
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"  # ships with matplotlib
TEXT = "La région Île-de-France finance 3 M€ « d'hébergement » – en œuvre dès 2019.\n"

needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu TTF font not installed")


def make_pdf(lines: list[str] | None = None, text: str | None = None, **meta: str) -> FPDF:
    """A PDF with a Unicode font: ``text`` as flowing paragraphs or ``lines`` one per line."""
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_font("dejavu", size=11)
    if text is not None:
        pdf.multi_cell(0, 6, text)
    for line in lines or []:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if "title" in meta:
        pdf.set_title(meta["title"])
    if "author" in meta:
        pdf.set_author(meta["author"])
    return pdf


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def code_of(path: Path) -> str:
    with pytest.raises(PlangraphError) as info:
        read_raw(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    return info.value.code


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-no-bom"),
        pytest.param(TEXT.encode("cp1252"), id="cp1252"),
    ],
)
def test_text_encodings(tmp_path: Path, data: bytes) -> None:
    text, meta, media_type = read_raw(write(tmp_path, "a.txt", data))
    assert text == TEXT and meta == {} and media_type == "text/plain"


def test_latin1_text() -> None:
    assert (
        decode_bytes("Préfecture, Île-de-France".encode("latin-1")) == "Préfecture, Île-de-France"
    )


def test_markdown_media_type(tmp_path: Path) -> None:
    text, _, media_type = read_raw(write(tmp_path, "a.md", b"# Titre\n\nTexte **gras**."))
    assert media_type == "text/markdown" and text == "# Titre\n\nTexte **gras**."


def test_html_strips_script_style_nav_and_keeps_paragraphs() -> None:
    text, meta, media_type = read_raw(FIXTURES / "page.html")
    assert media_type == "text/html"
    for hidden in ("tracking", "jamais", "color", "Accueil"):
        assert hidden not in text
    assert text.startswith("Plan crack\u00a0: un bilan d’étape\n\nLa Ville de Paris")
    assert "renforcées dans le 18e arrondissement.\n\n- 10 équipes" in text
    assert "boulevard Ney.\nIl reçoit" in text
    assert meta == {
        "title": "Plan crack : un bilan d'étape | Ville de Paris",
        "published": "2023-07-06",
        "author": "Service de presse",
        "publisher": "Ville de Paris",
        "lang": "fr",
    }


@needs_font
def test_pdf_of_corpus_000_matches_text_version(tmp_path: Path) -> None:
    source = CORPUS_000.read_text(encoding="utf-8")
    pdf = make_pdf(text=source, title="Plan crack", author="Préfecture")
    path = tmp_path / "000.pdf"
    pdf.output(str(path))
    text, meta, media_type = read_raw(path)
    assert media_type == "application/pdf"
    assert "\f" not in text
    assert repair(text)[0].split() == repair(source)[0].split()
    assert meta["title"] == "Plan crack" and meta["author"] == "Préfecture"
    assert len(meta["created"]) == 10 and meta["created"][4] == "-"


@needs_font
def test_pdf_hyphenated_words_are_rejoined(tmp_path: Path) -> None:
    lines = [
        "La politique régio-",
        "nale du Nord-",
        "Est est médico-",
        "sociale et médico-sociale.",
    ]
    path = tmp_path / "h.pdf"
    make_pdf(lines=lines).output(str(path))
    text = read_raw(path)[0]
    assert text == "La politique régionale du Nord-Est est médico-sociale et médico-sociale."


def test_rejoin_hyphens_keeps_compounds_of_the_text() -> None:
    assert rejoin_hyphens("une régio-\nnale") == "une régionale"
    assert rejoin_hyphens("Nord-\nEst") == "Nord-\nEst"


def test_empty_pdf_file_is_unreadable(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "e.pdf", b"")) == "E005"


def test_random_bytes_named_txt(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(4000)
    assert code_of(write(tmp_path, "r.txt", data)) == "E010"


def test_control_heavy_bytes_without_nul(tmp_path: Path) -> None:
    data = bytes(random.Random(3).choice(range(1, 32)) for _ in range(500))
    assert code_of(write(tmp_path, "c.txt", data)) == "E010"


@needs_font
def test_truncated_pdf(tmp_path: Path) -> None:
    data = bytes(make_pdf(text=TEXT).output())
    assert code_of(write(tmp_path, "t.pdf", data[: len(data) // 2])) == "E005"


@needs_font
def test_encrypted_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(text=TEXT)
    pdf.set_encryption(owner_password="owner", user_password="secret")
    assert code_of(write(tmp_path, "x.pdf", bytes(pdf.output()))) == "E013"


def test_pdf_with_only_owner_password_is_read(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 6, "Permissions only, the text stays readable.")
    pdf.set_encryption(owner_password="owner")
    text = read_raw(write(tmp_path, "o.pdf", bytes(pdf.output())))[0]
    assert text == "Permissions only, the text stays readable."


def test_garbage_after_pdf_header(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + random.Random(1).randbytes(3000) + b"\n%%EOF\n"
    assert code_of(write(tmp_path, "g.pdf", data)) == "E005"


def test_text_file_named_pdf(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "n.pdf", b"just text\n%%EOF")) == "E005"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 80, 60, style="F")
    assert code_of(write(tmp_path, "img.pdf", bytes(pdf.output()))) == "E006"


def test_unsupported_and_missing(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "a.docx", b"PK\x03\x04")) == "E002"
    assert code_of(tmp_path / "missing.txt") == "E001"


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert code_of(tmp_path / "folder.txt") == "E009"
