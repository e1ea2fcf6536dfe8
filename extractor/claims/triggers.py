"""Where a group of actors' action word is: the verb or noun before, after or above the group
in the parse (:mod:`claims.roles` decides which of these positions a group is in)."""

from __future__ import annotations

from functools import cache

from extractor.claims.actions import (
    action_of,
    deverbal_action,
    inflected_action,
    is_word_of,
    phrasal_action,
    phrase_noun_action,
)
from extractor.claims.kind import any_language_words
from extractor.claims.reported import intended_act
from extractor.claims.sentences import Sentence, Tok, mapping, words
from extractor.nlp.models import quote_marks
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.wordlists import all_languages


def in_group(tok: Tok, group: tuple[Mention, ...]) -> bool:
    """The token is part of one of the group's names."""
    return any(m.start <= tok.start < m.end for m in group)


def back_trigger(toks: list[Tok], unit: Sentence, before: int, lang: str, limit: int = 25,
                  nouns_only: bool = False) -> int | None:
    """Nearest action token before offset ``before`` in the unit, not past ';' or a verb."""
    earlier = [t for t in toks[unit.lo:unit.hi] if t.start < before]
    for steps, tok in enumerate(reversed(earlier)):
        k = tok.i
        if steps >= limit or tok.text in (";", ".", ":"):
            return None
        # a noun phrase listed as one ("la participation financière de l'État"); an act
        # noun read from its verb ("la présentation du plan par")
        if action_of(tok, lang) or nouns_only and phrase_noun_action(toks, tok, lang) \
                or deverbal_action(tok, lang) or phrasal_action(toks, tok, lang):
            if nouns_only and tok.pos in ("VERB", "AUX"):
                return None
            return k
        if nouns_only and tok.pos == "VERB" and tok.feat("VerbForm") == "Fin":
            return None
    return None


def said_before(toks: list[Tok], unit: Sentence, before: int, lang: str) -> int | None:
    """The participle of speech right before a passive agent ("annoncées par le Président",
    "the figures released by"): its agent said it (further back: :func:`back_trigger`)."""
    near = [t for t in toks[unit.lo:unit.hi] if t.end <= before][-8:]
    verb = next((t for t in reversed(near) if t.pos in ("VERB", "AUX")), None)
    if verb is None or verb.feat("VerbForm") != "Part" or not is_word_of(verb, "reporting", lang):
        return None
    # "jugé sévèrement par la Cour": an adverb between, or a preposition's phrase ("announced
    # in mid-May by", "prôné depuis dix ans par"): its noun under it (en) or over it (fr)
    between = near[near.index(verb) + 1:]
    return verb.i if all(t.pos in ("ADP", "DET", "ADV") or any(p.pos == "ADP" and (
        t.head == p.i != verb.i or p.head == t.i) for p in between) for t in between) else None


def head_subject(toks: list[Tok], unit: Sentence, before: int) -> int | None:
    """The verb whose subject is the collective noun right before a body ("les élus du
    conseil", "the staff of the prefecture"): that body acts through them."""
    noun = next((t for t in reversed(toks[unit.lo:unit.hi])
                 if t.end <= before and t.pos == "NOUN"), None)
    for _ in range(2):  # "le conseil d'administration de la SNCF": up to "conseil"
        if noun is None or noun.dep.startswith("nsubj") or not unit.lo <= noun.head < unit.hi \
                or toks[noun.head].pos != "NOUN":
            break
        noun = toks[noun.head]
    if noun is None or not noun.dep.startswith("nsubj"):
        return None
    head = toks[noun.head]
    return head.i if head.pos in ("VERB", "AUX") and unit.lo <= head.i < unit.hi else None


def forward_noun(toks: list[Tok], unit: Sentence, after: int, lang: str,
                  limit: int = 8) -> int | None:
    """The action noun a possessive actor owns ("X's purchase of", "X's £1.8m investment"),
    within a few words and before any verb."""
    steps = 0
    for tok in (t for t in toks[unit.lo:unit.hi] if t.start >= after):
        k = tok.i
        steps += 1
        if steps > limit or tok.pos in ("VERB", "AUX"):
            return None
        if tok.pos == "NOUN" and (action_of(tok, lang) or intended_act(toks, tok, lang)):
            return k  # an act's noun, or an intention's ("the Region's plan to hire")
    return None


_DASHES = ("—", "–", "-")


def forward_predicate(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                       lang: str) -> int | None:
    """The verb right after a subject group, over clitics, auxiliaries and an apposition."""
    gap = words("subject_gap", lang)
    end = group[-1].end
    k = next((k for k in range(unit.lo, unit.hi) if toks[k].start >= end), None)
    if k is None:
        return None
    if toks[k].text == "(":  # the last name's aside: "… et Nathalie Elimas (Logement) ont"
        k = next((j + 1 for j in range(k + 1, min(unit.hi - 1, k + 25)) if toks[j].text == ")"),
                 k)
    if toks[k].text in _DASHES:  # an aside between dashes: "le département - pionnier - et"
        k = next((j for j in range(k + 1, min(unit.hi - 1, k + 15)) if toks[j].text in _DASHES),
                 k)
    if toks[k].text in (*_DASHES, ")") and k + 1 < unit.hi:
        k += 1  # the end of a list set off by dashes: "les partenaires — X, Y et Z — ont signé"
    if toks[k].pos == "CCONJ" and len(group) > 1:  # a last member no actor: "… et plusieurs
        k = next((j for j in range(k + 1, min(unit.hi, k + 5))  # associations ont signé"
                  if toks[j].pos not in ("DET", "ADJ", "NOUN", "NUM")), k)
    if toks[k].text == "," and _in_relative(toks, unit, group[0].start, lang):
        return None  # "X, qui préside Y, évalue …": the verb after the clause is X's
    starts = [k + 1] if toks[k].text == "," else [k]
    while toks[k].text == "," and len(starts) < 4:
        # over an apposition, or a chain of them ("X, préfet de région, préfet du Rhône, a")
        close = next((j for j in range(starts[-1], min(unit.hi, starts[-1] + 14))
                      if toks[j].text == ","), None)
        if close is None or any(t.text in quote_marks() for t in toks[starts[-1]:close]):
            break  # a quotation is no apposition: "X et Y, « seront convoqués », a déclaré"
        starts.append(close + 1)
    for first in starts:
        found = verb_from(toks, first, unit, lang, gap)
        if found is not None:
            return found
    return None


def _in_relative(toks: list[Tok], unit: Sentence, start: int, lang: str) -> bool:
    """The words before ``start`` open a relative clause set off by a comma and not yet
    closed (", qui préside aussi l'autorité …", ", which runs the agency …")."""
    pronouns = words("relative_subjects", lang)
    for t in reversed([t for t in toks[unit.lo:unit.hi] if t.end <= start]):
        if t.text in (",", ";", ":", "(", ")"):
            return False
        if fold(t.text) in pronouns and t.i > unit.lo and toks[t.i - 1].text == ",":
            return True
    return False


def _inserted(toks: list[Tok], j: int, hi: int, gap: frozenset[str]) -> int:
    """How many tokens from ``j`` an inserted phrase of several words takes ("a de son côté
    prévu", "has, for its part, approved"), commas around it included; 0 if none."""
    k = j
    while k < hi and toks[k].text == ",":
        k += 1
    for n in (4, 3, 2):
        if k + n <= hi and " ".join(fold(t.text) for t in toks[k:k + n]) in gap:
            k += n
            while k < hi and toks[k].text == ",":
                k += 1
            return k - j
    return 0


def verb_from(toks: list[Tok], first: int, unit: Sentence, lang: str,
               gap: frozenset[str]) -> int | None:
    seen_aux = False
    end = min(unit.hi, first + 6)
    j = first
    while j < end:
        skip = _inserted(toks, j, unit.hi, gap) if seen_aux else 0
        if skip:
            j, end = j + skip, min(unit.hi, end + skip)
            continue
        tok = toks[j]
        j += 1
        if tok.pos == "VERB" and fold(tok.lemma) in any_language_words("perfect_auxiliaries"):
            if _inserted(toks, j, unit.hi, gap):
                seen_aux = True  # "a de son côté ouvert": "a" read as the main verb
                continue
            # "n'a pour l'instant promis": the participle after an adverbial phrase
            part = next((t for t in toks[j:min(unit.hi, j + 5)] if t.pos in ("VERB", "AUX")),
                        None)
            if part is not None and part.feat("VerbForm") == "Part":
                return part.i
        if tok.pos == "VERB" or seen_aux and (inflected_action(tok, lang) or is_word_of(
                tok, "readiness_predicates", lang)):  # "is due to present": "due" governs
            return tok.i
        seen_aux = seen_aux or tok.pos == "AUX"
        nxt = fold(toks[tok.i + 1].text) if tok.i + 1 < unit.hi else ""
        if is_word_of(tok, "reporting", lang) and nxt in any_language_words("complementisers"):
            return tok.i
        if not (tok.pos in ("AUX", "ADV") or fold(tok.text) in gap or tok.dep.startswith("aux")):
            return None
    return None


def main_verb_after(toks: list[Tok], unit: Sentence, end: int, lang: str) -> int | None:
    """The unit's main verb when it comes after ``end`` and names an action."""
    for t in toks[unit.lo:unit.hi]:
        if t.start >= end and t.head == t.i and t.pos in ("VERB", "AUX") and (
                action_of(t, lang) or phrasal_action(toks, t, lang)):
            return t.i
    return None


def after_verb(toks: list[Tok], unit: Sentence, start: int) -> bool:
    """The group directly follows a verb or preposition: it is an object, not a subject."""
    prev = [t for t in toks[unit.lo:unit.hi] if t.end <= start and t.pos != "DET"]
    first = next((t for t in toks[unit.lo:unit.hi] if t.start >= start and t.pos != "DET"), None)
    if first is not None and first.dep in ("dobj", "obj", "pobj", "iobj"):
        head = toks[first.head]
        if unit.lo <= head.i < unit.hi and head.start < start:
            return True
    return bool(prev) and (prev[-1].pos in ("VERB", "ADP", "PART") or prev[-1].dep in (
        "prt", "compound:prt"))


def listed_under(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                  lang: str) -> int | None:
    """The verb listing the group under an agent noun ("Parmi les signataires figurent X, Y
    et Z", "Signatories … include X"), whatever the parser made of an inverted subject."""
    agents = mapping("agent_nouns", lang)
    m = group[0]
    first = next((t for t in toks[unit.lo:unit.hi] if m.start <= t.start < m.end
                  and not m.start <= toks[t.head].start < m.end), None)
    if first is None or not unit.lo <= first.head < unit.hi or first.dep not in (
            "obj", "dobj", "nsubj", "attr"):
        return None
    head = toks[first.head]
    return head.i if head.pos in ("VERB", "AUX") and any(
        t.head == head.i and t.i != first.i and t.lemma in agents for t in toks[unit.lo:unit.hi]
    ) else None


def relative_verbs(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...]) -> list[int]:
    """Verbs of relative clauses on the group ("X, qui prévoit …", "X, which plans to …")."""
    return [t.i for t in toks[unit.lo:unit.hi] if t.dep in ("relcl", "acl:relcl")
            and t.pos in ("VERB", "AUX") and in_group(toks[t.head], group)]


def dep_predicate(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...]) -> int | None:
    """The verb (or copular adjective) the group is the subject of in the parse: the group's
    own token, or the title it names ("Le maire X et le préfet ont inauguré": X is made an
    apposition of "maire", the subject); not a verb in a quotation before the group."""
    for tok in toks[unit.lo:unit.hi]:
        if not in_group(tok, group):
            continue
        if tok.dep == "appos" and unit.lo <= tok.head < unit.hi \
                and toks[tok.head].pos == "NOUN" and toks[tok.head].end <= tok.start:
            tok = toks[tok.head]
        if tok.dep in ("compound", "amod", "nmod") and unit.lo <= tok.head < unit.hi \
                and toks[tok.head].start >= tok.end and fold(toks[tok.head].lemma) in _heads():
            tok = toks[tok.head]  # "the CGT union said", "the Macron government plans"
        if tok.dep.startswith("nsubj") and not in_group(toks[tok.head], group):
            head = toks[tok.head]
            if head.pos == "AUX" and head.dep.startswith("aux") and unit.lo <= head.head < unit.hi:
                head = toks[head.head]  # "X had, among other things, promised": "promised"
            if (head.pos in ("VERB", "AUX") or head.pos == "ADJ" and any(  # "est favorable"
                    t.head == head.i and t.dep == "cop" for t in toks[unit.lo:unit.hi])) \
                    and unit.lo <= head.i < unit.hi and not any(
                        t.text in quote_marks() for t in toks[head.i:tok.i]):
                return head.i
    return None


@cache
def _heads() -> frozenset[str]:
    """Nouns a name before them qualifies as the body or office it is ("the CGT union", "the
    Lille mayor"): the body and office heads of the actor lexicon and `name_heads`."""
    found = set(any_language_words("name_heads"))
    for section in ("org_heads", "role_heads"):
        found.update(fold(w) for w in all_languages("lang/actors.yaml", section))
    return frozenset(found)


@cache
def _source_nouns(lang: str) -> frozenset[str]:
    """Source and budget nouns; a budget noun that names an act itself ("le financement par
    l'État de 80 places") is the act, read as a nominalisation, not a source."""
    return words("source_nouns", lang) | (words("budget_nouns", lang) - set(mapping("nouns", lang)))


def source_predicate(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                     lang: str) -> int | None:
    """The verb whose subject is the group's report, study, services or budget ("Le panorama
    dressé par Villes de France établit", "the Court's report found", "State allocations
    will increase by 5%"): what the source says or does is the group's."""
    nouns = _source_nouns(lang)
    tok = next((t for t in toks[unit.lo:unit.hi] if in_group(t, group)
                and not in_group(toks[t.head], group)), None)
    for _ in range(3):
        if tok is None or tok.head == tok.i or not unit.lo <= tok.head < unit.hi:
            return None
        up = toks[tok.head]
        if up.pos == "NOUN" and (fold(up.text) in nouns or fold(up.lemma) in nouns):
            verb = toks[up.head] if unit.lo <= up.head < unit.hi else None
            # after its verb only inverted by a verb of saying ("avaient lu le rapport": object)
            active = up.dep.startswith("nsubj") and not up.dep.endswith("pass")
            return verb.i if verb is not None and active and verb.pos == "VERB" and (
                up.i < verb.i or is_word_of(verb, "reporting", lang)) else None
        tok = up if up.pos == "ADP" or (up.pos == "VERB" and up.dep.startswith("acl")) \
            else None
    return None
