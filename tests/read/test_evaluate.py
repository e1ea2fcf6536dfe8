"""The evaluator on crafted cases with known scores, and the gold annotations themselves."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from extractor.errors import PlangraphError
from extractor.ingest.repair import repair
from extractor.iris import slugify
from extractor.read.actor_alignment import compatible_names
from extractor.read.evaluate import entity_consistency, evaluate, write_report
from extractor.read.gold_files import load_gold
from extractor.read.gold_match import locate, normalise
from extractor.records import CLAIM_KINDS
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"


def document_text(path: Path) -> str:
    """The repaired text of a corpus document, as the build stores it."""
    return repair(path.read_text(encoding="utf-8", errors="replace"))[0]


BASE = "https://w3id.org/plangraph/entity/"

TEXT = ("Le financement de 1,3 M€ par l'ARS est acquis. "
        "Les places sont ouvertes par l’État et l'ARS. "
        "La Ville de Paris a rénové le square.")


def _write(tmp_path: Path, gold: dict, mentions: list[dict], claims: list[dict]) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "doc.yaml").write_text(yaml.safe_dump(gold, allow_unicode=True))
    for name, rows in (("mentions", mentions), ("claims", claims)):
        lines = (json.dumps({"document": "corpus/doc.txt", **r}, ensure_ascii=False) for r in rows)
        (tmp_path / "out" / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
    return tmp_path


def _gold(**sections: list) -> dict:
    base = {"document": "doc.txt", "published": "2019-05-27", "lang": "fr", "entities": [],
            "money": [], "quantities": [], "dates": [], "claims": []}
    return {**base, **sections}


def _span(sentence: int) -> tuple[int, int, str]:
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=\. ))\S", TEXT)]
    start = starts[sentence]
    end = TEXT.index(".", start) + 1
    return start, end, TEXT[start:end]


def _claim(actor: str, sentence: int, amount: float | None = None) -> dict:
    start, end, quote = _span(sentence)
    return {"kind": "achievement", "actor": actor, "actor_id": BASE + actor, "action": "fund",
            "amount": amount, "unit": "EUR" if amount else None, "quote": quote,
            "start": start, "end": end}


def test_normalise_folds_case_space_apostrophe_quotes_and_determiner():
    assert normalise("La  Préfecture de Police") == normalise("préfecture de police")
    assert normalise("l’ARS") == normalise("ARS") == "ars"
    assert normalise("« the State »") == "state"
    assert normalise("Île-de-France") != normalise("Ile-de-France")


def test_entities_matched_by_type_and_normalised_text(tmp_path):
    gold = _gold(entities=[
        {"type": "Organization", "text": "préfecture de police", "entity": "prefecture-de-police"},
        {"type": "Organization", "text": "Ville de Paris", "entity": "ville-de-paris"},
        {"type": "Person", "text": "Michel Cadot", "entity": "michel-cadot"},
        {"type": "Place", "text": "Paris", "entity": "paris"},
        {"type": "Place", "text": "Nord-Est parisien", "entity": "nord-est-parisien"}])
    predicted = [{"type": "Organization", "text": "la Préfecture de Police"},
                 {"type": "Organization", "text": "l’ Ville  de Paris"},
                 {"type": "Organization", "text": "Ville de Paris"},
                 {"type": "Person", "text": "Michel\nCadot"},
                 {"type": "Place", "text": "Paris"},
                 {"type": "Place", "text": "Stalingrad"},
                 {"type": "Organization", "text": "Michel Cadot"}]
    report = evaluate(_write(tmp_path, gold, predicted, [])/"gold", tmp_path/"out", texts={"doc.txt": TEXT})
    s = report.scores
    assert (s["Organization"].tp, s["Organization"].fp, s["Organization"].fn) == (2, 1, 0)
    assert (s["Person"].tp, s["Person"].fp, s["Person"].fn) == (1, 0, 0)
    assert (s["Place"].tp, s["Place"].fp, s["Place"].fn) == (1, 1, 1)
    assert (s["entities"].tp, s["entities"].fp, s["entities"].fn) == (4, 2, 1)
    assert s["entities"].precision == pytest.approx(4 / 6)
    assert s["entities"].recall == pytest.approx(4 / 5)
    assert s["entities"].f1 == pytest.approx(2 * (4 / 6) * (4 / 5) / (4 / 6 + 4 / 5))
    assert "Place: Nord-Est parisien" in report.errors["doc.txt"]["fn"]
    assert any(e.startswith("Place: Stalingrad") for e in report.errors["doc.txt"]["fp"])


def test_money_quantities_and_dates_by_value(tmp_path):
    gold = _gold(money=[{"text": "1,3 M€", "value": 1300000, "unit": "EUR"},
                        {"text": "3M d'euros", "value": 3000000, "unit": "EUR"}],
                 quantities=[{"text": "700 à 800 usagers", "value": [700, 800], "unit": "user"},
                             {"text": "80 places", "value": 80, "unit": "place"}],
                 dates=[{"text": "27 mai 2019", "value": "2019-05-27"},
                        {"text": "2019-2021", "value": "2019/2021"}])
    predicted = [{"type": "Money", "text": "1,3 M€", "value": 1300000.004, "unit": "EUR"},
                 {"type": "Money", "text": "1,3 millions", "value": 1300000, "unit": "EUR"},
                 {"type": "Money", "text": "3 M$", "value": 3000000, "unit": "USD"},
                 {"type": "Quantity", "text": "700-800", "value": [700, 800], "unit": "user"},
                 {"type": "Quantity", "text": "800", "value": 800, "unit": "user"},
                 {"type": "Date", "text": "ce jour", "value": "2019-05-27"},
                 {"type": "Date", "text": "2019", "value": "2019"}]
    s = evaluate(_write(tmp_path, gold, predicted, [])/"gold", tmp_path/"out", texts={"doc.txt": TEXT}).scores
    assert (s["Money"].tp, s["Money"].fp, s["Money"].fn) == (1, 1, 1)
    assert (s["Quantity"].tp, s["Quantity"].fp, s["Quantity"].fn) == (1, 1, 1)
    assert (s["Date"].tp, s["Date"].fp, s["Date"].fn) == (1, 1, 1)
    assert s["Quantity"].f1 == pytest.approx(0.5)


def test_claims_by_actor_and_amount_or_overlapping_quote(tmp_path):
    quote = _span(1)[2]
    gold = _gold(claims=[
        {"actor": "ars-idf", "kind": "commitment", "action": "fund", "amount": 1300000,
         "unit": "EUR", "quote": _span(0)[2]},
        {"actor": "etat", "kind": "achievement", "action": "open", "quote": quote},
        {"actor": "ars-idf", "kind": "achievement", "action": "open", "quote": quote},
        {"actor": "ville-de-paris", "kind": "achievement", "action": "renovate",
         "quote": _span(2)[2]}])
    predicted = [_claim("ars-idf", 2, 1300000),       # right amount, wrong sentence: still a match
                 _claim("etat", 1),                    # joined actors: one claim each
                 {**_claim("ars-idf", 1), "start": 0, "end": 0},  # offsets wrong, quote found
                 _claim("ville-de-paris", 0),          # no amount in gold, quote elsewhere
                 _claim("prefecture-de-police", 2)]
    report = evaluate(_write(tmp_path, gold, [], predicted)/"gold", tmp_path/"out", texts={"doc.txt": TEXT})
    c = report.scores["claims"]
    assert (c.tp, c.fp, c.fn) == (3, 2, 1)
    assert (c.precision, c.recall) == (pytest.approx(0.6), pytest.approx(0.75))
    assert c.f1 == pytest.approx(2 / 3)
    assert report.errors["doc.txt"]["fn"][0].startswith("claims: ville-de-paris renovate")


def test_claim_matching_prefers_amount_and_place_together(tmp_path):
    gold = _gold(claims=[
        {"actor": "ars-idf", "kind": "commitment", "action": "fund", "amount": 1000,
         "quote": _span(0)[2]},
        {"actor": "ars-idf", "kind": "achievement", "action": "open", "quote": _span(1)[2]}])
    predicted = [_claim("ars-idf", 1, 1000), _claim("ars-idf", 0, 1000)]
    c = evaluate(_write(tmp_path, gold, [], predicted)/"gold", tmp_path/"out", texts={"doc.txt": TEXT}).scores["claims"]
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)


def _ars_case(tmp_path, found: str, gold_slug: str, align: bool = True):
    """Sentence 0's funder: the gold calls it ``gold_slug``, the build ``found`` (same mention)."""
    start = TEXT.index("ARS")
    gold = _gold(entities=[{"type": "Organization", "text": "ARS", "entity": gold_slug,
                            "start": start, "end": start + 3}],
                 claims=[{"actor": gold_slug, "kind": "commitment", "action": "fund",
                          "amount": 1300000, "quote": _span(0)[2]}])
    mentions = [{"type": "Organization", "text": "l'ARS", "start": start - 2, "end": start + 3,
                 "value": BASE + found}]
    root = _write(tmp_path, gold, mentions, [_claim(found, 0, 1300000)])
    return evaluate(root / "gold", root / "out", texts={"doc.txt": TEXT},
                    align_actors=align).scores["claims"]


def test_an_actor_named_differently_is_the_gold_one_when_its_mention_and_words_agree(tmp_path):
    c = _ars_case(tmp_path, "agence-regionale-de-sante", "ars")
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_an_actor_is_the_gold_one_when_the_text_at_its_mention_writes_the_gold_name(tmp_path):
    # the build's canonical name ("conseil départemental …") need not share the gold's words
    # when the text there writes them all; "l'ARS" still names no region (next tests)
    start = TEXT.index("ARS")
    gold = _gold(entities=[{"type": "Organization", "text": "ARS", "entity": "ars",
                            "start": start, "end": start + 3}],
                 claims=[{"actor": "ars", "kind": "commitment", "action": "fund",
                          "amount": 1300000, "quote": _span(0)[2]}])
    found = "agence-sanitaire"
    mentions = [{"type": "Organization", "text": "l'ARS", "start": start - 2, "end": start + 3,
                 "value": BASE + found}]
    root = _write(tmp_path, gold, mentions, [_claim(found, 0, 1300000)])
    c = evaluate(root / "gold", root / "out", texts={"doc.txt": TEXT}).scores["claims"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_actor_alignment_can_be_turned_off(tmp_path):
    c = _ars_case(tmp_path, "agence-regionale-de-sante", "ars", align=False)
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)


def test_another_body_at_the_same_mention_stays_another_actor(tmp_path):
    c = _ars_case(tmp_path, "ars-normandie", "ars-ile-de-france")
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)


def test_compatible_names_expand_acronyms_and_ignore_function_words():
    assert compatible_names("crc-pays-de-la-loire",
                            "chambre-regionale-des-comptes-pays-de-la-loire")
    assert compatible_names("regions-de-france", "regions-of-france")
    assert compatible_names("michel-destot", "destot")
    assert not compatible_names("crc-provence-alpes-cote-d-azur",
                                "chambre-regionale-des-comptes-pays-de-la-loire")
    assert not compatible_names("parliament", "parlement")
    assert not compatible_names("de", "de-la")


def test_a_gold_amount_needs_an_equal_predicted_amount(tmp_path):
    gold = _gold(claims=[{"actor": "ars-idf", "kind": "commitment", "action": "fund",
                          "amount": 1300000, "quote": _span(0)[2]}])
    predicted = [_claim("ars-idf", 0), _claim("ars-idf", 0, 1200000)]
    c = evaluate(_write(tmp_path, gold, [], predicted)/"gold", tmp_path/"out", texts={"doc.txt": TEXT}).scores["claims"]
    assert (c.tp, c.fp, c.fn) == (0, 2, 1)
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_report_table_dict_and_json(tmp_path):
    gold = _gold(dates=[{"text": "2019", "value": "2019"}])
    report = evaluate(_write(tmp_path, gold, [{"type": "Date", "value": "2019"}], [])/"gold",
                      tmp_path/"out", texts={"doc.txt": TEXT})
    assert report.to_dict()["scores"]["Date"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0,
                                                  "recall": 1.0, "f1": 1.0}
    assert re.search(r"^Date\s+1\s+0\s+0\s+1\.000", report.to_table(), re.M)
    write_report(report, tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text())["documents"]["doc.txt"]["fp"] == []


def test_errors_have_codes(tmp_path):
    _write(tmp_path, _gold(), [], [])
    (tmp_path / "out" / "claims.jsonl").unlink()
    with pytest.raises(PlangraphError, match=r"\[E150\]"):
        evaluate(tmp_path / "gold", tmp_path / "out", texts={"doc.txt": TEXT})
    (tmp_path / "out" / "claims.jsonl").write_text("{not json\n")
    with pytest.raises(PlangraphError, match=r"\[E151\]"):
        evaluate(tmp_path / "gold", tmp_path / "out", texts={"doc.txt": TEXT})
    (tmp_path / "gold" / "doc.yaml").write_text("document: doc.txt\nclaims: [{actor: etat}]\n")
    with pytest.raises(PlangraphError, match=r"\[E152\]"):
        load_gold(tmp_path / "gold")


def test_entity_consistency_reports_split_and_merged_entities(tmp_path):
    gold = _gold(entities=[
        {"type": "Organization", "text": "ARS", "entity": "ars-idf"},
        {"type": "Organization", "text": "Agence régionale de santé", "entity": "ars-idf"},
        {"type": "Organization", "text": "Ville de Paris", "entity": "ville-de-paris"},
        {"type": "Place", "text": "Paris", "entity": "paris"}])
    predicted = [
        {"type": "Organization", "text": "l'ARS", "value": BASE + "ars-idf"},
        {"type": "Organization", "text": "agence régionale de santé",
         "value": BASE + "agence-regionale-de-sante"},
        {"type": "Organization", "text": "Ville de Paris", "value": BASE + "ville-de-paris"},
        {"type": "Place", "text": "Paris", "value": BASE + "ville-de-paris"}]
    problems = entity_consistency(_write(tmp_path, gold, predicted, [])/"gold", tmp_path/"out")
    assert len(problems) == 2
    assert problems[0].startswith("entity 'ars-idf' resolves to 2 IRIs")
    assert "shared by gold entities paris, ville-de-paris" in problems[1]
    predicted[1]["value"] = predicted[3]["value"] = BASE + "ars-idf"
    predicted[3]["value"] = BASE + "paris"
    (tmp_path / "out" / "mentions.jsonl").write_text("\n".join(
        json.dumps({"document": "doc.txt", **r}) for r in predicted))
    assert entity_consistency(tmp_path / "gold", tmp_path / "out") == []


GOLD_FILES = sorted(GOLD.glob("*.yaml"))


def test_there_is_one_gold_file_per_corpus_document():
    assert [p.stem for p in GOLD_FILES] == sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in GOLD_FILES])
def test_gold_file_is_well_formed_and_every_text_is_in_its_document(path):
    data = load_gold(path.parent)[path.stem + ".txt"]
    assert data["document"] == path.stem + ".txt"
    assert data["lang"] in ("fr", "en")
    assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(data["published"]))
    text = document_text(CORPUS / data["document"])
    assert text is not None
    slugs = {e["entity"] for e in data["entities"]}
    for section in ("entities", "money", "quantities", "dates", "claims"):
        for item in data[section]:
            needle = item["quote"] if section == "claims" else item["text"]
            assert locate(needle, text), f"{section}: {needle!r} not in {path.stem}"
    for entity in data["entities"]:
        assert entity["type"] in ("Organization", "Person", "Place")
        assert slugify(entity["entity"]) == entity["entity"]
        assert entity.get("org") is None or entity["org"] in slugs
    for claim in data["claims"]:
        assert claim["kind"] in CLAIM_KINDS
        assert claim["actor"] in slugs, f"claim actor {claim['actor']} is not a mention"
        assert ("amount" in claim) == ("unit" in claim)
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}(/\d{4}(-\d{2}){0,2})?", str(claim["date"]))
    for value in [d["value"] for d in data["dates"]]:
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}(/\d{4}(-\d{2}){0,2})?", str(value))
    assert all(m["unit"] == "EUR" for m in data["money"])


def test_gold_gives_one_name_one_entity_across_documents():
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for data in load_gold(GOLD).values():
        for entity in data["entities"]:
            seen[(entity["type"], normalise(entity["text"]))].add(entity["entity"])
    assert {key: slugs for key, slugs in seen.items() if len(slugs) > 1} == {}
