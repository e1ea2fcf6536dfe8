"""A title written before a name keeps the capitalised words its head follows ("Justice
Minister X", "Prime Minister X", "le Premier ministre X"), so that the office it names is
read from it: a later bare "the Prime Minister" is that person, and "the ministry" is the
one whose minister was named before it, not after (issue 16 / issue 15)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_generalising_entities import _mentions


def _roles(text: str, lang: str) -> dict[str, str | None]:
    return {m.text: m.role for m in _mentions(text, lang) if m.type == "Person"}


@pytest.mark.parametrize("text,lang,name,role", [
    ("Justice Minister Paul Verrier visited the prison on Friday.", "en", "Paul Verrier",
     "Justice Minister"),
    ("On Monday, Prime Minister Jean Dufresne met the unions.", "en", "Jean Dufresne",
     "Prime Minister"),
    ("Lille Mayor Claire Masson opened the shelter.", "en", "Claire Masson", "Lille Mayor"),
    ("Le Premier ministre Jean Dufresne a reçu les syndicats.", "fr", "Jean Dufresne",
     "Premier ministre"),
    ("Lundi, la Première ministre Claire Masson a reçu les syndicats.", "fr", "Claire Masson",
     "Première ministre"),
])
def test_a_preposed_title_keeps_its_capitalised_words(text: str, lang: str, name: str,
                                                      role: str) -> None:
    assert _roles(text, lang)[name] == role


def test_a_closed_word_before_a_title_is_no_part_of_it() -> None:
    roles = _roles("The unions and Labour Minister Claire Masson signed the deal.", "en")
    assert roles["Claire Masson"] == "Labour Minister"


@pytest.mark.parametrize("text,lang", [
    ("On Monday, Prime Minister Jean Dufresne visited Aurillac. \"We will open 20 beds,\" "
     "announced the Prime Minister.", "en"),
    ("Lundi, le Premier ministre Jean Dufresne était à Aurillac. « Nous ouvrirons 20 lits », "
     "a annoncé le Premier ministre.", "fr"),
])
def test_the_bare_title_of_a_named_prime_minister_is_that_person(text: str,
                                                                 lang: str) -> None:
    claims = claims_of(text, lang, published="2031-05-02")  # no holder on that date
    assert {c.actor for c in claims if c.amount == 20} == {"Jean Dufresne"}


def test_the_ministry_is_one_named_before_it_not_after() -> None:
    text = ("The ministry did not say whether funds would be released. The plan includes "
            "measures announced in May by Education Minister Claire Masson.")
    keys = {m.key for m in _mentions(text, "en") if m.text == "ministry"}
    assert keys == set()
    text = ("Education Minister Claire Masson announced the measures in May. The ministry did "
            "not say whether funds would be released.")
    keys = {m.key for m in _mentions(text, "en") if m.text.lower() == "ministry"}
    assert keys == {"reg:ministere-de-l-education-nationale"}


@pytest.mark.parametrize("text,name", [
    ("Last month he met the National Anti-Mafia and Anti-Terrorism Prosecutor Marco Bellini.",
     "Marco Bellini"),
    ("Presented by the Minister for Housing and Urban Renewal, Claire Masson, after a "
     "meeting, these thirty measures were announced on Friday.", "Claire Masson"),
])
def test_a_title_the_model_typed_a_body_is_the_persons(text: str, name: str) -> None:
    found = _mentions(text, "en")
    assert name in {m.text for m in found if m.type == "Person"}
    orgs = {m.text for m in found if m.type == "Organization"}
    assert not [o for o in orgs if "Prosecutor" in o or "Housing" in o or name in o]
