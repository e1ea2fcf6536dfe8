"""Words and stands that are not acts, and intentions a speaker states its own.

- Verbs of saying or of taking a stand the lexicons lacked ("réaffirme son soutien", "prône
  le repli", "a exprimé son inquiétude", "a laissé entendre que", "persiste et signe",
  "reaffirmed its support", "expressed doubts", "advocates", "contests the rule") are
  statements, not deeds; so is a verb of saying read through its passive agent ("est prôné
  par l'État"), whose object is what was said, not the agent.
- A speaker's intention with the act it names ("a réaffirmé sa volonté de créer 5 000
  places", "confirmed its decision to close the shelter") is one commitment to that act,
  whatever the verb of saying.
- A verb of aspect ("continue de dénoncer", "keeps criticising", "continuera de financer")
  passes to its infinitive what is done and how.
"""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le ministère de la Culture réaffirme son attachement au projet.", "fr",
     "ministère de la Culture"),
    ("L'Etat prône le repli stratégique des habitations.", "fr", "Etat"),
    ("La FNSEA a exprimé son inquiétude face à la réforme.", "fr", "FNSEA"),
    ("La Région Bretagne revendique la gestion des lycées.", "fr", "Région Bretagne"),
    ("Stéphane Bern a laissé entendre que la liste serait affinée.", "fr", "Stéphane Bern"),
    ("Michel Sapin persiste et signe.", "fr", "Michel Sapin"),
    ("The Ministry of Culture reaffirmed its support for the project.", "en",
     "Ministry of Culture"),
    ("Mayor Patrick Durand expressed doubts about the bill.", "en", "Patrick Durand"),
    ("The CGT advocates a general strike.", "en", "CGT"),
    ("Leeds City Council contests the ruling of the court.", "en", "Leeds City Council"),
])
def test_words_and_stands_are_statements(text: str, lang: str, actor: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-03-01")
    assert [(c.actor, c.kind) for c in claims] == [(actor, "statement")]


def test_a_verb_of_saying_through_its_agent_says_what_it_qualifies() -> None:
    (claim,) = claims_of("Ce repli stratégique est prôné depuis dix ans par l'Etat.")
    assert (claim.actor, claim.kind, claim.action) == ("Etat", "statement", "advocate")
    (claim,) = claims_of("Les demandes, rappelées par le maire de Lyon, restent sans réponse.")
    assert (claim.kind, claim.object) == ("statement", "Les demandes")


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Anne Hidalgo réaffirme sa volonté de créer 5000 places de crèche.", "fr",
     "Anne Hidalgo", "create"),
    ("Le préfet du Nord a confirmé son intention de fermer le camp.", "fr", "préfet du Nord",
     "close"),
    ("The City of Lyon confirmed its decision to close the shelter.", "en", "City of Lyon",
     "close"),
    ("The Region of Brittany recalled its commitment to fund the centre.", "en",
     "Region of Brittany", "fund"),
])
def test_a_stated_intention_is_one_commitment_to_its_act(text: str, lang: str, actor: str,
                                                         action: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-03-01")
    assert [(c.actor, c.kind, c.action) for c in claims] == [(actor, "commitment", action)]


@pytest.mark.parametrize(("text", "lang", "kind", "action"), [
    ("La CGT continue de dénoncer la réforme.", "fr", "statement", "denounce"),
    ("The CGT keeps criticising the reform.", "en", "statement", "criticise"),
    # guards: acts through a verb of aspect were read so before, and still are
    ("La Ville de Lyon continuera de financer le centre.", "fr", "commitment", "fund"),
    ("The City of Lyon started building the centre.", "en", "achievement", "build"),
])
def test_a_verb_of_aspect_passes_to_its_infinitive(text: str, lang: str, kind: str,
                                                   action: str) -> None:
    claims = claims_of(text, lang=lang, published="2024-03-01")
    assert [(c.kind, c.action) for c in claims] == [(kind, action)]
