"""What a quotation says the speaker will do or did, what it tells a body named in it did or
will do, a pronoun in a reported clause, and the subject of a passive verb (which undergoes
the act, it does not act)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "kind", "amount"), [
    ("« Nous porterons le budget de MaPrimeRénov' à 4 milliards d'euros », a précisé "
     "Élisabeth Borne.", "fr", "commitment", 4_000_000_000),
    ("“We will take the budget to 4 billion euros,” said Élisabeth Borne.", "en",
     "commitment", 4_000_000_000),
    ("Gabriel Attal told MPs: \"In 18 departments, we have launched an experiment which "
     "conditions the RSA on hours of activity.\"", "en", "achievement", 18),
])
def test_a_quotation_of_the_speakers_own_act_is_that_act(text: str, lang: str, kind: str,
                                                          amount: float) -> None:
    claims = claims_of(text, lang=lang, published="2024-06-01")
    assert [(c.kind, c.amount) for c in claims] == [(kind, amount)]


def test_an_announced_act_in_a_quotation_is_promised_and_a_told_one_done() -> None:
    text = ("Gabriel Attal told MPs: \"In 18 departments, we have launched an experiment. I am "
            "announcing to you that we are generalizing this system in all departments.\"")
    kinds = sorted(c.kind for c in claims_of(text, lang="en", published="2024-06-01"))
    assert kinds == ["achievement", "commitment"]


def test_a_quotation_without_an_act_of_the_speaker_is_a_statement() -> None:
    text = "« Les policiers ont été très présents cet été », a déclaré Anne Hidalgo."
    assert [c.kind for c in claims_of(text)] == ["statement"]


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Paris a financé un centre. La Ville de Lyon a indiqué qu'elle ouvrira 40 "
     "places.", "fr"),
    ("Paris City Council funded a centre. Lyon City Council said it will open 40 places.",
     "en"),
])
def test_a_pronoun_in_a_reported_clause_is_the_reporting_subject(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if "40" in c.quote]
    assert {c.actor for c in claims} == {"Ville de Lyon" if lang == "fr" else
                                         "Lyon City Council"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Announced that 300 officers had been deployed, the Home Office said nothing else. "
     "The Home Office announced that 300 officers had been deployed.", "en"),
    ("La Ville de Paris a annoncé que 300 places ont été ouvertes.", "fr"),
])
def test_an_announced_past_act_is_done(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if c.amount == 300]
    assert claims and {c.kind for c in claims} == {"achievement"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Laurent Nuñez était tout juste nommé.", "fr"),
    ("Valérie Pécresse was elected in 2015.", "en"),
])
def test_the_subject_of_a_passive_verb_undergoes_it(text: str, lang: str) -> None:
    assert not claims_of(text, lang=lang)


def test_a_passive_subject_charged_with_an_act_still_commits() -> None:
    claims = claims_of("La Ville de Paris est chargée de coordonner le plan en 2027.")
    assert [c.actor for c in claims] == ["Ville de Paris"]


@pytest.mark.parametrize(("text", "actor"), [
    ("Le gouvernement français prévoit de dépenser deux milliards d'euros jusqu'en 2027, ont "
     "déclaré les ministres du gouvernement vendredi.", "gouvernement"),
    ("« Nous prévoyons de dépenser deux milliards d'euros », a déclaré Clément Beaune.",
     "Clément Beaune"),
])
def test_a_reported_plan_is_the_planned_act_once(text: str, actor: str) -> None:
    claims = claims_of(text)
    assert [(c.actor, c.kind, c.action, c.amount) for c in claims] == [
        (actor, "commitment", "spend", 2_000_000_000)]


def test_a_reported_light_verb_promised_is_a_commitment() -> None:
    text = ("Le gouvernement veut faire du vélo une alternative à la voiture, a déclaré "
            "M. Clément Beaune au journal Le Parisien.")
    claims = [c for c in claims_of(text) if c.actor == "Clément Beaune"]
    assert [(c.kind, c.action) for c in claims] == [("commitment", "make")]


@pytest.mark.parametrize(("text", "lang", "actor", "kind", "action"), [
    ("« Le dossier a été refusé par le conseil départemental de l'Eure », raconte Paul Lenoir, "
     "le maire.", "fr", "conseil départemental de l'Eure", "statement", "refuse"),
    ("« L'État va faire appel de cette décision », a déclaré Anne Martin, la préfète.", "fr",
     "État", "commitment", "make"),
    ("\"The new shelter will be funded by the Brittany Region,\" said John Smith.", "en",
     "Brittany Region", "commitment", "fund"),
    ("\"The State will open 300 new places next year,\" said John Smith.", "en", "State",
     "commitment", "open"),
])
def test_a_quotation_telling_of_a_body_s_act_is_also_that_body_s_claim(
        text: str, lang: str, actor: str, kind: str, action: str) -> None:
    claims = claims_of(text, lang=lang)
    assert (kind, action) in {(c.kind, c.action) for c in claims if c.actor == actor}
    assert len({c.actor for c in claims}) == 2  # and the speaker's words


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("« Il faut que l'État nous donne clairement sa stratégie », a déclaré Jean Dupont.", "fr",
     "Jean Dupont"),
    ("« L'effort de l'État en faveur du vélo est sans précédent », a déclaré Jean Dupont.",
     "fr", "Jean Dupont"),
    ("\"As long as the government has not moved, we cannot act,\" said John Smith.", "en",
     "John Smith"),
])
def test_a_body_a_quotation_wishes_supposes_or_describes_does_nothing(
        text: str, lang: str, speaker: str) -> None:
    # guards: what the speaker wants of a body, supposes of it or says of its effort
    assert {c.actor for c in claims_of(text, lang=lang)} == {speaker}
