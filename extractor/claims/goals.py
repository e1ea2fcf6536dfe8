"""Goals: what an act sets or pursues as an objective is promised, whatever its tense ("a
fixé l'objectif de", "the target set by"), and what a quotation introduced as a goal says
("Les objectifs du gouvernement :"). The goal nouns and cases are in
``ontology/lang/claims.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.claims.sentences import Tok, children, words
from extractor.text.fold import fold
from extractor.text.patterns import alternation


def set_goal(intro: str, lang: str) -> bool:
    """Words before a quotation that name it a goal ("Les objectifs du gouvernement :",
    "The ministry's target:"): what it quotes is promised, whatever its figures."""
    return intro.rstrip().endswith(":") and _goal(lang).search(fold(intro)) is not None


@cache
def _goal(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\W)(?:{alternation(words('goal_nouns', lang))})s?(?:\W|$)")


def goal_of(toks: list[Tok], k: int, lang: str) -> Tok | None:
    """The goal noun an act sets or pursues ("a fixé l'objectif de", "the target set by",
    "s'est donné pour objectif"): what it aims at is promised, whatever the tense."""
    goals = words("goal_nouns", lang)
    tok = toks[k]
    if tok.dep == "acl" and 0 <= tok.head < len(toks) and toks[tok.head].lemma in goals:
        return toks[tok.head]
    # its object, or "pour objectif"; not a purpose ("dans l'objectif de sensibiliser",
    # "with the aim of"): that act is done
    return next((t for t in children(toks, k) if (t.lemma in goals or fold(t.text) in goals)
                 and (t.dep in ("obj", "dobj", "nsubjpass", "nsubj:pass") or t.dep.startswith(
                     "obl") and any(fold(c.text) in words("goal_cases", lang)
                                    for c in children(toks, t.i) if c.dep == "case"))), None)


__all__ = ["goal_of", "set_goal"]
