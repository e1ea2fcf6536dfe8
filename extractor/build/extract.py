"""Per-document extraction: spaCy over the pieces, then mentions and claims.

Documents are batched per language through ``nlp.pipe`` so the model runs at full speed,
and results are plain records, so they can be spooled to disk and cached. Curation is not
applied here by the build (it passes none): rejections are applied when the records are
used, so a curation edit never invalidates the extraction cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from extractor.claims.extract import extract_claims
from extractor.claims.holders import held_offices_dropped
from extractor.errors import error
from extractor.mentions.curation import Curation
from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from extractor.records import Claim, Document, Mention


@dataclass(frozen=True)
class DocResult:
    """What one document yields before cross-document resolution."""

    document: Document
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    error: str | None = None  # set when the rules failed on this document (never cached)

    def to_dict(self) -> dict[str, object]:
        return {"document": self.document.to_dict(),
                "mentions": [m.to_dict() for m in self.mentions],
                "claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocResult:
        return cls(Document.from_dict(data["document"]),
                   tuple(Mention.from_dict(m) for m in data["mentions"]),
                   tuple(Claim.from_dict(c) for c in data["claims"]))


def extract_batch(documents: Iterable[Document],
                  curation: Curation | None = None) -> Iterator[DocResult]:
    """Extract a batch of documents: parse them all, then run the rules on each."""
    docs = list(documents)
    for document, parsed in zip(docs, parse_batch(docs), strict=True):
        yield extract_one(document, parsed, curation)


def extract_one(document: Document, parsed: list[tuple[int, object]],
                curation: Curation | None = None) -> DocResult:
    """Mentions and claims of one document. A rule that breaks on some text costs that
    document only: the result then carries the error (E016) and the build reports it."""
    try:
        mentions = extract_mentions(document, parsed, curation)
        claims = extract_claims(document, parsed, mentions)
        mentions = held_offices_dropped(mentions, document.published, document.lang)
    except Exception as exc:  # noqa: BLE001 - any rule bug; reported, the build goes on
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        message = str(error("E016", path=document.path or document.id, reason=reason))
        return DocResult(document, (), (), error=message)
    return DocResult(document, tuple(mentions), tuple(claims))


def apply_rejections(result: DocResult, curation: Curation) -> DocResult:
    """Drop the mentions curation rejects (claims naming them lose that role or are dropped
    when the build resolves them)."""
    if not curation.reject:
        return result
    doc_id = result.document.id
    kept = tuple(m for m in result.mentions if not curation.rejects(doc_id, m.text))
    return DocResult(result.document, kept, result.claims)
