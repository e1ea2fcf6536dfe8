"""Acts whose subject the text continues without naming it in the sentence: a narrative
infinitive ("Et d'alerter : …"), a plan named by a possessive ("Son plan prévoit …"), and
"ce dernier", "the latter". Read by :func:`extractor.claims.anaphora.anaphor_roles`.
"""

from __future__ import annotations

from extractor.claims.generic_nouns import latter_antecedent
from extractor.claims.owned_plans import pronoun_plan
from extractor.claims.roles import Role
from extractor.claims.sentences import Sentence, Tok, words
from extractor.records import Mention
from extractor.text.fold import fold


def owner_or_latter(toks: list[Tok], unit: Sentence, t: Tok, head: Tok,
                    previous: Mention | None, persons: list[Mention],
                    bodies: tuple[Mention, ...], lang: str) -> Role | None:
    """The owner of a plan a possessive names ("Son plan prévoit"), or the actor "ce
    dernier", "the latter" stands for."""
    if owned := pronoun_plan(toks, unit, t, head, previous, lang):
        return Role((owned[0],), "possessive", owned[1])
    if latter := latter_antecedent(toks, t, persons, bodies, lang):
        return Role((latter,), "subject-anaphor", head.i)
    return None


def narrative_infinitive(toks: list[Tok], unit: Sentence, previous: Mention | None,
                         lang: str) -> list[Role]:
    """"Et d'alerter : …", "Et de tancer …": a sentence opened by a narrative infinitive is
    the act of the subject the text continues."""
    opener = " ".join(fold(t.text) for t in toks[unit.lo:unit.lo + 2]).replace("' ", "'")
    verb = toks[unit.lo + 2] if unit.hi - unit.lo > 2 else None
    if previous is None or verb is None or opener.replace("d '", "d'") not in words(
            "narrative_infinitive", lang) or verb.feat("VerbForm") != "Inf":
        return []
    return [Role((previous,), "subject-anaphor", verb.i)]


__all__ = ["narrative_infinitive", "owner_or_latter"]
