"""``plangraph report``: a static HTML site of actors, documents, figures and pictures.

The site opens from ``file://`` with no server and no network: relative links only, the
stylesheet and the pictures (SVG) are files in the folder, no script at all. Pages come
from Jinja2 templates in ``ontology/report/`` with autoescaping on, so text from the
corpus can never break the markup; only the highlighted document text is built here,
escaped span by span (:mod:`extractor.read.report.text`). The same input gives the same bytes.

Error code: ``E161`` the output folder cannot be written.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from extractor.errors import error
from extractor.knowledge import ontology_dir
from extractor.read.report.data import ReportData, load_report_data, settings
from extractor.read.report.rows import (
    actor_row,
    claim_row,
    comparison_rows,
    document_body,
    money_rows,
)

__all__ = ["write_report"]


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(ontology_dir() / "report")), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _clear_stale(out: Path) -> None:
    """Drop pages of an earlier report (an actor or document may have gone)."""
    for sub in ("actor", "document"):
        for page in sorted((out / sub).glob("*.html")):
            page.unlink()


def _pictures(data: ReportData, out: Path) -> list[dict[str, str]]:
    """Draw the two pictures and describe them for the ``alt`` text."""
    from extractor.read.report.network_picture import network
    from extractor.read.report.pictures import claim_day, timeline

    folder = out / "pictures"
    folder.mkdir(exist_ok=True)
    timeline(data, folder / "timeline.svg")
    network(data, folder / "network.svg")
    days = sorted(d for c in data.claims if (d := claim_day(c.date)))
    span = f" from {days[0].year} to {days[-1].year}" if days else ""
    dated = sum(1 for a in data.actors.values() if any(claim_day(c.date) for c in a.claims))
    return [
        {"src": "pictures/timeline.svg",
         "alt": f"Timeline of {len(days)} dated claims{span}, one row for each of {dated} "
                "actors, markers shaped by kind of claim.",
         "caption": "Claims by date and actor: commitments, achievements, assessments and "
                    "statements. The tables above give the same counts."},
        {"src": "pictures/network.svg",
         "alt": f"Network of {len(data.documents)} documents (squares) linked to the "
                "places they mention and to the organisations and persons acting in their "
                "claims; the best-connected nodes are labelled.",
         "caption": "Documents, actors and places: a line joins a document to what it "
                    "mentions, and an actor to the place of its claims. Only the "
                    "best-connected nodes are labelled where the label fits; every node "
                    "shows its name when pointed at."},
    ]


def _index(env: Environment, data: ReportData, out: Path, common: dict[str, Any]) -> None:
    conf = settings()
    actors = [a for a in data.actors.values()]
    actors.sort(key=lambda a: (-len(a.claims), a.label.lower(), a.id))
    documents = [{"slug": d.slug, "title": d.title, "lang": d.lang, "published": d.published,
                  "claims": sum(c.document == d.id for c in data.claims),
                  "mentions": sum(m.document == d.id for m in data.mentions)}
                 for d in sorted(data.documents.values(), key=lambda d: (d.published, d.id))]
    _write(out / "index.html", env.get_template("index.html").render(
        **common, root="", title="Actors, claims and sources", claims=len(data.claims),
        actors=[actor_row(a, conf) for a in actors], documents=documents,
        pictures=_pictures(data, out)))


def _pages(env: Environment, data: ReportData, out: Path, common: dict[str, Any]) -> None:
    conf = settings()
    template = env.get_template("actor.html")
    for actor in data.actors.values():
        entity = data.entities.get(actor.id)
        note = "; ".join(entity.roles) if entity else ""
        _write(out / "actor" / f"{actor.slug}.html", template.render(
            **common, root="../", title=actor.label, actor=actor_row(actor, conf),
            entity_note=note, claims=[claim_row(c, data) for c in actor.claims],
            money=money_rows(actor, data)))
    template = env.get_template("document.html")
    types = [{"key": k, "label": v.get("label", k)} for k, v in conf.get("types", {}).items()
             if k != "Document"]
    for doc in data.documents.values():
        claims = sorted((c for c in data.claims if c.document == doc.id),
                        key=lambda c: (c.start, c.end, c.id))
        _write(out / "document" / f"{doc.slug}.html", template.render(
            **common, root="../", title=doc.title, doc=doc, types=types,
            claims=[claim_row(c, data) for c in claims],
            body=Markup(document_body(doc, data))))


def write_report(source: Path, out: Path) -> Path:
    """Write the site for a build folder or store into ``out``; return its index.html."""
    data = load_report_data(Path(source))
    conf = settings()
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        _clear_stale(out)
    except OSError as exc:
        raise error("E161", path=out, reason=exc) from exc
    env = _environment()
    common = {"interface_lang": conf.get("interface_lang", "en"),
              "currency": conf.get("money_currency", "EUR"),
              "kinds": [{"key": k, "label": v.get("label", k)}
                        for k, v in conf.get("kinds", {}).items()]}
    shutil.copyfile(ontology_dir() / "report" / "style.css", out / "style.css")
    _index(env, data, out, common)
    _pages(env, data, out, common)
    _write(out / "figures.html", env.get_template("figures.html").render(
        **common, root="", title="Figures compared", rows=comparison_rows(data)))
    return out / "index.html"
