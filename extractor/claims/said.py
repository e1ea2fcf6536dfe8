"""Words said rather than acts done: an auditor's report, a request, a refusal, a set phrase
of speaking out, a stand taken; and the English names of these acts. Read by
:mod:`extractor.claims.interpret` before any act a verb names."""

from __future__ import annotations

from functools import cache

from extractor.claims.actions import action_of, is_word_of, phrase_noun_action, speech_name
from extractor.claims.sentences import Tok, lemmas, lex, mapping, words
from extractor.nlp.models import quote_marks
from extractor.text.fold import fold


def acts_on_object(toks: list[Tok], k: int, lang: str) -> bool:
    """A reporting verb that is also a listed action, used with a noun object: the action
    ("a lancé un appel d'offres" launches; "« … », a-t-il lancé" says)."""
    lo, hi = max(0, k - 30), min(len(toks), k + 30)
    return toks[k].lemma in mapping("verbs", lang) and any(
        t.head == k and t.dep in ("obj", "dobj") and t.pos == "NOUN" for t in toks[lo:hi])


def speech_act(tok: Tok, lang: str) -> str:
    """What an auditor's speaking verb does, in English ("rappelle" → recall, "salue" →
    welcome): two acts of one sentence are two assessments; "assess" for any other."""
    named = speech_name(tok, lang)
    if named:
        return named
    folded = fold(tok.lemma)
    named_so = lex("speech_acts_are_lemmas", lang) is True and (
        folded in words("reporting", lang) or folded in words("assessing", lang))
    return folded if named_so else "assess"


def stance(tok: Tok, lang: str) -> str:
    """The English name of a stand taken ("dénonce" → denounce), else the verb's own."""
    return speech_name(tok, lang) or action_of(tok, lang) or fold(tok.lemma)


def said(toks: list[Tok], k: int, lang: str, auditor: bool,
         reporting: bool) -> tuple[str, str, int] | None:
    """Words said rather than acts done: an auditor's report, a request, a refusal, a set
    phrase of speaking out, a stand taken; an auditor's are its assessments."""
    tok = toks[k]
    verb = tok.pos in ("VERB", "AUX")
    if auditor and (reporting or is_word_of(tok, "assessing", lang)):
        return speech_act(tok, lang), "assessment", k
    if verb and is_word_of(tok, "request_verbs", lang) and not acts_on_object(toks, k, lang):
        # "called on the State to fund": asked, not done; an audit's call is its finding
        return (speech_act(tok, lang), "assessment", k) if auditor else ("request", "statement", k)
    if verb and is_word_of(tok, "refusal_verbs", lang):
        # "rejette le projet", "refuses to fund": a position, whatever it refuses
        return action_of(tok, lang) or "reject", "statement", k
    idiom = _speech_idiom(toks, k, lang)
    if idiom is not None:  # "monte au créneau", "sounded the alarm": speaking out
        return idiom, "assessment" if auditor else "statement", k
    review = _speech_idiom(toks, k, lang, "review_idioms")
    if review is not None:  # "a fait le point sur", "took stock of": its review of results
        return review, "assessment", k
    if verb and is_word_of(tok, "wish_verbs", lang) and not _wills_an_act(toks, k, lang):
        # "souhaite une loi", "hopes for a deal": a position; "souhaite ouvrir" is a control
        # verb, the act its complement names
        return speech_name(tok, lang) or _listed(tok, "wish_verbs", lang), \
            "assessment" if auditor else "statement", k
    if verb and _describes(toks, k, lang):  # "présente le texte comme un investissement"
        return "describe", "assessment" if auditor else "statement", k
    feeling = _stated_feeling(toks, k, lang)
    if feeling is not None:  # "se dit choquée", "is surprised that", "est favorable à"
        return feeling, "assessment" if auditor else "statement", k
    if is_word_of(tok, "stance_verbs", lang):
        # "dénonce la fermeture", "welcomed the opening": an opinion, an auditor's finding
        return speech_act(tok, lang) if auditor else stance(tok, lang), \
            "assessment" if auditor else "statement", k
    return None


def _describes(toks: list[Tok], k: int, lang: str) -> bool:
    """The verb calls something something: presents it as what it is said to be ("que le
    gouvernement présente comme un investissement inédit", "presented by the executive as
    an alternative"), or uses a word for it ("C'est le terme employé par la CGT pour
    qualifier l'annonce", "the word the minister used") — words, not the act they name."""
    tok = toks[k]
    near = toks[max(0, k - 6):min(len(toks), k + 12)]
    if is_word_of(tok, "describing_verbs", lang):
        marks = words("describing_marks", lang)
        kids = {t.i for t in near if t.head == k}
        return any(fold(t.text) in marks and (t.i in kids or t.head in kids) for t in near)
    if is_word_of(tok, "wording_verbs", lang):
        nouns = words("word_nouns", lang)
        worded = [t for t in near if t.head == k and t.dep in ("obj", "dobj")]
        if tok.dep in ("acl", "relcl", "acl:relcl", "dep") and tok.head != k:
            worded.append(toks[tok.head])  # "le terme employé", "le mot qu'a employé"
        return any(fold(t.lemma) in nouns for t in worded)
    return False


def _stated_feeling(toks: list[Tok], k: int, lang: str) -> str | None:
    """A feeling or a stand stated of oneself, a statement: a reflexive verb of saying with
    its adjective or participle ("se dit choquée", "se montre sceptique"), or a copula with a
    listed adjective of feeling ("est favorable au projet", "is surprised that")."""
    tok = toks[k]
    kids = [t for t in toks[max(0, k - 4):min(len(toks), k + 8)] if t.head == k and t.i != k]
    if tok.pos == "VERB" and (is_word_of(tok, "reporting", lang) or is_word_of(
            tok, "finding_verbs", lang)) and any(t.dep.startswith("expl") or fold(t.text) in words(
                "reflexive_clitics", lang) for t in kids):
        said = next((t for t in kids if t.dep == "xcomp" and (
            t.pos == "ADJ" or t.feat("VerbForm") == "Part")), None)
        return stance(said, lang) if said is not None else None
    feelings = words("feeling_adjectives", lang)
    copular = tok.pos == "ADJ" and any(t.dep == "cop" for t in kids)
    adjective = tok if copular else next(
        (t for t in kids if tok.pos == "AUX" and t.dep == "acomp"), None)
    if adjective and (fold(adjective.lemma) in feelings or fold(adjective.text) in feelings):
        return fold(adjective.lemma)
    return None


def _wills_an_act(toks: list[Tok], k: int, lang: str) -> bool:
    """What is wished is an act: an infinitive the verb governs ("souhaiterait en tout cas
    en créer"), or an object that names an act ("espère une inauguration", "une mise en
    œuvre"), which the rules of acts read."""
    for t in toks[k + 1:min(len(toks), k + 12)]:
        if t.head != k:
            continue
        if t.pos in ("VERB", "AUX") and (t.dep == "xcomp" or t.feat("VerbForm") == "Inf"):
            return True
        if t.dep in ("obj", "dobj") and (action_of(t, lang) or phrase_noun_action(toks, t, lang)):
            return True
    return False


def _listed(tok: Tok, section: str, lang: str) -> str:
    """The word of ``section`` the token inflects ("hopes", misread "hop" → hope)."""
    listed = words(section, lang)
    return next((w for w in lemmas(tok, lang) if w in listed), fold(tok.lemma))


def _speech_idiom(toks: list[Tok], k: int, lang: str,
                  section: str = "speech_idioms") -> str | None:
    """The act of a set phrase of speaking out the verb opens ("monte au créneau" →
    protest), or of another set phrase of ``section``."""
    found = _idiom_at(toks, k, lang, section)
    return found[0] if found else None


def _idiom_at(toks: list[Tok], k: int, lang: str, section: str) -> tuple[str, int] | None:
    """(act, index of its last word) of the set phrase of ``section`` the verb at ``k``
    opens, matched on its lemma and the next words as written, longest first."""
    heads = _idiom_heads(section, lang)
    if not any(fold(lemma) in heads for lemma in lemmas(toks[k], lang)):
        return None  # no set phrase opens with this verb: the common case, found at once
    # its words as written ("hit back"), then over the adverbs the verb takes inside the
    # phrase ("remet aussi en cause", "a tiré hier la sonnette d'alarme")
    idioms, written = mapping(section, lang), toks[k + 1:k + 6]
    # and over quotation marks inside it ("a fait part « d'améliorations »")
    for after in (written, [t for t in toks[k + 1:k + 9] if t.pos != "ADV" or t.head != k][:5],
                  [t for t in toks[k + 1:k + 9] if t.text not in quote_marks()][:5]):
        for lemma in map(fold, lemmas(toks[k], lang)):  # "monte" read as a noun: monter
            for n in range(len(after), 0, -1):
                phrase = " ".join([lemma, *(fold(t.text) for t in after[:n])])
                phrase = phrase.replace("' ", "'")
                # a phrase ending in "de" is written elided before a vowel ("fait état d'un")
                full = phrase[:-2] + "de" if phrase.endswith(("d'", "d’")) else phrase
                if (found := idioms.get(phrase) or idioms.get(full)) is not None:
                    return found, after[n - 1].i
    return None


@cache
def _idiom_heads(section: str, lang: str) -> frozenset[str]:
    """The first words of the set phrases of ``section``."""
    return frozenset(phrase.split()[0] for phrase in mapping(section, lang))


def idiom_end(toks: list[Tok], k: int, lang: str) -> int | None:
    """The last word of the set phrase the verb at ``k`` opens ("a fait le point", "a tiré
    la sonnette d'alarme"): its words are the act, not what it bears on."""
    found = _idiom_at(toks, k, lang, "speech_idioms") \
        or _idiom_at(toks, k, lang, "review_idioms")
    return found[1] if found else None


def unasserted(toks: list[Tok], k: int, lang: str, actor_start: int) -> bool:
    """The verb at ``k`` is the act of a clause that another wishes, fears or asks for, and
    the actor at ``actor_start`` is inside that clause, after the verb governing it
    ("souhaite que l'État finance", "craint que l'État impose", "demande que la préfecture
    ferme"): that actor did and promised nothing; the governing verb's subject made the
    claim. An actor before the governing verb is its subject, whatever the parse made of
    the clauses ("La Ville, qui souhaite que …, a lancé": the launch is the city's)."""
    tok = toks[k]
    if _absent(toks, tok, lang):
        return True
    for _ in range(3):  # up a joined verb ("que l'État finance et ouvre") or a misparse
        if tok.head == tok.i:  # ("que l'Etat finance", the noun "Etat" made the clause)
            return False
        governor = toks[tok.head]
        if tok.dep == "ccomp":
            return governor.pos in ("VERB", "AUX") and governor.end <= actor_start and any(
                is_word_of(governor, section, lang)
                for section in ("wish_verbs", "fear_verbs", "request_verbs"))
        tok = governor
    return False


def _absent(toks: list[Tok], tok: Tok, lang: str) -> bool:
    """An act noun after a preposition of absence ("sans l'aide de l'État", "without the
    State's help"): what is said is that the act is missing, no one's deed or promise."""
    if tok.pos != "NOUN":
        return False
    marks = words("absence_prepositions", lang)
    return any(t.dep == "case" and t.head == tok.i or t.dep == "prep" and tok.head == t.i
               for t in toks[max(0, tok.i - 4):tok.i] if fold(t.text) in marks)


__all__ = ["acts_on_object", "idiom_end", "said", "speech_act", "stance", "unasserted"]
