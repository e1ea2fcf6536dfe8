"""Who does the action: actors joined into groups, then subject, passive agent or possessive.

The small parsers often mis-attach coordinated names and appositions, so actors joined by
commas and conjunctions are grouped on the text, and a group's role is read first from
its immediate context ("par …", "de …", "… a ouvert") and then from the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.claims.actions import action_of, inflected_action, is_word_of, phrasal_action
from extractor.claims.kind import any_language_words
from extractor.claims.sentences import Sentence, Tok, mapping, words
from extractor.records import Mention
from extractor.text.fold import fold

ACTOR_TYPES = ("Organization", "Person")


@dataclass(frozen=True)
class Role:
    """A group of actors and the token naming what they did, with how it was found."""

    actors: tuple[Mention, ...]
    how: str
    trigger: int


def _alt(items: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    det = _alt(any_language_words("determiners"))
    conj = _alt(words("conjunctions", lang))
    agent = _alt(words("agent_markers", lang) | words("coagent_markers", lang))
    authority = _alt(words("authority_markers", lang)) or r"(?!)"
    poss = _alt(words("possessive_markers", lang))
    heads = _alt(words("agent_heads", lang)) or r"(?!)"
    return {
        # the preposition may come again after the conjunction ("sous l'impulsion du préfet
        # X et de Y", "par l'ARS et par la Ville", "by the State and by the City")
        "join": re.compile(rf"^[\s,;()]*(?:(?:{conj})\s+(?:(?:{agent}|{poss})\s*)?)?"
                           rf"(?:(?:{det})\s*)?$"),
        "agent": re.compile(rf"(?:^|\W)(?:{agent})\s+(?:(?:{det})\s*)?"
                            rf"(?:(?:{heads})\s+(?:{poss})\s*(?:(?:{det})\s*)?)?$"),
        "agent_list": re.compile(rf"(?:^|\W)(?:{agent})\s+[^,;.]{{0,40}}?[–:(-]\s*$"),
        "head_of": re.compile(rf"(?:^|\W)(?:{heads})\s+(?:{poss})\s*(?:(?:{det})\s*)?$"),
        "authority": re.compile(rf"(?:^|\W)(?:{authority})\s*(?:(?:{det})\s*)?$"),
        # a person's title between the marker and the name ("sous l'impulsion du préfet
        # Pascal Mailhos", "on the instructions of Interior Minister Gérald Darmanin")
        "authority_titled": re.compile(
            rf"(?:^|\W)(?:{authority})\s*(?:(?:{det})\s*)?(?:[^\W\d][\w'-]*\s+){{1,4}}$"),
        "poss": re.compile(rf"(?:^|\W)(?:{poss})\s*(?:(?:{det})\s*)?$"),
    }


def actor_groups(actors: list[Mention], text: str, lang: str) -> list[tuple[Mention, ...]]:
    """Consecutive actors joined only by commas, conjunctions and determiners; not a person
    and the organisation named in their role just before them ("La directrice générale de
    l'ARS, Amélie Verdier, a souligné": Amélie Verdier acts alone)."""
    join = _patterns(lang)["join"]
    groups: list[list[Mention]] = []
    for m in sorted(actors, key=lambda m: m.start):
        if groups and join.match(fold(text[groups[-1][-1].end:m.start])) \
                and not _in_role_of(groups[-1][-1], m):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [tuple(g) for g in groups]


def _in_role_of(before: Mention, person: Mention) -> bool:
    return person.type == "Person" and bool(person.role) and fold(before.text) in fold(
        person.role or "")










def _in_group(tok: Tok, group: tuple[Mention, ...]) -> bool:
    return any(m.start <= tok.start < m.end for m in group)


def _back_trigger(toks: list[Tok], unit: Sentence, before: int, lang: str, limit: int = 25,
                  nouns_only: bool = False) -> int | None:
    """Nearest action token before offset ``before`` in the unit, not past ';' or a verb."""
    steps = 0
    for k in range(unit.hi - 1, unit.lo - 1, -1):
        tok = toks[k]
        if tok.start >= before:
            continue
        steps += 1
        if steps > limit or tok.text in (";", ".", ":"):
            return None
        if action_of(tok, lang):
            if nouns_only and tok.pos in ("VERB", "AUX"):
                return None
            return k
        if nouns_only and tok.pos == "VERB" and tok.feat("VerbForm") == "Fin":
            return None
    return None


def _head_subject(toks: list[Tok], unit: Sentence, before: int) -> int | None:
    """The verb whose subject is the collective noun right before a body ("les élus du
    conseil", "the staff of the prefecture"): that body acts through them."""
    noun = next((t for t in reversed(toks[unit.lo:unit.hi])
                 if t.end <= before and t.pos == "NOUN"), None)
    if noun is None or not noun.dep.startswith("nsubj"):
        return None
    head = toks[noun.head]
    return head.i if head.pos in ("VERB", "AUX") and unit.lo <= head.i < unit.hi else None


def _forward_noun(toks: list[Tok], unit: Sentence, after: int, lang: str,
                  limit: int = 8) -> int | None:
    """The action noun a possessive actor owns ("X's purchase of", "X's £1.8m investment"),
    within a few words and before any verb."""
    steps = 0
    for k in range(unit.lo, unit.hi):
        tok = toks[k]
        if tok.start < after:
            continue
        steps += 1
        if steps > limit or tok.pos in ("VERB", "AUX"):
            return None
        if tok.pos == "NOUN" and action_of(tok, lang):
            return k
    return None


def _forward_predicate(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                       lang: str) -> int | None:
    """The verb right after a subject group, over clitics, auxiliaries and an apposition."""
    gap = words("subject_gap", lang)
    end = group[-1].end
    k = next((k for k in range(unit.lo, unit.hi) if toks[k].start >= end), None)
    if k is None:
        return None
    if toks[k].text in ("—", "–", ")") and k + 1 < unit.hi:
        k += 1  # the end of a list set off by dashes: "les partenaires — X, Y et Z — ont signé"
    starts = [k + 1] if toks[k].text == "," else [k]
    if toks[k].text == ",":
        close = next((j for j in range(k + 1, min(unit.hi, k + 14)) if toks[j].text == ","), None)
        if close is not None:
            starts.append(close + 1)
    for first in starts:
        found = _verb_from(toks, first, unit, lang, gap)
        if found is not None:
            return found
    return None


def _verb_from(toks: list[Tok], first: int, unit: Sentence, lang: str,
               gap: frozenset[str]) -> int | None:
    seen_aux = False
    for j in range(first, min(unit.hi, first + 6)):
        tok = toks[j]
        if tok.pos == "VERB" or (seen_aux and inflected_action(tok, lang)):
            return j
        seen_aux = seen_aux or tok.pos == "AUX"
        nxt = fold(toks[j + 1].text) if j + 1 < unit.hi else ""
        if is_word_of(tok, "reporting", lang) and nxt in any_language_words("complementisers"):
            return j
        if not (tok.pos in ("AUX", "ADV") or fold(tok.text) in gap or tok.dep.startswith("aux")):
            return None
    return None


def _main_verb_after(toks: list[Tok], unit: Sentence, end: int, lang: str) -> int | None:
    """The unit's main verb when it comes after ``end`` and names an action."""
    for t in toks[unit.lo:unit.hi]:
        if t.start >= end and t.head == t.i and t.pos in ("VERB", "AUX") and (
                action_of(t, lang) or phrasal_action(toks, t, lang)):
            return t.i
    return None


def _after_verb(toks: list[Tok], unit: Sentence, start: int) -> bool:
    """The group directly follows a verb or preposition: it is an object, not a subject."""
    prev = [t for t in toks[unit.lo:unit.hi] if t.end <= start and t.pos != "DET"]
    first = next((t for t in toks[unit.lo:unit.hi] if t.start >= start and t.pos != "DET"), None)
    if first is not None and first.dep in ("dobj", "obj", "pobj", "iobj"):
        head = toks[first.head]
        if unit.lo <= head.i < unit.hi and head.start < start:
            return True
    return bool(prev) and (prev[-1].pos in ("VERB", "ADP", "PART") or prev[-1].dep in (
        "prt", "compound:prt"))


def _listed_under(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                  lang: str) -> int | None:
    """The verb that lists the group under an agent noun ("Parmi les signataires figurent X,
    Y et Z", "Signatories of the charter include X, Y and Z"): the group is the noun's
    agent, whatever the parser made of the inverted subject."""
    agents = mapping("agent_nouns", lang)
    m = group[0]
    first = next((t for t in toks[unit.lo:unit.hi] if m.start <= t.start < m.end
                  and not m.start <= toks[t.head].start < m.end), None)
    if first is None or not unit.lo <= first.head < unit.hi or first.dep not in (
            "obj", "dobj", "nsubj", "attr"):
        return None
    head = toks[first.head]
    listed = any(t.head == head.i and t.i != first.i and t.lemma in agents
                 for t in toks[unit.lo:unit.hi])
    return head.i if head.pos in ("VERB", "AUX") and listed else None


def _dep_predicate(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...]) -> int | None:
    for k in range(unit.lo, unit.hi):
        tok = toks[k]
        if _in_group(tok, group) and tok.dep.startswith("nsubj") and not _in_group(
                toks[tok.head], group):
            head = toks[tok.head]
            if head.pos in ("VERB", "AUX") and unit.lo <= head.i < unit.hi:
                return head.i
    return None


def coordinated(toks: list[Tok], unit: Sentence, role: Role) -> list[Role]:
    """The same actors' other actions joined to the first by a conjunction, with no subject
    of their own ("a recruté 12 médecins et ouvrira deux centres")."""
    out = []
    for t in toks[unit.lo:unit.hi]:
        if t.head == role.trigger and t.i != role.trigger and t.dep == "conj" \
                and t.pos == "VERB" and not any(
                    c.head == t.i and c.dep.startswith("nsubj") for c in toks[unit.lo:unit.hi]):
            out.append(Role(role.actors, role.how, t.i))
    return out


def roles(toks: list[Tok], unit: Sentence, text: str, actors: list[Mention],
          lang: str) -> list[Role]:
    """The role of every actor group of a unit that acts: agent, possessive or subject."""
    pats = _patterns(lang)
    out: list[Role] = []
    for group in actor_groups(actors, text, lang):
        before = fold(text[unit.start:group[0].start])
        if pats["authority"].search(before) or group[0].type == "Person" \
                and pats["authority_titled"].search(before):
            k = _back_trigger(toks, unit, group[0].start, lang)
            if k is None:
                k = _main_verb_after(toks, unit, group[-1].end, lang)
            if k is not None:
                out.append(Role(group, "agent", k))
            continue
        if pats["agent"].search(before) or pats["agent_list"].search(before):
            k = _back_trigger(toks, unit, group[0].start, lang)
            if k is not None:
                out.append(Role(group, "agent", k))
            continue
        if pats["poss"].search(before):
            k = _back_trigger(toks, unit, group[0].start, lang, limit=14, nouns_only=True)
            if k is not None and toks[k].lemma in mapping("agent_nouns", lang):
                continue  # "président de la CRC": the complement of a title acts in nothing
            if k is not None:
                out.append(Role(group, "possessive", k))
                continue
        if re.match(r"['’]s?\b", text[group[-1].end:group[-1].end + 3]):
            k = _forward_noun(toks, unit, group[-1].end, lang)
            if k is not None:  # "the Occitanie Region's €2 million fund"
                out.append(Role(group, "possessive", k))
                continue
        if pats["head_of"].search(before):
            k = _head_subject(toks, unit, group[0].start)
            if k is not None:  # "les élus du conseil départemental ont voté"
                out.append(Role(group, "subject-dep", k))
                continue
        k = _listed_under(toks, unit, group, lang)
        if k is not None:  # "Parmi les signataires figurent X, Y et Z"
            out.append(Role(group, "subject-dep", k))
            continue
        k = None if _after_verb(toks, unit, group[0].start) else _forward_predicate(
            toks, unit, group, lang)
        how = "subject"
        if k is None:
            k = _dep_predicate(toks, unit, group)
            how = "subject-dep"
        if k is not None:
            out.append(Role(group, how, k))
            if how.startswith("subject"):
                out.extend(coordinated(toks, unit, out[-1]))
    return out


__all__ = ["ACTOR_TYPES", "Role", "actor_groups", "coordinated",
           "roles"]
