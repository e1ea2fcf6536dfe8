"""Everything the corpus says one actor committed, did, said or was judged on, by date.

A journalist names the actor as they know it: "ARS", "Regional Health Agency", "Nunez".
:func:`find_actor` matches every name of every entity (both languages, folded: no case,
accents or leading article), then falls back to word and substring matches.
:func:`trace` keeps three kinds of claims, each row marked with its ``role``:

- ``actor``: the actor is the claim's actor (committed, did, judged);
- ``speaker``: the claim is attributed to the actor (``attributed_to``), or to a person
  who is a member of it ("member" of an organisation speaks for it: role ``member``);
- ``subject``: the actor is named inside the claim's quote (a resolved mention of it lies
  in the span), e.g. the audit chamber judging what the actor did. A span already listed
  for the actor is not repeated.

A row is a :class:`TraceRow`: the :class:`~extractor.records.Claim` itself plus the fields
only this view has (the document's title and date, the role) and, for a commitment, its
:class:`~extractor.records.Delivery` (was it delivered, by which later claims, by which
rule: the fields ``delivery``, ``delivery_evidence``, ``delivery_rule``). Its columns are
the claim's exported columns, the view's own, then the delivery's, so a field added to
claims reaches the JSON output with no edit here.

Error codes: ``E160`` no entity has that name (the message lists close names);
``E135`` unknown output format.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from extractor.errors import error
from extractor.read.delivery import load_deliveries
from extractor.read.load import documents, load_claims, load_entities, load_mentions
from extractor.records import Claim, Delivery, Entity, Mention, columns
from extractor.text.fold import fold_name

FORMATS = ("table", "csv", "json", "md")
ROLES = ("actor", "speaker", "member", "subject")


@dataclass(frozen=True)
class TraceRow:
    """A claim as trace lists it, with what the claim record does not carry: its document's
    title and publication date (from the store) and why it is listed (one of :data:`ROLES`)."""

    claim: Claim
    document_title: str | None = None
    published: str | None = None
    role: str = "actor"
    delivery: Delivery | None = None

    def row(self) -> dict[str, Any]:
        """A plain JSON object: the claim's exported fields, the view's own, then the
        delivery's (``delivery`` the status; None when the claim is no commitment)."""
        found = self.delivery.row() if self.delivery else {}
        return {**self.claim.row(), **{name: getattr(self, name) for name in VIEW_FIELDS},
                **{name: found.get(field) for name, field in DELIVERY_FIELDS.items()}}


# The view's own fields, the delivery's (as named in a row: the Delivery record's fields but
# its claim, ``status`` as ``delivery``) and every field of a row in order.
VIEW_FIELDS = tuple(f.name for f in fields(TraceRow) if f.name not in ("claim", "delivery"))
DELIVERY_FIELDS = {("delivery" if f == "status" else f"delivery_{f}"): f
                   for f in columns(Delivery) if f != "claim"}
FIELDS = (*columns(Claim), *VIEW_FIELDS, *DELIVERY_FIELDS)


def _pick(*names: str) -> tuple[str, ...]:
    """Names of :data:`FIELDS` in a display order; an unknown name (a renamed claim field)
    fails at import rather than printing an empty column."""
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise ValueError(f"not a trace field: {', '.join(unknown)}")
    return names


# The CSV's columns, a reading order over FIELDS: what and when first, the source, then ids.
COLUMNS = _pick("date", "role", "kind", "actor", "action", "object", "amount", "unit", "place",
                "delivery", "quote", "document", "document_title", "published", "start", "end",
                "id", "actor_id", "attributed_to", "factuality", "confidence",
                "delivery_evidence", "delivery_rule")


def _words(name: str) -> list[str]:
    """Folded words of a name: "Laurent Nuñez" → ["laurent", "nunez"].

    >>> _words("L'Agence régionale de santé (ARS)")
    ['agence', 'regionale', 'de', 'sante', 'ars']
    """
    key = fold_name(name)
    return "".join(c if c.isalnum() else " " for c in key).split()


def find_actor(entities: list[Entity], name: str) -> list[Entity]:
    """Entities called ``name``: exact names first, then all words, then a substring.

    >>> people = [Entity("e/nunez", "Person", "Laurent Nuñez", mentions=2)]
    >>> [e.id for e in find_actor(people, "nunez")]
    ['e/nunez']
    """
    wanted = _words(name)
    if not wanted:
        raise error("E162")
    joined = " ".join(wanted)
    tiers: list[list[Entity]] = [[], [], []]
    for entity in entities:
        names = [" ".join(_words(n)) for n in _names(entity)]
        if joined in names:
            tiers[0].append(entity)
        elif any(set(wanted) <= set(n.split()) for n in names):
            tiers[1].append(entity)
        elif len(joined) >= 3 and any(joined in n for n in names):
            tiers[2].append(entity)
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda e: (-(e.mentions or 0), e.id))
    close = difflib.get_close_matches(name, sorted({n for e in entities for n in _names(e)}),
                                      n=5, cutoff=0.5)
    hint = f" (close names: {', '.join(close)})" if close else ""
    raise error("E160", name=name, hint=hint)


def _names(entity: Entity) -> list[str]:
    return [entity.label, *(entity.aliases or ())]


def trace(source: Path, actor: str) -> list[TraceRow]:
    """Claims by, attributed to, or about ``actor`` (see module doc), oldest first."""
    entities = load_entities(source)
    found = find_actor(entities, actor)
    ids = {e.id for e in found}
    members = {e.id for e in entities if ids & set(e.member_of or ())}
    named = _named_spans(load_mentions(source), ids)
    docs = documents(source)
    delivered = load_deliveries(source)
    rows: list[TraceRow] = []
    seen: set[tuple[str, int, int]] = set()
    claims = load_claims(source)
    for role in ROLES:
        for claim in claims:
            span = (claim.document, claim.start, claim.end)
            if _has_role(claim, role, ids, members, named) and (
                    role == "actor" or span not in seen):
                meta = docs.get(claim.document, {})
                rows.append(TraceRow(claim, meta.get("title"), meta.get("published"), role,
                                     delivered.get(claim.id)))
                seen.add(span)
    return sorted(rows, key=_order)


def _named_spans(mentions: list[Mention], ids: set[str]) -> dict[str, list[int]]:
    named: dict[str, list[int]] = {}
    for m in mentions:
        if isinstance(m.value, str) and m.value in ids:
            named.setdefault(m.document, []).append(m.start)
    return named


def _has_role(claim: Claim, role: str, ids: set[str], members: set[str],
              named: dict[str, list[int]]) -> bool:
    if role == "actor":
        return claim.actor_id in ids
    if role == "speaker":
        return claim.attributed_to in ids
    if role == "member":
        return claim.actor_id in members or claim.attributed_to in members
    return any(claim.start <= s < claim.end for s in named.get(claim.document, []))


def _order(row: TraceRow) -> tuple[Any, ...]:
    date = row.claim.date or ""
    return (not date, date.split("/")[0], row.published or "", row.claim.document,
            row.claim.start, ROLES.index(row.role), row.claim.id)


def amount_text(amount: Any, unit: str | None) -> str:
    """A readable amount: ``3000000.0, "EUR"`` → ``3 000 000 EUR``; ranges with an en dash.

    >>> amount_text([700.0, 800.0], "user")
    '700–800 user'
    >>> amount_text(None, None)
    ''
    """
    if amount is None:
        return ""
    values = amount if isinstance(amount, (list, tuple)) else [amount]
    text = "–".join(f"{float(v):,.10g}".replace(",", " ") for v in values)
    return f"{text} {unit}" if unit else text


def shorten(text: str, width: int = 80) -> str:
    """One line of at most ``width`` characters.

    >>> shorten("a  b\\nc", 10)
    'a b c'
    >>> shorten("x" * 20, 8)
    'xxxxxxx…'
    """
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def cell(value: Any) -> str:
    """A value as CSV/Markdown text: lists as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def md_cell(value: Any) -> str:
    """A Markdown table cell: pipes escaped, one line."""
    return " ".join(cell(value).split()).replace("|", "\\|")


def aligned(header: list[str], lines: list[list[str]]) -> str:
    """Plain text columns padded to their widest cell."""
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
           for r in [header, *lines]]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def to_json(objects: list[dict[str, Any]]) -> str:
    """A list of plain JSON objects, indented, non-ASCII kept: the ``json`` format."""
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def short_id(iri: str) -> str:
    """The last segment of a claim IRI (its hash): enough to find it in the same listing.

    >>> short_id("https://w3id.org/plangraph/claim/1093bc4f0b0b0448")
    '1093bc4f0b0b0448'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1]


def delivery_text(found: Delivery | None) -> str:
    """A commitment's status and its evidence claims (short ids), for the text formats.

    >>> delivery_text(Delivery("c", "partly", "r", ("x/claim/ab12", "x/claim/cd34")))
    'partly ← ab12 cd34'
    >>> delivery_text(None)
    ''
    """
    if found is None:
        return ""
    evidence = " ".join(short_id(e) for e in found.evidence)
    return f"{found.status} ← {evidence}" if evidence else found.status


def format_rows(rows: list[TraceRow], fmt: str = "table") -> str:
    """Trace rows as ``table`` (aligned text), ``csv``, ``json`` (a list) or ``md``."""
    if fmt == "json":
        return to_json([r.row() for r in rows])
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([cell(obj[c]) for c in COLUMNS] for obj in (r.row() for r in rows))
        return buffer.getvalue()
    if fmt == "md":
        head = ["date", "role", "kind", "actor", "action", "amount", "quote", "source", "claim",
                "delivery"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            c = r.claim
            title = f"{r.document_title}, " if r.document_title else ""
            source = f"{title}{c.document} {c.start}–{c.end}"
            values = [c.date, r.role, c.kind, c.actor, c.action, amount_text(c.amount, c.unit),
                      c.quote, source, short_id(c.id), delivery_text(r.delivery)]
            lines.append("| " + " | ".join(md_cell(v) for v in values) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        header = ["date", "role", "kind", "action", "amount", "quote", "document", "claim",
                  "delivery"]
        return aligned(header, [[cell(r.claim.date), r.role, r.claim.kind, r.claim.action,
                                 amount_text(r.claim.amount, r.claim.unit),
                                 shorten(r.claim.quote, 70), r.claim.document,
                                 short_id(r.claim.id), delivery_text(r.delivery)]
                                for r in rows])
    raise error("E135", fmt=fmt, choices=", ".join(FORMATS))
