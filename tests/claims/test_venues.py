"""Where a deliberative body votes is who votes; a place where someone else acts is not. Two
bodies taken up as a pair ("les deux organisations") each act."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actors"), [
    ("Au grand dam des hôteliers, un amendement voté mercredi soir à l'Assemblée nationale a "
     "quintuplé la taxe de séjour.", "fr", {"Assemblée nationale"}),
    ("Le projet de loi, largement adopté au Sénat en juin puis à l'Assemblée nationale en "
     "juillet, entrera en vigueur en 2027.", "fr", {"Sénat", "Assemblée nationale"}),
    ("The bill was adopted in the Senate on Tuesday.", "en", {"Senate"}),
])
def test_the_body_a_vote_is_held_in_votes(text: str, lang: str, actors: set[str]) -> None:
    claims = claims_of(text, lang=lang, published="2023-01-02")
    assert {c.actor for c in claims if c.action in ("vote", "adopt", "pass")} == actors


def test_a_body_where_someone_else_acts_does_not_act() -> None:
    text = "La ministre a présenté le plan à l'Assemblée nationale mardi."
    assert not [c for c in claims_of(text) if c.actor == "Assemblée nationale"]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Fédération des acteurs de la solidarité et l'Unicef publient un baromètre. Les deux "
     "organisations dénoncent la fermeture de places d'hébergement.", "fr"),
    ("The CGT and the CFDT met the minister on Monday. The two unions condemned the reform.",
     "en"),
])
def test_two_bodies_taken_up_as_a_pair_each_act(text: str, lang: str) -> None:
    second = text.split(". ")[1]
    actors = {c.actor for c in claims_of(text, lang=lang) if c.quote.startswith(second[:10])}
    assert len(actors) == 2


def test_two_things_counted_are_no_pair_of_bodies() -> None:
    text = ("La Ville de Paris et l'ARS ont signé une convention. Les deux structures ont été "
            "ouvertes en juin.")
    assert not [c for c in claims_of(text) if c.quote.startswith("Les deux")]
