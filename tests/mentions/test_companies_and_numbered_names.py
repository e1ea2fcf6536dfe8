"""Companies and platforms French policy news names as actors (the registry's block of
them), with the common words and places they share a name with left alone; a known body's
local branch, named by its place after the body's name; and the names of bodies that open
with a number after their head noun."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _entities, _mentions


@pytest.mark.parametrize(("text", "lang", "name", "key"), [
    ("However Uber contests the rule, saying it is unclear.", "en", "Uber", "reg:uber"),
    ("Deliveroo a annoncé la fin de son activité dans trois villes.", "fr", "Deliveroo",
     "reg:deliveroo"),
    ("La Fnaim estime que les loyers vont encore augmenter.", "fr", "Fnaim", "reg:fnaim"),
    ("Sanofi will build a new plant near Lyon.", "en", "Sanofi", "reg:sanofi"),
])
def test_a_well_known_company_is_the_registry_s(text: str, lang: str, name: str,
                                                key: str) -> None:
    assert [(m.text, m.key) for m in _mentions(text, lang)
            if m.type == "Organization"] == [(name, key)]


@pytest.mark.parametrize(("text", "lang"), [
    ("La préfecture a placé le département en vigilance orange. A Orange, les écoles sont "
     "fermées.", "fr"),
    ("Usain Bolt visited the stadium on Monday.", "en"),
    ("Traffic through the Suez Canal fell by half in March.", "en"),
])
def test_a_company_s_name_that_is_a_common_word_or_a_place_is_not_the_company(
        text: str, lang: str) -> None:
    assert not [m for m in _mentions(text, lang) if m.type == "Organization"]


@pytest.mark.parametrize(("text", "name"), [
    ("La fondation 20 Millions de Sourires a signé une convention avec la ville.",
     "20 Millions de Sourires"),
    ("L'association 100 000 Entrepreneurs intervient dans les collèges.",
     "100 000 Entrepreneurs"),
])
def test_a_body_s_name_may_open_with_a_number_after_its_head(text: str, name: str) -> None:
    assert ("Organization", name) in _entities(text, "fr")


def test_a_sum_after_a_head_noun_is_no_name() -> None:
    text = "L'association a reçu 30 Millions d'euros de l'État."
    assert not [m for m in _mentions(text, "fr")
                if m.type == "Organization" and m.text.startswith("30")]


@pytest.mark.parametrize(("text", "name"), [
    ("La Fnaim Hérault alerte sur la hausse des loyers.", "Fnaim Hérault"),
    ("Le Secours populaire de la Gironde a distribué 300 colis.",
     "Secours populaire de la Gironde"),
    ("L'association SPA Marseille-Provence vient de remporter le marché.",
     "SPA Marseille-Provence"),
])
def test_a_known_body_named_with_a_place_is_its_local_branch(text: str, name: str) -> None:
    assert [(m.text, m.key and m.key.startswith("reg:")) for m in _mentions(text, "fr")
            if m.type == "Organization"] == [(name, False)]


@pytest.mark.parametrize(("text", "name", "key"), [
    ("La CGT a appelé à la grève de Noël.", "CGT", "reg:cgt"),
    ("Le Secours populaire a distribué 300 colis à Bordeaux.", "Secours populaire",
     "reg:secours-populaire"),
])
def test_a_known_body_named_without_a_place_after_it_is_the_body(text: str, name: str,
                                                                 key: str) -> None:
    assert [(m.text, m.key) for m in _mentions(text, "fr")
            if m.type == "Organization"] == [(name, key)]


@pytest.mark.parametrize(("text", "lang", "name"), [
    # the company a concession, an operation or a supply names by its role
    ("« Nous prenons acte », a réagi le concessionnaire Voralia.", "fr", "Voralia"),
    ("L'exploitant Aquaterm a fermé les deux piscines.", "fr", "Aquaterm"),
    ("The contractor Brixland will build the new pool.", "en", "Brixland"),
    # a regional natural park, run by a body of its own
    ("Le Parc naturel régional du Haut-Morvan a aidé la commune.", "fr",
     "Parc naturel régional du Haut-Morvan"),
])
def test_a_body_named_after_a_head_of_its_role(text: str, lang: str, name: str) -> None:
    assert ("Organization", name) in _entities(text, lang)
