"""What action a word names: the verb and noun lexicons of ``ontology/lang/claims.yaml``, a
verb's own lemma where the language allows it, and forms the tagger misread.

Every claim rule asks this one question; it sits apart from who does the action
(:mod:`roles`) and when or how surely (:mod:`kind`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractor.claims.sentences import Tok, children, lemmas, lex, mapping, words
from extractor.records import Mention
from extractor.text.fold import fold


def action_of(tok: Tok, lang: str) -> str | None:
    """The English action lemma a token names (verb or nominalisation), if any."""
    # a prefix written with its hyphen is the word written without ("co-financement",
    # "co-construire": cofinancement, coconstruire)
    lemma, joined = tok.lemma, tok.lemma.replace("-", "")
    if joined != lemma and (joined in mapping("verbs", lang) or joined in mapping("nouns", lang)):
        lemma = joined
    if tok.pos in ("VERB", "AUX"):
        found = mapping("verbs", lang).get(lemma) or inflected_action(tok, lang)
        if found:
            return found
        if tok.pos == "VERB" and lex("verbs_are_actions", lang) is True \
                and lemma.replace("-", "").isalpha() \
                and lemma not in words("not_actions", lang) and lemma not in words(
                "reporting", lang):
            return lemma
        return None
    if tok.pos in ("NOUN", "PROPN", "ADJ", "X"):
        nouns = mapping("nouns", lang)
        # a verb form read as another part of speech ("Adopté …" tagged PROPN), never a real
        # noun: "président" is no "présider"
        return (nouns.get(lemma) or nouns.get(fold(tok.text))
                or mapping("agent_nouns", lang).get(lemma)
                or (inflected_action(tok, lang) if tok.pos != "NOUN" else None))
    return None


def phrasal_action(toks: list[Tok], tok: Tok, lang: str) -> str | None:
    """The action of a verb and the words right after it, listed as one ("mis en place" →
    mettre en place → establish), for a verb whose lemma alone names no action."""
    if tok.pos not in ("VERB", "AUX"):
        return None
    verbs = mapping("verbs", lang)
    after = [fold(t.text) for t in toks[tok.i + 1:tok.i + 4]]
    for size in (3, 2, 1):  # "mis sur les rails", "mis en place", "set up"
        for lemma in lemmas(tok, lang):
            found = verbs.get(" ".join([lemma, *after[:size]]))
            if found and len(after) >= size:
                return found
    return None


def phrase_noun_action(toks: list[Tok], tok: Tok, lang: str) -> str | None:
    """The action of a noun phrase listed as one, around a noun that names none alone
    ("donne son feu vert" → approve, "gave the green light", "la mise à l'abri")."""
    if tok.pos not in ("NOUN", "PROPN", "ADJ"):
        return None
    nouns = mapping("nouns", lang)
    for lo, hi in ((tok.i - 1, tok.i + 1), (tok.i, tok.i + 2), (tok.i, tok.i + 3),
                   (tok.i, tok.i + 4)):
        if 0 <= lo and hi <= len(toks):
            phrase = " ".join(fold(t.text) for t in toks[lo:hi]).replace("' ", "'")
            if phrase in nouns:
                return nouns[phrase]
    return None


def light_action(tok: Tok, lang: str) -> str | None:
    """The action a light verb names when promised with nothing listed after it ("veut faire
    de Marseille une vitrine" → make, "seront portées à 2 000" → raise)."""
    return mapping("light_verbs", lang).get(fold(tok.lemma))


def light_phrase(toks: list[Tok], tok: Tok, lang: str) -> str | None:
    """A support verb (``support_verbs``) and the noun it takes, as the action's own words
    when no list names the pair ("a passé une commande" → "passer commande", "took new
    measures" → "take measure"): an act the lexicon does not know still makes a claim, as an
    unknown verb does with its lemma; not a pair that says what the subject is or undergoes
    ("fait l'objet d'une enquête", "fait partie du comité": ``light_phrases_not_acts``)."""
    if tok.pos != "VERB" or fold(tok.lemma) not in words("support_verbs", lang):
        return None
    kids = children(toks, tok.i)
    noun = next((t for t in kids if t.i > tok.i and t.pos == "NOUN" and t.dep in ("obj", "dobj")),
                None)
    # "s'est rendu à la préfecture" goes there; "a fait compter le nombre" has it counted
    if noun is None or any(fold(t.text) in words("reflexive_clitics", lang) and t.i < tok.i
                           or t.dep == "xcomp" and t.pos == "VERB" for t in kids):
        return None
    phrase = f"{tok.lemma.lower()} {noun.lemma.lower()}"
    return None if fold(phrase) in words("light_phrases_not_acts", lang) else phrase


def inflected_action(tok: Tok, lang: str) -> str | None:
    """The action of a verb form the tagger missed ("Adopté" → adopter → adopt)."""
    verbs = mapping("verbs", lang)
    return next((verbs[w] for w in lemmas(tok, lang)[1:] if w in verbs), None)


def deverbal_action(tok: Tok, lang: str) -> str | None:
    """The action of a noun no list names, read from the listed verb its ending comes from
    ("présentation" → présenter → present); for an agent-marked noun only (see
    ``deverbal_endings``)."""
    if tok.pos != "NOUN":
        return None
    verbs = mapping("verbs", lang)
    for ending, verb_ending in lex("deverbal_endings", lang) or ():
        if tok.lemma.endswith(ending) and len(tok.lemma) > len(ending) + 2:
            verb = verbs.get(tok.lemma[:-len(ending)] + verb_ending)
            if verb:
                return verb
    return None


def speech_name(tok: Tok, lang: str) -> str | None:
    """The English name ``speech_acts`` gives a verb of speech or judgement: of its lemma, or
    of the infinitive of a misread form ("pointe" read as a noun)."""
    acts = mapping("speech_acts", lang)
    return next((acts[w] for w in map(fold, lemmas(tok, lang)) if w in acts), None)


def is_word_of(tok: Tok, section: str, lang: str) -> bool:
    """The token's lemma, or an infinitive its inflection suggests, is in a word list."""
    listed = words(section, lang)
    return any(w in listed for w in lemmas(tok, lang))


# the lexicon sections that list verbs: a form must inflect one of them to be read as a verb
_VERB_SECTIONS = ("reporting", "finding_verbs", "assessing", "commitment_markers",
                  "promise_verbs", "request_verbs", "refusal_verbs", "evaluative", "stance_verbs")


@cache
def _known_verbs(lang: str) -> frozenset[str]:
    return frozenset(mapping("verbs", lang)).union(*(words(s, lang) for s in _VERB_SECTIONS))


def known_verb(tok: Tok, lang: str) -> bool:
    """The verb, or an infinitive its inflection suggests, is in the action lexicon or in a
    list of verbs of saying, judging, promising, asking or refusing."""
    return any(w in _known_verbs(lang) for w in lemmas(tok, lang))


def misread_verbs(toks: list[Tok], actors: Sequence[Mention], lang: str) -> list[Tok]:
    """The tokens, with the finite verbs the tagger read as a noun or an adjective right
    after a named subject ("IDFM alerte sur …", "la Chambre régionale des comptes pointe du
    doigt …", "la CRC dénombre …") tagged as the verbs they are: a lower-case word directly
    after an actor's name (over adverbs), no determiner of its own, that inflects a verb the
    lexicon lists. Right after a name a bare noun is rare; a verb there is the predicate.
    So is one right after the name's aside between commas ("La Ville, qui fermera la salle
    fin juin, juge les chiffres excessifs": "juge" read as the noun "judge")."""
    ends = {m.end for m in actors} | _aside_ends(toks, actors)
    inverted = set(inverted_relatives(toks, actors, lang))
    out = list(toks)
    for k in range(1, len(toks)):
        if toks[k - 1].end not in ends and k not in inverted:
            continue
        j = k
        while j < len(toks) - 1 and (toks[j].pos == "ADV" or fold(toks[j].text) in words(
                "preverbal_clitics", lang)):
            j += 1
        tok = toks[j]
        if tok.pos not in ("NOUN", "ADJ") or not tok.text.isalpha() or not tok.text.islower():
            continue
        verb = next((w for w in lemmas(tok, lang)[1:] if w in _known_verbs(lang)), None)
        if verb is not None:
            out[j] = replace(tok, pos="VERB", lemma=verb, morph="Mood=Ind|Tense=Pres|VerbForm=Fin")
    return _aside_infinitives(_causative_sayings(_misread_participles(out, lang), lang), lang)


def _aside_infinitives(toks: list[Tok], lang: str) -> list[Tok]:
    """The infinitive after an aside between commas that the parser hung inside the aside
    ("La municipalité entend, si tout va bien, inaugurer la cour": "inaugurer" on "va"; an
    infinitive's marker, "to", passed over): the complement of the verb of will before."""
    markers, out = words("commitment_markers", lang), list(toks)
    for k, tok in enumerate(toks[:-3]):
        if tok.pos != "VERB" or fold(tok.lemma) not in markers or toks[k + 1].text != "," \
                or any(c.dep == "xcomp" for c in children(toks, k)):
            continue
        close = next((j for j in range(k + 2, min(len(toks) - 1, k + 16))
                      if toks[j].text in (",", ".", ";")), None)
        if close is None or toks[close].text != ",":
            continue
        j = close + 2 if toks[close + 1].dep in ("mark", "aux") and close + 2 < len(toks) \
            else close + 1
        if toks[j].pos == "VERB" and toks[j].feat("VerbForm") == "Inf" \
                and k < toks[j].head < close:
            out[j] = replace(toks[j], head=k, dep="xcomp")
    return out


def inverted_relatives(toks: list[Tok], actors: Sequence[Mention], lang: str,
                       lo: int = 1, hi: int | None = None) -> dict[int, int]:
    """Verb position → the position of the actor that is its subject, in a relative clause
    whose pronoun is the object and whose subject comes after the verb ("les parts
    qu'alloueront la Région et la métropole", "les mesures que prendra le gouvernement"): the
    word right after the pronoun, then an actor's name over its article."""
    pronouns, determiners = words("object_relatives", lang), words("determiners", lang)
    starts = {m.start for m in actors}
    out = {}
    for k in range(max(lo, 1), min(len(toks), hi or len(toks)) - 2):
        if fold(toks[k - 1].text) not in pronouns:
            continue
        verb = k + 1 if toks[k].pos == "AUX" else k  # "qu'a débloqués l'État"
        if toks[verb].pos == "VERB" and toks[verb + 1].feat("VerbForm") == "Inf":
            verb += 1  # "que devrait annoncer la Région": the infinitive is the act
        j = verb + 1
        while j < len(toks) - 1 and fold(toks[j].text) in determiners:
            j += 1
        if toks[verb].text.isalpha() and toks[verb].text.islower() and toks[j].start in starts:
            out[verb] = j
    return out


def _causative_sayings(toks: list[Tok], lang: str) -> list[Tok]:
    """An infinitive a causative verb lends its tense to, read as the phrase when the phrase
    is a verb of saying ("a fait savoir", "a-t-elle fait valoir": lemma "faire savoir"), so
    the infinitive alone ("il sait que") says nothing."""
    causative, reporting = words("causative_verbs", lang), words("reporting", lang)
    if not causative:
        return toks
    out = toks
    for k in range(1, len(toks)):
        tok, before = toks[k], toks[k - 1]
        if before.lemma in causative and tok.pos == "VERB" \
                and f"{before.lemma} {tok.lemma}" in reporting:
            out = list(toks) if out is toks else out
            out[k] = replace(tok, lemma=f"{before.lemma} {tok.lemma}")
    return out


def _aside_ends(toks: list[Tok], actors: Sequence[Mention]) -> set[int]:
    """The ends of the commas that close an aside opened right after an actor's name."""
    at = {t.start: t.i for t in toks}
    out = set()
    for m in actors:
        first = at.get(m.end, at.get(m.end + 1))
        # over the rest of the name the finder left out ("comité d'organisation des Jeux de
        # Paris 2024, qui …"), not over a verb: "X annonce, …" has its predicate
        k = next((t.i for t in toks[first:first + 6] if t.text == "," or t.pos in (
            "VERB", "AUX")), None) if first is not None else None
        if k is None or toks[k].text != ",":
            continue
        close = next((t for t in toks[k + 1:k + 30] if t.text in (",", ".", ";", ":")), None)
        if close is not None and close.text == "," and close.i > k + 2:
            out.add(close.end)
    return out


def _misread_participles(toks: list[Tok], lang: str) -> list[Tok]:
    """The past participles the tagger read as a noun or an adjective under their perfect
    auxiliary ("la Chambre a contre-attaqué", "avoir" taken for a copula) or under a
    reflexive one ("s'est élevé contre", "élevé" taken for "high"): the verbs they are, their
    infinitive the one the inflection suggests (a listed verb first)."""
    perfect, clitics = words("perfect_auxiliaries", lang), words("reflexive_clitics", lang)
    been = words("been_participles", lang)
    helped: dict[int, set[str]] = {}
    for t in toks:
        if t.dep in ("obl:agent", "agent") and t.head != t.i:  # only a participle takes an
            helped.setdefault(t.head, set()).add("agent")  # agent ("Épinglée par la Cour")
        if t.head == t.i or t.pos not in ("AUX", "PRON"):  # auxiliaries and clitics only:
            continue  # folding every token's text cost a twentieth of the claims stage
        word = fold(t.text)
        mark = "been" if word in been else "perfect" if t.pos == "AUX" and t.lemma in perfect \
            else "clitic" if word in clitics else None
        if mark is not None:
            helped.setdefault(t.head, set()).add(mark)
    out = list(toks)
    for k, marks in helped.items():
        tok = toks[k]
        # "aurait été contrainte": a passive's state, an adjective as much as a participle
        if tok.pos not in ("NOUN", "ADJ") or "been" in marks \
                or not tok.text.replace("-", "").isalpha() or not (tok.text.islower() or (
                    marks == {"agent"} and tok.text[1:].islower())) \
                or marks == {"clitic"} and not any(
                    t.head == k and t.pos == "AUX" for t in toks[max(0, k - 4):k]):
            continue
        found = lemmas(tok, lang)[1:]
        # with an agent only, a listed verb: a nominalisation takes one too ("la
        # présentation d'une stratégie par X", the agent hung on "stratégie")
        guess = None if marks == {"agent"} else found[0] if found else None
        verb = next((w for w in found if w in _known_verbs(lang)), guess)
        if verb is not None:
            out[k] = replace(tok, pos="VERB", lemma=verb, morph="Tense=Past|VerbForm=Part")
    return out
