"""Actors listed after the clause that counts them (extractor/claims/listed_after.py), and
the count of the actors that is no figure of their act, on sentences of our own."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actors"), [
    ("Trois associations ont signé la convention : Emmaüs, Aurore et la Croix-Rouge.", "fr",
     {"Emmaüs", "Aurore", "Croix-Rouge"}),
    ("Deux régions ont voté le plan mardi — la Région Bretagne et la Région Normandie.", "fr",
     {"Région Bretagne", "Région Normandie"}),
    ("Three charities signed the agreement on Monday: Emmaus, the Red Cross and Secours "
     "Populaire.", "en", {"Emmaus", "Red Cross", "Secours Populaire"}),
])
def test_each_actor_listed_after_the_count_acts(text: str, lang: str, actors: set[str]) -> None:
    found = claims_of(text, lang)
    assert actors <= {c.actor for c in found if c.action == "sign" or c.action == "vote"}


@pytest.mark.parametrize(("text", "lang"), [
    # the listed are what the subject acts on, not who acts
    ("Le ministre a reçu trois associations : Emmaüs, Aurore et la Croix-Rouge.", "fr"),
    # a passive's subject undergoes
    ("Trois associations ont été retenues : Emmaüs, Aurore et la Croix-Rouge.", "fr"),
    # words after the list: it is no list of the subject
    ("Trois associations ont signé : Emmaüs et Aurore, selon la préfecture du Gard.", "fr"),
])
def test_names_after_a_colon_that_are_no_count_s_list_do_not_act(text: str, lang: str) -> None:
    assert not {"Emmaüs", "Aurore", "Croix-Rouge"} & {c.actor for c in claims_of(text, lang)
                                                      if c.action in ("sign", "receive")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Quatre régions ont signé avec l'État : la Région Bretagne, la Région Normandie, la "
     "Région Grand Est et la Région Occitanie.", "fr"),
    ("The cost of the new masts will be borne by three operators – Bouygues Telecom, Orange "
     "and SFR.", "en"),
])
def test_the_count_of_the_actors_is_no_figure_of_their_act(text: str, lang: str) -> None:
    assert [c.amount for c in claims_of(text, lang)] and not any(
        c.amount for c in claims_of(text, lang))
