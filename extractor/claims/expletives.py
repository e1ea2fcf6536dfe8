"""A pronoun the parser made an impersonal subject that is a personal one: before an active
verb of saying ("Il a indiqué que serait mis en place …", read as the "il" of "il a été
indiqué") or a near future ("Il va débloquer 900 millions", not "il va falloir").
Read by :mod:`extractor.claims.anaphora` as any other pronoun subject."""

from __future__ import annotations

from extractor.claims.sentences import Sentence, Tok, words


def misread_expletive(toks: list[Tok], unit: Sentence, t: Tok, lang: str) -> bool:
    """A pronoun the parser made an impersonal subject before an active verb of saying ("Il
    a indiqué que serait mis en place …" read as the "il" of "il a été indiqué"): a personal
    pronoun all the same; "il a été décidé que" stays impersonal."""
    if t.pos != "PRON" or t.dep != "expl:subj" or t.text.startswith("-") \
            or not unit.lo < t.head < unit.hi or t.i > t.head:
        return False
    if toks[t.head].lemma in words("near_future_verbs", lang):
        # "Il va débloquer 900 millions": a future, not "il va falloir", "il va y avoir"
        after = toks[t.head + 1:min(unit.hi, t.head + 4)]  # "falloir" may be read an adverb
        verbs = [v for v in after if v.pos in ("VERB", "AUX")]
        not_personal = words("impersonal_verbs", lang) | words("auxiliary_lemmas", lang)
        return bool(verbs) and verbs[0].head == t.head and not any(
            v.lemma in not_personal for v in after)
    if toks[t.head].lemma not in words("reporting", lang):
        return False
    return not any(c.head == t.head and c.dep.endswith("pass") for c in toks[unit.lo:unit.hi])


__all__ = ["misread_expletive"]
