"""Repairs of damaged text, and the offset map that leads back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.ingest.offsets import OffsetMap
from extractor.ingest.repair import repair
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"


def fixed(raw: str) -> str:
    return repair(raw)[0]


def corpus_text(prefix: str) -> str:
    return next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Paris & nbsp ;: Why", "Paris : Why", id="nbsp-broken"),
        pytest.param("it & rsquo; is", "it ’ is", id="rsquo-broken"),
        pytest.param("l & rsquo; État", "l’État", id="rsquo-elision"),
        pytest.param("Voil & agrave ;, fini", "Voilà, fini", id="agrave-word-final"),
        pytest.param("reduce & agrave; public", "reduce à public", id="agrave-alone"),
        pytest.param("the & ldquo; crack plan & rdquo;", "the “ crack plan ”", id="quotes"),
        pytest.param("registered, & ld; the plan", "registered, “ the plan", id="truncated-ld"),
        pytest.param("undersized & eacute; now", "undersized é now", id="eacute-broken"),
        pytest.param("&eacute;t&eacute; &amp; &#233;&#xE9;", "été & éé", id="plain-entities"),
        pytest.param("&amp;nbsp;x", "x", id="double-encoded"),
        pytest.param("& unknownname; stays", "& unknownname; stays", id="unknown-entity"),
        pytest.param("les 18<sup>ème</sup> et 19<sup>e</sup>", "les 18ème et 19e", id="sup"),
        pytest.param(
            'A\n\n< img class = "x" src = "/a. jpg "alt =" Paris " />\n\nB', "A\n\nB", id="img-tag"
        ),
        pytest.param("le 1^{er} juin", "le 1er juin", id="caret-sup"),
        pytest.param("portant à **152** le nombre", "portant à 152 le nombre", id="bold"),
        pytest.param("« *L'ambition du plan* »", "« L'ambition du plan »", id="emphasis"),
        pytest.param("## LA MISE EN ŒUVRE\n\nTexte", "LA MISE EN ŒUVRE\n\nTexte", id="heading"),
        pytest.param("#### **CONTACTS PRESSE :**", "CONTACTS PRESSE :", id="heading-bold"),
        pytest.param("**[Lire le rapport](#)**", "Lire le rapport", id="link"),
        pytest.param(
            "[@Prefet75_IDF](https://twitter.com/Prefet75_IDF)", "@Prefet75_IDF", id="handle-link"
        ),
        pytest.param(
            "voir <http://www.prefectures-regions.gouv.fr/ile-de-france>",
            "voir http://www.prefectures-regions.gouv.fr/ile-de-france",
            id="autolink",
        ),
        pytest.param(
            "1\u00a0000\u202f€ et Île\u200b-de\u2060-France",
            "1 000 € et Île-de-France",
            id="spaces",
        ),
        pytest.param("  • point un\n  • point deux", "- point un\n- point deux", id="bullets"),
        pytest.param(
            "Kessler ■ Directeur ■ T 01", "Kessler ; Directeur ; T 01", id="inline-bullet"
        ),
        pytest.param("la rÃ©gion Ã\u00a0 Paris", "la région à Paris", id="mojibake"),
        pytest.param("a\x00b\x07c\r\nd\x0ce", "abc\nd\ne", id="controls"),
        pytest.param("Un.\n\n\n\n\nDeux.", "Un.\n\nDeux.", id="blank-lines"),
        pytest.param(
            "Il a été traité par le\n\nparquet de Paris hier.",
            "Il a été traité par le parquet de Paris hier.",
            id="broken-paragraph",
        ),
        pytest.param(
            "@Courdescomptes\n\nccomptes", "@Courdescomptes\n\nccomptes", id="footer-kept"
        ),
        pytest.param("si a < b et c > d", "si a < b et c > d", id="not-a-tag"),
        pytest.param("les usager·es", "les usager·es", id="inclusive-dot"),
        pytest.param("mon_fichier_v2 et 2*3*4", "mon_fichier_v2 et 2*3*4", id="not-markdown"),
    ],
)
def test_repairs(raw: str, expected: str) -> None:
    assert fixed(raw) == expected


def test_paragraph_breaks_are_kept() -> None:
    assert fixed("Premier paragraphe.\n\nSecond paragraphe.") == (
        "Premier paragraphe.\n\nSecond paragraphe."
    )


def test_offsets_of_untouched_stretches() -> None:
    raw = "**Le 1^{er} juin**, la & nbsp; préfecture <sup>a</sup> publié [le rapport](#)."
    text, offsets = repair(raw)
    assert text == "Le 1er juin, la préfecture a publié le rapport."
    for word in ("Le 1", "er", "juin", "préfecture", "publié", "le rapport"):
        start = text.index(word)
        orig = offsets.to_original(start)
        assert raw[orig : orig + len(word)] == word
    assert offsets.span_to_original(text.index("rapport"), len(text) - 1) == (
        raw.index("rapport"),
        raw.index("rapport") + len("rapport"),
    )


def test_offset_map_round_trip_through_json_lists() -> None:
    text, offsets = repair(corpus_text("004"))
    rebuilt = OffsetMap.from_anchors([list(pair) for pair in offsets.anchors])
    assert rebuilt == offsets
    assert all(rebuilt.to_original(i) == offsets.to_original(i) for i in range(0, len(text), 97))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_corpus_letters_map_to_themselves(prefix: str) -> None:
    raw = corpus_text(prefix)
    text, offsets = repair(raw)
    for i, char in enumerate(text):
        if char.isascii() and char.isalnum():
            assert raw[offsets.to_original(i)] == char, (i, text[i - 10 : i + 10])


def test_corpus_004_has_no_broken_entities_or_tags() -> None:
    text = fixed(corpus_text("004"))
    for damage in ("& nbsp", "& rsquo", "& ldquo", "& agrave", "<img", "< img", "&", "/>"):
        assert damage not in text
    assert text.startswith("BALANCE SHEET The Ile-de-France")
    assert "Voilà, it" in text
    assert "- The “crack plan” launched in May 2019" in text


def test_corpus_001_has_no_markup() -> None:
    text = fixed(corpus_text("001"))
    for damage in ("<sup>", "**", "#", "](", "■"):
        assert damage not in text
    assert "les 18ème, 19ème et 20ème arrondissements" in text
    assert "outre le développement des dispositifs" in text


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_never_raises_and_maps_monotonically(raw: str) -> None:
    text, offsets = repair(raw)
    mapped = [offsets.to_original(i) for i in range(len(text) + 1)]
    assert all(0 <= m <= max(len(raw), 0) + 1 for m in mapped[:-1])
    assert mapped == sorted(mapped)


@given(st.text(alphabet="ab &;<>*#[]()^{}\n\u00a0", max_size=120))
def test_markup_soup_never_raises(raw: str) -> None:
    text, offsets = repair(raw)
    assert "\n\n\n" not in text
    assert offsets.to_original(len(text)) <= len(raw) + 1
