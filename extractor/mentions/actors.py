"""Organisation and person mentions: the registry, spaCy's NER, and naming rules combined.

The small models miss acronyms and lowercase names ("préfecture de police") and mislabel
others, so registry names win; NER adds actors the registry does not know, filtered by
rules over naming conventions (capitalisation, head nouns, acronym definitions).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from spacy.attrs import POS
from spacy.symbols import AUX, VERB

from extractor.mentions.branches import branch_end
from extractor.mentions.credits import credit_found
from extractor.mentions.described_names import described_names
from extractor.mentions.head_names import head_rule_found
from extractor.mentions.institution_grammar import ACRONYM
from extractor.mentions.institutions import find_institutions
from extractor.mentions.joined_names import joined_acronyms
from extractor.mentions.listed_names import listed_found
from extractor.mentions.ministries import joint_ministries, portfolio_lists, portfolio_offices
from extractor.mentions.naming import (
    Found,
    after_plural,
    all_folded,
    in_parentheses,
    lexicon_words,
    registry_span,
)
from extractor.mentions.ner_names import dated_end, ner_found
from extractor.mentions.official_names import crosses, official_names
from extractor.mentions.persons import given_name_found, longer_names, with_roles
from extractor.mentions.portfolios import portfolio_end
from extractor.mentions.registry import NameHit, load_registry
from extractor.mentions.titled_names import titled_found
from extractor.nlp.models import doc_text
from extractor.text.fold import fold, fold_name
from extractor.text.patterns import alternation
from extractor.text.spans import overlaps
from extractor.text.wordlists import all_languages

_LEXICON = "lang/actors.yaml"
# a number right after an acronym, not a figure or a year: "CRS 8", not "ARS 2024" or "CRS 8,5"
_UNIT_NUMBER = re.compile(r"[ \u00a0]\d{1,3}\b(?![,.]\d)(?!\s*(?:%|€|\d))")
ACRONYM_INSIDE = re.compile(rf"\s*{ACRONYM}\s*")


def registry_hits(text: str) -> list[NameHit]:
    """The registry's names in a text; found once per piece, as the actor and place finders
    both ask for the same piece's."""
    return list(_registry_hits(text))


@lru_cache(maxsize=4)
def _registry_hits(text: str) -> tuple[NameHit, ...]:
    return tuple(load_registry().find(text))


@cache
def _longer_name() -> re.Pattern[str]:
    """A link word then a capital: the contextual name opens a longer name."""
    return re.compile(rf"\s+(?:{alternation(all_languages(_LEXICON, 'longer_name_links'))})"
                      r"\s*[A-ZÀ-Ý]")


def _contextual_checked(text: str, hits: list[NameHit]) -> list[NameHit]:
    """Contextual names ("la municipalité") count only where the text also names the entity in
    full or by its office ("the mayor of Paris, Anne Hidalgo" … "the town hall"), or names an
    office of a body it heads ("la Première ministre … l'exécutif": the State), and not when
    they open a longer name ("la Ville de Marseille")."""
    named = {h.actor for h in hits if h.kind != "contextual"}
    named |= {parent for h in hits if h.kind == "office"
              and (parent := getattr(load_registry().get(h.actor), "parent", None))}
    return [h for h in hits if h.kind != "contextual"
            or (h.actor in named and not _longer_name().match(text, h.end))]


@cache
def _seat_as_place() -> re.Pattern[str]:
    """The words that make a seat's name the place itself, at the end of the folded text
    before it ("à Bercy", "le quartier de Bercy", "au 3, rue de Valois")."""
    words = alternation(all_folded("seat_as_place"))
    # not after an impersonal subject: "indique-t-on à Bercy" is the ministry speaking
    impersonal = alternation(all_folded("seat_impersonal_subjects")) or "(?!)"
    return re.compile(rf"(?P<on>\W(?:{impersonal}))?(?:(?:^|\W)(?:{words})|\d,?)\s*$")


def _seats_checked(doc: Any, text: str, hits: list[NameHit]) -> list[NameHit]:
    """A seat's name stands for its body ("a commenté Bercy", "selon Beauvau", "avance-t-on
    rue de Valois") except where a word of place or a noun comes right before it ("à Bercy",
    "une conférence de presse place Vendôme") or a capitalised word goes on after it ("Bercy
    Arena"): there it is the place, left to the place finders."""
    if not any(h.kind == "seat" for h in hits):
        return hits
    folded = fold(text)

    def place(h: NameHit) -> bool:
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        before = doc[span.start - 1] if span is not None and span.start > 0 else None
        found = _seat_as_place().search(folded[max(0, h.start - 24):h.start])
        return bool(found and not found.group("on")
                    or re.match(r"\s+[A-ZÀ-Ý]", text[h.end:h.end + 2])
                    or before is not None and before.pos_ == "NOUN")
    return [h for h in hits if h.kind != "seat" or not place(h)]


def is_org_name(surface: str, lang: str) -> bool:
    """A capitalised name opening with an organisation head noun ("Agence nationale de …")."""
    words = fold_name(surface).split()
    heads = lexicon_words("org_heads", lang)
    return bool(words) and surface.lstrip()[:1].isupper() and any(
        " ".join(words[:n]) in heads for n in (1, 2, 3))


def find_actors(doc: Any, lang: str, ner: list[Found] | None = None) -> list[Found]:
    """Organisation and person mentions in one parsed piece of text (``ner``: the NER spans
    when the caller already has them)."""
    text = doc_text(doc)
    found: list[Found] = []
    hits = _seats_checked(doc, text, _contextual_checked(text, registry_hits(text)))
    for hit in hits:
        actor = load_registry().get(hit.actor)
        kind = actor.type if actor else "Organization"
        s, e = registry_span(text, hit)
        if hit.kind == "acronym" and after_plural(text, s, lang):
            continue  # "laissés à la main des ARS": every regional agency, no one body
        unit = _UNIT_NUMBER.match(text, e) if hit.kind == "acronym" else None
        if unit:  # "la CRS 8", "the CRS 8 unit": one numbered unit of the body, named
            found.append(Found(kind, s, unit.end(), None, "registry:unit"))
            continue
        e = portfolio_end(text, s, e, lang)  # "ministère du Travail, de la Santé et …"
        branch = None if kind != "Organization" or actor is None or actor.local else \
            branch_end(text, s, e)  # "la Fnaim Var": a local branch of its own
        found.append(Found(kind, s, branch or e, None if branch else hit.actor,
                           "registry:" + ("branch" if branch else hit.kind)))
    # a body's name that is the given name of a person named in full is the person's ("Aurore
    # Bergé" is the minister, not the association Aurore)
    ner = ner if ner is not None else ner_found(doc, lang)
    given = longer_names(given_name_found(text), ner)  # "Philippe de Fontaine Vive"
    found = [f for f in found if f.type != "Organization" or not any(
        g.start == f.start and g.end > f.end for g in given)]
    institutions = _institutions(text, lang, ner, [])
    # a registry name inside a longer institution name is not that body ("chambre régionale
    # des comptes" inside "chambre régionale des comptes de Bretagne")
    found = [f for f in found if in_parentheses(text, f) or not any(
        i.start <= f.start and f.end <= i.end and (i.end - i.start) > (f.end - f.start)
        for i in institutions)]
    taken = [(f.start, f.end) for f in found if not in_parentheses(text, f)]
    found += [i for i in institutions
              if not overlaps(i.start, i.end, taken)]
    taken = [(f.start, f.end) for f in found]
    # an official name around a known body's name is a body of its own, the inner one named
    # inside it ("Conseil de surveillance de la Société des grands projets")
    found += [f for f in official_names(doc, lang) if not crosses(f, taken)
              and not any(f.start == s for s, _ in taken)]
    taken = [(f.start, f.end) for f in found]
    extra = joined_acronyms(text) + portfolio_lists(text, lang) + joint_ministries(text, lang) \
        + portfolio_offices(text, lang) \
        + credit_found(text) + given + head_rule_found(text, lang) + listed_found(text, lang) \
        + ner + titled_found(text, lang) + described_names(text, lang)
    for f in extra:
        if f.type == "Place" or overlaps(f.start, f.end, taken):
            continue
        found.append(f)
        taken.append((f.start, f.end))
    # a person's role never holds a clause's verb ("Anne Hidalgo, le préfet de police met en
    # garde …": the title after the comma is the next clause's subject)
    verbs = [doc[i].idx for i, pos in enumerate(doc.to_array([POS]).tolist())
             if pos in (VERB, AUX) and "Fin" in doc[i].morph.get("VerbForm")]
    found = [_name_only(text, f, lang) for f in found]
    return with_roles(text, found, lang, verbs)


def _name_only(text: str, f: Found, lang: str) -> Found:
    """A name without what the reading ran into: the date after it (``dated_end``) or the
    English possessive ending ("Ms Hédon’s office": Hédon)."""
    end = dated_end(text, f.start, f.end, lang) if f.source.startswith("rule") else f.end
    if f.type in ("Person", "Organization") and end - f.start > 3 \
            and text[end - 2:end] in ("'s", "’s") and not (  # a name of its own: "Moody's"
                f.source.startswith("registry") and load_registry().lookup(text[f.start:end])):
        end -= 2
    return f if end == f.end else replace(f, end=end)


def _institutions(text: str, lang: str, ner: list[Found],
                  taken: list[tuple[int, int]]) -> list[Found]:
    """Institutions named by their place, where the registry found nothing; an office right
    before a person's name is that person's title ("le préfet du Rhône, Pascal Mailhos"),
    not a mention of the body."""
    persons = [f.start for f in ner if f.type == "Person"]
    out = []
    for inst in find_institutions(text, lang):
        if overlaps(inst.start, inst.end, taken):
            continue
        if inst.office and any(0 <= p - inst.end <= 3 for p in persons):
            continue
        source = "institution:office" if inst.office else (
            "institution:adjective" if inst.by_adjective else "institution")
        # a registry body named with its acronym inside ("Agence régionale de santé (ARS)
        # d'Ile-de-France") keeps its registry id
        plain = ACRONYM_INSIDE.sub(" ", text[inst.start:inst.end])
        key = (None if inst.office else load_registry().lookup(plain)) or \
            load_registry().lookup(inst.key.removeprefix("org:"))
        out.append(Found("Organization", inst.start, inst.end, key or inst.key, source))
    return out
