"""HTML read by an HTML5 parser: pages without ``</head>``, page chrome left out, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.ingest.documents import read_document
from extractor.ingest.files import read_raw
from extractor.ingest.html_text import html_to_text
from tests.conftest import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "ingest"


def test_page_without_head_end_reads_its_body() -> None:
    text, meta, _ = read_raw(FIXTURES / "no_head_end.html")
    assert text == (
        "Paris, le 14 février 2024\n\n"
        "Un espace de repos ouvre porte de la Chapelle\n\n"
        "La Ville de Paris ouvre un espace de repos de 40 places porte de la Chapelle.\n\n"
        "Le lieu accueille les usagers chaque nuit."
    )
    assert meta == {"lang": "fr", "published": "2024-02-14",
                    "author": "Direction de la communication",
                    "title": "La Ville ouvre un espace de repos"}


def test_page_without_head_end_is_a_document() -> None:
    doc = read_document(FIXTURES / "no_head_end.html", FIXTURES)
    assert doc.lang == "fr" and doc.published == "2024-02-14"
    assert "40 places porte de la Chapelle" in doc.text


def test_navigation_header_footer_aside_and_forms_are_left_out() -> None:
    text, meta, _ = read_raw(FIXTURES / "chrome.html")
    for chrome in ("Menu Rechercher", "Accueil", "Lyon", "Bretagne", "Marseille", "courriel",
                   "Mentions légales", "Mots-clés"):
        assert chrome not in text, chrome
    assert text == (
        "Bilan du plan crack\n\nPublié le 30 septembre 2022\n\n"
        "La préfecture de police a démantelé le campement de la place Stalingrad.\n\n"
        "Les maraudes de la Croix-Rouge française accompagnent 120 personnes."
    )
    assert meta["published"] == "2022-09-30"
    assert meta["title"] == "Bilan du plan crack | Préfecture de police"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param("<p>Un<p>Deux", "Un\n\nDeux", id="unclosed-p"),
        pytest.param("<h2>Titre</h2>Texte<br>suite", "Titre\n\nTexte\nsuite", id="heading-br"),
        pytest.param("<table><tr><td>a</td><td>b</td></tr></table>", "a b", id="cells"),
        pytest.param("<p hidden>caché</p><p aria-hidden=true>non</p><p>vu</p>", "vu",
                     id="hidden"),
        pytest.param("<p>x &lt; y &amp;&nbsp;z</p>", "x < y &\u00a0z", id="entities"),
        pytest.param("<div>" * 5000 + "profond" + "</div>" * 5000, "profond", id="deep"),
    ],
)
def test_html_structures(markup: str, expected: str) -> None:
    assert html_to_text(markup)[0] == expected


def test_og_title_when_no_title(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<meta property="og:title" content="Titre OG"><p>Le texte du plan.</p>',
                    encoding="utf-8")
    assert read_raw(page)[1] == {"title": "Titre OG"}
