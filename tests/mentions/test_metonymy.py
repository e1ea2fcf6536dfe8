"""A place named for its government: the subject of a government's act is its council."""

from __future__ import annotations

import hashlib

import pytest

from extractor.build.extract import extract_batch
from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from extractor.records import Document, Mention


def _mentions(text: str, lang: str) -> list[Mention]:
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   published="2024-12-12")
    (result,) = extract_batch([doc])
    return list(result.mentions)


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("La Corrèze veut salarier 10 généralistes dans un centre de santé.", "fr",
     "org:conseil departemental de la correze"),
    ("Lyon lance son plan vélo de 100 millions d'euros.", "fr", "org:ville de lyon"),
    ("Marseille plans to install 300 more cameras in 2025.", "en", "org:ville de marseille"),
    ("La Bretagne veut créer 20 lignes de car.", "fr", "reg:region-bretagne"),
])
def test_a_place_doing_a_governments_act_is_its_council(text: str, lang: str,
                                                        key: str) -> None:
    found = _mentions(text, lang)
    (body,) = [m for m in found if m.type == "Organization"]
    assert (body.key, body.source) == (key, "metonymy")
    assert [m.text for m in found if m.type == "Place"] == [body.text]


@pytest.mark.parametrize(("text", "lang"), [
    ("Paris compte deux millions d'habitants.", "fr"),
    ("Lyon accueille le sommet des maires en juin.", "fr"),
    ("Marseille is a beautiful city.", "en"),
    ("Orange a signé un contrat avec la mairie.", "fr"),
])
def test_a_place_that_only_is_or_has_stays_a_place(text: str, lang: str) -> None:
    assert not [m for m in _mentions(text, lang) if m.type == "Organization"]


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("Le maire de Dijon a visité les écoles. La ville va recruter 20 animateurs.", "fr",
     "org:ville de dijon"),
    ("In Nice, 4,000 cameras are installed. The city plans to recruit 50 police officers.",
     "en", "org:ville de nice"),
])
def test_the_city_acting_is_its_council(text: str, lang: str, key: str) -> None:
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="x",
                   media_type="text/plain", published="2024-09-02")
    found = extract_mentions(doc, parse_batch([doc])[0])
    assert [m.key for m in found if m.source == "metonymy"] == [key]
    plural = "Les grandes villes veulent recruter des animateurs à Dijon."
    doc = Document(id="t.txt", path="t.txt", text=plural, lang="fr", sha256="x",
                   media_type="text/plain", published="2024-09-02")
    assert not [m for m in extract_mentions(doc, parse_batch([doc])[0])
                if m.source == "metonymy"]
