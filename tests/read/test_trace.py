"""trace: actor names in any language, claims by/about an actor, output formats, loaders."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from extractor import iris
from extractor.errors import PlangraphError
from extractor.graph.document_rdf import document_quads
from extractor.graph.rdf import entity_quads
from extractor.read.load import load_claims, load_entities, load_mentions
from extractor.read.text import document_text
from extractor.read.trace import COLUMNS, FIELDS, TraceRow, find_actor, format_rows, trace
from extractor.records import Claim, Document, Entity, Mention
from extractor.store import open_store, write_store

ARS = iris.entity("ars-idf")
VILLE = iris.entity("ville-de-paris")
NUNEZ = iris.entity("laurent-nunez")
ENTITIES = [
    Entity(ARS, "Organization", "Agence régionale de santé Île-de-France",
           ("ARS", "agence régionale de santé", "Île-de-France Regional Health Agency"),
           mentions=5),
    Entity(VILLE, "Organization", "Ville de Paris", ("City of Paris", "ville de Paris"),
           mentions=4),
    Entity(NUNEZ, "Person", "Laurent Nuñez", (), mentions=1, member_of=()),
    Entity(iris.entity("paris"), "Place", "Paris", ("Paris",), mentions=9),
]


def make_build(out: Path, docs: list[dict[str, Any]]) -> Path:
    """A build folder (JSONL files and a store) from hand-written documents.

    Each doc: id, lang, published, text, mentions [(surface, type, value, unit)],
    claims [(surface, kind, actor_id, action, amount, unit)]; offsets found by ``str.find``.
    """
    quads, mentions, claims = [], [], []
    for d in docs:
        text = d["text"]
        doc = Document(d["id"], d["id"], text, d["lang"], hashlib.sha256(text.encode()).hexdigest(),
                       "text/plain", title=d.get("title"), published=d["published"])
        ms = []
        for surface, mtype, value, unit in d.get("mentions", []):
            start = text.index(surface)
            ms.append(Mention(d["id"], mtype, surface, start, start + len(surface),
                              value=tuple(value) if isinstance(value, list) else value,
                              unit=unit))
        cs = []
        for surface, kind, actor_id, action, amount, unit in d.get("claims", []):
            start = text.index(surface)
            end = start + len(surface)
            actor = next(e.label for e in ENTITIES if e.id == actor_id)
            cs.append(Claim(iris.claim(d["id"], start, end, actor_id, action), d["id"], kind,
                            actor, actor_id, action, None, amount, unit, d["published"], None,
                            surface, start, end, 0.9))
        quads += document_quads(doc, ms, cs, iris.build("test"), None)
        mentions += ms
        claims += cs
    quads += list(entity_quads(ENTITIES))
    out.mkdir(parents=True, exist_ok=True)
    for name, records in (("mentions", mentions), ("claims", claims), ("entities", ENTITIES)):
        lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in records]
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ox.serialize(quads, str(out / "plan.nq"), ox.RdfFormat.N_QUADS)
    write_store(out / "store", out / "plan.nq")
    return out


DOCS = [
    {"id": "a.txt", "lang": "fr", "published": "2019-05-27", "title": "Plan",
     "text": "L'ARS financera 1,3 M€ pour les usagers. La Ville de Paris ouvrira 60 places.",
     "claims": [("L'ARS financera 1,3 M€ pour les usagers.", "commitment", ARS, "fund",
                 1300000.0, "EUR"),
                ("La Ville de Paris ouvrira 60 places.", "commitment", VILLE, "open", 60.0,
                 "place")]},
    {"id": "b.txt", "lang": "en", "published": "2021-12", "title": "Audit",
     "text": "The chamber found that the Regional Health Agency did too little. "
             "Laurent Nuñez said the police acted.",
     "mentions": [("Regional Health Agency", "Organization", ARS, None)],
     "claims": [("The chamber found that the Regional Health Agency did too little.",
                 "assessment", VILLE, "assess", None, None),
                ("Laurent Nuñez said the police acted.", "statement", NUNEZ, "state", None,
                 None)]},
]


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_build(tmp_path_factory.mktemp("trace"), DOCS)


@pytest.mark.parametrize("name, expected", [
    ("ARS", ARS), ("agence régionale de santé", ARS), ("AGENCE REGIONALE DE SANTE", ARS),
    ("Regional Health Agency", ARS), ("Ville de Paris", VILLE), ("City of Paris", VILLE),
    ("la ville de paris", VILLE), ("Nunez", NUNEZ), ("laurent nuñez", NUNEZ)])
def test_find_actor_by_any_name(name: str, expected: str) -> None:
    assert [e.id for e in find_actor(ENTITIES, name)] == [expected]


def test_find_actor_unknown_lists_close_names() -> None:
    with pytest.raises(PlangraphError) as info:
        find_actor(ENTITIES, "Laurent Nunes")
    assert info.value.code == "E160"
    assert "Laurent Nuñez" in str(info.value)
    assert "\n" not in str(info.value)


def test_find_actor_ambiguous_returns_all() -> None:
    found = find_actor(ENTITIES, "de Paris")
    assert {e.id for e in found} == {VILLE}
    both = [Entity("x", "Organization", "Préfecture de police"),
            Entity("y", "Organization", "Préfecture de région")]
    assert {e.id for e in find_actor(both, "préfecture")} == {"x", "y"}


def test_trace_roles_and_order(small_build: Path) -> None:
    rows = trace(small_build, "ARS")
    assert [(r.claim.document, r.role, r.claim.kind) for r in rows] == [
        ("a.txt", "actor", "commitment"), ("b.txt", "subject", "assessment")]
    assert rows[0].claim.amount == 1300000.0 and rows[0].document_title == "Plan"
    assert rows[1].published == "2021-12"


def test_loaders_agree_on_build_and_store(small_build: Path) -> None:
    assert load_claims(small_build) == load_claims(small_build / "store")
    assert load_mentions(small_build) == load_mentions(small_build / "store")
    assert load_entities(small_build) == load_entities(small_build / "store")


def test_loaders_give_records(small_build: Path) -> None:
    """Typed records, ranges as tuples of floats, names sorted with the label among them."""
    claims, mentions = load_claims(small_build), load_mentions(small_build)
    entities = load_entities(small_build)
    assert claims and all(isinstance(c, Claim) for c in claims)
    assert mentions and all(isinstance(m, Mention) for m in mentions)
    assert [e.id for e in entities] == sorted(e.id for e in ENTITIES)
    ars = next(e for e in entities if e.id == ARS)
    assert ars.aliases == tuple(sorted({ars.label, *ENTITIES[0].aliases}))
    assert [(c.document, c.start) for c in claims] == sorted((c.document, c.start) for c in claims)


def test_loaders_tolerate_missing_fields(tmp_path: Path) -> None:
    """An old or hand-written file still loads: a missing required field reads as None, a
    missing optional one takes its default, an unknown key is dropped."""
    (tmp_path / "claims.jsonl").write_text(json.dumps(
        {"id": "c", "document": "d.txt", "kind": "commitment", "actor": "A", "amount": [1, 2],
         "start": 0, "end": 3, "extra_key": 1}) + "\n", encoding="utf-8")
    (claim,) = load_claims(tmp_path)
    assert claim.amount == (1.0, 2.0) and claim.quote is None and claim.negated is False


def test_trace_row_json_is_the_claim_then_the_view(small_build: Path) -> None:
    """A row's JSON object has the claim's exported columns, the view's own fields, then the
    delivery's."""
    rows = trace(small_build, "Ville de Paris")
    objects = json.loads(format_rows(rows, "json"))
    assert [list(o) for o in objects] == [list(FIELDS)] * len(rows)
    assert FIELDS[-6:] == ("document_title", "published", "role", "delivery", "delivery_rule",
                           "delivery_evidence") and set(COLUMNS) <= set(FIELDS)
    assert isinstance(rows[0], TraceRow) and objects[0]["role"] == rows[0].role


def test_formats_parse(small_build: Path) -> None:
    rows = trace(small_build, "Ville de Paris")
    assert json.loads(format_rows(rows, "json"))[0]["id"] == rows[0].claim.id
    table = list(csv.DictReader(io.StringIO(format_rows(rows, "csv"))))
    assert [r["quote"] for r in table] == [r.claim.quote for r in rows]
    assert list(table[0]) == list(COLUMNS)
    md = format_rows(rows, "md").splitlines()
    assert md[0].startswith("| date |") and set(md[1]) <= set("|-")
    assert len(md) == 2 + len(rows) and rows[0].claim.quote in md[2]
    text = format_rows(rows, "table")
    assert text.splitlines()[0].split()[:3] == ["date", "role", "kind"]
    with pytest.raises(PlangraphError):
        format_rows(rows, "xml")


def test_trace_real_corpus(corpus_build: Path) -> None:
    rows = trace(corpus_build, "ARS")
    assert {r.claim.actor_id for r in rows if r.role == "actor"} == {ARS}
    assert sum(r.role == "actor" for r in rows) >= 5
    dates = [r.claim.date.split("/")[0] for r in rows if r.claim.date]
    assert dates == sorted(dates)
    store = open_store(corpus_build / "store")
    texts = {d: document_text(store, d) for d in {r.claim.document for r in rows}}
    assert len(texts) >= 3
    for r in rows:
        assert r.claim.quote == texts[r.claim.document][r.claim.start:r.claim.end]
