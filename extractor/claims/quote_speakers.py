"""Speakers and sources named by a pronoun or a bare title: after a quotation ("…",
a-t-il conclu; "…", she grumbles; "…", a conclu le ministre), before its colon ("Il a conclu :
« … »") or after an attribution cue ("selon lui", "according to the minister"): the actor the
sentence continues, or the person last named with that title."""

from __future__ import annotations

import bisect
import re
from functools import cache

from extractor.claims.anaphora import agrees
from extractor.claims.attribution import cue_ends
from extractor.claims.genders import determiner_gender, gender_agrees, title_gender
from extractor.claims.quotation_marks import quotations
from extractor.claims.quoted import Quoted
from extractor.claims.sentences import Sentence, Tok, lemmas, lex, words
from extractor.claims.titles import PRONOUN_REACH, one_person_before, recent, titled_person
from extractor.records import Mention
from extractor.text.fold import fold


def pronoun_speakers(text: str, toks: list[Tok], units: list[Sentence], persons: list[Mention],
                     quoted: list[Quoted], lang: str,
                     carried: list[Mention | None]) -> list[Quoted]:
    """Quotations whose speaker is a pronoun after them ("…", a-t-il conclu; "…", she
    grumbles): the actor the sentence continues, else the one person named just before the
    quotation, as for a pronoun subject; or a bare title ("…", a conclu le ministre): the
    person last named with it."""
    reporting, pronouns = words("reporting", lang), words("subject_pronouns", lang)
    done = {(q.start, q.end) for q in quoted}
    out = []
    least = int(lex("min_quote_words") or 5)
    for qs, qe in quotations(text, 1):
        if (qs, qe) in done:
            continue
        first = bisect.bisect_left(toks, qe, key=lambda t: t.start)  # not a scan per quote
        near = [t for t in toks[first:first + 20] if t.start < qe + 40]
        near = near[:next((i for i, t in enumerate(near) if t.text in (".", "!", "?")),
                          len(near))]
        verb = next((t for t in near if any(w in reporting for w in lemmas(t, lang))), None)
        span = [u for u in units if u.start < qe and qs < u.end]
        if not span or len(text[qs + 1:qe - 1].split()) < least and not _incise_opened(
                text, span[0], qs, qe, verb):
            continue
        if verb is None:  # "The minister wanted to act: “I will make proposals …”"
            person, verb = _before_colon(text, toks, span[0], qs, persons, carried, units, lang)
        else:
            pronoun = next((t for t in near if _pronoun_word(t) in pronouns), None)
            person = _pronoun_person(toks, units, span[0], pronoun, persons, qs, carried,
                                     lang) if pronoun is not None else _titled(
                near[near.index(verb) + 1:], persons, qs, lang)
        if person is not None and verb is not None:
            # the incise the parser cut off after the quotation ("…", a précisé l'élue.)
            span += [u for u in units if span[-1].end <= u.start <= verb.start < u.end]
            unit = Sentence(span[0].start, span[-1].end, span[0].lo, span[-1].hi, False)
            out.append(Quoted(qs, qe, person, unit, verb.i))
    return out


def _incise_opened(text: str, unit: Sentence, qs: int, qe: int, verb: Tok | None) -> bool:
    """A short quotation that opens its sentence and is followed at once by its reporting
    verb, after a comma or not ("« Nous ne lâcherons rien », a-t-elle martelé", '"Un ordre
    de grandeur" précise le ministre'): words said, not scare quotes, which sit inside a
    sentence of their own."""
    return verb is not None and not text[unit.start:qs].strip() and bool(
        re.fullmatch(r"\s*,\s*(?:[\w'’-]+\s+){0,3}|\s+", text[qe:verb.start]))


def _pronoun_person(toks: list[Tok], units: list[Sentence], first: Sentence, pronoun: Tok,
                    persons: list[Mention], qs: int, carried: list[Mention | None],
                    lang: str) -> Mention | None:
    continued = carried[units.index(first)]
    if continued is not None and not agrees(pronoun, continued, toks, lang):
        continued = None
    return continued or one_person_before(persons, qs) or _one_of_its_gender(
        persons, qs, _pronoun_word(pronoun), lang)


def _pronoun_word(t: Tok) -> str:
    """A pronoun as written after an inverted verb, less its hyphens ("-t-elle" → elle)."""
    return fold(t.text).strip("-").removeprefix("t-")


def _one_of_its_gender(persons: list[Mention], qs: int, pronoun: str,
                       lang: str) -> Mention | None:
    """The one person named just before whom the pronoun's gender fits ("…, a déploré
    Annie Genevard. « … », a-t-elle rappelé" after Arnaud Rousseau was named); none when
    a person of no known gender could be meant too."""
    fitting = [p for p in recent(persons, qs, 50) if qs - PRONOUN_REACH <= p.start
               and p.type == "Person" and gender_agrees(pronoun, p.text, lang)]
    return fitting[-1] if len({p.key or p.text for p in fitting}) == 1 else None


def _before_colon(text: str, toks: list[Tok], unit: Sentence, qs: int, persons: list[Mention],
                  carried: list[Mention | None], units: list[Sentence],
                  lang: str) -> tuple[Mention | None, Tok | None]:
    """The speaker of a quotation opened after a colon, named before it by a pronoun or a
    bare title ("Il a conclu : « … »", "The minister still wanted to act: “I will …”")."""
    if not text[unit.start:qs].rstrip().endswith(":"):
        return None, None
    before = [t for t in toks[unit.lo:unit.hi] if t.end <= qs]
    subject = next((t for t in before if t.dep.startswith("nsubj")
                    and not t.dep.endswith("pass")), None)
    if subject is None or not 0 <= subject.head < len(toks):
        return None, None
    if subject.pos == "PRON" and fold(subject.text) in words("subject_pronouns", lang):
        person = _pronoun_person(toks, units, unit, subject, persons, qs, carried, lang)
    else:
        person = _titled(before[before.index(subject) - 1:], persons, qs, lang)
    return person, toks[subject.head]


def _titled(after: list[Tok], persons: list[Mention], qs: int, lang: str) -> Mention | None:
    """The person last named with the title that follows the reporting verb, bare and
    definite ("a conclu le ministre", "said the minister")."""
    # a lower-case title the tagger took for a name counts too ("a précisé l'élue (PS)")
    title = next((t for t in after[:3] if t.pos == "NOUN" or t.pos == "PROPN"
                  and t.text.islower()), None)
    if title is None:
        return None
    dets = [t for t in after[:after.index(title)] if t.pos == "DET"]
    if not dets or any(t.feat("Definite") == "Ind" for t in dets):
        return None  # "souligne un élu d'opposition": someone the text does not name
    det = after[after.index(title) - 1] if after.index(title) else None
    return titled_person(fold(title.text), persons, qs, lang, title_gender(det, title, lang))


def pronoun_source(text: str, unit: Sentence, persons: list[Mention], lang: str,
                   previous: Mention | None = None,
                   toks: list[Tok] | None = None) -> Mention | None:
    """The actor an attribution word with a pronoun stands for ("a été selon lui atteint",
    "and according to him …", "Selon elle, 150 personnes seront relogées" after "La
    préfecture annonce …"): the actor the sentence continues when the pronoun agrees with
    it, else the one person named just before, as for a pronoun subject; none when two
    were."""
    pronouns = words("attribution_pronouns", lang)
    for end, _ in cue_ends(text, unit, lang):
        titled = _titled_source(fold(text[end:end + 30]), persons, end, lang)
        if titled is not None:
            return titled  # "according to the minister", "selon le préfet"
        if previous is not None and _own_account(fold(text[end:end + 40]), lang):
            return previous  # "La DGAC a publié un bilan. Selon son comptage, …"
        pronoun = re.match(r"\s+(\w+)\b", fold(text[end:end + 12]))
        if pronoun and pronoun.group(1) in pronouns:
            at = end + pronoun.end()
            first = bisect.bisect_left(toks or [], at - len(pronoun.group(1)),
                                       key=lambda t: t.start)
            tok = (toks or [])[first] if first < len(toks or []) else None
            # a body the sentence continues, when the pronoun's gender is its own (a person
            # is found by nearness: their gender is unknown)
            if previous is not None and previous.type == "Organization" and tok is not None \
                    and agrees(tok, previous, toks or [], lang):
                return previous
            person = one_person_before(persons, at)
            if person is not None:
                return person
            # else the person the text goes on about, if the pronoun's gender fits ("…, a
            # déclaré le Premier ministre. Selon lui, …")
            if previous is not None and previous.type == "Person" and tok is not None \
                    and gender_agrees(pronoun.group(1), previous.text, lang):
                return previous
    return None


def _own_account(after: str, lang: str) -> bool:
    """A possessive and a noun of one's own figures after an attribution word ("son
    comptage", "its figures"), from ``own_account`` in ``ontology/lang/claims.yaml``."""
    found = re.match(r"\s*(\w+)\s+(\w+)", after)
    table = lex("own_account") or {}
    if found is None or not isinstance(table, dict):
        return False
    determiners = [fold(w) for w in (table.get("determiners") or {}).get(lang) or []]
    nouns = [fold(w) for w in (table.get("nouns") or {}).get(lang) or []]
    return found.group(1) in determiners and found.group(2) in nouns


def _titled_source(after: str, persons: list[Mention], at: int, lang: str) -> Mention | None:
    """The person a bare definite title after an attribution cue names: the last one named
    with that title ("…, according to the minister.", "selon le préfet,", "selon le
    ministre qui précise que …")."""
    found = _bare_title(lang).match(after)
    if found is None or found.group(1).strip() not in words("definite_determiners", lang):
        return None
    return titled_person(found.group(2), persons, at, lang,
                         determiner_gender(found.group(1), lang))


@cache
def _bare_title(lang: str) -> re.Pattern[str]:
    """A determiner, elided or not ("l'élue"), a noun and perhaps one word that qualifies it
    ("selon l'élue socialiste"), then a stop or a relative pronoun: built once per language."""
    relative = "|".join(map(re.escape, sorted(words("relative_subjects", lang)))) or "(?!)"
    return re.compile(rf"\s+(\w+'|\w+\s+)(\w+)(?:\s+[^\W\d_]+)?\s*(?:[,.;)]|$|"
                      rf"(?:{relative})\b)")


__all__ = ["pronoun_source", "pronoun_speakers"]
