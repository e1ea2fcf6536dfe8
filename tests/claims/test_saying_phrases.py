"""Set phrases of saying and taking a stand ("a fait savoir", "a mis en avant", "s'est
prononcée contre", "a fait état de") and the people who speak for an actor ("selon
l'entourage de la ministre"); the infinitive alone ("elle sait que") says nothing."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of

LEAD = "Marion Leroux est ministre. "


@pytest.mark.parametrize("said", [
    "Le centre ouvrira en juin, a fait savoir la ministre Marion Leroux.",
    "Le centre ouvrira en juin, a-t-elle fait savoir.",
    "Marion Leroux a fait savoir que le centre ouvrirait en juin.",
    "« Le centre ouvrira ses portes en juin », a-t-elle fait savoir.",
    "Marion Leroux a fait valoir que le centre coûtait trop cher.",
])
def test_a_causative_verb_of_saying_reports(said: str) -> None:
    claims = [c for c in claims_of(LEAD + said) if c.quote.startswith(said[:12])]
    assert [c.actor for c in claims] == ["Marion Leroux"]
    assert claims[0].kind in ("statement", "commitment")


def test_the_infinitive_alone_says_nothing() -> None:
    assert [c for c in claims_of(LEAD + "Marion Leroux sait qu'elle a un bilan à défendre.")
            if "sait" in c.quote] == []


@pytest.mark.parametrize(("text", "action"), [
    ("Marion Leroux a mis en avant le coût du centre.", "highlight"),
    ("Marion Leroux s'est prononcée contre le projet de centre.", "oppose"),
    ("Marion Leroux s'est prononcée pour un report du projet.", "support"),
    ("Marion Leroux a fait état de 300 places ouvertes en 2023.", "report"),
])
def test_a_set_phrase_of_saying_is_a_statement(text: str, action: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text)] == [
        ("Marion Leroux", "statement", action)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le centre ouvrira en juin, selon l'entourage de Marion Leroux.", "fr"),
    ("Selon des proches de Marion Leroux, le centre ouvrira en juin.", "fr"),
    ("The centre will open in June, according to aides to Marion Leroux.", "en"),
])
def test_who_speaks_for_an_actor_cites_it(text: str, lang: str) -> None:
    assert [c.actor for c in claims_of(text, lang=lang)] == ["Marion Leroux"]


@pytest.mark.parametrize(("text", "lang", "actor", "kind", "action"), [
    ("Le syndicat CGT remet aussi en cause la réforme des retraites.", "fr", "CGT",
     "statement", "question"),
    ("La CGT a tiré hier la sonnette d'alarme sur les effectifs.", "fr", "CGT", "statement",
     "warn"),
    ("La Cour des comptes met en cause les subventions allouées aux caméras.", "fr",
     "Cour des comptes", "assessment", "question"),
])
def test_a_set_phrase_of_speaking_read_over_the_adverbs_inside_it(
        text: str, lang: str, actor: str, kind: str, action: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        (actor, kind, action)]


@pytest.mark.parametrize(("text", "actor", "kind"), [
    ("La CGT fait état d'un différentiel de salaire de 14 % entre les deux sites.", "CGT",
     "statement"),
    ("La Cour des comptes fait état d'une hausse continue des dépenses.", "Cour des comptes",
     "assessment"),
])
def test_a_set_phrase_ending_in_de_is_read_elided_before_a_vowel(text: str, actor: str,
                                                                  kind: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text)] == [(actor, kind, "report")]


def test_a_set_phrase_of_saying_over_quotation_marks() -> None:
    # "a fait part « d'améliorations »": the marks inside the phrase do not break it
    claims = claims_of("Claire Morvan, maire de la commune, a fait part « d'améliorations » "
                       "nées des concertations de l'été.")
    assert [(c.actor, c.kind) for c in claims] == [("Claire Morvan", "statement")]
