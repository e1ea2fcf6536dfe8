"""The endpoint serves an ordered SELECT answer in pages (LIMIT/OFFSET, a ``next`` link).

Queried over real HTTP on a free loopback port, on a store of 25 labelled things.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import PlangraphError
from extractor.read.paging import page_of, pageable, paged
from extractor.read.serve import SparqlServer
from extractor.store import write_store
from tests.read.test_serve import get, query_url, start, stop

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ORDERED = f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s {LABEL} ?o }} }} ORDER BY DESC(?o) ?s"
UNORDERED = f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s {LABEL} ?o }} }}"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SparqlServer, str]]:
    folder = tmp_path_factory.mktemp("paging")
    things = "\n".join(f"<http://e/thing{k:02d}> {LABEL} \"label {k % 7}\" ." for k in range(25))
    (folder / "things.trig").write_text(f"<http://e/graph> {{\n{things}\n}}\n")
    write_store(folder / "store", folder / "things.trig")
    server, base = start(folder / "store", timeout=10.0, max_rows=20, page_size=10)
    yield server, base
    stop(server)


def rows(body: bytes) -> list[tuple[str, str]]:
    return [(b["s"]["value"], b["o"]["value"]) for b in json.loads(body)["results"]["bindings"]]


def next_link(headers: dict) -> str | None:
    found = re.fullmatch(r'<([^>]+)>; rel="next"', headers.get("Link", ""))
    return found.group(1) if found else None


def test_an_ordered_answer_comes_in_pages_that_add_up_to_it(served: tuple[SparqlServer,
                                                                          str]) -> None:
    _, base = served
    status, headers, body = get(query_url(base, ORDERED + " LIMIT 100"))  # its own LIMIT
    assert status == 200 and next_link(headers) is None
    whole = rows(body)
    assert len(whole) == 20 and headers.get("X-Result-Truncated") == "true"  # max_rows
    pages, url, links = [], query_url(base, ORDERED), []
    while url:
        status, headers, body = get(url)
        assert status == 200 and "X-Result-Truncated" not in headers
        pages.append(rows(body))
        link = next_link(headers)
        links.append(link)
        url = base + link if link else ""
    assert [len(p) for p in pages] == [10, 10, 5]
    everything = [row for page in pages for row in page]
    assert everything[:20] == whole and len(set(everything)) == 25
    assert everything == sorted(everything, key=lambda r: (-int(r[1][-1]), r[0]))
    assert "offset=10" in str(links[0]) and "offset=20" in str(links[1]) and links[2] is None


def test_a_page_size_and_a_posted_query_get_a_get_link(served: tuple[SparqlServer,
                                                                     str]) -> None:
    _, base = served
    status, headers, body = get(query_url(base, ORDERED, limit="4", offset="22"))
    assert status == 200 and len(rows(body)) == 3 and next_link(headers) is None
    status, headers, body = get(f"{base}/sparql?limit=4", data=ORDERED.encode(),
                                ctype="application/sparql-query")
    link = next_link(headers)
    assert status == 200 and len(rows(body)) == 4 and link is not None
    asked = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
    assert asked == {"query": [ORDERED], "limit": ["4"], "offset": ["4"]}
    status, _, second = get(base + link)
    assert status == 200 and rows(second)[0] not in rows(body)


def test_the_html_page_links_to_the_next_page(served: tuple[SparqlServer, str]) -> None:
    _, base = served
    status, headers, body = get(query_url(base, ORDERED, format="html"))
    assert status == 200 and next_link(headers)
    assert b"<p>10 rows</p>" in body and b"<a rel=next href=\"/sparql?query=" in body


def test_an_unordered_answer_is_not_paged_and_bad_parameters_are_e190(
        served: tuple[SparqlServer, str]) -> None:
    _, base = served
    status, headers, body = get(query_url(base, UNORDERED))
    assert status == 200 and next_link(headers) is None and len(rows(body)) == 20
    for extra in ({"offset": "10"}, {"limit": "0"}, {"limit": "21"}, {"offset": "-1"},
                  {"limit": "ten"}):
        query = UNORDERED if extra == {"offset": "10"} else ORDERED
        status, _, body = get(query_url(base, query, **extra))
        assert status == 400 and body.startswith(b"[E190]"), (extra, body)


def test_which_queries_are_paged_and_how() -> None:
    assert pageable("# note\nPREFIX a: <http://e/#>\nSELECT * { ?s a:order ?o } ORDER BY ?o")
    assert not pageable("SELECT * { ?s ?p ?o } ORDER BY ?o OFFSET 3")
    assert not pageable("SELECT * { ?s ?p ?o } ORDER BY ?o VALUES ?o { 1 }")
    assert not pageable("SELECT * { ?s ?p ?o } # ORDER BY ?o")
    assert not pageable("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o } ORDER BY ?o")
    assert paged("SELECT * {} ORDER BY ?o", 10, 0).endswith("\nLIMIT 11 OFFSET 0\n")
    page = page_of(ORDERED, {"offset": ["5"]}, 1000, 30)
    assert page is not None and (page.size, page.offset) == (30, 5)
    with pytest.raises(PlangraphError) as raised:
        page_of(UNORDERED, {"limit": ["5"]}, 1000, 30)
    assert raised.value.code == "E190"


def test_every_saved_listing_is_served_in_pages() -> None:
    root = Path(__file__).resolve().parents[2] / "ontology" / "queries"
    assert all(pageable(path.read_text()) for path in root.glob("*.rq"))


def test_a_cross_origin_page_may_read_the_next_link(served: tuple[SparqlServer, str]) -> None:
    server, _ = served
    store = server.store_dir
    allowed, base = start(store, page_size=10, cors_origins=["https://app.example"])
    try:
        request = urllib.request.Request(query_url(base, ORDERED),
                                         headers={"Origin": "https://app.example"})
        with urllib.request.urlopen(request, timeout=20) as response:
            exposed = response.headers["Access-Control-Expose-Headers"]
            assert response.headers["Link"] and "Link" in exposed.split(", ")
    finally:
        stop(allowed)
