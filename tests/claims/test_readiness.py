""""X is due to present", "is set to open", "is ready to fund", "est prête à financer": a
word after "be" that readies the infinitive's act promises it (issue 15); "set up", "has set
the target" stay what they are."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize("text,lang,action", [
    ("Jean Urvas is due to present a report to the Senate in September.", "en", "present"),
    ("Jean Urvas is set to present a report to the Senate in September.", "en", "present"),
    ("The Brittany Region is prepared to fund 20 new shelters.", "en", "fund"),
    ("La Région Bretagne est prête à financer 20 places.", "fr", "fund"),
])
def test_a_readied_act_is_promised(text: str, lang: str, action: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, lang)] == [("commitment", action)]


@pytest.mark.parametrize("text,kind,action", [
    ("The Brittany Region set up 20 new shelters last year.", "achievement", "establish"),
    ("Jean Urvas has set the target of 20 new shelters by 2027.", "commitment", "set"),
])
def test_set_with_no_infinitive_is_its_own_act(text: str, kind: str, action: str) -> None:
    assert [(c.kind, c.action) for c in claims_of(text, "en")] == [(kind, action)]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Le préfet Gérard Gavory n'hésitera pas à imposer le choix des terrains si besoin.", "fr",
     "impose"),
    ("Prefect John Hale will not hesitate to close the camp.", "en", "close"),
])
def test_a_negated_verb_of_hesitating_does_its_infinitive(text: str, lang: str,
                                                          action: str) -> None:
    """"n'hésitera pas à imposer": the litotes promises the act, it refuses nothing."""
    assert [(c.action, c.kind) for c in claims_of(text, lang=lang)] == [(action, "commitment")]
