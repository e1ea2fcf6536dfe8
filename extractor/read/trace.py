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

Error codes: ``E160`` no entity has that name (the message lists close names);
``E135`` unknown output format.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from pathlib import Path
from typing import Any

from extractor.errors import error
from extractor.read.load import load_claims, load_entities, load_mentions
from extractor.text.fold import fold_name

FORMATS = ("table", "csv", "json", "md")
ROLES = ("actor", "speaker", "member", "subject")
COLUMNS = ("date", "role", "kind", "actor", "action", "object", "amount", "unit", "place",
           "quote", "document", "document_title", "published", "start", "end", "id", "actor_id",
           "attributed_to", "factuality", "confidence")


def _words(name: str) -> list[str]:
    """Folded words of a name: "Laurent Nuñez" → ["laurent", "nunez"].

    >>> _words("L'Agence régionale de santé (ARS)")
    ['agence', 'regionale', 'de', 'sante', 'ars']
    """
    key = fold_name(name)
    return "".join(c if c.isalnum() else " " for c in key).split()


def find_actor(entities: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Entities called ``name``: exact names first, then all words, then a substring.

    >>> people = [{"id": "e/nunez", "label": "Laurent Nuñez", "aliases": [], "mentions": 2}]
    >>> [e["id"] for e in find_actor(people, "nunez")]
    ['e/nunez']
    """
    wanted = _words(name)
    if not wanted:
        raise error("E162")
    joined = " ".join(wanted)
    tiers: list[list[dict[str, Any]]] = [[], [], []]
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
            return sorted(tier, key=lambda e: (-(e.get("mentions") or 0), e["id"]))
    close = difflib.get_close_matches(name, sorted({n for e in entities for n in _names(e)}),
                                      n=5, cutoff=0.5)
    hint = f" (close names: {', '.join(close)})" if close else ""
    raise error("E160", name=name, hint=hint)


def _names(entity: dict[str, Any]) -> list[str]:
    return [entity["label"], *(entity.get("aliases") or [])]


def trace(source: Path, actor: str) -> list[dict[str, Any]]:
    """Claims by, attributed to, or about ``actor`` (see module doc), oldest first."""
    entities = load_entities(source)
    found = find_actor(entities, actor)
    ids = {e["id"] for e in found}
    members = {e["id"] for e in entities if ids & set(e.get("member_of") or [])}
    named = _named_spans(load_mentions(source), ids)
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    claims = load_claims(source)
    for role in ROLES:
        for claim in claims:
            span = (claim["document"], claim["start"], claim["end"])
            if _has_role(claim, role, ids, members, named) and (
                    role == "actor" or span not in seen):
                rows.append({**claim, "role": role})
                seen.add(span)
    return sorted(rows, key=_order)


def _named_spans(mentions: list[dict[str, Any]], ids: set[str]) -> dict[str, list[int]]:
    named: dict[str, list[int]] = {}
    for m in mentions:
        if isinstance(m["value"], str) and m["value"] in ids:
            named.setdefault(m["document"], []).append(m["start"])
    return named


def _has_role(claim: dict[str, Any], role: str, ids: set[str], members: set[str],
              named: dict[str, list[int]]) -> bool:
    if role == "actor":
        return claim["actor_id"] in ids
    if role == "speaker":
        return claim["attributed_to"] in ids
    if role == "member":
        return claim["actor_id"] in members or claim["attributed_to"] in members
    return any(claim["start"] <= s < claim["end"] for s in named.get(claim["document"], []))


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    date = row.get("date") or ""
    return (not date, date.split("/")[0], row.get("published") or "", row["document"],
            row["start"], ROLES.index(row.get("role", "actor")), row["id"])


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


def format_rows(rows: list[dict[str, Any]], fmt: str = "table") -> str:
    """Trace rows as ``table`` (aligned text), ``csv``, ``json`` (a list) or ``md``."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([cell(r.get(c)) for c in COLUMNS] for r in rows)
        return buffer.getvalue()
    if fmt == "md":
        head = ["date", "role", "kind", "actor", "action", "amount", "quote", "source"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            title = f"{r['document_title']}, " if r.get("document_title") else ""
            source = f"{title}{r['document']} {r['start']}–{r['end']}"
            values = [r.get("date"), r.get("role"), r["kind"], r["actor"], r["action"],
                      amount_text(r["amount"], r["unit"]), r["quote"], source]
            lines.append("| " + " | ".join(md_cell(v) for v in values) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        header = ["date", "role", "kind", "action", "amount", "quote", "document"]
        return aligned(header, [[cell(r.get("date")), r.get("role", ""), r["kind"], r["action"],
                                 amount_text(r["amount"], r["unit"]), shorten(r["quote"], 70),
                                 r["document"]] for r in rows])
    raise error("E135", fmt=fmt, choices=", ".join(FORMATS))
