"""Which verb reports for a predicate: a listed reporting verb, or one the grammar shows to be
one although no list names it.

A list of reporting verbs is never complete ("a fait valoir que", "a glissé que", "quipped
that", "cautioned that"), and news texts are full of them: an unlisted verb that introduces
a finite clause with a complementiser right after it, and names no listed act, reports what
its subject says. A verb with no act of its own that governs a reporting infinitive ("a
tenu à rappeler que", "wanted to stress that") speaks through it.
"""

from __future__ import annotations

from extractor.claims.actions import is_word_of, known_verb
from extractor.claims.kind import any_language_words, is_past, verb_kind
from extractor.claims.predicates import complements
from extractor.claims.sentences import Tok, words
from extractor.text.fold import fold

# how many words may stand between a verb and its complementiser ("a fait valoir, lundi,
# que" is rare; "a assuré que", "said on Monday that" are listed verbs anyway)
_NEAR = 2


def reporting_verb(toks: list[Tok], k: int, lang: str) -> int | None:
    """The token that reports for the predicate at ``k``: ``k`` when it is a reporting verb,
    listed or shown by its clause; the reporting infinitive of a verb with no act of its
    own; else None."""
    tok = toks[k]
    if is_word_of(tok, "reporting", lang) or says_that(toks, k, lang):
        return k
    if tok.pos != "VERB" or tok.lemma not in words("not_actions", lang) or (is_word_of(
            tok, "commitment_markers", lang) and not is_past(toks, k)):
        return None  # "va annoncer": a promise; "a voulu souligner que": said
    # its infinitive; or the infinitive the parser made its head ("a fait valoir que")
    head = toks[tok.head] if tok.head == k + 1 else None
    inner = [*complements(toks, k, ("xcomp",)), *([head] if head is not None else [])]
    said = next((c for c in inner if c.pos == "VERB" and c.feat("VerbForm") == "Inf"
                 and (is_word_of(c, "reporting", lang) or says_that(toks, c.i, lang, True))),
                None)
    return said.i if said is not None else None


def says_that(toks: list[Tok], k: int, lang: str, light: bool = False) -> bool:
    """An unlisted verb, not promised, whose finite clause opens with a complementiser right
    after it ("quipped that …"): it reports. Not a verb of knowing or seeing ("sait que",
    "sees that"; `not_actions`), unless a light verb makes it one of saying (``light``: "a
    fait valoir que", "a laissé entendre que")."""
    tok = toks[k]
    if tok.pos != "VERB" or known_verb(tok, lang) \
            or (not light and tok.lemma in words("not_actions", lang)):
        return False
    marks = any_language_words("complementisers")
    # the complementiser first (a scan of two words), the tense of the verb last
    first = next((t for t in toks[k + 1:k + 1 + _NEAR] if fold(t.text) in marks), None)
    if first is None or not k < first.head < len(toks) or toks[first.head].head != k \
            or toks[first.head].dep != "ccomp":
        return False
    return verb_kind(toks, k, lang) == "achievement"
