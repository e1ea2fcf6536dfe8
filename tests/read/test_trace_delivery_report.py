"""The report and compare show whether each commitment was delivered (tests/fixtures/delivery,
see tests/graph/test_delivery.py for its five commitments)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from extractor.read.compare import compare
from extractor.read.compare_format import CSV_COLUMNS, format_comparison
from extractor.read.report.site import write_report


def _page(site: Path, words: str) -> str:
    """The actor page whose title holds ``words``."""
    for path in sorted((site / "actor").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        if words.lower() in html.unescape(text.split("</h1>", 1)[0]).lower():
            return text
    raise AssertionError(f"no actor page for {words}")


def test_actor_pages_give_each_commitment_its_status_and_both_quotes(
        delivery_build: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_report(delivery_build, site)
    page = html.unescape(_page(site, "préfecture de police"))
    assert "1 not delivered" in page and "1 no later report" in page
    block = page.split("créera un centre de soins", 1)[1].split("</li>", 1)[0]
    assert "not delivered" in block and "assessment saying not delivered" in block
    assert "n'a pas été créé" in block
    link = re.search(r'href="(\.\./document/[^"#]+\.html#claim-[0-9a-f]+)"', block)
    assert link is not None
    target = (site / "actor" / link.group(1).split("#")[0]).resolve()
    assert f'id="{link.group(1).split("#")[1]}"' in target.read_text(encoding="utf-8")
    ville = html.unescape(_page(site, "Ville de Paris"))
    assert "1 delivered" in ville and "1 disputed" in ville


def test_compare_rows_carry_the_commitment_delivery(delivery_build: Path) -> None:
    rows = {r.left.amount: r for r in compare(delivery_build)
            if r.kind == "commitment-vs-outcome"}
    assert rows[100.0].delivery == "delivered"
    assert rows[2000000.0].delivery == "partly"
    assert "delivery" in CSV_COLUMNS
    assert "partly" in format_comparison(list(rows.values()), "md")
    assert "partly" in format_comparison(list(rows.values()), "table")
