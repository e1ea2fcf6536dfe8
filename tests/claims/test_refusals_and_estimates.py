"""A negated promise is a refusal, a statement ("ne signeraient pas"), unless it only says
when ("n'ouvrira pas le centre avant juin", "will not be provided before 2024"); a figure
put forward is an estimate ("avançaient le chiffre de 130"); a union's branch joined to its
confederation by a hyphen is one body ("le SNP-FO", "l'UFAP-UNSA")."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize(("text", "lang"), [
    ("La CFDT a annoncé qu'elle ne signerait pas le nouvel accord salarial.", "fr"),
    ("The CFDT announced that it would not sign the new pay agreement.", "en"),
])
def test_a_negated_promise_is_a_refusal(text: str, lang: str) -> None:
    assert [(c.actor, c.kind, c.negated) for c in claims_of(text, lang=lang)] == [
        ("CFDT", "statement", True)]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Lyon n'ouvrira pas le centre d'accueil avant juin.", "fr"),
    ("The City of Lyon will not open the shelter before June.", "en"),
])
def test_a_negated_date_is_still_a_promise(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["commitment"]


def test_a_figure_put_forward_is_an_estimate() -> None:
    claims = claims_of("Lundi, la CGT avançait le chiffre de 130 établissements touchés.")
    assert [(c.actor, c.kind, c.action) for c in claims] == [("CGT", "assessment", "estimate")]


@pytest.mark.parametrize("name", ["SNP-FO", "UFAP-UNSA", "SNP-Force Ouvrière"])
def test_a_branch_joined_to_its_union_is_one_body(name: str) -> None:
    text = f"Lundi, le {name} a appelé les surveillants à bloquer les prisons."
    assert ("Organization", name) in _entities(text, "fr")


def test_two_known_bodies_joined_are_not_one() -> None:
    assert ("Organization", "SNCF-RATP") not in _entities(
        "La liaison SNCF-RATP sera renforcée en 2025.", "fr")


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le secrétaire national du Secours populaire estimait les besoins à 200 millions "
     "d'euros.", "fr", "Secours populaire"),
    ("Oxfam estimated the needs of food banks at 200 million euros.", "en", "Oxfam"),
])
def test_an_estimate_is_an_assessment(text: str, lang: str, actor: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [(actor, "assessment")]


def test_a_title_recalls_no_person_named_paragraphs_before() -> None:
    text = ("Élisabeth Borne a annoncé jeudi un fonds pour une aide alimentaire durable.\n\n"
            "Les associations attendaient ce geste depuis des mois, alors que les files "
            "s'allongent devant les centres de distribution de toute la France. Les prix de "
            "l'alimentation ont augmenté de 12 % en un an, et les dons des particuliers "
            "comme ceux des entreprises ne suffisent plus à remplir les entrepôts, "
            "selon les responsables des banques alimentaires de plusieurs régions.\n\n"
            "Sur France Info, jeudi matin, le secrétaire national du Secours populaire "
            "estimait les besoins des associations à 200 millions d'euros.")
    claims = [c for c in claims_of(text, published="2022-11-03") if "estimait" in c.quote]
    assert [c.actor for c in claims] == ["Secours populaire"]


def test_a_near_future_s_pronoun_is_no_impersonal_subject() -> None:
    text = ("Le gouvernement a présenté son plan pour l'hôpital. Il va débloquer 900 millions "
            "d'euros. Il va falloir attendre. Il va y avoir 200 places.")
    claims = [c for c in claims_of(text) if c.quote.startswith("Il")]
    assert [(c.actor, c.kind, c.amount) for c in claims] == [
        ("gouvernement", "commitment", 900_000_000.0)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Les pêcheurs devront faire sans l'aide de la Région Bretagne.", "fr"),
    ("Fishermen will have to do without the help of Cornwall Council.", "en"),
])
def test_an_act_noun_after_a_preposition_of_absence_is_no_one_s_act(text: str,
                                                                      lang: str) -> None:
    assert claims_of(text, lang=lang) == []
