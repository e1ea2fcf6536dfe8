"""A measure an actor puts in place, named by a noun of its act as the subject of a future
the actor reports ("les contrôles auront lieu partout, a précisé la ministre", "the
recruitment of 200 nurses will take place"): the speaker's commitment to that act; a
phenomenon's future ("la hausse des loyers sera forte") stays words."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Les contrôles auront lieu dans toutes les crèches, a précisé la ministre Claire Dubois.",
     "fr", "inspect"),
    ("La ministre Claire Dubois a assuré que les premiers décaissements se feront avant Noël.",
     "fr", "pay"),
    ("The recruitment of 200 nurses will take place in the spring, minister John Hale said.",
     "en", "recruit"),
])
def test_a_measure_s_future_told_by_an_actor_is_its_commitment(text: str, lang: str,
                                                               action: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, lang=lang)] == [("commitment", action)]


@pytest.mark.parametrize(("text", "lang"), [
    ("« La hausse des loyers sera forte », a prévenu Claire Dubois.", "fr"),
    ("The rise in rents will be steep, John Hale warned.", "en"),
])
def test_a_phenomenon_s_future_is_words(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["statement"]
