"""The static HTML report: valid pages, working links, counts and quotes true to the build."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.read.report.data import claim_anchor
from extractor.read.report.site import write_report
from extractor.read.report.text import Span, render_spans

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    """Checks nesting and collects ids, links, resources, marks and table cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.links: list[str] = []
        self.resources: list[tuple[str, str, str]] = []
        self.marks: list[tuple[dict[str, str], list[str]]] = []  # attrs, text pieces
        self.open_marks: list[list[str]] = []
        self.text: list[str] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "a" in self.stack:
            self.errors.append("<a> inside <a>")
        if tag == "html":
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids[a["id"]] += 1
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for attr in ("src", "href", "data", "srcset", "poster"):
            if attr in a and tag != "a":
                self.resources.append((tag, attr, a[attr]))
        if tag == "script":
            self.resources.append((tag, "script", a.get("src", "")))
        if tag == "mark":
            pieces: list[str] = []
            self.marks.append((a, pieces))
            self.open_marks.append(pieces)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for pieces in self.open_marks:
            pieces.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def site(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    index = write_report(corpus_build, out)
    assert index == out / "index.html"
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, Page]:
    return {p.resolve(): parse(p) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def claims(corpus_build: Path) -> list[dict]:
    lines = (corpus_build / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_page_is_balanced_html_with_a_language(pages: dict[Path, Page]) -> None:
    assert len(pages) > 10
    for path, page in pages.items():
        assert not page.errors, (path, page.errors[:3])
        assert not page.stack, (path, page.stack)
        assert page.html_lang, path
        duplicated = [i for i, n in page.ids.items() if n > 1]
        assert not duplicated, (path, duplicated)


def test_every_internal_link_resolves_to_a_file_and_anchor(site: Path,
                                                           pages: dict[Path, Page]) -> None:
    checked = 0
    for path, page in pages.items():
        for href in page.links + [r[2] for r in page.resources if r[1] in ("src", "href")]:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), (path, href)
            assert site.resolve() in target.parents, (path, href)
            if parts.fragment:
                assert parts.fragment in pages[target].ids, (path, href)
            checked += 1
    assert checked > 100


def test_index_counts_match_claims_jsonl(site: Path, claims: list[dict]) -> None:
    expected = Counter((c["actor_id"], c["kind"]) for c in claims)
    html = (site / "index.html").read_text(encoding="utf-8")
    page = parse(site / "index.html")
    seen = 0
    for actor_id in {c["actor_id"] for c in claims}:
        row = html.split(f'data-actor="{actor_id}"', 1)[1].split("</tr>", 1)[0]
        for kind in ("commitment", "achievement", "assessment", "statement"):
            cell = row.split(f'data-kind="{kind}">', 1)[1].split("<", 1)[0]
            assert int(cell) == expected[(actor_id, kind)], (actor_id, kind)
            seen += 1
    assert seen == 4 * len({c["actor_id"] for c in claims})
    assert any(link.startswith("actor/") for link in page.links)
    assert any(link.startswith("document/") for link in page.links)
    assert "figures.html" in page.links


def test_actor_page_marks_are_the_claim_quotes(site: Path, claims: list[dict]) -> None:
    by_actor: dict[str, Counter[str]] = {}
    for c in claims:
        by_actor.setdefault(c["actor_id"], Counter())[c["quote"]] += 1
    html = (site / "index.html").read_text(encoding="utf-8")
    for actor_id, quotes in by_actor.items():
        row = html.split(f'data-actor="{actor_id}"', 1)[1]
        href = row.split('href="', 1)[1].split('"', 1)[0]
        page = parse(site / href)
        marks = Counter("".join(t) for a, t in page.marks if a.get("class") == "quote")
        assert marks == quotes, actor_id


def test_document_pages_anchor_each_claim_on_its_quote(site: Path, pages: dict[Path, Page],
                                                       claims: list[dict]) -> None:
    resolved = pages
    for c in claims:
        doc_pages = [p for p in resolved if claim_anchor(c["id"]) in resolved[p].ids
                     and p.parent.name == "document"]
        assert len(doc_pages) == 1, c["id"]
        page = resolved[doc_pages[0]]
        text = next("".join(t) for a, t in page.marks if a.get("id") == claim_anchor(c["id"]))
        assert text and c["quote"].startswith(text), c["id"]
        classes = {a.get("class", "") for a, _ in page.marks}
        assert {"m-Organization", "m-Place"} <= {k for cls in classes for k in cls.split()}


def test_figures_page_shows_each_comparison_with_both_sources(corpus_build: Path, site: Path,
                                                              pages: dict[Path, Page]) -> None:
    from extractor.read.compare import compare

    rows = compare(corpus_build)
    assert rows, "the corpus has figures to compare"
    page = pages[(site / "figures.html").resolve()]
    to_documents = [link for link in page.links if link.startswith("document/")]
    assert len(to_documents) == 2 * len(rows)
    mentions = [json.loads(line) for line in
                (corpus_build / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    for link, (row, side) in zip(to_documents, [(r, s) for r in rows for s in ("left", "right")],
                                 strict=True):
        s = getattr(row, side)
        figure = [m for m in mentions if m["document"] == s.document and m["text"] == s.text
                  and s.start <= m["start"] and m["end"] <= s.end]
        if figure:
            assert link.endswith(f"#fig-{figure[0]['start']}-{figure[0]['end']}"), link
    marked = ["".join(t) for a, t in page.marks if a.get("class") == "quote"]
    sides = [getattr(r, side) for r in rows for side in ("left", "right")]
    assert marked == [s.text for s in sides if s.text in s.quote]


def test_pictures_are_valid_svg_with_alt_text(site: Path) -> None:
    page = parse(site / "index.html")
    images = [r for r in page.resources if r[0] == "img"]
    assert len(images) == 2
    for _, _, src in images:
        root = ET.parse(site / src).getroot()
        assert root.tag.endswith("svg")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('alt="') == 2 and 'alt=""' not in html


def test_nothing_is_loaded_from_the_network(pages: dict[Path, Page]) -> None:
    for path, page in pages.items():
        assert not [r for r in page.resources if r[0] == "script"], path
        for tag, attr, value in page.resources:
            assert not value.startswith(("http:", "https:", "//")), (path, tag, attr, value)


def test_output_is_deterministic(corpus_build: Path, site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_report(corpus_build, again)
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in first:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    """Markup in labels and quotes stays text, even without a store (quotes stand alone)."""
    build = tmp_path / "build"
    build.mkdir()
    evil = '<script>alert("x")</script> & <b>'
    claim = {"id": "https://w3id.org/plangraph/claim/abc", "document": 'd<"1">.txt',
             "kind": "commitment", "actor": evil, "actor_id": "https://w3id.org/plangraph/entity/e",
             "action": "fund", "object": evil, "amount": 5.0, "unit": "EUR", "date": "2020",
             "place": None, "quote": evil, "start": 0, "end": len(evil)}
    entity = {"id": "https://w3id.org/plangraph/entity/e", "type": "Organization", "label": evil,
              "aliases": [evil]}
    (build / "claims.jsonl").write_text(json.dumps(claim) + "\n", encoding="utf-8")
    (build / "entities.jsonl").write_text(json.dumps(entity) + "\n", encoding="utf-8")
    (build / "mentions.jsonl").write_text("", encoding="utf-8")
    out = write_report(build, tmp_path / "site").parent
    for path in out.rglob("*.html"):
        page = parse(path)
        assert not page.errors and not page.stack, path
        assert "<script" not in path.read_text(encoding="utf-8"), path
    actor = parse(next((out / "actor").glob("*.html")))
    assert ["".join(t) for a, t in actor.marks] == [evil]


@given(st.text(alphabet="ab<&\n", max_size=30),
       st.lists(st.tuples(st.integers(-2, 32), st.integers(-2, 32), st.booleans()), max_size=8))
def test_render_spans_always_nests_and_keeps_the_text(text: str, raw: list) -> None:
    spans = [Span(s, e, f"c{i}", anchor=f"a{i}", href="x.html" if link else None)
             for i, (s, e, link) in enumerate(raw)]
    page = Page()
    page.feed(f"<div>{render_spans(text, spans)}</div>")
    page.close()
    assert not page.errors and not page.stack
    assert "".join(page.text) == text
    assert all(n == 1 for n in page.ids.values())
