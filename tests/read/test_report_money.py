"""Money counted once (issue 19): by the committing actor, one amount per actor and year.

The fixture is a small build: two documents report the same commitment of the Ville de
Paris (one dates it, the other is dated by its publication), the ARS commits the same
amount (another actor: counted for it), an audit's assessment mentions another amount and
a statement of the Ville mentions a third (neither is committed money). The saved query
and the report's index and actor pages must agree on it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractor.graph.document_rdf import document_quads
from extractor.graph.rdf import entity_quads
from extractor.read.report.data import load_report_data
from extractor.read.report.site import write_report
from extractor.records import Claim, Document, Entity
from tests.conftest import ROOT

E = "https://w3id.org/plangraph/entity/"
BUILD = "https://w3id.org/plangraph/build/0123456789abcdef"
QUERY = ROOT / "ontology" / "queries" / "money-per-actor-year.rq"
TEXTS = {
    "a.txt": "La Ville de Paris financera les maraudes à hauteur de 1 M€ en 2019. "
             "L'ARS apportera 1 M€ en 2019.",
    "b.txt": "La Ville de Paris va débloquer 1 M€ pour les maraudes. "
             "Selon la Ville, 2 M€ ont déjà été dépensés.",
    "c.txt": "La CRC estime que 400 000 € ont été mal employés.",
}
PUBLISHED = {"a.txt": "2019-05-27", "b.txt": "2019-06-02", "c.txt": "2021-12-09"}
ENTITIES = [Entity(id=E + "ville-de-paris", type="Organization", label="Ville de Paris"),
            Entity(id=E + "ars-idf", type="Organization", label="ARS Île-de-France"),
            Entity(id=E + "crc-idf", type="Organization", label="Chambre régionale des comptes"),
            Entity(id=E + "julie-poissier", type="Person", label="Julie Poissier",
                   roles=("Responsable des relations presse",))]


def _claim(doc: str, quote: str, kind: str, actor: str, amount: float,
           date: str | None) -> Claim:
    start = TEXTS[doc].index(quote)
    return Claim(id=f"https://w3id.org/plangraph/claim/{doc[0]}{start:015d}", document=doc,
                 kind=kind, actor=next(e.label for e in ENTITIES if e.id == E + actor),
                 actor_id=E + actor, action="fund", object=None, amount=amount, unit="EUR",
                 date=date, place=None, quote=quote, start=start, end=start + len(quote),
                 confidence=0.9)


CLAIMS = [
    _claim("a.txt", "La Ville de Paris financera les maraudes à hauteur de 1 M€ en 2019.",
           "commitment", "ville-de-paris", 1e6, "2019"),
    _claim("a.txt", "L'ARS apportera 1 M€ en 2019.", "commitment", "ars-idf", 1e6, "2019"),
    _claim("b.txt", "La Ville de Paris va débloquer 1 M€ pour les maraudes.", "commitment",
           "ville-de-paris", 1e6, None),
    _claim("b.txt", "Selon la Ville, 2 M€ ont déjà été dépensés.", "statement",
           "ville-de-paris", 2e6, None),
    _claim("c.txt", "La CRC estime que 400 000 € ont été mal employés.", "assessment",
           "crc-idf", 4e5, None),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture as a build folder: JSONL files and a store holding the same claims."""
    out = tmp_path_factory.mktemp("money")
    quads = list(entity_quads(ENTITIES))
    for doc, text in TEXTS.items():
        document = Document(id=doc, path=doc, text=text, lang="fr", sha256="0" * 64,
                            media_type="text/plain", title=f"Source {doc}",
                            published=PUBLISHED[doc])
        quads += document_quads(document, [], [c for c in CLAIMS if c.document == doc], BUILD,
                                None)
    store = ox.Store(str(out / "store"))
    store.extend(quads)
    store.flush()
    del store
    for name, rows in (("claims.jsonl", [c.row() for c in CLAIMS]),
                       ("entities.jsonl", [e.row() for e in ENTITIES]), ("mentions.jsonl", [])):
        (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                encoding="utf-8")
    return out


def test_saved_query_counts_each_commitment_once_and_lists_its_sources(build: Path) -> None:
    store = ox.Store.read_only(str(build / "store"))
    result = store.query(QUERY.read_text(encoding="utf-8"))
    assert isinstance(result, ox.QuerySolutions)
    rows = {row["actor"].value.rsplit("/", 1)[1]: row for row in result}
    assert set(rows) == {"ville-de-paris", "ars-idf"}  # the audit's amount is no commitment
    ville = rows["ville-de-paris"]
    assert (ville["year"].value, float(ville["total"].value), int(ville["amounts"].value)) == (
        "2019", 1e6, 1)
    assert ville["sources"].value == "1000000: a.txt, b.txt"
    assert float(rows["ars-idf"]["total"].value) == 1e6
    assert rows["ars-idf"]["sources"].value == "1000000: a.txt"


def test_report_totals_count_each_commitment_once(build: Path) -> None:
    data = load_report_data(build)
    ville = data.actors[E + "ville-de-paris"]
    assert ville.money == 1e6
    [fact] = ville.money_facts
    assert (fact.year, fact.documents) == ("2019", ("a.txt", "b.txt"))
    assert data.actors[E + "ars-idf"].money == 1e6
    assert data.actors[E + "crc-idf"].money == 0


def test_report_pages_show_the_total_and_the_sources(build: Path, tmp_path: Path) -> None:
    site = write_report(build, tmp_path / "site").parent
    index = (site / "index.html").read_text(encoding="utf-8")
    row = index.split(f'data-actor="{E}ville-de-paris"', 1)[1].split("</tr>", 1)[0]
    assert row.split('data-col="money">', 1)[1].split("<", 1)[0] == "1,000,000"
    page = (site / "actor" / "ville-de-paris.html").read_text(encoding="utf-8")
    money = page.split('<tr class="money">')[1:]
    assert len(money) == 1 and "<td>2019</td>" in money[0]
    assert money[0].count("<li>") == 2 and "Source a.txt" in money[0] and "Source b.txt" in money[0]


def test_index_lists_only_the_actors_of_claims(build: Path, tmp_path: Path) -> None:
    site = write_report(build, tmp_path / "site").parent
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Julie Poissier" not in index
    assert not (site / "actor" / "julie-poissier.html").exists()
    assert {p.stem for p in (site / "actor").glob("*.html")} == {
        "ville-de-paris", "ars-idf", "crc-idf"}
