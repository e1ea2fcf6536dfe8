"""Files to Documents: folder walking, errors in the stream, language, metadata, sources.csv."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.errors import PlangraphError
from extractor.ingest.documents import collect_paths, iter_documents, read_document
from extractor.ingest.language import detect_language
from extractor.ingest.metadata import detect_metadata
from extractor.ingest.offsets import OffsetMap
from extractor.ingest.repair import repair
from extractor.records import Document
from tests.conftest import FIXTURES as ALL_FIXTURES
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
FIXTURES = ALL_FIXTURES / "ingest"
PREFECTURE = "Préfecture de la région d'Île-de-France, préfecture de Paris"
TITLE_000 = (
    "Lutte contre le crack dans le Nord-Est Parisien : "
    "Les partenaires adoptent un plan d'actions 2019-2021"
)
TITLE_003 = (
    "L'État et la Ville de Paris renforcent leur mobilisation dans la lutte contre la "
    "consommation de crack"
)
TITLE_004 = (
    "BALANCE SHEET The Ile-de-France regional chamber of accounts unveils a flash audit of "
    "the “crack plan” implemented between 2019 and 2021"
)

# What the text itself says (detection), then what read_document gives with sources.csv.
DETECTED = {
    "000": ("fr", "2019-05-27", TITLE_000, "Préfecture de Paris et d'Île-de-France"),
    "001": ("fr", "2021-12-09", "LA MISE EN ŒUVRE DU « PLAN CRACK » À PARIS", "Cour des comptes"),
    "002": ("fr", "2023-07", None, None),
    "003": ("fr", "2026-05-13", TITLE_003, PREFECTURE),
    "004": ("en", None, TITLE_004, None),
}
CURATED = {
    "000": ("fr", "2019-05-27", TITLE_000, PREFECTURE, "press release"),
    "001": ("fr", "2021-12-09", DETECTED["001"][2], "Cour des comptes", "audit communiqué"),
    "002": ("fr", "2023-07", None, None, "news article"),
    "003": ("fr", "2026-05-13", TITLE_003, PREFECTURE, "press release"),
    "004": ("en", "2021-12", TITLE_004, None, "news article"),
}


def corpus_file(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("prefix", [pytest.param(p, id=p) for p in DETECTED])
def test_corpus_detection(prefix: str) -> None:
    text = repair(corpus_file(prefix).read_text(encoding="utf-8"))[0]
    lang = detect_language(text)
    meta = detect_metadata(text, lang)
    assert (lang, meta["published"], meta["title"], meta["issuer"]) == DETECTED[prefix]


@pytest.mark.parametrize("prefix", [pytest.param(p, id=p) for p in CURATED])
def test_corpus_documents_with_sources_csv(prefix: str) -> None:
    path = corpus_file(prefix)
    doc = read_document(path, CORPUS)
    lang, published, title, issuer, kind = CURATED[prefix]
    assert (doc.lang, doc.published, doc.title, doc.issuer) == (lang, published, title, issuer)
    assert dict(doc.metadata)["kind"] == kind
    assert doc.id == path.name and doc.path == str(path.resolve())
    assert doc.media_type == "text/plain" and len(doc.sha256) == 64
    raw = path.read_text(encoding="utf-8")
    assert doc.original_length == len(raw)
    offsets = OffsetMap.from_anchors(doc.offset_anchors)
    start = doc.text.index("crack")
    assert raw[offsets.to_original(start) : offsets.to_original(start) + 5] == "crack"


def test_document_round_trips_through_dict() -> None:
    doc = read_document(corpus_file("004"), CORPUS)
    again = Document.from_dict(doc.to_dict())
    assert again == doc


def test_corpus_folder_streams_five_documents() -> None:
    docs = list(iter_documents([CORPUS]))
    assert [d.id for d in docs if isinstance(d, Document)] == sorted(
        p.name for p in CORPUS.glob("*.txt")
    )


def test_collect_paths_walks_sorted_and_skips(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.pdf", ".hidden.txt", ".git/x.txt"):
        write(tmp_path / name, "x")
    for name in ("notes.docx", "sources.csv", "img.png"):
        write(tmp_path / name, "x")
    pairs = collect_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p, _ in pairs] == [
        "a.md",
        "b.txt",
        "sub/c.html",
        "sub/d.pdf",
    ]
    assert {root for _, root in pairs} == {tmp_path}
    assert collect_paths([tmp_path]) == pairs


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "docs/a.txt", "Le préfet a présenté le plan avec les partenaires.")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
    pairs = collect_paths([tmp_path / "docs"])
    assert [p.name for p, _ in pairs] == ["a.txt"]


def test_named_files_keep_their_errors_in_the_stream(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Le préfet a présenté le plan avec les partenaires.")
    other = write(tmp_path / "notes.docx", b"PK\x03\x04")
    results = list(iter_documents([tmp_path / "missing.txt", other, good]))
    assert [r.code for r in results if isinstance(r, PlangraphError)] == ["E001", "E002"]
    assert isinstance(results[-1], Document) and results[-1].id == "good.txt"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        pytest.param("empty.txt", b"", "E003", id="empty"),
        pytest.param("blank.txt", b"  \n\n\t \n", "E003", id="whitespace"),
        pytest.param(
            "markup.md", b"<div></div>\n<br/>\n<sup></sup> &nbsp;", "E003", id="markup-only"
        ),
        pytest.param("numbers.txt", b"12 345 678\n2019 - 2021\n01 82 52 40 25", "E014", id="nums"),
        pytest.param("binary.txt", bytes(range(256)) * 8, "E010", id="binary"),
        pytest.param("empty.pdf", b"", "E003", id="empty-pdf"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = write(tmp_path / name, data)
    with pytest.raises(PlangraphError) as info:
        read_document(path, tmp_path)
    assert info.value.code == code and name in str(info.value)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"\x00\x01\x02binary")
    write(tmp_path / "b.txt", "The prefect presented the plan with all of the partners.")
    results = list(iter_documents([tmp_path]))
    assert isinstance(results[0], PlangraphError) and results[0].code == "E010"
    assert isinstance(results[1], Document) and results[1].lang == "en"


def test_german_text_is_neither_french_nor_english() -> None:
    doc = read_document(FIXTURES / "pressemitteilung_de.txt", FIXTURES)
    assert doc.lang == "de"
    assert doc.title == "Der Senat stellt einen neuen Plan gegen den Drogenkonsum vor"


def test_html_document_uses_page_metadata() -> None:
    doc = read_document(FIXTURES / "page.html", FIXTURES)
    assert doc.media_type == "text/html" and doc.lang == "fr"
    assert doc.title == "Plan crack : un bilan d’étape"
    assert doc.published == "2023-07-06" and doc.issuer == "Ville de Paris"
    assert dict(doc.metadata)["author"] == "Service de presse"


def test_sources_csv_wins_over_detection(tmp_path: Path) -> None:
    write(
        tmp_path / "sub/a.txt",
        "COMMUNIQUÉ DE PRESSE\n\nParis, le 3 mars 2020\n\nUn titre\n\nLe texte.",
    )
    write(
        tmp_path / "sources.csv",
        "file,title,publisher,published,language,kind\n"
        "sub/a.txt,Titre curé,Cour des comptes,2020-03-04,,press release\n",
    )
    doc = read_document(tmp_path / "sub/a.txt", tmp_path)
    assert (doc.id, doc.title, doc.issuer, doc.published) == (
        "sub/a.txt",
        "Titre curé",
        "Cour des comptes",
        "2020-03-04",
    )
    assert doc.lang == "fr"  # empty language column: detection stands
    assert dict(doc.metadata) == {"kind": "press release", "publisher": "Cour des comptes"}


def test_large_text_is_not_truncated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Within a raised limit a long text is read whole, never cut (over it: E041)."""
    monkeypatch.setenv("PLANGRAPH_MAX_TEXT_CHARS", "2000000")
    paragraph = "Le plan de lutte contre le crack est suivi par les partenaires. " * 20
    text = "\n\n".join([paragraph.strip()] * 900)
    assert len(text) > 1_100_000
    doc = read_document(write(tmp_path / "big.txt", text), tmp_path)
    assert doc.text == text and doc.original_length == len(text)


def test_english_header_date() -> None:
    meta = detect_metadata("PRESS RELEASE\n\nDecember 9, 2021\n\nThe Court reports\n\nBody.", "en")
    assert (meta["published"], meta["title"]) == ("2021-12-09", "The Court reports")


def test_detect_metadata_never_raises() -> None:
    for text in ("", "\n\n", "x" * 5000, "Contact presse", "@", "2019\n" * 50):
        meta = detect_metadata(text, "fr")
        assert set(meta) == {"published", "title", "issuer"}
