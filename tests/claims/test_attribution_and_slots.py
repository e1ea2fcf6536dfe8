"""An estimate attributed is an assessment; "it" in an adjunct clause is no body acting; a
figure of a clause set before the action is not the action's; a name the model typed a
place that a role follows is a person."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of
from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon le ministère de l'Agriculture, les rendements des cultures d'hiver pourraient "
     "être diminués.", "fr"),
    ("There are likely to be more such cases in France as sea levels rise, according to "
     "Robert Crauste, mayor of Le Grau-du-Roi.", "en"),
])
def test_an_estimate_attributed_is_an_assessment(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["assessment"]


def test_it_in_an_adjunct_clause_is_no_body_acting() -> None:
    text = ("The National Assembly rejected the reform on Thursday. It rejected the measure, "
            "which it considers unfair because it benefits the wealthy.")
    claims = [c for c in claims_of(text, lang="en") if c.quote.startswith("It rejected")]
    assert [c.action for c in claims] == ["reject"]


def test_a_figure_of_a_clause_before_the_action_is_not_its_own() -> None:
    text = ("Faced with the arrival of 750,000 young people on a degraded labor market, the "
            "government presented Thursday a plan to 6.5 billion euros over two years.")
    assert 750_000 not in {c.amount for c in claims_of(text, lang="en")}


def test_a_name_typed_a_place_with_a_role_after_it_is_a_person() -> None:
    text = ("\"Il est inacceptable que l'on puisse remettre en cause la déontologie des membres "
            "d'une juridiction indépendante\" a déclaré hier, Nacer Meddah, le président de la "
            "Chambre Régionale des Comptes.")
    assert ("Person", "Nacer Meddah") in _entities(text, "fr")


@pytest.mark.parametrize(("text", "lang"), [
    ("State allocations will increase by 5% in public nursing homes, according to the "
     "minister.", "en"),
    ("Les dotations de l'État augmenteront de 5 % en 2025.", "fr"),
])
def test_what_a_body_s_budget_will_do_the_body_commits_to(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.actor in ("State", "État")]
    assert [(c.kind, c.action) for c in claims] == [("commitment", "increase")]


def test_the_users_of_a_body_are_not_the_body() -> None:
    assert claims_of("Les usagers de la Ville de Paris ont protesté.") == []


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("La Ville de Lyon a de son côté ouvert un centre d'accueil.", "Ville de Lyon", "achievement"),
    ("Anne Hidalgo a pour sa part signé la convention.", "Anne Hidalgo", "achievement"),
    ("La Métropole de Lyon a, de son côté, voté un budget de 10 millions d'euros.",
     "Métropole de Lyon", "achievement"),
    ("La préfecture du Rhône a quant à elle interdit les rassemblements.",
     "préfecture du Rhône", "achievement"),
])
def test_an_inserted_phrase_between_auxiliary_and_participle_keeps_the_act(
        text: str, actor: str, kind: str) -> None:
    assert (actor, kind) in {(c.actor, c.kind) for c in claims_of(text)}


@pytest.mark.parametrize(("text", "lang", "amount"), [
    ("Last year the government cut €100 million from the funds of about 50 universities.",
     "en", 100_000_000),
    ("L'an dernier, l'État a retiré 80 millions d'euros aux budgets de 40 universités.",
     "fr", 80_000_000),
])
def test_the_figure_in_the_actions_object_wins_over_a_nearer_count(text: str, lang: str,
                                                                   amount: int) -> None:
    (claim,) = claims_of(text, lang=lang)
    assert claim.amount == amount


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("Par ailleurs, IDFM alerte sur la formation des agents de conduite.", "IDFM",
     "statement"),
    ("Derrière cela, la Chambre régionale des comptes pointe un déficit de vision.",
     "Chambre régionale des comptes", "assessment"),
    ("La Ville de Dijon dénombre dix ouvertures de classe.", "Ville de Dijon", "assessment"),
])
def test_a_verb_the_tagger_read_as_a_noun_after_a_named_subject_is_its_act(
        text: str, actor: str, kind: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text)] == [(actor, kind)]



@pytest.mark.parametrize(("text", "lang"), [
    ("Sophie Marin, maire de Vierzon, et Paul Royer, maire de Bourges, se sont réunis. Les "
     "deux maires ont promis des crédits pour le centre.", "fr"),
    ("Sophie Marin, the mayor of Vierzon, and Paul Royer, the mayor of Bourges, met on "
     "Monday. The two mayors promised new funds for the centre.", "en"),
])
def test_the_count_of_the_acting_subject_is_no_amount(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if "promis" in c.quote]
    assert sorted(c.actor for c in claims) == ["Paul Royer", "Sophie Marin"]
    assert {c.amount for c in claims} == {None}


@pytest.mark.parametrize(("text", "lang", "actor", "kind"), [
    ("À en croire la Cour des comptes, 11 500 arbres ont été plantés en trois ans.", "fr",
     "Cour des comptes", "assessment"),
    ("De l'avis de la Cour des comptes, le plan est mal piloté.", "fr", "Cour des comptes",
     "assessment"),
    ("Une zone « où il n'y a pas au moins un opérateur de bonne qualité », dixit Julien "
     "Denormandie, est estampillée « blanche ».", "fr", "Julien Denormandie", "statement"),
    ("In the view of the Court of Audit, the plan is poorly managed.", "en", "Court of Audit",
     "assessment"),
])
def test_more_words_of_attribution_give_the_sentence_to_their_actor(
        text: str, lang: str, actor: str, kind: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [(actor, kind)]


def test_a_title_with_its_body_s_acronym_in_brackets_before_a_cited_name() -> None:
    text = ("Selon le président du Conseil français du culte musulman (CFCM), Mohammed "
            "Moussaoui, environ 80 % des défunts se font enterrer dans leur pays d'origine.")
    assert [c.actor for c in claims_of(text)] == ["Mohammed Moussaoui"]


@pytest.mark.parametrize(("text", "lang", "amount"), [
    # the parser hangs the participle on "crèche" and the bracketed count on the participle
    ("Paris : Mille places en crèche créées par la Ville de Paris (sur 5.000 promises)", "fr",
     1000),
    # a guard: the auxiliary made this one passive before
    ("Mille places en crèche ont été créées par la Ville de Paris, sur 5000 places promises.",
     "fr", 1000),
])
def test_the_figure_an_agent_s_act_bears_on_comes_before_it(text: str, lang: str,
                                                            amount: int) -> None:
    (claim,) = [c for c in claims_of(text, lang=lang) if c.actor == "Ville de Paris"]
    assert (claim.kind, claim.amount) == ("achievement", amount)


@pytest.mark.parametrize(("text", "lang", "kind", "amount"), [
    ("La Cour des comptes a relevé 24 millions d'euros de dépenses non justifiées.", "fr",
     "assessment", 24_000_000),
    ("The Court of Audit found 24 million euros of unjustified spending.", "en", "assessment",
     24_000_000),
    ("Le maire de Lyon a rappelé les 3 millions d'euros perdus.", "fr", "statement", 3_000_000),
    # a guard: a figure outside what the words bear on is not theirs
    ("Le maire de Lyon a regretté la suppression, qui touche 300 postes.", "fr", "statement",
     None),
])
def test_words_and_judgements_bear_on_the_figure_they_take_as_object(
        text: str, lang: str, kind: str, amount: int | None) -> None:
    (claim,) = claims_of(text, lang=lang)
    assert (claim.kind, claim.amount) == (kind, amount)


@pytest.mark.parametrize(("text", "lang"), [
    ("For the CGT union, the reform of the jobless benefits is deeply unfair.", "en"),
    ("Pour la CGT cheminots, la réforme des retraites est profondément injuste.", "fr"),
    ("For the CGT, the reform of the jobless benefits is deeply unfair.", "en"),
])
def test_an_opening_cue_cites_a_name_with_its_head_noun_after_it(text: str, lang: str) -> None:
    """"For the CGT union, …": the head noun English sets after a name (a qualifier in
    French) does not hide the one the sentence is attributed to; a third word would."""
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [("CGT", "statement")]
