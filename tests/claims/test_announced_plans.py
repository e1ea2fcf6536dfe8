"""A plan made public is announced and not yet done: a commitment (shared/ANNOTATION.md:
"what is promised, planned, announced … and not yet done"), as "a annoncé un plan" already
was. Verbs that make a plan public (``announcing_verbs``) with a plan noun as object ("a
dévoilé les grandes lignes du plan", "a dévoilé une feuille de route", "unveiled 14
measures"); making public anything else ("le bilan de l'opération") stays what it was, and
so does presenting a plan, told as often as an event done ("présentait le plan")."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Le premier ministre Jean Castex a dévoilé les grandes lignes du plan Avenir Montagnes.",
     "fr", "Jean Castex", "unveil"),
    ("Le gouvernement a dévoilé mercredi une nouvelle feuille de route pour 2024 à 2027.", "fr",
     "gouvernement", "unveil"),
    ("La ministre de la Santé Stéphanie Rist détaille plusieurs mesures destinées aux élus.",
     "fr", "Stéphanie Rist", "detail"),
    ("Junior minister Bérangère Couillard on Monday unveiled the 14 measures the country "
     "plans to take.", "en", "Bérangère Couillard", "unveil"),
])
def test_a_plan_made_public_is_a_commitment(text: str, lang: str, actor: str,
                                            action: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-05-02")
    assert [(c.actor, c.kind, c.action) for c in claims] == [(actor, "commitment", action)]


# a guard: what is made public is no plan, the act is done
def test_unveiling_anything_else_is_done() -> None:
    (claim,) = claims_of("La Ville de Lyon a dévoilé le bilan de l'opération.")
    assert (claim.kind, claim.action) == ("achievement", "unveil")
