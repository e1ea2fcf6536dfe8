"""A name its bracketed acronym spells is the organisation's whole name, even where a finder
kept only its first capitalised words."""

from __future__ import annotations

import pytest

from tests.mentions.test_unseen_kinds import _entities


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Le collectif Rassemblement pour la protection des peuples et des ressources "
     "afro-caribéens (RPPRAC), à l'origine de la mobilisation, n'a pas signé l'accord.", "fr",
     "Rassemblement pour la protection des peuples et des ressources afro-caribéens"),
    ("Le syndicat Union nationale des étudiants en droit (UNED) a déposé un recours.", "fr",
     "Union nationale des étudiants en droit"),
])
def test_the_name_an_acronym_spells_is_whole(text: str, lang: str, name: str) -> None:
    orgs = {t for kind, t in _entities(text, lang) if kind == "Organization"}
    assert name in orgs
    assert not any(t != name and name.startswith(t.split(" ", 1)[-1]) and len(t) < len(name)
                   for t in orgs if t[:1].isupper() and " " in t)


def test_a_name_the_acronym_does_not_spell_keeps_what_was_found() -> None:
    text = "Le collectif Rassemblement pour la ville (XYZ) manifeste samedi."
    orgs = {t for kind, t in _entities(text, "fr") if kind == "Organization"}
    assert "Rassemblement pour la ville" not in orgs
