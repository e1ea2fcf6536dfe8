"""A sum the sentence names as an act's amount: "a accompagné 300 entreprises, pour un
montant total de 45 millions d'euros", "une aide d'un montant de 1 500 euros", "a contract
worth €12 million".

The nearest figure to the verb is often a count of what the act reaches ("300 entreprises");
a sum introduced by words that say "amount" (``amount_marks``) is the act's own amount,
whatever stands nearer. Read by :func:`extractor.claims.slots.amount_of`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from extractor.claims.sentences import Sentence, Tok, tokens_in, words
from extractor.records import Mention
from extractor.text.fold import fold

_LONGEST = 6  # words in the longest mark


def marked_sum(toks: list[Tok], unit: Sentence, mentions: Sequence[Mention],
               lang: str) -> Mention | None:
    """The one sum of the unit right after an amount mark, or None (none, or several)."""
    marks = _marks(lang)
    found = []
    for m in mentions:
        if m.type != "Money" or m.value is None:
            continue
        before = " ".join(fold(t.text) for t in tokens_in(toks, unit.start, m.start)[-_LONGEST:])
        before = before.replace("' ", "'").replace("’ ", "'")
        if any(before == mark or before.endswith(" " + mark) for mark in marks):
            found.append(m)
    return found[0] if len(found) == 1 else None


@cache
def _marks(lang: str) -> frozenset[str]:
    return frozenset(fold(w).replace("’", "'") for w in words("amount_marks", lang))


__all__ = ["marked_sum"]
