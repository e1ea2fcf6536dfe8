"""Who does the action: a group of actors (:mod:`claims.groups`) as subject, passive agent
or possessive, read from its context ("par …", "de …", "… a ouvert"), then the parse."""

from __future__ import annotations

import re

from extractor.claims.actions import (
    action_of,
    inflected_action,
    inverted_relatives,
    is_word_of,
)
from extractor.claims.agents import agent_governor, passive_before
from extractor.claims.conjuncts import Role, coordinated
from extractor.claims.groups import (
    actor_groups,
    after_medium,
    before_title,
    included_in_subject,
    partner_list,
    partnered,
    patterns,
    split_subject,
)
from extractor.claims.inversion import inverted_reporter
from extractor.claims.listed_after import listed_after
from extractor.claims.offices import holder_named, office_role
from extractor.claims.owned_plans import owned_by_s, plan_lists
from extractor.claims.predicates import active_verb, time_anchored
from extractor.claims.sentences import Sentence, Tok, lex, mapping, words
from extractor.claims.triggers import (
    after_verb,
    back_trigger,
    dep_predicate,
    forward_noun,
    forward_predicate,
    head_subject,
    in_group,
    listed_under,
    main_verb_after,
    relative_verbs,
    said_before,
    source_predicate,
    verb_from,
)
from extractor.nlp.models import quote_marks
from extractor.records import Mention
from extractor.text.fold import fold

ACTOR_TYPES = ("Organization", "Person")


def _bare_participle(toks: list[Tok], k: int) -> bool:
    """A past participle with no auxiliary right after a comma: a description, not a verb."""
    tok = toks[k]
    return tok.feat("VerbForm") == "Part" and k > 0 and toks[k - 1].text == "," and not any(
        t.head == k and t.dep.startswith("aux") for t in toks[max(0, k - 6):k])


def _undergoes(toks: list[Tok], unit: Sentence, k: int) -> bool:
    """The subject of a passive verb undergoes the act ("Laurent Nuñez était tout juste
    nommé"); unless a clause says what it is to do ("est chargée de coordonner")."""
    kids = [t.dep for t in toks[unit.lo:unit.hi] if t.head == k and t.i != k]
    return any(d in ("aux:pass", "auxpass") for d in kids) and not any(
        d in ("xcomp", "ccomp") for d in kids)


def _after_relative(toks: list[Tok], unit: Sentence, end: int) -> int:
    """The token after the relative pronoun that follows offset ``end``."""
    k = next((k for k in range(unit.lo, unit.hi) if toks[k].start >= end), unit.hi - 1)
    return k + 1 if toks[k].pos == "PRON" and k + 1 < unit.hi else k


def _described_by(toks: list[Tok], unit: Sentence, k: int, group: tuple[Mention, ...]) -> bool:
    """The verb after the group is a participle describing it, with an agent of its own or
    set off by a comma ("La municipalité dirigée par X", "The city of Nice, considered the
    most video-monitored in France, wants"): not its act."""
    tok = toks[k]
    return tok.dep == "acl" and tok.feat("VerbForm") == "Part" \
        and in_group(toks[tok.head], group) and (k > unit.lo and toks[k - 1].text == "," or any(
            t.head == k and t.dep in ("agent", "obl:agent") for t in toks[unit.lo:unit.hi]))


def roles(toks: list[Tok], unit: Sentence, text: str, actors: list[Mention],
          lang: str, persons: list[Mention] | None = None) -> list[Role]:
    """The role of every actor group of a unit that acts: agent, possessive or subject;
    ``persons`` are the document's, who may hold an office the unit names by its title."""
    out: list[Role] = []
    inverted = inverted_relatives(toks, actors, lang, unit.lo, unit.hi)
    for group in (part for whole in actor_groups(actors, text, lang)
                  for part in split_subject(toks, unit, text, whole, lang)):
        own = _group_roles(toks, unit, text, group, actors, lang, persons or []) + [
            Role(group, "subject-relative", v) for v, at in inverted.items()
            if toks[at].start == group[0].start]  # "les parts qu'alloueront la Région"
        taken = {r.trigger for r in own}
        out += own + [r for r in relative_roles(toks, unit, group, lang) if r.trigger not in taken]
    return out


def _group_roles(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                 actors: list[Mention], lang: str, persons: list[Mention]) -> list[Role]:
    cited = source_predicate(toks, unit, group, lang)
    if cited is not None:  # "le rapport publié par X révèle", "a report by X found"
        return [Role(group, "subject-source", cited)]
    before = fold(before_title(text[unit.start:group[0].start], group[0], lang))
    marked, role = _marked(toks, unit, group, before, lang)
    if not marked:
        marked, role = _attached(toks, unit, text, group, before, lang, actors, persons)
    if marked:
        return [role] if role else []
    if after_medium(before, lang):
        return []  # "a reconnu sur France Inter la ministre": where it was said, no subject
    return _subject_roles(toks, unit, group, before, lang) or _inverted_subject(
        toks, unit, group, lang)


def _inverted_subject(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                      lang: str) -> list[Role]:
    """The group written after its reporting verb (", rappelle la Cour des comptes.",
    "comme l'avait dénoncé la CFDT"): the speaker, whatever the parse made of it."""
    for t in toks[unit.lo:unit.hi]:
        if in_group(t, group) and (verb := inverted_reporter(toks, unit, t, lang)) is not None:
            return [Role(group, "subject", verb.i)]
    return []


def relative_roles(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                    lang: str) -> list[Role]:
    """What a group that is no subject does in a relative clause of its own, whose subject is
    the relative pronoun ("rappelle la Cour des comptes, qui salue …", "For Jean Castex, who
    visited …", "permet à la Métropole, qui en a fait la demande"): its act too. Not a
    clause whose object it is ("la Ville, que le préfet a saisie")."""
    out = []
    # the parser may attach the clause elsewhere ("permet à la Métropole, qui en a fait …"):
    # a relative pronoun right after the group, the subject of a verb, says the same
    span, pronouns = toks[unit.lo:unit.hi], words("relative_subjects", lang)
    right_after = [t.head for t in span if t.dep == "nsubj" and group[-1].end <= t.start
                   and fold(t.text) in pronouns and re.fullmatch(r"(\(?[^()]*\))?,?", "".join(
                       u.text for u in span if group[-1].end <= u.start < t.start))]  # "(ART),"
    for v in dict.fromkeys([*relative_verbs(toks, unit, group), *right_after]):
        if toks[v].pos == "VERB" and any(
                t.head == v and t.dep == "nsubj" and fold(t.text) in pronouns and t.i < v
                for t in toks[max(unit.lo, v - 4):v]):
            out.append(Role(group, "subject-relative", v))
            # "la préfecture, qui a renforcé la surveillance et interdit les mouvements": both
            out.extend(coordinated(toks, unit, out[-1], lang))
    return out


def _marked(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...], before: str,
            lang: str) -> tuple[bool, Role | None]:
    """(whether a word before the group gives its role, the role): an authority ("sous
    l'impulsion de"), an agent ("par", "voté à l'Assemblée"), a partner ("signé avec")."""
    pats = patterns(lang)
    if pats["authority"].search(before) or group[0].type == "Person" \
            and pats["authority_titled"].search(before):
        k = back_trigger(toks, unit, group[0].start, lang)
        if k is None:
            k = main_verb_after(toks, unit, group[-1].end, lang)
        return True, Role(group, "agent", k) if k is not None else None
    venue = pats["venue"].search(before) and group[0].type == "Organization"  # "voté au Sénat"
    if pats["agent"].search(before) or pats["agent_list"].search(before) or venue:
        k = said_before(toks, unit, unit.start + len(before.rstrip()), lang)
        k = k if k is not None else agent_governor(toks, unit, group[0].start, lang)
        k = back_trigger(toks, unit, group[0].start, lang) if k is None else k
        k = passive_before(toks, unit, group[0].start) if k is None else k
        if k is None and partnered(before, lang):  # "Aux côtés de l'État, la Région a …"
            k = main_verb_after(toks, unit, group[-1].end, lang)
        if venue and (k is None or active_verb(toks, k) or not is_word_of(
                toks[k], "deliberative_acts", lang)):
            return False, None
        if k is not None and is_word_of(toks[k], "interview_verbs", lang):
            return True, None  # "Interrogé par France Info": who asked, no act of policy
        if k is not None and active_verb(toks, k) and not partnered(before, lang):
            return True, None  # "Two cyclists ride in Paris (Photo by AFP)": no one's agent
        return True, Role(group, "agent", k) if k is not None else None
    if partner_list(toks, unit, group, before, lang):
        k = back_trigger(toks, unit, group[0].start, lang)
        # "mené en partenariat entre l'État, la région …": each partner does the act
        joint = any(f" {w} " in f" {before} " for w in words("partnership_nouns", lang))
        two_sided = k is not None and (joint or action_of(toks[k], lang) in {
            str(a) for a in lex("symmetric_actions") or []})
        return True, Role(group, "agent", k) if two_sided and k is not None else None
    return False, None


def _attached(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
              before: str, lang: str, actors: list[Mention], persons: list[Mention]
              ) -> tuple[bool, Role | None]:
    """(found, role) of a group attached to an act's noun or a collective: possessive ("un
    effort de la Ville", "the Region's fund"), "les élus du conseil", a list of signatories,
    the unnamed holder of an office ("la directrice de l'ARS a annoncé")."""
    pats = patterns(lang)
    found, office = office_role(toks, unit, text, group, before, actors, persons, lang)
    if found:  # not a holder who undergoes the act ("le Premier président … a été auditionné")
        return True, Role(office[0], "subject-dep", office[1]) if office and not _undergoes(
            toks, unit, office[1]) else None
    if (k := plan_lists(toks, unit, text, group, before, lang)) is not None:
        return True, Role(group, "possessive", k)  # "la stratégie de l'UE prévoit la …"
    if pats["poss"].search(before):
        k = back_trigger(toks, unit, group[0].start, lang, limit=14, nouns_only=True)
        if k is not None:  # not "président de la CRC" nor "après les accusations de X"
            return True, None if toks[k].lemma in mapping("agent_nouns", lang) or \
                time_anchored(toks, unit, k, lang) else Role(group, "possessive", k)
    if owned_by_s(text, group):
        k = forward_noun(toks, unit, group[-1].end, lang)
        if k is not None:  # "the Occitanie Region's €2 million fund"
            return True, Role(group, "possessive", k)
    if pats["head_of"].search(before):
        k = head_subject(toks, unit, group[0].start)
        if k is not None:  # "les élus du conseil ont voté"; not "Président du SMT, X répond"
            return True, None if holder_named(toks, unit, text, group, persons, None) else Role(
                group, "subject-dep", k)
    k = listed_under(toks, unit, group, lang)
    if k is not None:  # "Parmi les signataires figurent X, Y et Z"
        return True, Role(group, "subject-dep", k)
    if (listed := listed_after(toks, unit, text, group, actors, lang)) is not None:
        return True, listed  # "Quatre régions ont signé : la Région X, la Région Y et …"
    return False, None


def _subject_roles(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...], before: str,
                   lang: str) -> list[Role]:
    """The group as a subject: the verb after it, else the parse's, else a cleft's relative
    clause; with its relative clauses and coordinated verbs."""
    k = None if after_verb(toks, unit, group[0].start) else forward_predicate(
        toks, unit, group, lang)
    if k is not None and _described_by(toks, unit, k, group):
        k = None  # "The municipality headed by X, … plans to": what it is, not does
    how = "subject"
    if k is None:  # or the verb of the plural its names are some of ("Unions including X")
        k = dep_predicate(toks, unit, group)
        k = included_in_subject(toks, unit, group, lang) if k is None else k
        how = "subject-dep"
    if k is None and patterns(lang)["cleft"].search(before):
        # "C'est l'association Aurore qui coordonne": the relative clause is the act
        first = _after_relative(toks, unit, group[-1].end)
        k = next(iter(relative_verbs(toks, unit, group)), None) or verb_from(
            toks, first, unit, lang, words("subject_gap", lang))
        if k is None and inflected_action(toks[first], lang):
            k = first  # "qui finance le dispositif", the verb tagged a noun
    if k is None or toks[k].pos == "AUX":  # "X est la première collectivité qui engage"
        k = next(iter(_predicated_relatives(toks, unit, group)), k)
    if k is None or _undergoes(toks, unit, k):
        return []
    if how == "subject-dep" and _bare_participle(toks, k):
        # "The city of Nice, considered the most video-monitored in France, wants to": the
        # parser made the participle the predicate; the verbs joined to it are the acts
        return coordinated(toks, unit, Role(group, how, k), lang)
    out = [Role(group, how, k)]
    out.extend(Role(group, "subject-relative", v) for v in relative_verbs(toks, unit, group)
               if v != k)  # "X, qui prévoit …, a lancé …": both; a speaker's too
    return out + coordinated(toks, unit, out[-1], lang)


def _predicated_relatives(toks: list[Tok], unit: Sentence,
                          group: tuple[Mention, ...]) -> list[int]:
    """Verbs of the relative clauses on the noun the group is said to be ("La Ville de X est
    la première collectivité qui engage les travaux", "Lyon is the first city to ban old
    cars"): what is said of the noun is said of the group; the copula itself does nothing.
    Not words quoted after the name, which describe what it names."""
    span = toks[unit.lo:unit.hi]
    subject_of = {t.head for t in span if t.dep.startswith("nsubj") and in_group(t, group)}
    nouns = {t.i for t in span if t.pos in ("NOUN", "NUM", "PRON") and (
        t.i in subject_of and any(c.head == t.i and c.dep == "cop" for c in span)
        or t.dep == "attr" and t.head in subject_of)}
    end = group[-1].end  # not words quoted after the name ('X "is a place that shows …"')
    return [t.i for t in span if t.head in nouns and t.pos == "VERB" and (
        t.dep in ("relcl", "acl:relcl") or t.dep == "acl" and t.feat("VerbForm") == "Inf")
        and not any(u.text in quote_marks() for u in span if end <= u.start < t.start)]


__all__ = ["ACTOR_TYPES", "Role", "coordinated", "relative_roles", "roles"]
