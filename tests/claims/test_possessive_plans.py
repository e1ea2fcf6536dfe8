"""A plan named by a possessive determiner ("Son plan prévoit …", "His plan will create …"):
the actor the text continues owns it and promises what it lists; "his"/"her" is a person's,
"its" a body's; what the plan undergoes is no promise."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "amount"), [
    ("Le ministre du Travail, Jean Dupont, a présenté jeudi son plan contre la pauvreté. Son "
     "plan prévoit la création de 30 000 places en crèche.", "fr", "Jean Dupont", 30000),
    ("French President Emmanuel Macron presented a plan to combat poverty on Thursday. His plan "
     "focuses on job training and will create 30,000 places in crèches.", "en",
     "Emmanuel Macron", 30000),
    ("The City of Lyon presented its plan on Monday. Its plan provides for 300 new places.", "en",
     "City of Lyon", 300),
    # the determiner four words before ("His anti-poverty plan")
    ("French President Emmanuel Macron presented a plan to combat poverty on Thursday. His "
     "anti-poverty plan provides for 30,000 places in crèches.", "en", "Emmanuel Macron", 30000),
])
def test_the_owner_promises_what_its_plan_lists(text: str, lang: str, actor: str,
                                                amount: int) -> None:
    second = text.index(". ") + 2
    (claim,) = [c for c in claims_of(text, lang=lang) if c.start >= second]
    assert (claim.actor, claim.kind, claim.amount) == (actor, "commitment", amount)


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Lyon a présenté son plan lundi. Son plan a été critiqué par l'opposition.",
     "fr"),
    # "his" is no body's
    ("The City of Lyon presented a plan on Monday. His plan provides for 300 new places.", "en"),
])
def test_no_promise_for_a_plan_undergone_or_owned_by_no_one_named(text: str, lang: str) -> None:
    second = text.index(". ") + 2
    assert not [c for c in claims_of(text, lang=lang)
                if c.start >= second and c.kind == "commitment"]


@pytest.mark.parametrize(("text", "lang"), [
    ("C'était une promesse de campagne du candidat Emmanuel Macron.", "fr"),
    ("It was a promise from candidate Emmanuel Macron in 2017.", "en"),
])
def test_a_candidate_s_promise_is_the_candidate_s_commitment(text: str, lang: str) -> None:
    # "candidat" is a title before the name, as "président" is
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.kind, c.action) for c in claims] == [
        ("Emmanuel Macron", "commitment", "promise")]
