"""Verbs that share a subject standing for someone named before. A pronoun or a bare title
resolved to an earlier name is the subject of every verb joined to its own by a conjunction,
as a name is ("Il parle d'une suppression … et annonce un vote"), unless the joined verb has
a subject of its own or is undergone (extractor/claims/anaphora.py with
``claims.roles.coordinated``)."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor", "actions"), [
    ("Patrick Alvarez est en colère. Il parle d'une suppression de jours de congés et "
     "annonce un vote jeudi soir.", "fr", "Patrick Alvarez", {"announce"}),
    ("Claire Morvan est arrivée en 2022. Elle a rappelé les règles et annoncé un vote "
     "jeudi.", "fr", "Claire Morvan", {"state", "announce"}),
    ("John Smith is angry. He criticised the cuts and announced a vote on Thursday.", "en",
     "John Smith", {"criticise", "announce"}),
])
def test_verbs_joined_to_a_pronoun_subject_s_verb_share_its_actor(
        text: str, lang: str, actor: str, actions: set[str]) -> None:
    claims = claims_of(text, lang=lang)
    second = text.split(". ", 1)[1]
    assert {c.action for c in claims if c.actor == actor and c.quote == second} == actions


def test_a_joined_verb_with_its_own_subject_or_undergone_is_not_shared() -> None:
    claims = claims_of("Claire Morvan est arrivée en 2022. Elle a lancé le plan et la région "
                       "l'a financé. Elle a démissionné et a été remplacée.", lang="fr")
    by_morvan = {c.action for c in claims if c.actor == "Claire Morvan"}
    assert "launch" in by_morvan and "fund" not in by_morvan
    assert not any(c.action == "replace" for c in claims)


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("\"If you have no activity, you will not hire\", warned François Asselin. For Jean "
     "Castex, who visited a training centre in the morning where he was able to discuss with "
     "young people, training is the key. \"We know that it works and we must promote it\", he "
     "insisted.", "en", "Jean Castex"),
    ("Sophie Martin a salué le plan. Pour Jean Castex, qui a visité un centre où il a "
     "rencontré des apprentis, la formation est la clé. « Nous savons que cela fonctionne et "
     "qu'il faut la promouvoir », a-t-il insisté.", "fr", "Jean Castex"),
])
def test_a_pronoun_in_a_relative_clause_carries_no_one_on(text: str, lang: str,
                                                            speaker: str) -> None:
    # "he met" hangs on the centre: the next "he" is the one person the sentence names
    quoted = [c for c in claims_of(text, lang=lang) if c.construction == "quotation"]
    assert quoted[-1].actor == speaker


@pytest.mark.parametrize(("text", "lang", "body", "speaker"), [
    ("L'État a débloqué 20 millions d'euros pour le site. « Il va nous permettre d'être au "
     "rendez-vous des Jeux olympiques », a déclaré Emmanuel Macron.", "fr", "État",
     "Emmanuel Macron"),
    ("La Région a voté le budget du port. « Elle devra trouver d'autres financements pour la "
     "digue », a prévenu Marc Lenoir, président de l'association.", "fr", "Région",
     "Marc Lenoir"),
    # guard: the English "it" of a quotation was never carried on to a body
    ("The State released 20 million euros for the site. \"It will allow us to be ready for "
     "the Olympic Games,\" said Emmanuel Macron.", "en", "State", "Emmanuel Macron"),
])
def test_a_pronoun_inside_someone_s_words_is_what_they_talk_of(
        text: str, lang: str, body: str, speaker: str) -> None:
    quote = text.split(". ", 1)[1]
    actors = {c.actor for c in claims_of(text, lang=lang) if c.quote == quote}
    assert body not in actors and actors == {speaker}


def test_a_pronoun_reporting_words_inside_a_quotation_is_still_the_speaker() -> None:
    # guard: "dit-il" inside the marks reports the words; it is not what they talk of
    text = ("Laurent Peyrondet, maire de Lacanau, refuse le recul du front de mer. « Chez moi, "
            "dit-il, il y a 1 500 logements en front de mer et on ne va pas déménager tout le "
            "monde ».")
    quote = text.split(". ", 1)[1]
    assert {c.actor for c in claims_of(text, lang="fr") if c.quote == quote} \
        == {"Laurent Peyrondet"}


@pytest.mark.parametrize(("text", "lang", "actor"), [
    # the parser reads the inverted "la Cour des comptes" as the object of "rappelle"
    ("« Depuis 2021, les propriétaires peuvent recevoir une aide », rappelle la Cour des "
     "comptes, qui salue le dispositif. Au 30 juin, 574 000 dossiers ont été déposés. De même, "
     "sa force repose sur sa simplicité d'accès, ajoute-t-elle.", "fr", "Cour des comptes"),
    # guard: the English parse has it a subject
    ("\"Owners can all receive some help since 2021,\" recalls the Court of Audit, which "
     "welcomes the scheme. By June, 574,000 files had been filed. Its strength lies in its "
     "simplicity, it adds.", "en", "Court of Audit"),
])
def test_a_speaker_after_a_quotation_is_whom_the_next_pronoun_continues(
        text: str, lang: str, actor: str) -> None:
    last = text.rsplit(". ", 1)[1]
    assert {c.actor for c in claims_of(text, lang=lang) if c.quote == last} == {actor}


@pytest.mark.parametrize(("text", "actor", "actions"), [
    # the dashes break the parse: "vient" hangs on a dash, joined to no verb
    ("Pour y parvenir, le Département du Gers a retenu un prestataire - MédiRecrut - et "
     "vient de publier une offre d'emploi.", "Département du Gers", {"publish"}),
])
def test_a_verb_the_parser_joined_to_no_verb_continues_the_clause_before(
        text: str, actor: str, actions: set[str]) -> None:
    assert actions <= {c.action for c in claims_of(text, lang="fr") if c.actor == actor}

