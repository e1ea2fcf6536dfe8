""""Ce dernier", "cette dernière", "the latter": the last noun named before, when it is an
actor's name, of the same gender and number; a thing or a time named last is no one."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le préfet a reçu Marie Durand. Cette dernière a annoncé sa démission.", "fr",
     "Marie Durand"),
    ("La préfecture a saisi la Fondation Abbé Pierre. Cette dernière a dénoncé un manque de "
     "places.", "fr", "Fondation Abbé Pierre"),
    ("The prefect met Jane Roe on Monday. The latter announced her resignation.", "en",
     "Jane Roe"),
])
def test_the_latter_is_the_last_actor_named(text: str, lang: str, actor: str) -> None:
    second = text.index(". ") + 2
    assert [c.actor for c in claims_of(text, lang=lang) if c.start >= second] == [actor]


@pytest.mark.parametrize(("text", "lang"), [
    ("Marie Durand a visité la nouvelle prison. Cette dernière pourrait accueillir 700 "
     "détenus.", "fr"),
    ("Jane Roe presented the new plan on Monday. The latter will create 300 places.", "en"),
])
def test_the_latter_standing_for_a_thing_is_no_one(text: str, lang: str) -> None:
    second = text.index(". ") + 2
    assert not [c for c in claims_of(text, lang=lang) if c.start >= second]
