"""Rows for the report's templates: claims with their marked sentence, highlighted texts.

Everything returned here is plain data for the templates, which escape it, except the
two pieces of markup built by :func:`extractor.read.report.text.render_spans` (a sentence with
its quote marked, a document text with its spans), which escapes the text itself.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from extractor.read.compare_figures import Figure
from extractor.read.report.data import Actor, Doc, ReportData, claim_anchor
from extractor.read.report.text import Span, render_spans, sentence_around
from extractor.records import Claim

FIGURES = ("Money", "Quantity")


def format_amount(amount: Any, unit: str | None = None) -> str:
    """A figure for reading: thousands separated, ranges with an en dash.

    >>> format_amount(1300000.0, "EUR"), format_amount([700, 800], "place"), format_amount(None)
    ('1,300,000 EUR', '700–800 place', '')
    >>> format_amount(2.5)
    '2.5'
    """
    def one(value: Any) -> str:
        if not isinstance(value, (int, float)):
            return str(value)
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")

    if amount is None:
        return ""
    text = "–".join(one(v) for v in amount) if isinstance(amount, (list, tuple)) else one(amount)
    return f"{text} {unit}" if unit else text


def actor_row(actor: Actor, conf: dict[str, Any]) -> dict[str, Any]:
    """An actor's line in the index: counts by kind, claims, money."""
    types = conf.get("types", {})
    return {"id": actor.id, "slug": actor.slug, "label": actor.label,
            "type_label": types.get(actor.type, {}).get("label", actor.type),
            "counts": actor.counts, "total": len(actor.claims),
            "money": format_amount(actor.money) if actor.money else ""}


def money_rows(actor: Actor, data: ReportData) -> list[dict[str, Any]]:
    """The amounts an actor committed, one row per year and amount, with a link to the claim
    of each source that reports it (the same figure from three documents is one row)."""
    rows = []
    for fact in actor.money_facts:
        sources = []
        for claim in fact.claims:
            doc = data.documents.get(claim.document)
            sources.append({"href": f"../document/{doc.slug}.html#{claim_anchor(claim.id)}"
                            if doc else "", "title": doc.title if doc else claim.document,
                            "published": doc.published if doc else ""})
        rows.append({"year": fact.year or "undated", "amount": format_amount(fact.amount),
                     "sources": sources})
    return rows


def claim_row(claim: Claim, data: ReportData) -> dict[str, Any]:
    """A claim as the templates show it (its exported fields, plain data for Jinja), with its
    quote marked inside its sentence."""
    doc = data.documents.get(claim.document) or Doc(claim.document, "", "", "", "", "")
    start, end = int(claim.start), int(claim.end)
    quote = str(claim.quote or "")
    if doc.text[start:end] == quote:
        s, e = sentence_around(doc.text, start, end, doc.lang)
        sentence = render_spans(doc.text[s:e], [Span(start - s, end - s, "quote")])
    else:
        sentence = render_spans(quote, [Span(0, len(quote), "quote")])
    actor = data.actors.get(claim.actor_id or claim.actor or "?")
    return {**claim.row(), "lang": doc.lang, "doc_slug": doc.slug, "doc_title": doc.title,
            "published": doc.published, "anchor": claim_anchor(claim.id),
            "sentence": Markup(sentence), "actor_slug": actor.slug if actor else None,
            "amount": format_amount(claim.amount, claim.unit),
            "delivery": delivery_row(claim, data)}


def delivery_row(claim: Claim, data: ReportData) -> dict[str, Any] | None:
    """Whether a commitment was delivered: status, rule, and each later claim that decided
    it with its quote and a link to it in its document (None for other claims)."""
    found = data.deliveries.get(claim.id)
    if found is None:
        return None
    evidence = []
    for claim_id in found.evidence:
        later = data.by_id.get(claim_id)
        if later is None:
            continue
        doc = data.documents.get(later.document)
        evidence.append({"kind": later.kind, "actor": later.actor, "quote": later.quote,
                         "date": later.date or "", "lang": doc.lang if doc else "",
                         "title": doc.title if doc else later.document,
                         "href": f"../document/{doc.slug}.html#{claim_anchor(claim_id)}"
                         if doc else ""})
    return {"status": found.status, "rule": found.rule, "evidence": evidence}


def document_body(doc: Doc, data: ReportData) -> str:
    """The full text with every mention and claim highlighted, actors linked to their pages."""
    spans = []
    anchors = _figure_anchors(data)
    for m in data.mentions:
        if m.document != doc.id:
            continue
        value = m.value
        actor = data.actors.get(value) if isinstance(value, str) else None
        entity = data.entities.get(value) if isinstance(value, str) else None
        title = entity.label if entity else format_amount(value, m.unit)
        key = (m.document, int(m.start), int(m.end))
        anchor = anchors.pop(key, None) if m.type in FIGURES else None
        spans.append(Span(key[1], key[2], f"m-{m.type}", anchor=anchor,
                          href=f"../actor/{actor.slug}.html" if actor else None,
                          title=f"{m.type}: {title}" if title else m.type))
    for c in data.claims:
        if c.document == doc.id:
            spans.append(Span(int(c.start), int(c.end), f"claim k-{c.kind}",
                              anchor=claim_anchor(c.id),
                              title=f"{c.kind}: {c.actor} — {c.action}"))
    return render_spans(doc.text, spans)


def _figure_anchors(data: ReportData) -> dict[tuple[str, int, int], str]:
    """Anchors of figures (Money, Quantity) on document pages, by document and span."""
    anchors: dict[tuple[str, int, int], str] = {}
    for m in data.mentions:
        if m.type in FIGURES:
            key = (m.document, int(m.start), int(m.end))
            anchors.setdefault(key, f"fig-{key[1]}-{key[2]}")
    return anchors


def _side(side: Figure, data: ReportData, claims: dict[tuple, str],
          figures: dict[tuple[str, int, int], str]) -> dict[str, Any]:
    """One side of a comparison: its figure marked in its quote, a link to the exact spot."""
    doc = data.documents.get(str(side.document))
    start, end = side.start, side.end
    quote, figure = str(side.quote or ""), str(side.text or "")
    anchor = None
    if doc and isinstance(start, int) and isinstance(end, int):
        anchor = next((a for (d, s, e), a in figures.items() if d == doc.id and start <= s
                       and e <= end and doc.text[s:e] == figure), None)
    anchor = anchor or claims.get((side.document, start, end))
    at = quote.find(figure) if figure else -1
    marked = render_spans(quote, [Span(at, at + len(figure), "quote")] if at >= 0 else [])
    href = f"document/{doc.slug}.html" + (f"#{anchor}" if anchor else "") if doc else ""
    return {"amount": format_amount(side.amount, side.unit),
            "kind": side.kind or side.side or "", "date": side.date or "",
            "quote": Markup(marked), "lang": doc.lang if doc else "", "href": href,
            "title": doc.title if doc else str(side.document or ""),
            "published": side.published or ""}


def comparison_rows(data: ReportData) -> list[dict[str, Any]]:
    """Compare rows with both quotes, links to both documents at the claim or figure."""
    claims = {(c.document, c.start, c.end): claim_anchor(c.id) for c in data.claims}
    figures = _figure_anchors(data)
    slugs = {a.id: a.slug for a in data.actors.values()}
    return [{"actor": row.actor or "", "actor_slug": slugs.get(row.actor_id or ""),
             "kind": row.kind.replace("-", " "), "topic": row.topic or "",
             "note": row.note or "", "left": _side(row.left, data, claims, figures),
             "right": _side(row.right, data, claims, figures),
             "difference": row.difference or ""} for row in data.comparisons]
