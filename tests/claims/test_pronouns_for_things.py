"""A pronoun subject right after a sentence about a thing continues that thing, of its gender
and number ("Le nouveau centre ouvrira en mai. Il accueillera 500 personnes": the centre, no
actor); a thing does not speak, so a verb of saying still takes the actor before it, and
English "he"/"she" are always persons."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Le maire de Lyon, Grégory Doucet, a présenté son projet. Le nouveau centre ouvrira en "
     "mai. Il accueillera 500 personnes par jour.", "fr"),
    ("La Ville de Lyon a voté le budget jeudi. La nouvelle piscine ouvrira en mai. Elle "
     "accueillera 500 nageurs par jour.", "fr"),
    ("Paris City Council approved the plan on Monday. The new shelter opened in May. It will "
     "host 50 people every night.", "en"),
])
def test_the_pronoun_after_a_thing_is_the_thing(text: str, lang: str) -> None:
    last = text.rindex(". ") + 2
    assert not [c for c in claims_of(text, lang=lang) if c.start >= last]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    # a verb of saying: the thing cannot be its subject
    ("Le maire de Lyon, Grégory Doucet, a présenté son projet. Le nouveau centre ouvrira en "
     "mai. Il a annoncé l'ouverture de 20 places.", "fr", "Grégory Doucet"),
    # another gender: the pronoun is not the thing's
    ("La ministre de la Culture, Rachida Dati, a présenté le plan lundi. Le texte prévoit "
     "vingt mesures. Elle a annoncé une enveloppe de 10 millions d'euros.", "fr", "Rachida Dati"),
    # "he" is a person
    ("The mayor, John Smith, presented the plan. The budget grew by 5%. He said the city will "
     "hire 20 nurses.", "en", "John Smith"),
])
def test_the_pronoun_still_continues_the_actor(text: str, lang: str, actor: str) -> None:
    last = text.rindex(". ") + 2
    assert actor in [c.actor for c in claims_of(text, lang=lang) if c.start >= last]
