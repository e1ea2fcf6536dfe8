"""Which actors of a sentence act together: names joined by commas and conjunctions.

The small parsers often mis-attach coordinated names and appositions, so actors joined by
commas and conjunctions are grouped on the text; the patterns of the words around a group
that say its role ("par", "de", "sous l'impulsion de", "avec") are made here once per
language and read by :mod:`claims.roles`.
"""

from __future__ import annotations

import re
from functools import cache

from extractor.claims.kind import any_language_words
from extractor.claims.sentences import Sentence, Tok, words
from extractor.claims.triggers import forward_predicate, in_group
from extractor.mentions.naming import lexicon_words
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation

# an aside between two joined names, in brackets or between dashes ("la CGT (15 %) et FO",
# "l'État, le département - pionnier dans ce domaine - et la Ville"): no word of the join
_ASIDE = re.compile(r"\([^()\n]{1,40}\)|\s[-–—]\s[^-–—\n]{1,60}\s[-–—](?=\s)")


@cache
def patterns(lang: str) -> dict[str, re.Pattern[str]]:
    det = alternation(any_language_words("determiners"))
    conj = alternation(words("conjunctions", lang))
    agent = alternation(words("agent_markers", lang) | words("coagent_markers", lang))
    authority = alternation(words("authority_markers", lang))
    poss = alternation(words("possessive_markers", lang))
    heads = alternation(words("agent_heads", lang))
    head_marks = alternation(words("agent_head_markers", lang))
    name_heads = alternation(lexicon_words("media_heads", lang)
                             | lexicon_words("company_heads", lang))
    return {
        # the preposition may come again after the conjunction ("sous l'impulsion du préfet
        # X et de Y", "par l'ARS et par la Ville", "by the State and by the City")
        # over a lower-case head that is no part of the next name ("et le journal Le Monde")
        "join": re.compile(rf"^[\s,;()]*(?:(?:{conj})\s+(?:(?:{agent}|{poss})\s*)?)?"
                           rf"(?:(?:{det})\s*)?(?:(?:{name_heads})\s+)?$"),
        "agent": re.compile(rf"(?:^|\W)(?:{agent})\s+(?:(?:{det})\s*)?"
                            rf"(?:(?:{heads})\s+(?:{poss})\s*(?:(?:{det})\s*)?)?$"),
        "venue": re.compile(rf"(?:^|\W)(?:{alternation(words('venue_markers', lang))})\s*"
                            rf"(?:(?:{det})\s*)?$"),
        # or its plural common noun and a comma ("par trois syndicats, FO, la CGT et …")
        "agent_list": re.compile(rf"(?:^|\W)(?:{agent})\s+(?:[^,;.]{{0,40}}?[–:(-]|"
                                 rf"[^\s,;.A-ZÀ-Ý]+\s[^,;.A-ZÀ-Ý]{{1,40}}?[sx],)\s*$"),
        # "les équipes de la Ville", "a spokesperson for the prosecutor's office"
        "head_of": re.compile(rf"(?:^|\W)(?:{heads})\s+(?:{poss}|{head_marks})\s*"
                              rf"(?:(?:{det})\s*)?$"),
        "authority": re.compile(rf"(?:^|\W)(?:{authority})\s*(?:(?:{det})\s*)?$"),
        # a person's title between the marker and the name ("sous l'impulsion du préfet
        # Pascal Mailhos", "on the instructions of Interior Minister Gérald Darmanin")
        "authority_titled": re.compile(
            rf"(?:^|\W)(?:{authority})\s*(?:(?:{det})\s*)?(?:[^\W\d][\w'-]*\s+){{1,4}}$"),
        "poss": re.compile(rf"(?:^|\W)(?:{poss})\s*(?:(?:{det})\s*)?$"),
        # over list items that are no actor ("avec la Préfecture, Action Logement et …")
        "partner": re.compile(rf"(?:^|\W)(?:{alternation(words('partner_markers', lang))})\s+"
                              rf"(?:[^,.;:()]{{1,40}},\s*){{0,3}}(?:(?:{det})\s*)?$"),
        "conjunction": re.compile(rf"(?:^|\W)(?:{conj})(?:\W|$)"),
        # a list whose preposition comes again after a comma ("les ministres de l'Intérieur,
        # de l'Agriculture et de la Transition écologique")
        "listed_of": re.compile(rf"^\s*,\s*(?:{poss})\s*(?:(?:{det})\s*)?$"),
        # what is left of a gap once the next person's title is taken out: ", et le , "
        "joined_role": re.compile(rf"[\s,]*(?:{conj})\s+(?:(?:{det})\s*)?[\s,]*"),
        # a medium or a hearer after a verb of saying ("a reconnu sur France Inter", "a
        # précisé à l'AFP"), not after an impersonal subject ("assure-t-on au ministère")
        "medium": re.compile(rf"(?:^|\W)((?:{alternation(words('first_person_subjects', lang))})"
                             rf"\s+)?(?:{alternation(words('medium_prepositions', lang))})\s*"
                             rf"(?:(?:{det})\s*)?$"),
        "cleft": re.compile(rf"(?:^|\W)(?:{alternation(words('cleft_openers', lang))})\s+"
                            rf"(?:(?:{det})\s*)?(?:(?:{heads})\s+(?:{poss})\s*(?:(?:{det})\s*)?)?$"),
    }


def after_medium(before: str, lang: str) -> bool:
    """The folded words ``before`` a mention end with a preposition that makes it the
    medium or the hearer of what is said ("sur France Inter", "à l'AFP"), never the speaker
    nor a subject; not after an impersonal subject ("assure-t-on au ministère de
    l'Intérieur": the ministry speaks)."""
    found = patterns(lang)["medium"].search(before)
    return found is not None and found.group(1) is None


# the first of two media a slash joins ("sur Europe 1/CNews"): the second is a medium too
_FIRST_MEDIUM = re.compile(r"(?:[A-Z0-9À-Ý][\w'.-]*\s*)+/\s*$")


def medium(text: str, m: Mention, lang: str) -> bool:
    """``after_medium`` for a mention of ``text``."""
    before = _FIRST_MEDIUM.sub("", text[max(0, m.start - 48):m.start])
    return after_medium(fold(before[-24:]), lang)


def actor_groups(actors: list[Mention], text: str, lang: str) -> list[tuple[Mention, ...]]:
    """Consecutive actors joined only by commas, conjunctions and determiners; not a person
    and the organisation named in their role just before them ("La directrice générale de
    l'ARS, Amélie Verdier, a souligné": Amélie Verdier acts alone)."""
    join = patterns(lang)["join"]
    groups: list[list[Mention]] = []
    last = 0  # the end of the last name read, in a group or in brackets
    for m in sorted(actors, key=lambda m: m.start):
        if groups and m.start < last:
            continue  # a body named in the last person's title ("X, président de la Région")
        gap = text[last:m.start] if groups else ""
        last = max(last, m.end)
        # "Christian Estrosi (Horizons)", "l'Agence régionale de santé (ARS)": a party or an
        # acronym in brackets is said of the name before it, no second actor
        if groups and "(" in gap and join.match(fold(gap)) \
                and text[m.end:m.end + 2].lstrip().startswith(")"):
            last = m.end + text[m.end:].index(")") + 1
            continue
        if groups and qualifies(groups[-1][-1], m, text):
            groups[-1][-1] = m  # "le candidat RN Jordan Bardella": the party qualifies him
            continue
        if groups and (join.match(fold(_ASIDE.sub(" ", gap))) or _joined_over_role(gap, m, lang)
                       or _listed_of(gap, groups[-1][-1], m, lang)) \
                and not _in_role_of(groups[-1][-1], m):
            groups[-1].append(m)
        else:
            groups.append([m])
        # "Guy Teissier, President of MPM, and Philippe Durand, EIB Vice-President, signed":
        # a person's title set after the name belongs to the name; the list goes on after it
        last = max(last, _title_end(text, m, lang))
    return [tuple(g) for g in groups]


def _listed_of(gap: str, before: Mention, m: Mention, lang: str) -> bool:
    """Two bodies of one list whose preposition comes again after the comma; never a
    person's affiliation ("Jean Dupont, de la CGT, a déclaré": he speaks, not the union)."""
    return before.type != "Person" and m.type != "Person" \
        and patterns(lang)["listed_of"].match(fold(gap)) is not None


def qualifies(body: Mention, person: Mention, text: str) -> bool:
    """A party's or body's acronym right before a person's name qualifies the person ("le
    candidat RN Jordan Bardella", "the candidate LREM Violette Spillebout"): the person acts
    or speaks, not the body."""
    return body.type == "Organization" and body.text.isupper() and person.type == "Person" \
        and person.start > body.end and text[body.end:person.start].isspace()


@cache
def _qualified_noun(lang: str) -> re.Pattern[str]:
    """A noun of one person or office at the end of the folded text before an acronym, with
    or without a bracket ("l'élue (LR)", "la présidente LR"); not a plural ("les élus LR
    ont quitté la salle": the party's group acts)."""
    nouns = lexicon_words("role_heads", lang) | words("qualified_person_nouns", lang)
    return re.compile(rf"(?:^|\W)(?:{alternation(fold(n) for n in nouns)})\s*\(?\s*$")


def qualifier(text: str, m: Mention, lang: str) -> bool:
    """A party's or body's acronym written right after a person's noun ("a précisé l'élue
    (LR)", "la présidente LR de la région", "membre de LREM"), or its name in brackets there
    ("le président (La République en marche) de la région"): it says who the person is, it
    neither speaks nor acts."""
    lead = text[max(0, m.start - 40):m.start]
    opened = re.search(r"\(\s*(?:\w{1,3}['’]?\s*)?$", lead)  # "(La République en marche)"
    bracketed = opened is not None and text[m.end:m.end + 2].lstrip().startswith(")")
    lead = lead[:opened.start() + 1] if opened and bracketed else lead
    return m.type == "Organization" and (m.text.isupper() or bracketed) and _qualified_noun(
        lang).search(fold(lead)) is not None


def before_title(before: str, lead: Mention, lang: str) -> str:
    """The words before a group, less the title its first person bears right before the
    name ("annoncées par le Président de la République Emmanuel Macron": "… par le"), or a
    capitalised title the name reading left out ("announced by Education Minister
    Elisabeth Borne": "… by"), with the words that say when it was held ("par l'ancien
    Premier ministre X": "… par l'", "by former Prime Minister X": "… by")."""
    if lead.type != "Person":
        return before
    titled = re.search(r"(?:\b[A-ZÀ-Ý][\w'’-]*\s+){0,3}([A-ZÀ-Ý][\w'’-]*)\s*$", before)
    head = before.rstrip(" ,")
    if titled and fold(titled.group(1)) in lexicon_words("role_heads", lang):
        head = before[:titled.start()]
    elif lead.role and head.endswith(lead.role):
        head = head[:len(head) - len(lead.role)]
    else:
        return before
    while (last := re.search(r"([\w-]+)\s*$", head)) and (last.group(1)[:1].isupper() or fold(
            last.group(1)) in lexicon_words("title_premodifiers", lang)):
        head = head[:last.start()]
    return head


def _title_end(text: str, m: Mention, lang: str) -> int:
    """The end of a person's title written right after the name, between commas, with or
    without its article ("Jean Castex, le président, Frédéric Sanaur, le directeur
    général, et …"; the person's role as read), else the end of the name."""
    if m.type != "Person" or not m.role:
        return m.end
    at = text.find(m.role, m.end, m.end + len(m.role) + 8)
    between = fold(text[m.end:at]).strip()
    if at < 0 or not between.startswith(",") or between[1:].strip() not in (
            "", *words("determiners", lang)) or text[at + len(m.role):][:1] not in ",.;:)":
        return m.end
    return at + len(m.role)


def split_subject(toks: list[Tok], unit: Sentence, text: str, group: tuple[Mention, ...],
                   lang: str) -> list[tuple[Mention, ...]]:
    """A group of a passive agent cut at a comma alone before a name that a verb follows
    ("Interrogé par France Info, le ministre a promis", "Financé par l'État, la Ville a
    ouvert": the adjunct's agent, then the subject); a list has its conjunction ("par l'ARS,
    la Ville et la préfecture")."""
    pats = patterns(lang)
    # any preposition's object opens an adjunct ("Dans un courrier adressé à Anne Hidalgo,
    # le préfet de police met en garde …")
    before = next((t for t in reversed(toks[unit.lo:unit.hi]) if t.end <= group[0].start
                   and t.pos != "DET"), None)
    if len(group) < 2 or not (pats["agent"].search(fold(text[unit.start:group[0].start]))
                              or before is not None and before.pos == "ADP"):
        return [group]
    for n, (a, b) in enumerate(zip(group, group[1:], strict=False), start=1):
        gap = fold(text[a.end:b.start])
        if "," in gap and pats["conjunction"].search(gap) is None \
                and forward_predicate(toks, unit, (b,), lang) is not None:
            return [group[:n], group[n:]]
    return [group]


def included_in_subject(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...],
                        lang: str) -> int | None:
    """The verb of the plural subject the group's names are some of, after an inclusion
    word ("Unions including the CGT and FO called", "several charities, among them X,
    denounced"): each of them acts."""
    marks = words("inclusion_markers", lang)
    tok = next((t for t in toks[unit.lo:unit.hi] if in_group(t, group)
                and not in_group(toks[t.head], group)), None)
    if tok is None or not unit.lo <= tok.head < unit.hi:
        return None
    mark = toks[tok.head]
    noun = toks[mark.head] if unit.lo <= mark.head < unit.hi else None
    if fold(mark.text) not in marks or noun is None or not noun.dep.startswith("nsubj") \
            or noun.feat("Number") == "Sing" or noun.dep.endswith("pass"):
        return None
    verb = toks[noun.head]
    return verb.i if verb.pos in ("VERB", "AUX") and unit.lo <= verb.i < unit.hi else None


def partner_list(toks: list[Tok], unit: Sentence, group: tuple[Mention, ...], before: str,
                 lang: str) -> bool:
    """The group ends a list of partners ("signé avec la Préfecture, Action Logement et la
    Ville"); not the subject the parse gives a verb after a fronted adjunct ("avec l'aide de
    la Région, le Crous a construit 4 000 logements")."""
    return patterns(lang)["partner"].search(before) is not None and not any(
        t.dep in ("nsubj", "nsubj:pass", "nsubjpass") for t in toks[unit.lo:unit.hi]
        if in_group(t, group))


def partnered(before: str, lang: str) -> bool:
    """The words before a group make it a partner ("en coopération avec"), not an agent."""
    return any(f" {w} " in f" {before.rstrip()} " for w in words("coagent_markers", lang))


def _joined_over_role(gap: str, person: Mention, lang: str) -> bool:
    """The gap is a conjunction and the next person's title ("Fabienne Buccio, et le maire
    de Nantes, Johanna Rolland, ont inauguré"): both act."""
    if person.type != "Person" or not person.role or fold(person.role) not in fold(gap):
        return False
    at = fold(gap).index(fold(person.role))
    # the capitalised words a title puts before its head ("and Culture Minister Audrey
    # Azoulay": the role read is "Minister")
    before = re.sub(r"(?:\s+[A-ZÀ-Ý][\w'’-]*)+\s*$", " ", gap[:at])
    rest = fold(before) + " " + fold(gap[at + len(person.role):])
    return patterns(lang)["joined_role"].fullmatch(rest) is not None


def _in_role_of(before: Mention, person: Mention) -> bool:
    return person.type == "Person" and bool(person.role) and fold(before.text) in fold(
        person.role or "")


__all__ = ["actor_groups", "after_medium", "before_title", "medium", "partnered", "patterns",
           "qualifier", "qualifies", "split_subject"]
