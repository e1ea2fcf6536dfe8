"""Delivery status of commitments: the rules on hand-made claims, and the fixture corpus.

``tests/fixtures/delivery``: a plan of 2020 (``plan_fr.txt``) with five commitments and what
later sources say about them (dates in its ``sources.csv``), one status each:

| commitment (plan_fr.txt)                     | later source                              | status          |
|----------------------------------------------|-------------------------------------------|-----------------|
| Ville de Paris opens 100 places              | bilan_fr.txt: 120 places opened           | delivered       |
| ARS funds outreach with 2 M€                 | report_en.txt (English): 1 M€ funded      | partly          |
| préfecture de police creates a care centre   | audit_fr.txt: "n'a pas été créé"          | not delivered   |
| Ville de Paris extends the night hours       | bilan_fr.txt done, audit_fr.txt not done  | disputed        |
| préfecture de police installs cameras        | nothing                                   | no later report |
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractor.errors import PlangraphError
from extractor.graph.delivery import Ledger, deliveries
from extractor.graph.delivery_rdf import delivery_quads
from extractor.graph.delivery_rules import checked_settings, cue, date_parts, is_after
from extractor.knowledge import load_yaml
from extractor.read.bindings import bind_values
from extractor.read.load import load_claims
from extractor.read.validate import validate_graph_file, validate_store
from extractor.records import Claim, Delivery, Entity
from tests.conftest import ROOT

A, B, AUDITOR = "e/a", "e/b", "e/crc"
PLAN, LATER = "plan.txt", "later.txt"
PUBLISHED = {PLAN: "2020-01-15", LATER: "2021-06-10"}


def claim(cid: str, kind: str, action: str, obj: str | None = None, *, actor: str = A,
          document: str = LATER, amount: object = None, unit: str | None = None,
          quote: str = "…", date: str | None = None, negated: bool = False) -> Claim:
    return Claim(f"x/claim/{cid}", document, kind, actor, actor, action, obj, amount, unit,
                 date, None, quote, 0, 1, 0.9, negated=negated)


def commitment(**kw: object) -> Claim:
    kw.setdefault("document", PLAN)
    return claim("c", "commitment", str(kw.pop("action", "open")), **kw)  # type: ignore[arg-type]


def status(*later: Claim, committed: Claim | None = None,
           published: dict[str, str] | None = None) -> Delivery:
    found = deliveries([committed or commitment(obj="places d'hébergement", amount=100.0,
                                                unit="place"), *later],
                       published or PUBLISHED)
    assert len(found) == 1
    return found[0]


def test_an_achievement_with_the_same_or_a_larger_count_delivers() -> None:
    found = status(claim("e", "achievement", "open", "places", amount=120.0, unit="place"))
    assert (found.status, found.evidence) == ("delivered", ("x/claim/e",))
    assert found.rule == "achievement: reported 120 ≥ committed 100 place"


def test_a_smaller_count_is_partly_and_a_range_counts_by_its_top() -> None:
    assert status(claim("e", "achievement", "open", amount=60.0, unit="place")).status == "partly"
    assert status(claim("e", "achievement", "open", amount=[60.0, 100.0],
                        unit="place")).status == "delivered"


def test_an_achievement_without_a_comparable_figure_delivers() -> None:
    found = status(claim("e", "achievement", "open", amount=3.0, unit="EUR"))
    assert (found.status, found.rule) == ("delivered", "achievement, no figure to compare")


def test_same_day_earlier_or_coarser_dates_are_not_later() -> None:
    same_day = claim("e", "achievement", "open", document=PLAN)
    assert status(same_day).status == "no later report"
    coarse = {PLAN: "2020-01-15", LATER: "2020"}  # "2020" is not after "2020-01-15"
    assert status(claim("e", "achievement", "open"), published=coarse).status == "no later report"
    assert is_after((2021,), (2020, 5)) and not is_after((2020,), (2020, 5))
    assert date_parts("2019/2021") == ((2019,), (2021,))


def test_a_report_beyond_the_plan_period_is_not_evidence() -> None:
    late = {PLAN: "2020-01-15", LATER: "2035-01"}
    assert status(claim("e", "achievement", "open"), published=late).status == "no later report"


def test_another_action_counts_only_on_a_shared_object_word() -> None:
    assert status(claim("e", "achievement", "fund")).status == "no later report"
    assert status(claim("e", "achievement", "fund", "les places")).status == "delivered"
    # "establish" is in the class of "open" (ontology/delivery.yaml)
    assert status(claim("e", "achievement", "establish")).status == "delivered"


def test_a_partner_counts_only_on_the_same_object_and_a_stranger_never() -> None:
    co_signed = claim("s", "commitment", "fund", actor=B, document=PLAN)
    partner_same_action = claim("e", "achievement", "open", actor=B)
    stranger = claim("f", "achievement", "open", "places", actor="e/other")
    partner_same_object = claim("g", "achievement", "host", "places", actor=B)
    found = deliveries([commitment(obj="places"), co_signed, partner_same_action, stranger,
                        partner_same_object], PUBLISHED)
    assert found[0].evidence == ("x/claim/g",)


def test_a_member_speaks_for_its_organisation() -> None:
    minister = claim("e", "achievement", "open", actor="e/minister")
    assert status(minister).status == "no later report"
    ledger = Ledger()
    ledger.add(PLAN, PUBLISHED[PLAN], [commitment(obj="places")])
    ledger.add(LATER, PUBLISHED[LATER], [minister])
    member = Entity("e/minister", "Person", "Minister", member_of=(A,))
    assert [d.status for d in ledger.deliveries([member])] == ["delivered"]


@pytest.mark.parametrize(("quote", "expected"), [
    ("La chambre constate que les places n'ont pas été ouvertes.", "not delivered"),
    ("The audit finds the places were abandoned.", "not delivered"),
    ("Les places ont été partiellement ouvertes.", "partly"),
    ("The audit finds the places were implemented.", "delivered"),
    ("The places the audit counted were not enough.", "partly"),
    ("The means implemented did not open the places.", "not delivered"),
    ("Le suivi des places est insuffisant.", "partly"),
    ("La chambre décrit les places.", "no later report"),
])
def test_an_assessment_by_anyone_on_the_same_object_decides_by_its_words(
        quote: str, expected: str) -> None:
    judged = claim("j", "assessment", "assess", "les places", actor=AUDITOR, quote=quote)
    assert status(judged).status == expected
    assert cue(quote) == (None if expected == "no later report" else expected)


def test_an_assessment_on_another_object_is_not_evidence() -> None:
    judged = claim("j", "assessment", "assess", "les caméras", actor=AUDITOR,
                   quote="Les caméras n'ont pas été installées.")
    assert status(judged).status == "no later report"


def test_done_and_not_done_is_disputed_and_a_negated_achievement_is_not_done() -> None:
    done = claim("e", "achievement", "open", amount=120.0, unit="place")
    undone = claim("j", "assessment", "assess", "places", actor=AUDITOR,
                   quote="Les places n'ont jamais été ouvertes.")
    found = status(done, undone)
    assert found.status == "disputed"
    assert set(found.evidence) == {"x/claim/e", "x/claim/j"}
    assert status(replace(done, negated=True)).status == "not delivered"


def test_every_commitment_gets_one_finding_and_other_kinds_none() -> None:
    later = claim("e", "achievement", "open")
    other = replace(commitment(), id="x/claim/c2", action="dismantle")
    found = deliveries([commitment(), other, later], PUBLISHED)
    assert [(d.claim, d.status) for d in found] == [("x/claim/c", "delivered"),
                                                    ("x/claim/c2", "no later report")]


# ------------------------------------------------------------------ the fixture corpus

EXPECTED = {
    "ouvrira 100 places": "delivered",
    "financera les maraudes": "partly",
    "créera un centre de soins": "not delivered",
    "étendra les horaires": "disputed",
    "installera des caméras": "no later report",
}


def _findings(out: Path) -> dict[str, dict[str, object]]:
    claims = {c.id: c for c in load_claims(out)}
    rows = [json.loads(line) for line in (out / "delivery.jsonl").read_text().splitlines()]
    return {claims[r["claim"]].quote: {**r, "evidence_kinds": sorted(
        claims[e].kind for e in r["evidence"])} for r in rows}


def test_the_fixture_corpus_gives_each_status(delivery_build: Path) -> None:
    found = _findings(delivery_build)
    assert len(found) == len(EXPECTED)
    statuses = {words: next(r["status"] for q, r in found.items() if words in q)
                for words in EXPECTED}
    assert statuses == EXPECTED
    by_status = {r["status"]: r for r in found.values()}
    assert by_status["disputed"]["evidence_kinds"] == ["achievement", "assessment"]
    assert by_status["no later report"]["evidence"] == []
    assert "1 000 000 < committed 2 000 000 EUR" in str(by_status["partly"]["rule"])


def test_the_delivery_graph_conforms_and_a_broken_one_does_not(delivery_build: Path,
                                                                 tmp_path: Path) -> None:
    report = validate_store(delivery_build / "store")
    assert report.conforms, report.to_text()
    assert report.graphs == 7  # 4 documents, entities, build, delivery
    wrong = Delivery("https://w3id.org/plangraph/claim/0a", "no later report", "r",
                     ("https://w3id.org/plangraph/claim/0b",))
    path = tmp_path / "wrong.trig"
    path.write_bytes(ox.serialize(delivery_quads([wrong], "https://w3id.org/plangraph/build/x"),
                                  format=ox.RdfFormat.TRIG) or b"")
    text = validate_graph_file(path).to_text()
    assert "needs evidence" in text


def test_the_saved_query_answers_for_one_actor(delivery_build: Path) -> None:
    query = (ROOT / "ontology" / "queries" / "commitment-delivery.rq").read_text()
    store = ox.Store.read_only(str(delivery_build / "store"))
    prefecture = ox.NamedNode("https://w3id.org/plangraph/entity/prefecture-de-police")
    rows = list(store.query(query, substitutions={ox.Variable("actor"): prefecture}))
    assert {(r["status"].value, r["evidenceKind"].value if r["evidenceKind"] else None)
            for r in rows} == {("NotDelivered", "assessment"), ("NoLaterReport", None)}
    assert all(r["actor"] == prefecture for r in rows)


# The query as it was written until session 9, with the evidence in one OPTIONAL: the rows
# the saved query (two branches, so that Oxigraph joins the evidence from the actor) must give.
OPTIONAL_FORM = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT * WHERE {
  GRAPH ?g { ?claim a pg:Commitment ; pg:actor ?actor ; pg:action ?action ;
                    pg:actorName ?actorName ; pg:quote ?quote }
  GRAPH ?g { ?doc pg:hasClaim ?claim ; dcterms:identifier ?document }
  OPTIONAL { GRAPH ?g { ?claim pg:dateText ?date } }
  GRAPH ?delivery { ?finding pg:deliveryOf ?claim ; pg:deliveryStatus ?concept ;
                             pg:deliveryRule ?rule }
  BIND (STRAFTER(STR(?concept), "#") AS ?status)
  OPTIONAL {
    GRAPH ?delivery { ?finding pg:deliveryEvidence ?evidence }
    GRAPH ?eg { ?evidence pg:kind ?evidenceKind ; pg:actorName ?evidenceActor ;
                          pg:quote ?evidenceQuote .
                ?evidenceDoc pg:hasClaim ?evidence ; dcterms:identifier ?evidenceDocument .
                OPTIONAL { ?evidence pg:dateText ?evidenceDate } }
  }
  OPTIONAL { GRAPH ?entities { ?actor a pg:Entity ; rdfs:label ?label } }
  BIND (COALESCE(?label, ?actorName) AS ?actorLabel)
}"""


def _rows(store: ox.Store, sparql: str, names: list[str], union: bool) -> list[tuple[str, ...]]:
    found = store.query(sparql, use_default_graph_as_union=union)
    assert isinstance(found, ox.QuerySolutions)
    return sorted(tuple(str(row[name]) for name in names) for row in found)


@pytest.mark.parametrize("union", [True, False])
def test_the_saved_query_gives_the_rows_of_its_optional_form(delivery_build: Path,
                                                              union: bool) -> None:
    query = (ROOT / "ontology" / "queries" / "commitment-delivery.rq").read_text()
    store = ox.Store.read_only(str(delivery_build / "store"))
    answer = store.query(query, use_default_graph_as_union=union)
    assert isinstance(answer, ox.QuerySolutions)
    names = [v.value for v in answer.variables]
    rows = _rows(store, query, names, union)
    assert len(rows) >= len(EXPECTED) + 1  # the disputed commitment has two pieces
    assert rows == _rows(store, OPTIONAL_FORM, names, union)
    for actor in {r[names.index("actor")] for r in rows}:  # and for each actor, bound
        bound = bind_values(query, {"actor": ox.NamedNode(actor.strip("<>"))})
        assert _rows(store, bound, names, union) == [r for r in rows
                                                     if r[names.index("actor")] == actor]


@pytest.mark.parametrize(("data", "key"), [
    ([], "(file)"),
    ({"horizon_months": "8 years", "min_word_length": 4, "stem_length": 6,
      "action_classes": {}}, "horizon_months"),
    ({"horizon_months": 96, "min_word_length": 4, "stem_length": 0,
      "action_classes": {}}, "stem_length"),
    ({"horizon_months": 96, "min_word_length": 4, "stem_length": 6,
      "action_classes": {"money": "fund"}}, "action_classes"),
])
def test_a_bad_setting_is_e195_naming_the_file_and_key(data: object, key: str) -> None:
    with pytest.raises(PlangraphError) as raised:
        checked_settings(data, Path("ontology/delivery.yaml"))
    assert raised.value.code == "E195"
    assert str(raised.value).startswith(f"[E195] ontology/delivery.yaml: invalid delivery "
                                        f"setting '{key}'")


def test_the_shipped_settings_are_valid() -> None:
    assert checked_settings(load_yaml("delivery.yaml"), Path("delivery.yaml"))["horizon_months"]


def test_a_commitment_reads_only_the_claims_about_the_same_thing():
    """The index hands a commitment only claims of its actor with its action class or an
    object word, a partner's or an auditor's with an object word: not every claim of its
    actor (the delivery pass was quadratic in a large corpus)."""
    from extractor.graph.delivery import _Index

    committed = commitment(obj="60 places d'hébergement")
    later = [claim("same-class", "achievement", "open", "un accueil de jour", document=LATER),
             claim("same-word", "statement", "say", "les places d'hébergement"),
             claim("other", "achievement", "arrest", "des trafiquants"),
             claim("audit", "assessment", "assess", "l'hébergement", actor=AUDITOR),
             claim("audit-other", "assessment", "assess", "les comptes", actor=AUDITOR),
             claim("other-actor", "achievement", "open", "des places", actor=B)]
    found = _Index([committed, *later], PUBLISHED).candidates(committed, {A}, set())
    assert [e.claim.id.rsplit("/", 1)[1] for e in found] == ["same-class", "same-word", "audit"]
