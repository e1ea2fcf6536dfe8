import json
from pathlib import Path

import pytest

from extractor import iris
from extractor.errors import PlangraphError
from extractor.graph.resolve import Resolver
from extractor.mentions.curation import load_curation
from extractor.records import Mention, key_for
from extractor.store import open_store


def m(doc, type_, text, key, start=0):
    return Mention(document=doc, type=type_, text=text, start=start, end=start + len(text), key=key)


def test_same_name_in_two_documents_is_one_entity():
    r = Resolver()
    a = m("a.txt", "Organization", "Collectif Riverains Stalingrad", key_for("Organization", "Collectif Riverains Stalingrad"))
    b = m("b.txt", "Organization", "collectif riverains Stalingrad", key_for("Organization", "collectif riverains Stalingrad"))
    r.add([a, b])
    assert r.resolve(a).value == r.resolve(b).value
    (entity,) = r.entities()
    assert entity.mentions == 2 and entity.documents == ("a.txt", "b.txt")


def test_acronym_defined_in_one_document_resolves_alone_in_another():
    r = Resolver()
    long_key = key_for("Organization", "Fédération Addiction")
    defined = [m("a.txt", "Organization", "Fédération Addiction", long_key),
               m("a.txt", "Organization", "FA", long_key, start=30)]
    alone = m("b.txt", "Organization", "FA", key_for("Organization", "FA"))
    r.add(defined)
    r.add([alone])
    assert r.resolve(alone).value == r.resolve(defined[0]).value


def test_registry_entities_keep_their_ids_and_facts():
    r = Resolver()
    mention = m("a.txt", "Organization", "ARS", "reg:ars-idf")
    r.add([mention])
    assert r.resolve(mention).value == iris.entity("ars-idf")
    (entity,) = r.entities()
    assert entity.label == "Agence régionale de santé Île-de-France"
    assert "Île-de-France Regional Health Agency" in entity.aliases
    assert entity.parent == iris.entity("etat")


def test_city_and_city_government_differ():
    r = Resolver()
    city = m("a.txt", "Place", "Paris", "geo:paris")
    gov = m("a.txt", "Organization", "Ville de Paris", "reg:ville-de-paris")
    r.add([city, gov])
    assert r.resolve(city).value != r.resolve(gov).value


def test_curation_merge_alias_reject_relabel(tmp_path: Path):
    path = tmp_path / "curation.yaml"
    path.write_text(
        "merge: [{entity: collectif-x, into: ville-de-paris}]\n"
        "alias: [{text: 'la Maison', entity: ars-idf}]\n"
        "reject: [{text: 'Bidule'}]\n"
        "relabel: [{entity: ars-idf, label: 'ARS IDF'}]\n", encoding="utf-8")
    cur = load_curation(path)
    r = Resolver(cur)
    merged = m("a.txt", "Organization", "Collectif X", key_for("Organization", "Collectif X"))
    aliased = m("a.txt", "Organization", "la Maison", key_for("Organization", "la Maison"))
    r.add([merged, aliased])
    assert r.resolve(merged).value == iris.entity("ville-de-paris")
    assert r.resolve(merged).source == "curation"
    assert r.resolve(aliased).value == iris.entity("ars-idf")
    assert cur.rejects("any.txt", "bidule")
    ars = next(e for e in r.entities() if e.id == iris.entity("ars-idf"))
    assert ars.label == "ARS IDF" and ars.curated


def test_bad_curation_entry_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "curation.yaml"
    path.write_text("retype: [{entity: x, type: Banana}]\n", encoding="utf-8")
    with pytest.raises(PlangraphError) as info:
        load_curation(path)
    assert info.value.code == "E020" and "\n" not in str(info.value)


def test_curation_split_and_retype(tmp_path: Path):
    path = tmp_path / "curation.yaml"
    path.write_text(
        "split: [{text: 'Agence régionale de santé', entity: agence-nationale-generique}]\n"
        "retype: [{entity: jean-louis-aubert, type: Person}]\n", encoding="utf-8")
    r = Resolver(load_curation(path))
    wrong = m("a.txt", "Organization", "Agence régionale de santé", "reg:ars-idf")
    right = m("a.txt", "Organization", "ARS", "reg:ars-idf", start=40)
    singer = m("b.txt", "Place", "Jean-Louis Aubert", key_for("Place", "Jean-Louis Aubert"))
    r.add([wrong, right, singer])
    assert r.resolve(wrong).value == iris.entity("agence-nationale-generique")
    assert r.resolve(wrong).source == "curation"
    assert r.resolve(right).value == iris.entity("ars-idf")
    r.resolve(singer)
    aubert = next(e for e in r.entities() if e.id == iris.entity("jean-louis-aubert"))
    assert aubert.type == "Person" and aubert.curated


def test_curated_links_are_marked_in_the_graph(tmp_path: Path, monkeypatch):
    import shutil

    from extractor.build.run import build
    from extractor.mentions.curation import load_curation as load
    from tests.conftest import CORPUS

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(CORPUS.glob("002_*.txt")), src / "doc.txt")
    path = tmp_path / "curation.yaml"
    path.write_text("alias: [{text: 'AFP', entity: agence-france-presse-curated}]\n", encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, curation=load(path))
    nq = (out / "plan.nq").read_text(encoding="utf-8")
    assert "entity/agence-france-presse-curated" in nq
    assert '"curation"' in nq and "ontology#curated" in nq


def test_only_an_unregistered_acronym_waits_for_the_other_documents():
    r = Resolver()
    long_key = key_for("Organization", "Fédération Addiction")
    assert r.settled([m("a.txt", "Organization", "Fédération Addiction", long_key),
                      m("a.txt", "Organization", "ARS", "reg:ars-idf"),
                      m("a.txt", "Place", "Paris", "geo:paris")])
    # an unregistered acronym follows the long form most documents give it, so it waits
    assert not r.settled([m("b.txt", "Organization", "FA", key_for("Organization", "FA"))])
    # defined in the document itself: written at once, on the assumption checked at the end
    defined = m("a.txt", "Organization", "FA", long_key, start=30)
    assert r.settled([defined])
    r.add([defined])
    assumed = r.assumptions([defined])
    assert assumed == [(defined, long_key)] and r.still_hold(assumed)
    other = key_for("Organization", "France Alzheimer")
    r.add([m("b.txt", "Organization", "FA", other), m("c.txt", "Organization", "FA", other)])
    assert not r.still_hold(assumed)


def test_a_document_written_late_gets_the_acronym_defined_after_it(tmp_path: Path, monkeypatch):
    """The first document uses "FA" alone; the second defines it. The first one's outputs
    wait until the end, then carry the entity of the long form."""
    from extractor.build import executors
    from extractor.build.extract import DocResult
    from extractor.build.run import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Paris, le 3 mars 2024\n\nLa FA demande des moyens.\n",
                               encoding="utf-8")
    (src / "b.txt").write_text("Paris, le 5 mars 2024\n\nLa Fédération Addiction (FA) "
                               "publie un rapport.\n", encoding="utf-8")
    (src / "c.txt").write_text("Paris, le 6 mars 2024\n\nLa Fédération Addiction répond.\n",
                               encoding="utf-8")

    def found(document, text, key):
        start = document.text.index(text)
        return Mention(document=document.id, type="Organization", text=text, start=start,
                       end=start + len(text), key=key)

    def extract(documents):
        long_key = key_for("Organization", "Fédération Addiction")
        out = []
        for d in documents:
            if d.id == "a.txt":
                mentions = (found(d, "FA", key_for("Organization", "FA")),)
            elif d.id == "c.txt":
                mentions = (found(d, "Fédération Addiction", long_key),)
            else:
                mentions = (found(d, "Fédération Addiction", long_key), found(d, "FA", long_key))
            out.append(DocResult(d, mentions, ()))
        return out

    monkeypatch.setattr(executors, "extract_documents", extract)
    build([src], tmp_path / "out", cache=False, overlap=False)
    rows = [json.loads(line) for line in (tmp_path / "out" / "mentions.jsonl").open()]
    values = {(r["document"], r["text"]): r["value"] for r in rows}
    assert values[("a.txt", "FA")] == values[("b.txt", "Fédération Addiction")]
    assert values[("c.txt", "Fédération Addiction")] == values[("a.txt", "FA")]
    # b.txt defines FA and c.txt has no acronym: written at once; a.txt waits for the end
    assert [r["document"] for r in rows] == ["b.txt", "b.txt", "c.txt", "a.txt"]
    nq = (tmp_path / "out" / "plan.nq").read_text(encoding="utf-8")
    assert f'oa#hasBody> <{values[("a.txt", "FA")]}> <{iris.document("a.txt")}>' in nq


def test_an_acronym_given_another_meaning_later_rewrites_everything(tmp_path: Path,
                                                                     monkeypatch):
    """a.txt defines FA as Fédération Addiction and is written at once; b.txt and c.txt
    define FA as France Alzheimer, which then wins: the outputs are all written again and
    equal those of a build that resolves everything at the end."""
    from extractor.build import executors
    from extractor.build.extract import DocResult
    from extractor.build.run import build

    src = tmp_path / "in"
    src.mkdir()
    texts = {"a.txt": ("Fédération Addiction", "La Fédération Addiction (FA) répond."),
             "b.txt": ("France Alzheimer", "France Alzheimer (FA) publie un rapport."),
             "c.txt": ("France Alzheimer", "Selon France Alzheimer (FA), rien ne change.")}
    for name, (_, text) in texts.items():
        (src / name).write_text(f"Paris, le 3 mars 2024\n\n{text}\n", encoding="utf-8")

    def extract(documents):
        out = []
        for d in documents:
            long_form = texts[d.id][0]
            key = key_for("Organization", long_form)
            spans = [(long_form, d.text.index(long_form)), ("FA", d.text.index("(FA)") + 1)]
            out.append(DocResult(d, tuple(
                Mention(document=d.id, type="Organization", text=t, start=s, end=s + len(t),
                        key=key) for t, s in spans), ()))
        return out

    monkeypatch.setattr(executors, "extract_documents", extract)
    report = build([src], tmp_path / "out", cache=False, overlap=False)
    assert report.documents == ["a.txt", "b.txt", "c.txt"] and not report.errors
    rows = [json.loads(line) for line in (tmp_path / "out" / "mentions.jsonl").open()]
    assert [r["document"] for r in rows] == ["a.txt"] * 2 + ["b.txt"] * 2 + ["c.txt"] * 2
    values = {(r["document"], r["text"]): r["value"] for r in rows}
    assert values[("a.txt", "FA")] == values[("b.txt", "France Alzheimer")]
    assert report.mentions["Organization"] == 6
    nq = (tmp_path / "out" / "plan.nq").read_text(encoding="utf-8").splitlines()
    doc = iris.document("a.txt")
    typed = f"<{doc}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    assert sum(q.startswith(typed) for q in nq) == 2  # pg:Document and prov:Entity, once
    assert len(open_store(tmp_path / "out" / "store")) == len(set(nq)) == report.triples
    entities = [json.loads(line) for line in (tmp_path / "out" / "entities.jsonl").open()]
    assert sum(e["mentions"] for e in entities) == 6
