"""A quotation and who said it: the record every speaker finder returns.

Kept apart from :mod:`extractor.claims.attribution` so the finders of other constructions
(inverted, lead-in, pronoun speakers) share it without the attribution rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.claims.sentences import Sentence
from extractor.records import Mention


@dataclass(frozen=True)
class Quoted:
    """A quotation, its speaker, and the unit (span of sentences) the statement quotes."""

    start: int
    end: int
    speaker: Mention
    unit: Sentence
    unit_token: int
    # where the text names the speaker, when ``speaker`` is the person an office written
    # there stands for ("…, a annoncé le Premier ministre": the holder named earlier)
    written: Mention | None = None

    def verb_span(self) -> tuple[int, int]:
        """Where its reporting verb is: between the speaker written before it in the same
        unit and the quotation ("X a promis : «"), else after it ("», a-t-il promis"), up
        to the speaker written there or the unit's end (a pronoun's speaker is elsewhere)."""
        at = self.written or self.speaker
        if self.unit.start <= at.start and at.end <= self.start:
            return at.end, self.start
        return self.end, at.start if self.end <= at.start <= self.unit.end else self.unit.end


__all__ = ["Quoted"]
