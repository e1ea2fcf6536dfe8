"""Who speaks a quotation (never a name inside quoted words; the pronoun before a later
name; a relative clause opening it), a bare title for the person the text goes on about,
a present passive budget, and an imperfect that is never the future."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


def test_a_name_inside_quoted_words_never_speaks() -> None:
    text = ("“Through this contract, the State and the Occitanie region are looking, together, "
            "in the same direction”, it is “proof of a desire to work together between State "
            "and regions” and the illustration of the “new method founded on dialogue and "
            "co-construction”, greeted the Prime Minister.")
    claims = claims_of(text, lang="en", published="2022-12-01")
    assert [(c.actor, c.construction) for c in claims] == [("Prime Minister", "quotation")]


def test_the_pronoun_that_said_it_speaks_not_the_name_after_it() -> None:
    text = ("“We must continue to open up and ensure that everyone can have the mobility they "
            "need,” she said while the Occitanie region is growing fast.")
    assert not [c for c in claims_of(text, lang="en") if c.construction == "quotation"]


def test_a_relative_clause_on_a_name_opens_its_quotation() -> None:
    text = ("Le texte a été lu par Jean Castex, qui souhaite « offrir aux usagers des lieux de "
            "repos et un parcours de sevrage de qualité ».")
    claims = [c for c in claims_of(text) if c.construction == "quotation"]
    assert [(c.actor, c.kind) for c in claims] == [("Jean Castex", "commitment")]


def test_a_bare_title_is_the_untitled_person_the_text_goes_on_about() -> None:
    text = ("« Nous devons collectivement agir contre ce fléau », a déclaré Gabriel Attal. "
            "Le ministre évoque même un double électrochoc.")
    claims = [c for c in claims_of(text) if c.quote.startswith("Le ministre")]
    assert [(c.actor, c.kind) for c in claims] == [("Gabriel Attal", "statement")]


def test_a_bare_title_is_no_one_when_the_person_has_another_title() -> None:
    text = ("Le maire de Lyon, Grégory Doucet, a salué l'accord. Le ministre évoque même un "
            "double électrochoc.")
    assert not [c for c in claims_of(text) if c.quote.startswith("Le ministre")]


def test_money_mobilised_in_a_present_passive_is_pledged() -> None:
    text = "The 6.4 billion are mobilized equally by the State and the Occitanie Region."
    claims = claims_of(text, lang="en")
    assert {(c.actor, c.kind) for c in claims} >= {("State", "commitment")}


def test_an_imperfect_is_never_a_promise_because_of_its_date() -> None:
    text = "Mercredi 27 mars, Élisabeth Borne présentait le plan interministériel."
    claims = claims_of(text, published="2023-09-28")
    assert [(c.actor, c.kind) for c in claims] == [("Élisabeth Borne", "achievement")]


def test_a_region_that_experiences_growth_does_nothing() -> None:
    assert claims_of("The Occitanie Region is experiencing strong growth.", lang="en") == []


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("“We take responsibility for giving more to those who really need it”, hammered the "
     "Secretary of State in charge of disabled people, Sophie Cluzel.", "en", "Sophie Cluzel"),
    ("« Chaque jour de plus est un jour de trop », a enchaîné François Dagnaud d’une formule "
     "travaillée.", "fr", "François Dagnaud"),
    # a pronominal verb, whatever the tagger makes of the word after its pronoun
    ("« Nous validons à tour de bras les projets des villes », se félicite son président, "
     "Olivier Klein.", "fr", "Olivier Klein"),
    ("« Nous validons à tour de bras les projets des villes », s'indigne Olivier Klein.", "fr",
     "Olivier Klein"),
    # no comma after a question or an exclamation
    ("« C'est un effort vraiment colossal pour nos quartiers ! » s'enthousiasme Julien "
     "Denormandie.", "fr", "Julien Denormandie"),
])
def test_any_verb_of_an_incise_after_a_quotation_is_a_verb_of_saying(
        text: str, lang: str, speaker: str) -> None:
    claims = claims_of(text, lang=lang)
    assert [(c.actor, c.construction) for c in claims] == [(speaker, "quotation")]


def test_an_incise_needs_its_comma() -> None:
    text = "« Le projet avance bien », a indiqué le maire. Anne Hidalgo a ensuite visité le site."
    assert all(c.construction != "quotation" for c in claims_of(text))


def test_a_body_named_inside_quotation_marks_acts_only_in_a_told_act() -> None:
    # the words tell of the government's decision: its act as well as the speaker's words
    # (tests/claims/test_quoted_acts.py); what they say of a body otherwise is no act of it
    text = ("“The government has decided to put the package on youth employment because in "
            "times of crisis the young suffer first”, underlined the Prime Minister, Jean "
            "Castex.")
    assert {c.actor for c in claims_of(text, lang="en")} == {"Jean Castex", "government"}


def test_a_clause_reported_without_quotation_marks_keeps_its_actor() -> None:
    text = "L'État apportera 300 millions d'euros, a indiqué la Région Occitanie."
    assert "État" in {c.actor for c in claims_of(text)}


def test_a_title_is_not_the_vice_holder_of_that_title() -> None:
    text = ("Paul Vergès, président de la Région, a ouvert la séance après l'exposé de Pierre "
            "Vergès, vice-président de la Région. « Nous avons six mois pour agir ensemble "
            "sur ce dossier », a souligné le président de la Région.")
    (claim,) = [c for c in claims_of(text) if "six mois" in c.quote and c.kind == "statement"]
    assert claim.actor == "Paul Vergès"
