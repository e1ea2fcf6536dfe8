"""A quotation is promised by the verb that reports it, on whichever side of it the speaker is
written; and an office in an undated text stands for the one holder the text names."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministre de l'Intérieur, Gérald Darmanin, a promis : « Il y aura deux cents "
     "policiers de plus dans le quartier de Stalingrad. »", "fr"),
    ("Gérald Darmanin était à Stalingrad lundi. « Il y aura deux cents policiers de plus "
     "dans le quartier », a-t-il promis.", "fr"),
    ("Gérald Darmanin visited Stalingrad on Monday. \"There will be two hundred more police "
     "officers in the area,\" he pledged.", "en"),
])
def test_words_a_verb_of_promise_reports_are_promised(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if "200" in str(c.amount) or c.quote.count(
        "policiers") or c.quote.count("police")]
    assert {(c.actor, c.kind) for c in claims} == {("Gérald Darmanin", "commitment")}


def test_a_verb_of_saying_before_the_quotation_states_it() -> None:
    text = ("Le ministre de l'Intérieur, Gérald Darmanin, a déclaré : « La situation du "
            "quartier de Stalingrad n'est pas acceptable. »")
    assert {c.kind for c in claims_of(text)} == {"statement"}


def test_a_figure_declared_for_what_will_be_is_forecast_for_one_s_plan() -> None:
    # ANNOTATION.md: "a figure an actor forecasts for its own plan" is a commitment, whatever
    # the verb of saying (claims/forecasts.py); before session 32 it was a statement
    text = ("Le ministre de l'Intérieur, Gérald Darmanin, a déclaré : « Il y aura deux cents "
            "policiers de plus dans le quartier de Stalingrad. »")
    assert {(c.kind, c.amount) for c in claims_of(text)} == {("commitment", 200)}


_UNDATED = ("During a visit to Cantal on Friday, {name} recommended imposing two days a "
            "month of consultations in rural areas. \"Every general practitioner will have to "
            "devote one or two days per month to the areas most in difficulty,\" announced "
            "the Prime Minister at the end of his visit.")


def test_an_office_in_an_undated_text_is_the_one_holder_it_names() -> None:
    claims = [c for c in claims_of(_UNDATED.format(name="François Bayrou"), lang="en",
                                   published=None) if "practitioner" in c.quote]
    assert {(c.actor, c.kind) for c in claims} == {("François Bayrou", "commitment")}


def test_two_holders_named_in_an_undated_text_leave_the_office_to_its_body() -> None:
    text = _UNDATED.format(name="François Bayrou, with Jean Castex,")
    claims = [c for c in claims_of(text, lang="en", published=None) if "practitioner" in c.quote]
    assert [c.actor for c in claims] == ["Prime Minister"]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Le Premier ministre, Manuel Valls, a confirmé que l'état de catastrophe naturelle serait "
     "reconnu dès mercredi en Conseil des ministres.", "fr", "reconnaitre"),
    ("Le maire de Bordeaux, Pierre Hurmic, a annoncé que la salle sera ouverte en juin.", "fr",
     "open"),
    ("Interior Minister Gérald Darmanin said the scheme will be extended to Marseille in "
     "March.", "en", "extend"),
])
def test_a_reported_act_with_no_agent_named_is_the_speakers_promise(
        text: str, lang: str, action: str) -> None:
    (claim,) = claims_of(text, lang=lang)
    assert (claim.kind, claim.action) == ("commitment", action)


def test_a_reported_act_with_its_agent_named_is_not_the_speakers() -> None:
    text = ("Le syndicat Sud Santé a affirmé que le service sera fermé par l'Agence régionale "
            "de santé en juin.")
    assert not [c for c in claims_of(text) if c.actor == "Sud Santé" and c.kind == "commitment"]


@pytest.mark.parametrize(("text", "lang"), [
    ("L'aide aux pêcheurs ne sera pas prolongée, a annoncé la ministre Claire Morvan.", "fr"),
    ("\"The fuel aid will not be extended,\" announced the minister, Claire Morvan.", "en"),
])
def test_what_will_not_be_done_announced_is_a_refusal(text: str, lang: str) -> None:
    # ANNOTATION.md: refusals are statements; a promise verb ("a promis de ne pas") stays one
    assert {(c.actor, c.kind) for c in claims_of(text, lang=lang)} == {
        ("Claire Morvan", "statement")}
