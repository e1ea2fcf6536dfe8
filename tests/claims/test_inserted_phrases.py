"""An adverbial phrase between the auxiliary and the participle ("ont en tout cas
auditionné", "has once again approved") leaves the verb the subject's; an incise in a
compound tense ("…, s'est félicitée la Première ministre X") names the speaker."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actors"), [
    ("Sébastien Lecornu, le secrétaire d'Etat auprès du ministre de la transition "
     "énergétique, et Annick Girardin, la ministre des outre-mer, ont en tout cas auditionné "
     "tous les acteurs de ce dossier, samedi.", "fr", {"Sébastien Lecornu", "Annick Girardin"}),
    ("La Fédération des usagers de la bicyclette a une nouvelle fois dénoncé le gel des "
     "crédits du plan vélo.", "fr", {"Fédération des usagers de la bicyclette"}),
    ("The Rennes city council has once again approved the extension of the metro line.", "en",
     {"Rennes city council"}),
])
def test_an_inserted_phrase_leaves_the_verb_the_subjects(text: str, lang: str,
                                                         actors: set[str]) -> None:
    assert {c.actor for c in claims_of(text, lang=lang)} == actors


def test_an_incise_in_a_compound_tense_names_its_speaker() -> None:
    text = ("Malgré un total moins élevé qu'espéré, \"les résultats sont là\" en matière "
            "d'insertion des jeunes éloignés du monde du travail, s'est félicitée la Première "
            "ministre Elisabeth Borne.")
    assert [c.actor for c in claims_of(text)] == ["Elisabeth Borne"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le maire de Clamecy, Jany Siméon, a pris un arrêté interdisant la fermeture des "
     "urgences.", "fr", ("Jany Siméon", "issue", "achievement")),
    ("The mayor of Clamecy, Jany Siméon, signed a decree banning the closure.", "en",
     ("Jany Siméon", "sign", "achievement")),
    ("Jany Siméon a pris un arrêté. « On ne s'interdit pas de porter plainte contre l'Etat », "
     "a-t-il complété.", "fr", ("Jany Siméon", "state", "statement")),
])
def test_an_order_taken_and_words_completed(text: str, lang: str,
                                           expected: tuple[str, str, str]) -> None:
    assert expected in {(c.actor, c.action, c.kind) for c in claims_of(text, lang=lang)}
