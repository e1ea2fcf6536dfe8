"""What kind of claim a predicate makes: done, promised, judged or said; hedged or negated.

Tense and mood come from the parser's morphology (Tense=Fut, Mood=Cnd, participles with an
auxiliary); promises also from governing verbs ("va aboutir", "plans to open"), all listed in
``ontology/lang/claims.yaml``.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from extractor.claims.actions import is_word_of
from extractor.claims.sentences import Tok, children, lemmas, lex, mapping, words
from extractor.mentions.registry import load_registry
from extractor.records import Mention
from extractor.text.fold import fold
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages

_UP = ("xcomp", "ccomp", "obj", "dobj", "advcl", "csubj", "obl", "obl:arg", "obl:mod", "pobj",
       "prep")


@cache
def any_language_words(section: str) -> frozenset[str]:
    """Folded words of a per-language section of ``ontology/lang/claims.yaml``, every language
    together: for tests on the parse that do not ask the text's language (negation, tense)."""
    return frozenset(fold(w) for w in all_languages("lang/claims.yaml", section))


def auxiliaries(toks: list[Tok], k: int) -> list[Tok]:
    return [t for t in children(toks, k) if t.dep.startswith("aux") or t.pos == "AUX"]


def governors(toks: list[Tok], k: int, depth: int = 3) -> list[Tok]:
    """Verbs that take ``k`` as a complement ("va aboutir", "permettra d'ouvrir")."""
    out: list[Tok] = []
    tok = toks[k]
    while depth > 0 and tok.dep in _UP:
        head = toks[tok.head]
        if head.i == tok.i:
            break
        if head.pos == "ADP":
            tok = head
            continue
        if head.pos not in ("VERB", "AUX"):
            break
        out.append(head)
        tok = head
        depth -= 1
    return out


def _is_commit_marker(tok: Tok, lang: str) -> bool:
    # every lemma the form suggests: the tagger reads "hopes" as the noun "hop"'s plural
    marks = words("commitment_markers", lang)
    return any(w in marks for w in lemmas(tok, lang)) or fold(tok.text) in marks


@cache
def _stems(lemma: str, lang: str) -> tuple[str, ...]:
    """The stems a future form of the verb is built on: its infinitive (less a final -e) and
    the irregular stems listed for it (asked for every verb: computed once per lemma)."""
    lemma = fold(lemma)
    irregular = lex("future_stems", lang) or {}
    stems = [fold(str(stem)) for stem, verb in irregular.items() if fold(str(verb)) == lemma]
    return (lemma[:-1] if lemma.endswith("re") else lemma, *stems)


def future_form(tok: Tok, lang: str) -> bool:
    """A future or conditional written form, whatever the tagger's morphology says: the
    stem of the verb's infinitive and a listed ending ("financera", "ouvriraient")."""
    word = fold(tok.text)
    if tok.pos not in ("VERB", "AUX") or word == fold(tok.lemma):
        return False  # an infinitive; "fixera" tagged one ("fixera chaque année") is not
    endings = words("future_endings", lang) | words("conditional_endings", lang)
    return any(word.startswith(stem) and word[len(stem):] in endings
               for stem in _stems(tok.lemma, lang) if stem)


def tagged_future(tok: Tok, lang: str) -> bool:
    """The tagger's future, unless a short form no future stem makes ("font" of "se font")."""
    return tok.feat("Tense") == "Fut" and (len(tok.text) > 5 or future_form(tok, lang))


def verb_kind(toks: list[Tok], k: int, lang: str) -> str:
    """``commitment`` for future, conditional or promised actions, else ``achievement``."""
    tok = toks[k]
    group = [tok, *auxiliaries(toks, k)]
    if tok.feat("VerbForm") == "Part" and any(
            a.dep == "aux:tense" and a.feat("Mood") == "Cnd" for a in group[1:]):
        return "achievement"  # "aurait déjà planté 120 000 arbres": a past act on hearsay
    if any(tagged_future(t, lang) or t.feat("Mood") == "Cnd" or future_form(t, lang)
           for t in group):
        return "commitment"
    if any(_is_commit_marker(t, lang) for t in group[1:]):
        return "commitment"
    if (tok.dep in ("ROOT", "ccomp") or tok.dep == "acl" and any(  # after a kicker ("MAP:")
            t.head == k and t.dep == "nsubj" for t in toks[max(0, k - 8):k])) \
            and tok.feat("VerbForm") == "Inf" and any(
            t.pos == "PART" and t.dep == "aux" for t in group[1:]):
        return "commitment"  # a headline's infinitive: "Marseille to open 20 schools"
    if (tok.dep == "ccomp" or len(group) > 1 and tok.feat("VerbForm") == "Part") \
            and is_past(toks, k):
        # "a annoncé que 300 places ont été ouvertes": done, reported; "a annoncé la
        # préfecture, qui a renforcé la surveillance": a perfect of its own, done
        return "achievement"
    if tok.dep.startswith(("acl", "advcl")) and tok.feat("VerbForm") == "Part" \
            and tok.feat("Tense") == "Past" and len(group) == 1:
        # "le plan crack, élaboré avec l'ARS": done, whatever governs; but money for what is
        # to come is pledged ("La salle, cofinancée par la Ville, sera installée")
        return "commitment" if _funds_what_comes(toks, tok, lang) else "achievement"
    for gov in governors(toks, k):
        if gov.lemma in words("done_when_past", lang) and is_past(toks, gov.i):
            return "achievement"  # "a dû revoir son projet": it had to, and did
        if _is_commit_marker(gov, lang) or tagged_future(gov, lang) \
                or gov.feat("Mood") == "Cnd" or future_form(gov, lang):
            return "commitment"  # "pourrait gérer le centre": a conditional, not done
        if any(_is_commit_marker(a, lang) or tagged_future(a, lang) for a in auxiliaries(
                toks, gov.i)):
            return "commitment"
    return "achievement"


def _funds_what_comes(toks: list[Tok], tok: Tok, lang: str) -> bool:
    """A participle of funding on a noun whose own verb is future ("La salle, cofinancée
    par la Ville, sera installée"): the money is pledged, the thing not there yet."""
    thing = toks[tok.head]
    verb = toks[thing.head] if thing.dep.startswith("nsubj") else None
    money = {str(a) for a in lex("money_actions") or []}
    return verb is not None and mapping("verbs", lang).get(tok.lemma) in money and any(
        tagged_future(t, lang) or future_form(t, lang) for t in (verb, *auxiliaries(toks, verb.i)))


def is_past(toks: list[Tok], k: int) -> bool:
    """Past forms: passé composé/simple, plus-que-parfait, English past and perfect, the
    recent past ("vient de voter"); a participle after "est" alone is a present passive: a
    state, not a past act."""
    tok = toks[k]
    if tok.feat("VerbForm") == "Fin" and tok.feat("Tense") == "Past":
        return True
    if tok.feat("VerbForm") == "Inf" and 0 <= tok.head < len(toks) and tok.head != k:
        marks = [fold(t.text) for t in children(toks, k) if t.dep == "mark"]
        return any(f"{fold(toks[tok.head].lemma)} {m}" in any_language_words("recent_past")
                   for m in marks)
    if tok.feat("VerbForm") != "Part":
        return False
    perfect = any_language_words("perfect_auxiliaries")
    been = any_language_words("been_participles")
    # a perfect infinitive is past only as its governor is ("devra avoir remplacé": future)
    return any((a.lemma in perfect or fold(a.text) in been) and a.feat("VerbForm") != "Inf"
               for a in auxiliaries(toks, k))


def noun_kind(toks: list[Tok], k: int, lang: str, intro: str | None) -> str:
    """A nominalised action: promised when a commitment verb governs it, else the list's tense."""
    for gov in governors(toks, k):
        if gov.pos in ("VERB", "AUX"):
            if gov.lemma in words("done_when_past", lang) and is_past(toks, gov.i):
                return "achievement"  # "Lancé en 2021 …, le dispositif a permis de"
            return "commitment" if _is_commit_marker(gov, lang) else verb_kind(toks, gov.i, lang)
    head = toks[toks[k].head]
    if toks[k].dep.startswith("nsubj") and head.pos in ("VERB", "AUX") and is_past(toks, head.i):
        return "achievement"  # "la signature de la convention a eu lieu le 3 février"
    return intro or "commitment"


def negated(toks: list[Tok], k: int) -> bool:
    """A negation word on the action or its auxiliary ("n'a pas intégré", "did not")."""
    near = children(toks, k)
    for aux in auxiliaries(toks, k):
        near += children(toks, aux.i)
    strong, weak = any_language_words("strong_negation"), any_language_words("weak_negation")
    return any(fold(t.text) in strong or (t.feat("Polarity") == "Neg" and fold(
        t.text) not in weak) for t in near)


def refused(toks: list[Tok], k: int, lang: str) -> bool:
    """A negated act that is refused, not put off ("ne signeraient pas"; not "will not be
    provided before 2024"), nor restricted ("n'envisage pas que des trains")."""
    delays = words("delay_markers", lang)
    return negated(toks, k) and not any(fold(t.text) in delays for t in toks[k + 1:k + 10])


def restrictive(toks: list[Tok], lo: int, k: int, lang: str) -> bool:
    """A restrictive word before the action ("seules deux ont été ouvertes", "only two")."""
    marks = words("restrictive", lang)
    return any(fold(t.text) in marks for t in toks[lo:k])


def hedged(toks: list[Tok], k: int, lang: str) -> bool:
    """Conditional mood or a hedge word on the action, its auxiliaries or governors."""
    hedges = words("hedges", lang)
    near = [toks[k], *children(toks, k), *governors(toks, k)]
    for gov in governors(toks, k):
        near += auxiliaries(toks, gov.i)
    return any(t.feat("Mood") == "Cnd" or fold(t.text) in hedges for t in near)


def is_auditor(m: Mention) -> bool:
    """An audit body, or a person speaking for one ("Christian Martin, président de la
    chambre régionale des comptes"): an auditor key or an auditing word in the name or role;
    a short name ("la CRC") with its entity's key, so every mention of an auditor judges alike."""
    keys = {str(k) for k in words("auditor_keys")}
    role = m.role if m.type == "Person" else None
    if m.key in keys or role and any(f"reg:{h.actor}" in keys for h in load_registry().find(role)):
        return True
    return any(w in named_as(m) for w in any_language_words("auditor_words"))


def named_as(m: Mention) -> str:
    """The folded words an actor is named by: its text, a person's role, a body's key."""
    role = m.role if m.type == "Person" else None
    resolved = m.key.split(":", 1)[-1].replace("-", " ") if m.key and m.type != "Person" else None
    return fold(" ".join(filter(None, (m.text, role, resolved))))


def judged(m: Mention, said: str, lang: str, verb: Tok | None = None) -> bool:
    """Reported words that are an assessment: an audit body's, or any that judge results
    ("de l'argent utilement dépensé", "une amélioration nette", "a positive record"); not
    what anyone else announces or promises with its figures ("a annoncé une augmentation
    de 66 % du budget": a promise)."""
    if is_auditor(m) and m.type != "Person":
        return True
    if verb is not None and promising(verb, lang):
        return False
    folded = f" {fold(said)} "
    if any(f" {w} " in folded for w in words("judgement_words", lang)):
        return True
    # a share measured is an estimate when found or judged, not when defended or asserted
    # ("a défendu l'objectif de 1,5 %": a position)
    return bool(_shares(lang).search(said)) and (verb is None or any(
        is_word_of(verb, section, lang) for section in ("assessing", "finding_verbs")))


def promising(tok: Tok, lang: str) -> bool:
    """A verb that announces or promises ("a annoncé", "promet", "pledged")."""
    return tok.pos in ("VERB", "AUX") and (is_word_of(tok, "commitment_markers", lang)
                                           or is_word_of(tok, "promise_verbs", lang))


def promised_between(toks: list[Tok], start: int, end: int, lang: str) -> bool:
    """A verb that announces or promises between the offsets: what a speaker's words there
    introduce ("« … », a annoncé le ministre", "…, announced the minister") is promised."""
    return any(promising(t, lang) for t in tokens_between(toks, start, end))


def pledged_between(toks: list[Tok], start: int, end: int, lang: str) -> bool:
    """A verb of promising speech between the offsets ("« Il y aura 200 policiers de plus »,
    a promis le ministre", "…, announced the mayor"): the words it introduces are promised,
    even when no act of theirs is read; not a wish or a hope ("a souhaité")."""
    return any(t.pos in ("VERB", "AUX") and (is_word_of(t, "promise_verbs", lang) or (
        is_word_of(t, "reporting", lang) and is_word_of(t, "commitment_markers", lang)))
        for t in tokens_between(toks, start, end))


def judging_verb(toks: list[Tok], start: int, end: int, lang: str,
                 figures: bool) -> Tok | None:
    """A verb of verdict, finding or admission between the offsets ("« … », a jugé le
    tribunal", "…, observe l'étude", "avait reconnu le ministre"), or of estimating when the
    words give a figure (``figures``: "« 200 grévistes sont annoncés », estime le
    syndicaliste"): the words it introduces are the speaker's judgement, review or estimate,
    an assessment by the annotation guidelines."""
    sections = ("verdict_verbs", "admission_verbs") + (("estimating_verbs",) if figures else ())
    return next((t for t in tokens_between(toks, start, end) if t.pos in ("VERB", "AUX")
                 and any(is_word_of(t, section, lang) for section in sections)), None)


def auditor_judging(m: Mention, toks: list[Tok], start: int, end: int, lang: str) -> bool:
    """A person speaking for an audit body who judges what they quote ("« nette, rapide,
    croissante », a estimé le premier président de la Cour des comptes, Pierre Moscovici"):
    the body's assessment, as its report's would be."""
    return m.type == "Person" and is_auditor(m) and any(
        t.pos in ("VERB", "AUX") and is_word_of(t, "assessing", lang)
        for t in tokens_between(toks, start, end))


def tokens_between(toks: list[Tok], start: int, end: int) -> list[Tok]:
    """The first dozen tokens from offset ``start``, before ``end``: the words between a
    quotation and its speaker."""
    first = bisect.bisect_left(toks, start, key=lambda t: t.start)
    return [t for t in toks[first:first + 12] if t.start < end]


@cache
def _shares(lang: str) -> re.Pattern[str]:
    """A share measured ("40 % supérieurs", "up 30 per cent"): words that give one are an
    estimate or a review of results, an assessment, not an opinion."""
    return re.compile(rf"\d\s?(?:{alternation(words('share_signs', lang))})(?!\w)",
                      re.IGNORECASE)
