"""What a predicate says its actor did: the action (a class of the lexicon, or the verb's own
lemma) and whether it was promised, done or judged.

Reporting verbs lead to what they report, promising verbs to what they promise, light verbs
("prendre l'initiative de", "take the decision to") to their noun's clause, and a verb with
no action of its own to the action of its complement.
"""

from __future__ import annotations

from functools import cache

from extractor.claims.actions import (
    action_of,
    deverbal_action,
    inflected_action,
    is_word_of,
    light_action,
    light_phrase,
    phrasal_action,
    phrase_noun_action,
)
from extractor.claims.goals import goal_of
from extractor.claims.kind import negated, noun_kind, verb_kind
from extractor.claims.predicates import complements, passive, promised
from extractor.claims.reported import infinitive, intended, own_subject, reported
from extractor.claims.reporting import reporting_verb
from extractor.claims.roles import Role
from extractor.claims.said import acts_on_object, said, speech_act, stance
from extractor.claims.sentences import Tok, lemmas, mapping, relative_clause, words
from extractor.text.fold import fold

_AGENT_DEPS = ("obl", "obl:arg", "obl:mod", "attr", "xcomp", "obj", "dobj", "nsubj")


def interpret(toks: list[Tok], role: Role, lang: str, auditor: bool,
              intro: str | None) -> tuple[str, str, int] | None:
    """(action, kind, token) for a role; reporting verbs lead to what they report; an act
    that sets a goal promises what it aims at; an office held is no act."""
    verb = toks[role.trigger]
    if is_word_of(verb, "learning_verbs", lang) and all(
            m.type == "Organization" for m in role.actors):
        return None  # "…, a appris France Inter": the medium did nothing, said nothing
    if verb.feat("VerbForm") == "Part" and verb.dep.startswith("acl") \
            and is_word_of(verb, "office_holding_verbs", lang):
        return None  # "l'institution présidée par Pierre Moscovici", "l'adjoint chargé des
        # affaires funéraires"
    if role.how == "subject-relative" and verb.feat("Tense") == "Pres" and any(
            is_word_of(verb, section, lang) for section in ("office_holding_verbs",
                                                            "membership_verbs")):
        return None  # "Mme Pécresse, qui préside aussi IDFM", "l'Alliance, qui rassemble
        # les sociétés du secteur": what the actor is, no act
    if role.how == "possessive" and (meant := intended(toks, verb, lang)) is not None:
        return meant  # "la volonté de la Région d'embaucher", "the Region's plan to hire"
    found = _interpret(toks, role, lang, auditor, intro)
    if found is None and role.how == "agent" and verb.feat("VerbForm") == "Part" \
            and reporting_verb(toks, role.trigger, lang) == role.trigger:
        # "les demandes, rappelées par le maire": words its agent said, when no act is read
        return speech_act(verb, lang), "assessment" if auditor else "statement", role.trigger
    if found is None or found[1] != "achievement":
        return found
    if (goal := goal_of(toks, found[2], lang) or goal_of(toks, role.trigger, lang)) is None:
        return found
    # the goal's own clause names the act ("pour objectif d'ouvrir 300 places": open)
    aim = next((c for c in complements(toks, goal.i, ("acl", "xcomp"))
                if c.pos == "VERB" and c.feat("VerbForm") == "Inf" and action_of(c, lang)), None)
    if aim is not None and toks[found[2]].lemma not in mapping("verbs", lang):
        return str(action_of(aim, lang)), "commitment", aim.i
    return found[0], "commitment", found[2]


def _interpret(toks: list[Tok], role: Role, lang: str, auditor: bool,
               intro: str | None) -> tuple[str, str, int] | None:
    speaker = reporting_verb(toks, role.trigger, lang)
    k = _through_aspect(toks, role.trigger, lang) if speaker is None else speaker
    tok = toks[k]
    reporting = speaker is not None and not acts_on_object(toks, k, lang)
    spoken = _weighed(toks, k, lang) or said(toks, k, lang, auditor, reporting) \
        or _announced_plan(toks, k, lang)
    if spoken is not None:
        return spoken
    if reporting and is_word_of(tok, "commitment_markers", lang):
        return promised(toks, k, lang)
    if tok.pos in ("VERB", "AUX") and is_word_of(tok, "finding_verbs", lang):
        return "assess", "assessment", k  # "l'association constate une hausse"
    if is_word_of(tok, "evaluative", lang):
        return action_of(tok, lang) or "assess", "assessment", k
    if reporting and role.how.startswith("subject"):
        return reported(toks, k, lang)
    # "est prête à financer": a copular adjective governs the act it readies
    copular = _readies(toks, k, lang) and role.how.startswith("subject")
    marker = tok.pos in ("VERB", "AUX") and is_word_of(tok, "commitment_markers", lang)
    controlled = _controlled(toks, k, lang) if marker or copular else None
    if copular:
        return None if controlled is None else (controlled[0], "commitment", controlled[2])
    if controlled is not None:
        return controlled
    # a promising verb's object phrase is the act it promises, not an idiom of the verb
    # ("a souhaité la mise en place d'une allocation": establish, wished, not done)
    idiom = None if marker else _idiom(toks, k, lang)
    action = mapping("verbs", lang).get(tok.lemma) or idiom \
        or phrasal_action(toks, tok, lang) or action_of(tok, lang) or _misread_verb(toks, k, lang) \
        or phrase_noun_action(toks, tok, lang)  # "la participation financière de l'État"
    if action is None:
        for child in _light_complements(toks, k, lang):
            if child.feat("Voice") == "Pass":
                continue  # "X, qui comptait 457 000 habitants, est dirigée par": undergone
            action = action_of(child, lang) or phrasal_action(toks, child, lang) \
                or phrase_noun_action(toks, child, lang)
            if action:
                tok, k = child, child.i
                break
        action = action or light_phrase(toks, tok, lang)  # "a passé une commande"
        if is_word_of(tok, "finding_verbs", lang):
            return "assess", "assessment", k  # "vient montrer que les promesses sont tenues"
    if action is None and role.how == "agent":
        action = deverbal_action(tok, lang)  # "la présentation du plan par la Région"
    if action is None:
        agents = mapping("agent_nouns", lang)
        found = next((t for t in complements(toks, k, _AGENT_DEPS) if t.lemma in agents), None)
        if found is None:
            return None
        return agents[found.lemma], verb_kind(toks, k, lang), k
    if tok.pos == "VERB" and (is_word_of(tok, "promise_verbs", lang) or role.how == "possessive"
                              and is_word_of(tok, "listing_verbs", lang)
                              or _reflexive_promise(toks, k, lang)):
        # "avait promis un renforcement": whatever the tense; "the City's plan provides for"
        return promised(toks, k, lang)
    if tok.pos in ("VERB", "AUX"):
        return action, verb_kind(toks, k, lang), k
    return action, _noun_kind(toks, k, action, lang, intro), k


def _weighed(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int] | None:
    """"is considering scrapping the tax": a verb of weighing (``weighing_verbs``) with a
    verb for complement plans that act, not done; with a clause or a thing it judges."""
    if not is_word_of(toks[k], "weighing_verbs", lang) or not any(
            c.pos == "VERB" for c in complements(toks, k, ("xcomp",))):
        return None
    found = _controlled(toks, k, lang)
    return None if found is None else (found[0], "commitment", found[2])


def _announced_plan(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int] | None:
    """"a dévoilé les grandes lignes du plan", "a dévoilé sa feuille de route", "unveiled
    14 measures": a plan made public (``announcing_verbs`` with a ``plan_nouns`` object) is
    announced and not yet done, a commitment (the guidelines); its measures are too."""
    tok = toks[k]
    if tok.pos != "VERB" or not is_word_of(tok, "announcing_verbs", lang) or negated(toks, k):
        return None
    plans = words("plan_nouns", lang)
    for obj in _objects_near(toks, k, ("NOUN",)):  # "a dévoilé mercredi une feuille de route"
        for noun in (obj, *complements(toks, obj.i, ("nmod",))):
            phrase = " ".join(fold(t.text) for t in toks[noun.i:noun.i + 3])
            if fold(noun.lemma) in plans or any(f"{phrase} ".startswith(f"{p} ") for p in plans):
                return action_of(tok, lang) or speech_act(tok, lang), "commitment", k
    return None


def _through_aspect(toks: list[Tok], k: int, lang: str) -> int:
    """"continue de dénoncer", "keeps criticising", "a commencé à construire": a verb of
    aspect (``aspectual_verbs``) says since when or how long; its infinitive says what is
    done, and how (a stand taken, a promise, an act); so does a negated verb of hesitating
    ("n'hésitera pas à imposer", "will not hesitate to close": ``litotes_verbs``)."""
    if toks[k].pos != "VERB" or not is_word_of(toks[k], "aspectual_verbs", lang) and not (
            is_word_of(toks[k], "litotes_verbs", lang) and negated(toks, k)):
        return k
    child = next((c for c in complements(toks, k, ("xcomp",)) if c.pos == "VERB"), None)
    return k if child is None else child.i


def _reflexive_promise(toks: list[Tok], k: int, lang: str) -> bool:
    """A promise verb that is one only with its reflexive clitic ("s'était engagé à ne plus
    …": ``s'engager`` in ``promise_verbs``, where "engager des travaux" starts them)."""
    clitics = words("reflexive_clitics", lang)
    listed = words("promise_verbs", lang)
    return any(t.head == k and fold(t.text) in clitics for t in toks[max(0, k - 4):k]) and any(
        f"{c}{lemma}" in listed or f"{c} {lemma}" in listed
        for c in clitics for lemma in lemmas(toks[k], lang))


def _readies(toks: list[Tok], k: int, lang: str) -> bool:
    """A copular adjective, or a word after "be" that readies the infinitive it governs
    ("est prête à financer", "is set to open", "is due to present")."""
    return toks[k].pos == "ADJ" or is_word_of(toks[k], "readiness_predicates", lang) and any(
        c.pos == "VERB" for c in complements(toks, k, ("xcomp",)))


def _controlled(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int] | None:
    """"a décidé de lancer", "plans to open", "s'est engagée à financer": the action is the
    complement, promised by the governing verb; "veut faire de Marseille une vitrine": make.
    A clause with a subject of its own is another's act, hoped or wanted ("souhaite que
    l'État finance", "hope that the decision will be quashed"): a statement."""
    others = False
    for child in complements(toks, k, ("xcomp", "ccomp", "advcl")):
        if relative_clause(toks, child):
            continue  # "s'était engagé à un dégel du point, qui n'a pas évolué"
        if child.dep == "ccomp" and (own_subject(toks, child.i) or passive(toks, child)):
            others = True
            continue
        if child.dep == "advcl" and child.i < k:
            continue  # "Menacé de censure, X va tenter …": a fronted adjunct, not the promise
        # "va tenter d'obtenir", "will try to cut": through a verb of trying to its act
        child = next((c for c in complements(toks, child.i, ("xcomp",)) if c.pos == "VERB"),
                     child) if is_word_of(child, "attempt_verbs", lang) else child
        action = action_of(child, lang) or _infinitive_read_as_noun(child, lang)
        # not a participle's clause joined to it ("qui comptait 457 000 habitants, est
        # dirigée par …"): what is promised is an infinitive's or a finite clause's act
        if action and (child.pos in ("VERB", "AUX") or child.dep == "xcomp") \
                and not passive(toks, child):
            return action, "commitment" if child.pos == "NOUN" else verb_kind(
                toks, child.i, lang), child.i
    found = _light_infinitive(toks, k, lang)
    return found if found is not None or not others else (stance(toks[k], lang), "statement", k)


def _noun_kind(toks: list[Tok], k: int, action: str, lang: str, intro: str | None) -> str:
    """A nominalised act's kind; a speech act that promises ("made a pre-budget announcement
    of €100 million", "la promesse de l'État") is a promise, whatever the tense of the verb
    that made it."""
    if action in _promising_speech():
        return "commitment"
    if action in words("said_actions"):
        return "statement"  # "la riposte de la Chambre", "the FNSEA's request"
    if action in words("judged_actions"):
        return "assessment"  # "les recommandations de la Cour", "Météo-France's forecasts"
    return noun_kind(toks, k, lang, intro)


@cache
def _promising_speech() -> frozenset[str]:
    """The actions (English lemmas) that are both said and promised: announce, promise, pledge."""
    promising = words("promise_verbs", "en") | words("commitment_markers", "en")
    return promising & words("reporting", "en")


def _light_infinitive(toks: list[Tok], k: int, lang: str) -> tuple[str, str, int] | None:
    """A promising verb's infinitive that names no listed action ("veut faire de la ville
    une vitrine", "wants to make"): still a promise, of that verb (not of being or having)."""
    plain = words("auxiliary_lemmas", lang)
    child = infinitive(toks, k, lang)
    below = infinitive(toks, child.i, lang) if child is not None else None
    while child is not None and below is not None:
        # "va venir l'officialiser", "veut faire construire": the act is the last verb
        child, below = below, infinitive(toks, below.i, lang)
    if child is not None and fold(child.lemma) in plain:
        child = None
    if child is None or toks[k].feat("VerbForm") == "Part":
        return None  # "has decided to take stock": the decision, done; "chargé de faire"
    return light_action(child, lang) or child.lemma, "commitment", child.i


def _infinitive_read_as_noun(tok: Tok, lang: str) -> str | None:
    """An infinitive the tagger read as a noun under a control verb ("veut salarier 10
    généralistes"): its own form, or its listed action."""
    word = fold(tok.text)
    if tok.pos != "NOUN" or not word.endswith(tuple(words("infinitive_endings", lang))):
        return None
    return mapping("verbs", lang).get(word) or word


def _misread_verb(toks: list[Tok], k: int, lang: str) -> str | None:
    """A verb the tagger read as a noun right after a subject pronoun ("qui finance le
    dispositif", "qui gère"): its inflection names the action."""
    prev = toks[k - 1] if k > 0 else None
    if toks[k].pos != "NOUN" or prev is None or prev.pos != "PRON" \
            or not prev.dep.startswith("nsubj"):
        return None
    return inflected_action(toks[k], lang)


def _idiom(toks: list[Tok], k: int, lang: str) -> str | None:
    """The act a verb and its object name together ("a donné son feu vert", "gave the
    green light" → approve), before the verb's own lemma."""
    if toks[k].pos != "VERB":
        return None
    return next((found for child in _objects_near(toks, k, ("NOUN", "ADJ", "PROPN"))
                 if (found := phrase_noun_action(toks, child, lang))), None)


def _objects_near(toks: list[Tok], k: int, pos: tuple[str, ...]) -> list[Tok]:
    """A verb's objects, then the words of ``pos`` right after it, which the parser may have
    attached elsewhere ("a donné mercredi son feu vert": "feu" hangs on "mercredi")."""
    return complements(toks, k, ("obj", "dobj")) + [t for t in toks[k + 1:k + 6] if t.pos in pos]


def _light_complements(toks: list[Tok], k: int, lang: str) -> list[Tok]:
    """A verb's complements, then the infinitives its object nouns govern: a light verb
    carries no action, its noun's clause does ("a pris l'initiative de mettre en place",
    "took the decision to close"), not one the noun is for ("un bilan à défendre")."""
    direct = complements(toks, k)
    marks = words("light_noun_marks", lang)
    # the noun's clause first: "took the decision to close" closes, it does not decide
    return [c for d in direct if d.pos == "NOUN"
            for c in complements(toks, d.i, ("acl", "xcomp")) if c.pos == "VERB"
            and any(fold(m.text) in marks
                    for m in complements(toks, c.i, ("mark", "aux")))] + direct


__all__ = ["interpret"]
