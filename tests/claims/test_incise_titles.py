"""Who speaks or acts in constructions of press prose the rules once missed: a bare title
after a quotation's incise ("« … », a poursuivi le magistrat à propos du chapitre"), two
quotations in a row, a title and its name after an attribution cue ("selon la ministre X",
"Pour la contrôleure générale des prisons, X, …", "comme l'a annoncé X"), a vote to act."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


def test_a_title_after_an_incise_over_a_passive_quotation_speaks() -> None:
    text = ("« On est une chambre, mais on ne travaille pas en chambre », a ironisé Paul "
            "Durand. « Les équipes sont allées sur place voir l'état des écoles », a poursuivi "
            "le magistrat à propos du chapitre consacré aux écoles.")
    assert [c.actor for c in claims_of(text) if c.quote.startswith("« Les")] == ["Paul Durand"]


def test_two_quotations_in_a_row_are_two_sentences() -> None:
    """The parser leaves the second quotation's opening mark at the end of the first
    sentence: each claim still quotes its own sentence, the office its own words."""
    text = ("« Nous tiendrons nos engagements », a déclaré Paul Durand. « Le budget est "
            "insuffisant », a estimé le ministre de la Santé.")
    quotes = {c.actor: c.quote for c in claims_of(text)}
    assert quotes == {
        "Paul Durand": "« Nous tiendrons nos engagements », a déclaré Paul Durand.",
        "ministre de la Santé": "« Le budget est insuffisant », a estimé le ministre de la "
                                "Santé."}


def test_a_straight_opening_mark_after_a_stop_opens_the_next_sentence() -> None:
    text = ('"Nous tiendrons nos engagements", a déclaré Paul Durand. "Le budget est '
            'insuffisant", a estimé le ministre de la Santé.')
    assert [c.quote for c in claims_of(text)] == [
        '"Nous tiendrons nos engagements", a déclaré Paul Durand.',
        '"Le budget est insuffisant", a estimé le ministre de la Santé.']


def test_a_short_quotation_then_its_reporting_verb_without_a_comma() -> None:
    """'"Un ordre de grandeur" précise le ministre': words said; a name in quotation marks
    opening a sentence whose verb says nothing is no one's words."""
    claims = claims_of('Le ministre Paul Durand a parlé du budget. "Un ordre de grandeur" '
                       'précise le ministre.')
    assert [c.actor for c in claims if c.quote.startswith('"Un')] == ["Paul Durand"]
    assert not [c for c in claims_of('"Grand Paris Express" désigne le futur métro. Le '
                                     'ministre Paul Durand a parlé.') if c.quote[:1] == '"']


def test_a_title_and_its_name_after_an_opening_cue_cite_that_person() -> None:
    """"Pour la contrôleure générale des prisons, Adeline Hazan, …": her judgement; a group
    before a name that is the clause's subject is not cited."""
    claims = claims_of("Pour la contrôleure générale des prisons, Marie Vidal, il est urgent "
                       "de sortir de ce conflit.")
    assert [c.actor for c in claims] == ["Marie Vidal"]
    assert not claims_of("Pour les habitants du quartier, Marc Dupont, le maire, a tort.")


def test_a_titled_name_after_a_cue_is_cited() -> None:
    """"selon la ministre Agnès Durand", "comme l'a annoncé la ministre …": her promise."""
    for text in ("Selon la ministre Agnès Durand, la prime sera versée dès janvier.",
                 "La prime sera versée dès janvier, comme l'a annoncé la ministre Agnès "
                 "Durand."):
        assert [(c.actor, c.kind) for c in claims_of(text)] == [("Agnès Durand", "commitment")]


def test_a_vote_to_act_promises_the_act() -> None:
    """"voted to fund 20 new homes": the funding is promised, as "decided to" promises;
    "voted the budget" is the vote, done."""
    (claim,) = claims_of("Lyon city council voted on Tuesday to fund 20 new homes.", lang="en")
    assert (claim.action, claim.kind, claim.amount) == ("fund", "commitment", 20.0)
    (vote,) = claims_of("Lyon city council voted the budget on Tuesday.", lang="en")
    assert (vote.action, vote.kind) == ("vote", "achievement")


def test_a_former_holder_stands_for_no_later_title() -> None:
    """"alors ministre", "the former minister": the person held the office once; a later bare
    title is someone else's (here, its body's)."""
    text = ("En décembre, Gabriel Attal, alors ministre de l'Education nationale, avait annoncé "
            "la création de groupes. La ministre de l'Education nationale a déclaré jeudi "
            "qu'elle allait introduire de la souplesse.")
    assert "Gabriel Attal" not in [c.actor for c in claims_of(text) if c.start > 100]


def test_a_name_before_a_pronoun_subject_is_not_the_speaker() -> None:
    """"Comme X avant lui, il a estimé que « … »": the pronoun's referent says it, not the
    name of the comparison; "la FSU, qui exige « … »" stays the body's words."""
    text = ("Thomas Cazenave a présenté le budget mardi. Comme Bruno Le Maire avant lui, il a "
            "cependant considéré que les économies de 2024 « ne sont pas une cure d'austérité ».")
    quoted = [c.actor for c in claims_of(text) if c.construction == "quotation"]
    assert "Bruno Le Maire" not in quoted
    body = claims_of("Même réaction du côté de la FSU, principal syndicat des enseignants, qui "
                     "exige « l'élaboration d'un plan de revalorisation des salaires ».")
    assert [c.actor for c in body] == ["FSU"]
    # the name that is the clause's subject still speaks, past a body named on the way
    named = claims_of("Anne Morel, Mayor of the 12th arrondissement where the site is located, "
                      "took to Twitter to denounce what she called the \"brutal and unilateral "
                      'decision of the Paris Police Prefecture".', lang="en")
    assert ("Anne Morel", "quotation") in [(c.actor, c.construction) for c in named]


def test_a_party_in_brackets_in_a_title_neither_speaks_nor_acts() -> None:
    text = ("Il y a quelques semaines, le président (La République en marche) de la région, "
            "Ary Chalus, avait assuré que le gouvernement s'engagerait à hauteur de 50 millions.")
    assert "République en marche" not in [c.actor for c in claims_of(text)]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("La prime augmentera de 30 euros, a confirmé la secrétaire d'État chargée de "
     "l'Autonomie, Claire Morvan.", "fr", "Claire Morvan"),
    ("The allowance will rise by 30 euros, confirmed the minister in charge of housing, "
     "Claire Morvan.", "en", "Claire Morvan"),
])
def test_a_title_with_its_participle_before_the_name_after_an_inverted_verb(
        text: str, lang: str, speaker: str) -> None:
    assert {c.actor for c in claims_of(text, lang=lang)} == {speaker}


def test_what_a_title_s_participle_names_is_not_the_speaker() -> None:
    # guard: "chargé de mission par l'Élysée" names who charged him, not who spoke
    claims = claims_of("Le loto va bénéficier à 250 sites, a annoncé l'animateur chargé de "
                       "mission par l'Élysée mardi soir.")
    assert not any(c.actor == "Élysée" and c.kind in ("commitment", "statement")
                   for c in claims)
