"""The four errors the claims issue names, each on a text of its own (not the corpus's words):
a promise by a named person, a future opening, an audit finding about a commitment, and
objects that are fragments or time words."""

from __future__ import annotations

import hashlib

import pytest

from extractor.build.extract import extract_batch
from extractor.records import Claim, Document


def doc_of(text: str, lang: str = "fr", published: str | None = "2026-03-02") -> Document:
    return Document(id="t.txt", path="t.txt", text=text, lang=lang,
                    sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                    published=published)


def claims_of(text: str, lang: str = "fr", published: str | None = "2026-03-02") -> list[Claim]:
    (result,) = extract_batch([doc_of(text, lang, published)])
    return list(result.claims)


def test_a_promise_by_a_named_person_is_his_commitment():
    claims = claims_of("Nommé en mars 2024, le préfet du Nord, Bertrand Gaume, a promis la "
                       "fermeture du camp de Calais d'ici un an.")
    (claim,) = [c for c in claims if c.actor == "Bertrand Gaume"]
    assert claim.kind == "commitment"
    assert not [c for c in claims if "préfet" in c.actor]


@pytest.mark.parametrize("text,lang", [
    ("La Ville de Lyon ouvre un centre d'accueil à partir du 1er juin 2026.", "fr"),
    ("The City of Leeds opens a night shelter from 1 June 2026.", "en"),
])
def test_a_future_opening_is_a_commitment_with_its_own_date(text: str, lang: str):
    (claim,) = claims_of(text, lang)
    assert (claim.kind, claim.date) == ("commitment", "2026-06-01")


def test_spending_past_a_commitment_is_the_auditor_assessment_not_a_new_commitment():
    text = ("La chambre régionale des comptes de Bretagne publie ce jour son rapport. "
            "Les dépenses de la Ville de Rennes dépassent ses engagements initiaux (2 M€ par an) "
            "pour atteindre plus de 9 M€.")
    claims = claims_of(text)
    finding = [c for c in claims if "dépassent" in c.quote]
    assert [(c.kind, c.amount) for c in finding] == [("assessment", None)]
    assert "chambre régionale des comptes" in finding[0].actor
    assert not [c for c in claims if c.kind == "commitment"]


def test_objects_are_noun_phrases_never_time_words_or_fragments():
    claims = claims_of("Le maire de Nantes, Johanna Rolland, a présenté jeudi au sein du conseil "
                       "municipal un plan de 40 M€ pour les pistes cyclables.")
    # presenting a 40 M€ plan is done, the 40 M€ a commitment to fund (its own claim)
    (claim,) = [c for c in claims if c.actor == "Johanna Rolland" and c.action != "fund"]
    assert claim.object in (None, "un plan") or claim.object.startswith("un plan")
    words = {c.object for c in claims}
    assert not words & {"jeudi", "au sein", "au sein du conseil municipal"}


def test_the_incise_that_reports_a_sentence_is_no_object_of_its_act() -> None:
    claims = claims_of("Toulouse Métropole a réservé 8 millions d'euros pour de nouvelles "
                       "pistes cyclables, a indiqué son président Paul Marin.")
    (act,) = [c for c in claims if c.action == "reserve"]
    assert act.amount == 8_000_000 and act.object is None  # was "a indiqué"
