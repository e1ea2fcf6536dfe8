"""Definite common nouns that stand for an actor named before them: a generic noun of a
body or a person ("la collectivité a annoncé", "the official said"), an audit body's members
("les magistrats recommandent"), a title whose complement is such a noun ("le président de la
collectivité"). Kept apart from :mod:`extractor.claims.anaphora`, which finds the subjects
these nouns are and also reads pronouns and titles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractor.claims.kind import is_auditor
from extractor.claims.sentences import Sentence, Tok, words
from extractor.claims.titles import (
    PRONOUN_REACH,
    name_heads,
    one_person_before,
    recent,
    title_words,
)
from extractor.mentions.metonymy import seat_nouns
from extractor.mentions.naming import lexicon_words
from extractor.records import Mention
from extractor.text.fold import fold


def generic_antecedent(t: Tok, previous: Mention | None, persons: list[Mention],
                       bodies: tuple[Mention, ...], lang: str) -> Mention | None:
    """The actor a definite generic noun stands for ("l'institution a adopté", "the
    municipality plans to", "the elected official said"): the actor the sentence continues
    when of the noun's sort, else the one body or person named just before; a plural ("les
    élus") is a group, no one."""
    word = fold(t.text)
    if word in words("auditor_members", lang) and t.dep not in ("nsubjpass", "nsubj:pass"):
        # "les magistrats recommandent", "the auditors urged": the audit body last named
        return next((o for o in reversed(recent(bodies, t.start, 50)) if is_auditor(o)), None)
    if t.feat("Number") == "Plur" or t.dep in ("nsubjpass", "nsubj:pass"):
        return None  # a group; or what was done to it ("the agency was praised by")
    if word in words("generic_body_nouns", lang):
        if previous is not None and previous.type == "Organization":
            return previous
        near = [o for o in recent(bodies, t.start, 50) if t.start - PRONOUN_REACH <= o.start]
        if named := [o for o in near if word in name_heads(o.text, lang)]:
            return named[-1]  # "l'association Villes de France (ex FNVM) … l'association"
        if near and len({o.key or o.text for o in near}) == 1:
            return near[-1]
        before = recent(bodies, t.start, 50)
        return None if word in words("document_nouns", lang) else _salient_body(
            near or before, before)
    if word in words("generic_person_nouns", lang):
        if previous is not None and previous.type == "Person":
            return previous
        return one_person_before(persons, t.start)
    if word in lexicon_words("role_heads", lang) and previous is not None \
            and previous.type == "Person" and not previous.role:
        # "… a déclaré Gabriel Attal. Le ministre évoque …": the person the text goes on
        # about, named without a title, when no one was named with this one
        return previous
    return None


def _salient_body(near: list[Mention], before: list[Mention]) -> Mention | None:
    """Of the bodies named just before a generic noun ("a rappelé l'organisation"), else of
    all named before it, the one the text has named most often so far, when one has been
    named more than any other: the body the article is about."""
    counts = Counter(o.key or o.text for o in before)
    ranked = sorted({o.key or o.text for o in near}, key=lambda k: -counts[k])
    if not ranked or len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return next(o for o in reversed(near) if (o.key or o.text) == ranked[0])


def generic_complement(toks: list[Tok], unit: Sentence, c: Tok, lang: str) -> Tok | None:
    """A title's complement that names no body of its own ("le président de la collectivité",
    "le maire de la ville", "the head of the agency"): its noun, for the title to be read
    as a bare one."""
    kids = [g for g in toks[unit.lo:unit.hi] if g.head == c.i and g.i != c.i]
    if c.dep == "prep" and len(kids) == 1 and kids[0].dep == "pobj":  # English "of the …"
        c = kids[0]
        kids = [g for g in toks[unit.lo:unit.hi] if g.head == c.i and g.i != c.i]
    elif c.dep != "nmod":
        return None
    generic = c.pos == "NOUN" and fold(c.text) in {*words("generic_body_nouns", lang),
                                                   *seat_nouns(lang)}
    return c if generic and all(g.dep in ("det", "case") for g in kids) and any(
        g.dep == "det" and g.feat("Definite") == "Def" for g in kids) else None


def role_complement(toks: list[Tok], unit: Sentence, t: Tok, kids: list[Tok],
                    persons: list[Mention], lang: str) -> tuple[Tok, list[Mention]] | None:
    """A title's complement that repeats the role a person was named with, though it names
    no body the text found ("Olivier Le Nézet, président du comité national des pêches …
    Le président du comité des pêches dénonce"): the complement's noun and the persons named
    with that title whose role holds every word of it. A complement that does name a body
    is that body's office, read elsewhere."""
    for c in kids:
        if c.dep == "prep":  # English "of the …": the noun under the preposition
            c = next((g for g in toks[unit.lo:unit.hi] if g.head == c.i and g.dep == "pobj"), c)
        if c.dep not in ("nmod", "pobj"):
            continue
        # every word under the complement (slots' contiguous span stops at "des" of "du
        # comité des fêtes", whose head is after it)
        inside, grown = {c.i}, True
        while grown:
            more = {g.i for g in toks[unit.lo:unit.hi] if g.head in inside} - inside
            inside, grown = inside | more, bool(more)
        content = {fold(toks[i].text) for i in inside if toks[i].pos in ("NOUN", "PROPN", "ADJ")}
        named = [p for p in recent(persons, t.start) if p.role and content
                 and fold(t.text) in title_words(p.role, lang)
                 and content <= set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", fold(p.role)))]
        if named:
            return c, named
    return None


# the links of the nouns "ce dernier" may stand for: a clause's participants
_ARGUMENTS = ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "appos", "conj",
              "obl:arg", "obl:agent", "nmod")


def latter_antecedent(toks: list[Tok], t: Tok, persons: Sequence[Mention],
                      bodies: Sequence[Mention], lang: str) -> Mention | None:
    """What "ce dernier", "cette dernière", "the latter" stands for: the last noun named
    before it, of its gender and number, when that noun is an actor's name ("Le préfet a
    reçu Marie Durand. Cette dernière a annoncé"); none when it is a thing ("la prison …
    Cette dernière pourrait accueillir 700 détenus")."""
    if fold(t.lemma) not in words("latter_words", lang) or not any(
            k.head == t.i and k.dep == "det" for k in toks[max(0, t.i - 2):t.i]):
        return None
    for k in reversed(toks[max(0, t.i - 60):t.i - 1]):
        if k.pos not in ("NOUN", "PROPN") or k.dep not in _ARGUMENTS \
                or k.feat("Number") == "Plur" != t.feat("Number"):
            continue  # not "on Monday", "à Paris": adjuncts are no one's name
        if t.feat("Gender") and k.feat("Gender") and k.feat("Gender") != t.feat("Gender"):
            continue
        return next((m for m in (*persons, *bodies) if m.start <= k.start < m.end), None)
    return None


__all__ = ["generic_antecedent", "generic_complement", "latter_antecedent", "role_complement"]
