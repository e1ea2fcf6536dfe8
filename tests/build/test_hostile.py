"""Hostile input: bad files among good ones, nasty text, very long text (issue 6)."""

from __future__ import annotations

import csv
import json
import os
import shutil
from concurrent.futures import Future
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from extractor.build import executors, helper
from extractor.build.extract import DocResult
from extractor.build.run import build
from extractor.cli import cli
from extractor.records import Document
from tests.conftest import CORPUS

GOOD = "002_b8a7600eb5a1d69a.txt"


def _pdf(text: str | None, encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / GOOD, src / GOOD)
    (src / "empty.txt").write_bytes(b"")
    (src / "random.txt").write_bytes(bytes((i * 7919) % 256 for i in range(4000)))
    good_pdf = _pdf("Le prefet de police a ouvert 3 centres a Paris le 3 mars 2024.")
    (src / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (src / "encrypted.pdf").write_bytes(_pdf("Texte secret du prefet.", encrypt=True))
    (src / "header-garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (src / "blank.pdf").write_bytes(_pdf(None))
    (src / "scripts.html").write_text(
        "<html lang='fr'><head><style>p{color:red}</style><script>var x = '<p>faux</p>';</script>"
        "<title>Essai</title></head><body><p>La Ville de Paris a ouvert 3 centres le 3 mars 2024."
        "</p></body></html>", encoding="utf-8")
    (src / "latin1.txt").write_bytes(
        "Le préfet de police a financé 2 millions d'euros à Paris en 2024.".encode("latin-1"))
    (src / "utf16.txt").write_bytes(
        "The Police Prefecture opened 40 places in Paris in March 2024.".encode("utf-16"))
    (src / "numbers.txt").write_text("1 2 3 4\n5 6 7 8\n", encoding="utf-8")
    (src / "deutsch.txt").write_text(
        "Die Stadt Berlin hat im Jahr 2024 fünf Millionen Euro für die Drogenhilfe ausgegeben, "
        "und die Polizei war auch dabei.", encoding="utf-8")
    (src / "broken.txt").symlink_to(tmp_path / "nowhere")
    (src / "loop").symlink_to(src)
    return src


def test_bad_files_are_named_and_good_ones_built(hostile: Path, tmp_path: Path):
    report = build([hostile], tmp_path / "out")
    assert sorted(report.documents) == sorted([GOOD, "latin1.txt", "scripts.html", "utf16.txt"])
    failed = {line.split(": ")[0].split("/")[-1]: line for line in report.errors}
    assert set(failed) == {"empty.txt", "random.txt", "truncated.pdf", "encrypted.pdf",
                           "header-garbage.pdf", "blank.pdf", "numbers.txt", "deutsch.txt",
                           "broken.txt"}
    assert all(line.startswith("[E") and "\n" not in line for line in report.errors)
    saved = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert saved["errors"] == report.errors


def test_other_encodings_are_decoded(hostile: Path, tmp_path: Path):
    build([hostile], tmp_path / "out")
    rows = [json.loads(x) for x in (tmp_path / "out" / "mentions.jsonl").open(encoding="utf-8")]
    latin = {m["text"] for m in rows if m["document"] == "latin1.txt"}
    assert "préfet de police" in latin
    assert any(m["document"] == "utf16.txt" and m["type"] == "Quantity" and m["value"] == 40
               for m in rows)
    assert not any("faux" in m["text"] or "color" in m["text"] for m in rows)


def test_exit_status_zero_unless_strict(hostile: Path, tmp_path: Path):
    runner = CliRunner()
    lenient = runner.invoke(cli, ["build", str(hostile), "--out", str(tmp_path / "a"), "--quiet"])
    assert lenient.exit_code == 0
    strict = runner.invoke(cli, ["build", str(hostile), "--out", str(tmp_path / "b"), "--quiet",
                                 "--strict"])
    assert strict.exit_code != 0


NASTY = (
    'Le 3 mars 2024, l\'association « Les <Amis> & "Co" » ]]> a reçu 2 M€ de la Ville de Paris.\x07\n\n'
    "La préfecture de police a ouvert 12 places rue de l'Ourcq \\ n'est-ce pas ? \u202e\u200b 🚀\n\n"
    "Selon l'ARS, 300 usagers <script>alert(1)</script> étaient accueillis.\x0c\n"
)


def test_no_text_makes_an_output_invalid(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "nasty <&> 'name'.txt").write_text(NASTY * 3, encoding="utf-8")
    out = tmp_path / "out"
    report = build([src], out)
    assert report.documents and not report.errors
    ds = rdflib.Dataset()
    ds.parse(out / "plan.trig", format="trig")
    rdflib.Dataset().parse(out / "plan.nq", format="nquads")
    rdflib.Graph().parse(out / "plan.ttl", format="turtle")
    rdflib.Graph().parse(out / "plan.jsonld", format="json-ld")
    nx.read_graphml(out / "plan.graphml")
    nx.read_gexf(out / "plan.gexf")
    list(csv.DictReader((out / "claims.csv").open(encoding="utf-8")))
    for name in ("mentions.jsonl", "entities.jsonl", "claims.jsonl"):
        for line in (out / name).open(encoding="utf-8"):
            json.loads(line)
    mentions = [json.loads(x) for x in (out / "mentions.jsonl").open(encoding="utf-8")]
    assert any(m["type"] == "Money" and m["value"] == 2000000 for m in mentions)


def test_text_longer_than_a_piece_is_processed_whole(tmp_path: Path, monkeypatch):
    from extractor.nlp import models as nlp

    monkeypatch.setitem(nlp.config(), "piece_chars", 2000)
    src = tmp_path / "in"
    src.mkdir()
    paragraph = ("Le parquet de Paris a traité 1000 procédures en 2025. " * 10).strip()
    text = "\n\n".join([paragraph] * 12 + ["Enfin, l'ARS a ouvert 50 lits le 1er juin 2026."])
    (src / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build([src], out)
    rows = [json.loads(x) for x in (out / "mentions.jsonl").open(encoding="utf-8")]
    assert any(m["type"] == "Date" and m["value"] == "2026-06-01" for m in rows)
    assert any(m["type"] == "Quantity" and m["value"] == 50 for m in rows)
    last = max(m["start"] for m in rows)
    assert last > 3 * 2000
    from extractor.read.text import document_text
    from extractor.store import open_store

    stored = document_text(open_store(out / "store"), "long.txt")
    assert all(stored[m["start"]:m["end"]] == m["text"] for m in rows)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    locked = src / "locked.txt"
    locked.write_text("Le préfet de police a ouvert un centre.", encoding="utf-8")
    locked.chmod(0)
    report = build([src], tmp_path / "out")
    assert report.documents == [] and "locked.txt" in report.errors[0]


def _extracted_here(documents: list[Document]) -> Future[list[DocResult]]:
    """What the helper would answer, extracted in this process (with its patched rules)."""
    future: Future[list[DocResult]] = Future()
    future.set_result(executors.extract_documents(documents))
    return future


@pytest.mark.parametrize("overlap", [False, True])
def test_a_rule_that_breaks_costs_only_its_document(tmp_path: Path, monkeypatch, overlap):
    """A bug the rules hit on one text is reported (E016) and the others are built."""
    from extractor.build import extract

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / sorted(p.name for p in CORPUS.glob("*.txt"))[2], src / "good.txt")
    (src / "odd.txt").write_text("Paris, le 3 mars 2024\n\nLe préfet annonce BOOM.\n",
                                 encoding="utf-8")
    real = extract.extract_claims

    def fragile(document, parsed, mentions):
        if "BOOM" in document.text:
            raise ValueError("unexpected token\nat 12")
        return real(document, parsed, mentions)

    monkeypatch.setattr(extract, "extract_claims", fragile)
    if overlap:  # the helper's workers run the rules in another process: run them here
        monkeypatch.setattr(helper, "submit_extract", _extracted_here)
    report = build([src], tmp_path / "out", overlap=overlap)
    assert report.documents == ["good.txt"]
    assert len(report.errors) == 1 and report.errors[0].startswith("[E016]")
    assert "odd.txt" in report.errors[0] and "\n" not in report.errors[0]
    assert not list((tmp_path / "out" / ".cache").glob("*.json"))[1:]  # the good one only
    again = build([src], tmp_path / "out", overlap=overlap)
    assert again.errors == report.errors
