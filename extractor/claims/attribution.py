"""Who asserts a claim: the speaker of a quotation, or the source named by "selon"/"according to".

A quotation's speaker is an actor right after it with a reporting verb ("» abonde X",
"”, notes X", "”, X said") or right before it ("X déclare : «", "Pour X : «"). Claims
made inside the quotation are the speaker's report, not the issuer's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from extractor.claims.actions import is_word_of
from extractor.claims.groups import medium, qualifies
from extractor.claims.incises import incise_verb
from extractor.claims.offices import holder_after, office_before, titled_holder
from extractor.claims.quotation_marks import quotations
from extractor.claims.quoted import Quoted
from extractor.claims.record import placeholder
from extractor.claims.sentences import Sentence, Tok, lemmas, lex, source_patterns, words
from extractor.claims.speaker_clues import (
    aside,
    first_token,
    has_object,
    pronoun_said,
    relative_intro,
)
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation

# a full stop then a capital, over an opening quotation mark (". « Dès la semaine …")
_SENTENCE_END = re.compile(r"[.!?]\s+(?:[«“\"‘]\s*)?[A-ZÀ-Ý]|\n\s*\n")


def _reporting(toks: list[Tok], start: int, end: int, lang: str,
               verb_only: bool = False) -> int | None:
    """The first reporting word between the offsets; ``verb_only`` after a speaker's name,
    where "the CRC report, “ …" is a noun introducing the next quotation."""
    verbs = words("reporting", lang)
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    for t in toks[first:]:
        if t.start >= end:
            break
        if (any(w in verbs for w in lemmas(t, lang))
                                       or fold(t.text) in verbs) \
                and (not verb_only or t.pos in ("VERB", "AUX")):
            return t.i  # the inflection read too: "», note X" is often tagged a noun
    return None


def pick_speaker(cands: list[Mention]) -> Mention | None:
    return next(iter([m for m in cands if m.type == "Person"] or cands), None)


def _speaker(text: str, qs: int, qe: int, actors: Sequence[Mention], toks: list[Tok],
             lang: str) -> tuple[Mention, int] | None:
    # a quotation closed by its own full stop, then a new sentence ("« … terrorisme. » Pour
    # lutter …, le gouvernement a annoncé"): whoever acts next did not say it
    closed = re.search(r"[.!?…]\W{0,2}$", text[qs:qe]) is not None and re.match(
        r"\W*\s[A-ZÀ-Ý]", text[qe:qe + 4]) is not None
    near = [] if closed else sorted(
        (m for m in actors if qe <= m.start <= qe + 100
         and not _SENTENCE_END.search(text[qe:m.start])), key=lambda m: m.start)
    # never the medium it spoke on ("», a reconnu lundi sur France Inter la ministre")
    after = [m for m in near if not medium(text, m, lang)]
    first = _opens_sentence(text, qs)  # a headline's quotation, a lead's
    for m in after:
        k = _reporting(toks, qe, m.start, lang)
        if k is not None and any(a.end <= toks[k].start for a in after if a.start < m.start):
            # a word of saying after another actor ("», a fait savoir la CFDT, après
            # l'annonce du Premier ministre X"): not this actor's verb
            continue
        if k is not None and pronoun_said(toks, k, qe, m.start):
            return None  # "« … », she said while the region …": hers (pronoun_speakers)
        author = None
        if k is None and _cue(fold(text[qe:m.start]), lang, first):
            # "…", according to a Twitter posting by the president's office: its author
            author = next((b for b in after if m.start < b.start <= m.start + 40
                           and _source_noun(fold(text[m.start:b.start]), lang)), None)
            k = first_token(toks, author or m)
        if k is None:
            k = _reporting(toks, m.end, m.end + 25, lang, verb_only=True)
        if k is not None:
            return author or pick_speaker(
                [a for a in after if abs(a.start - m.start) < 30]) or m, k
    incise = after[0] if after else None  # the first actor after it, past any medium
    k = incise_verb(toks, qe, incise.start) if incise is not None else None
    if incise is not None and k is not None:
        # "», a ironisé Nacer Meddah", "”, hammered the minister, X"; not the party that
        # qualifies the person named after it ("», estime le député LFI Louis Boyard")
        person = next((m for m in actors if qualifies(incise, m, text)), None) or holder_after(
            text, toks, incise, list(actors), lang)  # "le vice-président de la Région …, X"
        return person or incise, k
    # a quotation that opens a sentence has no speaker before it ("…, a déploré X.
    # « … », a-t-elle rappelé": the verb before the stop is the last quotation's)
    opens = re.search(r"[.!?]\s*$", text[max(0, qs - 3):qs]) is not None
    before = [] if opens else [m for m in actors if qs - 220 <= m.end <= qs
                               and not _SENTENCE_END.search(text[m.end:qs])]
    before.sort(key=lambda m: -m.end)
    for m in before:
        gap = text[m.end:qs]
        k = _reporting(toks, m.end, qs, lang)
        if k is not None and not gap.rstrip().endswith(":") and has_object(toks, k, qs):
            continue  # "a lancé sa campagne … dans l'objectif de « … »": an act, not words
        if k is not None and aside(toks, k, m):
            continue  # "Comme X avant lui, il a estimé « … »": his (pronoun_speakers)
        if k is not None or gap.rstrip().endswith(":"):
            # not a name after the reporting verb ("a ironisé …, afin de montrer à l'État
            # « … »"): what the verb governs, not who speaks
            chosen = pick_speaker([b for b in before if k is None or b.end <= toks[k].start]) or m
            return chosen, k if k is not None else first_token(toks, chosen)
        if relative_intro(gap, lang):
            return m, first_token(toks, m)  # "the Prime Minister, who wants “to offer …”"
    return None


def _cue(gap: str, lang: str, first: bool = False) -> bool:
    """The gap after a quotation is only an attribution cue ("”, according to the CRC"), one
    that need not open a sentence unless the quotation ``first`` opens one ("« … » pour le
    maire de Dijon"); in "» Nevertheless, according to the CRC, “ …" the cue leads on.

    >>> _cue("”, according to the ", "en"), _cue("» Nevertheless, according to the ", "en")
    (True, False)
    """
    cues = words("attribution", lang) - (set() if first else words("attribution_openers", lang))
    return any(re.fullmatch(rf"\W*{re.escape(c)}\s+(?:\w+'|\w+\s+)?", gap) for c in cues)


# after a cited name: a head noun or two ("For the CGT union"), an aside ("Pour la CRC (…)"), ","
_CITED_END = re.compile(r"(?:\s+[a-zà-ÿ]+){0,2}\s*(?:\([^()]{0,80}\)\s*)?[,:]")


def source_at_start(text: str, unit: Sentence, actors: Sequence[Mention],
                    lang: str, persons: Sequence[Mention] = ()) -> Mention | None:
    """The actor of "Pour la CRC, …" / "Selon X, …" / "According to X, …" opening a unit:
    the rest of the sentence is that actor's judgement; "Pour le président de la FAS, …" is
    the holder of that office among the document's ``persons``."""
    head = fold(text[unit.start:unit.start + 60])
    # "Mais pour la CRC, …": past an opening conjunction (folding keeps the offsets)
    opening = _cue_patterns(lang)[2].match(head)
    skip = opening.end() if opening else 0
    for cue in words("attribution", lang):
        if not head.startswith(cue + " ", skip):
            continue
        start = unit.start + skip + len(cue) + 1
        first = _cited(text, start, actors, lang) or _titled_cited(text, start, actors, lang) \
            or _office_cited(text, start, actors, persons, lang)
        if first is not None and _CITED_END.match(text, first.end, first.end + 90):
            return first
    return source_inside(text, unit, actors, lang)


def source_inside(text: str, unit: Sentence, actors: Sequence[Mention],
                  lang: str) -> Mention | None:
    """The actor of "… selon Alain Juppé, président de …" / "…, according to the CRC":
    a cue that attributes wherever it stands (not one that does only opening a sentence),
    right before an actor."""
    span = fold(text[unit.start:unit.end])
    for m in _cue_patterns(lang)[1].finditer(span):
        found = _cited(text, unit.start + m.end(), actors, lang)
        if found is not None:
            return found
    return None


@cache
def _cue_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Every attribution cue, those that attribute wherever they stand (not only opening a
    sentence), and the conjunctions before one ("Mais pour la CRC"), each as one pattern
    compiled once: a unit is scanned once, not once per cue, and its cues come in text order
    (an iteration over a word set's order was the hash seed's)."""
    every = words("attribution", lang)
    anywhere = every - words("attribution_openers", lang)
    return (re.compile(rf"(?:^|\W)({alternation(every)})\W"),
            re.compile(rf"(?<!\w)(?:{alternation(anywhere)})\s+"),
            re.compile(rf"(?:{alternation(words('cue_conjunctions', lang))}),?\s+"))


def _cited(text: str, start: int, actors: Sequence[Mention], lang: str) -> Mention | None:
    """The actor a cue ending at ``start`` cites: the author of the figures, report or post
    it names ("according to a Twitter posting by the president's office": the office, not
    the platform), else the actor right after the cue."""
    return next((a for a in actors if start < a.start <= start + 40
                 and _source_noun(fold(text[start:a.start]), lang)), None) or next(
        (a for a in actors if start <= a.start <= start + 6), None) or next(
        (a for a in actors if a.type == "Person" and a.role and start < a.start <= start + 90
         and len(gap := fold(text[start:a.start]).strip()) <= len(a.role) + 6
         and gap.endswith(fold(a.role))), None)  # "selon la ministre Agnès Durand"


# a title then a comma before a person's name, with the acronym of its body in brackets
# ("Selon le président du Conseil français du culte musulman (CFCM), Mohammed Moussaoui, …")
_TITLE_BEFORE_NAME = re.compile(r"[^\W\d][^,.;:!?«»“”\"()]{2,80}(?:\([^()]{1,15}\))?,\s*")


def _titled_cited(text: str, start: int, actors: Sequence[Mention],
                  lang: str) -> Mention | None:
    """The person a title after an opening cue names, then a comma ("Pour la contrôleure
    générale des prisons, Adeline Hazan, il est urgent …")."""
    singular = words("singular_definite_determiners", lang)  # a title, not "les habitants"
    return next((a for a in actors if a.type == "Person" and start < a.start <= start + 90
                 and _TITLE_BEFORE_NAME.fullmatch(text[start:a.start])
                 and re.split(r"(?<=['’])|\s", fold(text[start:a.start]))[0] in singular
                 and text[a.end:a.end + 1] == ","), None)


def _office_cited(text: str, start: int, actors: Sequence[Mention],
                  persons: Sequence[Mention], lang: str) -> Mention | None:
    """The holder of the office an opening cue names by its body ("Pour le président de la
    FAS, …"): the person the document named with that office (:func:`titled_holder`), else
    the body, as the guidelines make an unnamed office-holder; None when the words between
    are no office ("Pour les adhérents de la FAS")."""
    body = next((a for a in actors if a.type == "Organization" and start < a.start <= start + 60
                 and not re.search(r"[,.;:!?«»“”\"()]", text[start:a.start])), None)
    if body is None or not office_before(text, body, lang):
        return None
    return titled_holder(text, body, list(persons), lang) or body


def _source_noun(gap: str, lang: str) -> bool:
    """The words between a cue and an actor only name what of theirs is cited."""
    return source_patterns(lang)[0].fullmatch(gap) is not None


def speakers(text: str, actors: Sequence[Mention], toks: list[Tok], units: list[Sentence],
             lang: str) -> list[Quoted]:
    """Every quotation long enough to be a statement whose speaker is a named actor."""
    out: list[Quoted] = []
    spans = quotations(text, int(lex("min_quote_words") or 5))
    opens = [qs for qs, _ in spans]  # a quoted name is spoken of, never who speaks
    outside = [m for m in actors if not (
        (i := bisect.bisect_left(opens, m.start) - 1) >= 0 and m.start < spans[i][1])]
    long = set(spans)
    for qs, qe in quotations(text, 1):
        found = _speaker(text, qs, qe, outside, toks, lang)
        if found is None or (qs, qe) not in long and not _incise_after(text, qs, qe,
                                                                       *found, toks, lang):
            continue  # a short quotation is a statement only with its incise ("« Non », a dit X")
        named, k = found
        lo, hi = min(qs, named.start), max(qe, named.end)
        speaker = titled_holder(text, named, outside, lang) or named  # "le président du CFL"
        span = [u for u in units if u.start < hi and lo < u.end]
        if not span:
            continue
        unit = Sentence(span[0].start, span[-1].end, span[0].lo, span[-1].hi, False)
        out.append(Quoted(qs, qe, speaker, unit, k))
    return out


def _incise_after(text: str, start: int, end: int, speaker: Mention, k: int,
                  toks: list[Tok], lang: str) -> bool:
    """Whether short quoted words open their sentence, closed by their own punctuation or a
    comma, or by a verb of saying its subject follows ("« On ne lâche rien » avait déclaré
    X"), the verb of saying right after ("« C'est colossal ! » s'enthousiasme X", "« Non »,
    a répondu X"): never a quoted name ("le plan « Logement d'abord » a été lancé par X")."""
    verb, gap = toks[k], text[end:toks[k].start]
    punctuated = re.search(r"[,.!?…]\W{0,2}$", text[start:end]) is not None or \
        gap.lstrip()[:1] in (",", "–", "—") or is_word_of(verb, "reporting", lang) \
        and speaker.start > verb.start
    # a verb of its own clause, not a participle ("« Santé mentale », pilotée par X")
    clause = verb.dep not in ("acl", "amod") and verb.feat("Voice") != "Pass"
    # words inside a sentence ("ouvrira « début novembre », a annoncé …") are its fragment
    return verb.start >= end and len(gap.split()) <= 2 and punctuated and clause \
        and _opens_sentence(text, start) and speaker.start >= end \
        and not _SENTENCE_END.search(text[end:speaker.start + 1])


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but punctuation stands between a stop, a colon or a line end and ``start``."""
    return re.search(r"(?:^|[.!?…:\n])\W*$", text[max(0, start - 80):start]) is not None


def attribution(text: str, unit: Sentence, actor: Mention, actors: Sequence[Mention],
                quoted: Sequence[Quoted], lang: str) -> tuple[str | None, str]:
    """(attributed_to placeholder or None, factuality) for an actor's claim in a unit."""
    for q in quoted:
        if q.start < actor.start < q.end and q.speaker != actor:
            return placeholder(q.speaker), "reported"
    openers = words("attribution_openers", lang)
    for cue_end, cue in cue_ends(text, unit, lang):
        source = next((a for a in actors if cue_end <= a.start <= cue_end + 25), None)
        if source is not None and source != actor:
            return placeholder(source), "reported"
        if source is None and cue not in openers:
            return None, "reported"
    return None, "stated"


def cue_ends(text: str, unit: Sentence, lang: str) -> list[tuple[int, str]]:
    """(offset after the cue, cue) of each attribution cue of a unit, in text order; an
    opener ("pour") counts only at the unit's start."""
    folded = fold(text[unit.start:unit.end])
    openers = words("attribution_openers", lang)
    found = [(m, " ".join(m.group(1).split())) for m in _cue_patterns(lang)[0].finditer(folded)]
    return [(unit.start + m.end(1), cue) for m, cue in found
            if cue not in openers or m.start(1) < 3]

