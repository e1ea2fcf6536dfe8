"""A title whose complement repeats the role a person was named with, though that complement
names no body the text knows: the person, not no one."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("Olivier Le Nézet, président du comité national des pêches maritimes, était à Paris. "
     "Le président du comité des pêches dénonce un manque d'anticipation du gouvernement.",
     "fr", "Olivier Le Nézet"),
    ("Jane Doe, chair of the regional fishing committee, was in Paris on Monday. The chair "
     "of the fishing committee criticised the government's lack of planning.", "en",
     "Jane Doe"),
    ("Marie Durand, directrice de l'école de musique de Vannes, a reçu les parents. La "
     "directrice de l'école de musique annonce la fermeture de deux classes.", "fr",
     "Marie Durand"),
])
def test_a_title_repeating_a_persons_role_is_that_person(text: str, lang: str,
                                                         person: str) -> None:
    second = text.index(". ") + 2
    assert [c.actor for c in claims_of(text, lang=lang) if c.start >= second] == [person]


def test_a_complement_the_role_does_not_hold_names_someone_else() -> None:
    text = ("Olivier Le Nézet, président du comité des pêches, était à Paris. Le président "
            "du comité des fêtes dénonce un manque d'anticipation du gouvernement.")
    second = text.index(". ") + 2
    assert "Olivier Le Nézet" not in [c.actor for c in claims_of(text) if c.start >= second]
