"""Subjects and sources that name no actor themselves but stand for a person named before
them. Kept apart from :mod:`claims_roles`, which reads actors that are mentions; here the
actor is an earlier mention, found from a title ("le préfet") or a pronoun ("he").
"""

from __future__ import annotations

import bisect

from extractor.claims.actions import is_word_of
from extractor.claims.continued_subjects import narrative_infinitive, owner_or_latter
from extractor.claims.expletives import misread_expletive
from extractor.claims.genders import gender_agrees
from extractor.claims.generic_nouns import (
    generic_antecedent,
    generic_complement,
    role_complement,
)
from extractor.claims.holders import holder_of
from extractor.claims.inversion import inverted_reporter, pronoun_word, subject_like
from extractor.claims.kind import negated
from extractor.claims.pairs import pair_subject
from extractor.claims.quotation_marks import quotations
from extractor.claims.roles import Role, coordinated
from extractor.claims.sentences import Sentence, Tok, lex, words
from extractor.claims.titles import (
    name_heads,
    one_person_before,
    recent,
    title_words,
)
from extractor.claims.topics import fronted_topic
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.spans import SpanIndex

_SUBJECT_REACH = 600  # characters back to the sentence whose subject a pronoun continues
_SUBORDINATE = ("ccomp", "advcl", "acl", "acl:relcl", "relcl", "csubj")
# what may hang on a bare definite noun that stands for an actor: "l'association, qui regroupe
# des villes moyennes, précise"; not a complement naming another ("le préfet de police")
_DESCRIBING = ("det", "amod", "punct", "case", "acl:relcl", "relcl")
# clauses where "it" is mostly what the sentence talks of, not the body acting
_ADJUNCT_CLAUSES = ("advcl", "relcl", "acl:relcl", "acl")
# a pronoun in a relative clause ("For X, who visited a centre where he met …") carries on no
# one: the sentence's named person is what the next pronoun continues
_RELATIVE = ("relcl", "acl:relcl")


def anaphor_roles(toks: list[Tok], unit: Sentence, persons: list[Mention],
                  taken: list[Mention], lang: str,
                  previous: Mention | None = None,
                  bodies: tuple[Mention, ...] = (), text: str = "") -> list[Role]:
    """Subjects that stand for a person named before them: a bare definite title ("le
    préfet a convenu que …" after "Le préfet de police de Paris, Laurent Nuñez, …") names
    the person last named with that title; a personal pronoun ("he warns that …", "elle a
    annoncé") continues ``previous``, the subject of the nearest sentence with an actor one
    (the subject it continues, not a person named as an object: "la préfecture tire un
    bilan … elle indique", after "a demandé à Laurent Nuñez"), else the person last named
    in the sentences just before, when only one was. A title with a complement ("le préfet
    de police") is an organisation's mention, found elsewhere; an indefinite one names no
    one. A bare definite head of a body's name ("la préfecture", "the ministry", "la
    Métropole") is the last body named with it."""
    out: list[Role] = narrative_infinitive(toks, unit, previous, lang)
    quoted = quotations(text, int(lex("min_quote_words") or 5)) if text else []
    for t in toks[unit.lo:unit.hi]:
        head = _acting_verb(toks, unit, t, lang) or inverted_reporter(toks, unit, t, lang)
        if head is None or any(m.start <= t.start < m.end for m in taken):
            continue
        if pair := pair_subject(toks, unit, t, persons, lang, bodies):  # "les deux édiles"
            out.append(Role(pair, "subject-anaphor", head.i))
            continue
        if t.pos == "PRON":
            out += _pronoun_role(toks, unit, t, head, taken, previous, persons, lang, quoted)
            continue
        if found := owner_or_latter(toks, unit, t, head, previous, persons, bodies, lang):
            out.append(found)
            continue
        if t.pos != "NOUN" and not (t.pos == "PROPN" and t.text[:1].isupper()
                                    and t.text[1:].islower()):
            continue  # a title may be capitalised and tagged a name: "The Minister laid"
        kids = [c for c in toks[unit.lo:unit.hi] if c.head == t.i and c.i != t.i]
        if not _definite(kids, lang, t):
            continue
        # a complement that names no body ("le président de la collectivité"): a bare title
        of = next((g for c in kids if (g := generic_complement(toks, unit, c, lang))), None)
        # a complement repeating a person's role ("le président du comité des pêches")
        repeated = None if of else role_complement(toks, unit, t, kids, persons, lang)
        of = repeated[0] if repeated else of
        if any(c.dep not in _DESCRIBING and (of is None or c.i not in (of.i, of.head))
               and not _apposed_participle(c) for c in kids):
            continue
        named = repeated[1] if repeated else [p for p in recent(persons, t.start) if p.role
                                              and fold(t.text) in title_words(p.role, lang)]
        named = named or [o for o in recent(bodies, t.start) if not o.source.endswith(
            ":office") and fold(t.text) in name_heads(o.text, lang)]
        if not named and not (_quoted(t, quoted) or _quoted(head, quoted)):
            # "la présidente de l'association", no one named with that title: its body
            generic = generic_antecedent(t, previous, persons, bodies, lang) or (
                generic_antecedent(of, previous, persons, bodies, lang) if of else None)
            named = [generic] if generic is not None else []
        if named:
            out.append(Role((named[-1],), "subject-anaphor", head.i))
    # "Il parle d'une suppression … et annonce un vote": the verbs joined to the first share
    # its subject, as they do a name's
    own = {r.trigger for r in out}
    return out + [c for r in out for c in coordinated(toks, unit, r, lang) if c.trigger not in own]


def _apposed_participle(c: Tok) -> bool:
    """A participle set beside a title, describing its holder ("la ministre, ralliée à
    Emmanuel Macron, propose"), names no one else."""
    return c.dep == "acl" and c.feat("VerbForm") == "Part"


def _pronoun_role(toks: list[Tok], unit: Sentence, t: Tok, head: Tok, taken: list[Mention],
                  previous: Mention | None, persons: list[Mention], lang: str,
                  quoted: list[tuple[int, int]]) -> list[Role]:
    """A personal pronoun subject continues a person or the sentence's actor ("elle a
    annoncé"); "it" a body ("It will also fund"), never an impersonal or extraposed one, nor
    one in someone's words: that is what they talk of ("« Il va nous permettre d'être
    prêts », a déclaré X"), unless it reports words ("« Chez moi, dit-il, … »")."""
    if _quoted(t, quoted) and not is_word_of(head, "reporting", lang):
        return []
    if t.dep in ("nsubj:pass", "nsubjpass") and any(  # a passive auxiliary: the label alone
            c.head == head.i and c.dep in ("aux:pass", "auxpass")  # is given "Il a confirmé"
            for c in toks[unit.lo:unit.hi]):
        return []  # "elle n'a pas été consultée": what the actor underwent
    if pronoun_word(t) in words("subject_pronouns", lang) and head.lemma not in words(
            "impersonal_verbs", lang):
        own = governing_subject(toks, unit, head, taken)
        person = next((c for c in (own, previous, one_person_before(persons, t.start))
                       if c is not None and agrees(t, c, toks, lang)), None)
        if person is not None and not (person is own and negated(toks, head.i)):
            # "has warned that it cannot sustain the effort": the warning says it
            return [Role((person,), "subject-anaphor", head.i)]
        return []
    if fold(t.text) in words("body_pronouns", lang) \
            and head.pos == "VERB" and head.lemma not in words("impersonal_verbs", lang) \
            and not t.dep.endswith("pass") and not _extraposed(head, lang) \
            and head.dep not in _ADJUNCT_CLAUSES:  # "because it benefits": the measure
        own = governing_subject(toks, unit, head, taken)
        body = own or previous
        if body is not None and body.type == "Organization" and not (
                body is own and negated(toks, head.i)):
            return [Role((body,), "subject-anaphor", head.i)]  # "It will also fund"
    return []


def governing_subject(toks: list[Tok], unit: Sentence, verb: Tok,
                      taken: list[Mention]) -> Mention | None:
    """The actor subject of a verb the pronoun's clause depends on in the same sentence
    ("La Ville de Lyon a indiqué qu'elle ouvrira", "the council said it will open", "X
    justified it by what he describes as"): the pronoun stands for it before any earlier
    sentence's subject (a pronoun is not its own clause's subject's, but a higher one's)."""
    for _ in range(4):
        if verb.head == verb.i or not unit.lo <= verb.head < unit.hi:
            return None
        verb = toks[verb.head]
        subject = next((c for c in toks[unit.lo:unit.hi] if c.head == verb.i
                        and c.dep.startswith("nsubj") and c.i != verb.i), None)
        if subject is not None:  # the subject, or the name set beside its title
            named = [c for c in toks[subject.i + 1:unit.hi]
                     if c.head == subject.i and c.dep == "appos"] + [subject]
            return next((m for t in named for m in taken if m.start <= t.start < m.end
                         and (t is subject or m.type == "Person")), None)
    return None


def _extraposed(head: Tok, lang: str) -> bool:
    """"It" standing for what follows the verb ("it takes years to build a shelter", "it
    costs less to"): no body."""
    return head.lemma in words("extraposing_verbs", lang)


def _quoted(t: Tok, quoted: list[tuple[int, int]]) -> bool:
    """The token is inside a quotation: the speaker's words, what they say of a body
    ("l'agence « ne pouvait pas tout financer »") is their statement."""
    return any(qs <= t.start < qe for qs, qe in quoted)


def _acting_verb(toks: list[Tok], unit: Sentence, t: Tok, lang: str) -> Tok | None:
    """The verb a token is the doer of: as its subject, or as a noun passive agent ("adopté
    par l'institution", "approved by the council")."""
    head = toks[t.head] if unit.lo <= t.head < unit.hi else None
    if head is not None and t.pos == "NOUN" and t.dep == "pobj" and head.dep == "agent":
        head = toks[head.head] if unit.lo <= head.head < unit.hi else None
    elif not (t.dep.startswith("nsubj") or t.pos == "NOUN" and t.dep == "obl:agent"
              or misread_expletive(toks, unit, t, lang)):
        return None
    if head is not None and head.pos == "AUX" and head.dep.startswith("aux") \
            and unit.lo <= head.head < unit.hi:
        head = toks[head.head]  # "he had, among other things, promised": the subject of "had"
    return head if head is not None and head.pos in ("VERB", "AUX") else None


def agrees(pronoun: Tok, m: Mention, toks: list[Tok], lang: str) -> bool:
    """Whether a subject pronoun can stand for the mention: a person of its gender or of
    none known (extractor/claims/genders.py); an organisation only in a language whose
    nouns have gender, and of the pronoun's gender when its name's head shows one
    ("l'Agence … il a pour mission" is not the agency)."""
    if m.type == "Person":
        return gender_agrees(pronoun.text, m.text, lang)
    if lex("grammatical_gender", lang) is not True:
        return False
    first = bisect.bisect_left(toks, m.start, key=lambda t: t.start)
    gender = next((t.feat("Gender") for t in toks[first:first + 12] if t.start < m.end
                   and t.pos in ("NOUN", "PROPN") and t.feat("Gender")), None)
    return gender is None or pronoun.feat("Gender") in (None, "", gender)


def salient_subjects(toks: list[Tok], units: list[Sentence], actors: list[Mention],
                     holding: dict[tuple[int, int], Mention], lang: str,
                     text: str = "") -> list[Mention | None]:
    """For each sentence, the actor its pronouns most likely continue: the subject of the
    nearest sentence before it whose subject is an actor (its main verb's first), within
    reach, a pronoun subject carrying the actor it continues (centering: "le chef de l'État
    a passé une heure … "…", a-t-il lancé … il a appelé"). A sentence whose subject is a
    thing ("Un plan a été lancé") does not break the chain; one of several actors does; one
    inside a quotation is what the speaker talks of ("« La Région … », a déclaré X. Elle …")."""
    pronouns = words("subject_pronouns", lang)
    said = quotations(text, int(lex("min_quote_words") or 5)) if text else []
    carried: list[Mention | None] = []
    current: Mention | None = None
    end = 0
    index = SpanIndex(actors)
    bodies = tuple(m for m in actors if m.type == "Organization")
    for unit in units:
        if current is not None and unit.start - end > _SUBJECT_REACH:
            current = None
        current = fronted_topic(toks, unit, index, lang) or current  # "Quant à X, il …"
        carried.append(current)
        found: list[tuple[int, Mention]] = []
        for t in toks[unit.lo:unit.hi]:
            if not subject_like(toks, t, lang) or _quoted(t, said):
                continue
            # the subject, or the name set beside it ("Le maire de X, Michaël Delafosse,")
            # or the name its lower-case head introduces ("L'association Emmaüs a …")
            m = index.at(t.start) or next((index.at(c.start) for c in toks[t.i + 1:unit.hi]
                                           if c.head == t.i and (c.dep == "appos" or (
                                               c.i == t.i + 1 and t.pos == "NOUN"))), None)
            if m is not None:
                found.append((t.head, holder_of(holding, m)))
                joined = (index.at(c.start) for c in toks[unit.lo:unit.hi]
                          if c.head == t.i and c.dep == "conj")
                found += [(t.head, holder_of(holding, a)) for a in joined if a]
            elif current is not None and (t.pos == "PRON" and pronoun_word(t) in pronouns
                                          and toks[t.head].dep not in _RELATIVE or (
                    current.type == "Organization" and t.pos == "NOUN"
                    and fold(t.text) in words("generic_body_nouns", lang))):
                found.append((t.head, current))  # "elle", "l'association" carry it on
            elif current is None and (body := _generic_body(toks, unit, t, bodies, lang)):
                found.append((t.head, body))  # "… par l'association X. L'association précise"
        # a main clause's subject before a subordinate one's ("souhaite que l'État
        # participe": the wish's subject carries on)
        # (a verb whose head the parser put past the unit's line end is its main verb)
        found = [f for f in found if toks[f[0]].dep not in _SUBORDINATE
                 or not unit.lo <= toks[f[0]].head < unit.hi] or found
        if found:
            joint = {m.key or m.text for verb, m in found if verb == found[0][0]}
            current, end = (found[0][1] if len(joint) == 1 else None), unit.end
            continue
        # no actor subject, one person named ("It was an old promise from Emmanuel
        # Macron"): the next "he" is most likely that person (recency)
        named = {m.key or m.text: m for m in index.within(unit.start, unit.end)
                 if m.type == "Person"}
        if len(named) == 1:
            (person,) = named.values()
            current, end = holder_of(holding, person), unit.end
    return carried


def _generic_body(toks: list[Tok], unit: Sentence, t: Tok, bodies: tuple[Mention, ...],
                  lang: str) -> Mention | None:
    """The body a definite generic noun subject stands for when no actor is carried on (the
    body was last named as an agent or object: "une étude publiée par l'association X …
    L'association précise"), so that its pronouns continue it."""
    if t.pos != "NOUN" or fold(t.text) not in words("generic_body_nouns", lang):
        return None
    if not _definite([c for c in toks[unit.lo:t.i] if c.head == t.i], lang, t):
        return None
    return generic_antecedent(t, None, [], bodies, lang)


def _definite(kids: list[Tok], lang: str, noun: Tok) -> bool:
    """A noun's dependents hold a definite determiner ("la préfecture", "the ministry"); a
    document's, a demonstrative too ("ce rapport souligne", "this report found": the report
    of the body just named), not a body's ("« cette institution n'a pas à … »" is whichever
    the speaker means)."""
    document = fold(noun.text) in words("document_nouns", lang)
    return any(c.dep == "det" and (c.feat("Definite") == "Def" or fold(c.text) in
                                   words("definite_determiners", lang)
                                   or document and fold(c.text) in words("demonstratives", lang))
               for c in kids)


__all__ = ["agrees", "anaphor_roles", "salient_subjects"]
