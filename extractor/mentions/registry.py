"""The registry of known actors (``ontology/registry.yaml``) and its name matcher.

Names are matched on folded text (accents, case, apostrophes ignored) with one compiled
alternation, longest first; single-word acronyms match case-sensitively ("ARS", not "ars").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.knowledge import load_yaml
from extractor.text.fold import fold
from extractor.text.patterns import alternation, trie_alternation
from extractor.text.spans import longest_first


@dataclass(frozen=True)
class Actor:
    """One registry entry."""

    id: str
    type: str
    labels: tuple[tuple[str, str], ...]
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    # the place of its seat the press names it by ("Bercy"): its own only where no word of
    # place comes before it (extractor/mentions/actors.py)
    seats: tuple[str, ...] = ()
    parent: str | None = None
    wikidata: str | None = None
    cased: tuple[str, ...] = ()  # names that are also common words: matched as capitalised
    not_within: tuple[str, ...] = ()  # phrases where a name is not it ("secrétaire d'État")
    # names that are also common words, its own only in parentheses after a person's name
    # ("Christian Estrosi (Horizons)"): a party's, a union's
    bracketed: tuple[str, ...] = ()
    local: Local | None = None  # names that mean the body of the text's own place

    def label(self, lang: str | None = None) -> str:
        """The label in ``lang``, else in the registry's ``label_language``, else any."""
        labels = dict(self.labels)
        return (labels.get(lang or "") or labels.get(label_language())
                or next(iter(labels.values()), self.id))

    def names(self) -> tuple[str, ...]:
        local = self.local.names if self.local else ()
        return tuple(v for _, v in self.labels) + self.acronyms + self.aliases + self.cased + local


@dataclass(frozen=True)
class Local:
    """Names every text gives the body of its own place ("l'ARS", "le préfet de région",
    "the regional health agency"): the body of ``kind`` (an institution kind of
    ``ontology/institutions.yaml``) seated in the place the text is about; the registry body
    only where that place is its own (or inside ``within``), and ``unplaced`` (a name, keyed
    by it) in a text that names no place of the kind's seat type."""

    kind: str
    names: tuple[str, ...]
    offices: tuple[str, ...] = ()
    within: str | None = None
    unplaced: str | None = None

    def means(self, surface: str) -> bool:
        """Whether ``surface`` is one of these names (as the registry matches them)."""
        folded = " ".join(fold(surface.replace("’", "'")).split())
        return any(folded == " ".join(fold(n).split()) for n in self.names + self.offices)


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    actor: str
    kind: str


class Registry:
    """Entries by id plus compiled matchers over all their names."""

    def __init__(self, actors: list[Actor],
                 contractions: dict[str, list[str]] | None = None) -> None:
        self.actors = {a.id: a for a in actors}
        self._contracted = _contracted(actors, contractions or {})
        names: dict[str, tuple[str, str]] = {}
        acronyms: dict[str, str] = {}
        for actor in actors:
            for name in actor.names():
                if name in actor.cased or (" " not in name and name.upper() == name
                                           and len(name) <= 8):
                    acronyms[name] = actor.id
                    acronyms.setdefault(_word_cased(name), actor.id)
                else:
                    names.setdefault(fold(name), (actor.id, "name"))
            for name in actor.contextual:
                names.setdefault(fold(name), (actor.id, "contextual"))
            for name in actor.offices + (actor.local.offices if actor.local else ()):
                names.setdefault(fold(name), (actor.id, "office"))
            for name in actor.seats:
                names.setdefault(fold(name), (actor.id, "seat"))
        self._names = names
        self._acronyms = acronyms
        self._name_re = _alternation(names)
        self._bracketed = {n: a.id for a in actors for n in a.bracketed}
        body = alternation(self._bracketed) if self._bracketed else "(?!)"
        self._bracketed_re = re.compile(rf"\(\s*({body})\s*[),;]")
        self._acro_re = _alternation(acronyms)
        blocked = {fold(p): a.id for a in actors for p in a.not_within}
        self._blocked_re = _alternation(blocked)
        self._blocked = blocked

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, surface: str) -> str | None:
        """The id a surface form names, if it is exactly one of the registry's names."""
        written = " ".join(surface.replace("’", "'").split())
        if written in self._acronyms:
            return self._acronyms[written]
        hit = self._names.get(" ".join(fold(surface).split()))
        return hit[0] if hit and hit[1] not in ("office", "seat") else None

    def find(self, text: str, offices: bool = True) -> list[NameHit]:
        """All registry names in ``text``, longest match first, non-overlapping; with
        ``offices=False`` only names (the organisation named inside a person's title)."""
        hits: list[NameHit] = []
        folded = fold(text)
        if self._name_re is not None:
            for m in self._name_re.finditer(folded):
                key = " ".join(m.group(1).split())
                actor, kind = self._names[key]
                if offices or kind != "office":
                    hits.append(NameHit(m.start(1), m.end(1), actor, kind))
        if self._acro_re is not None:
            for m in self._acro_re.finditer(text):
                written = " ".join(m.group(1).replace("’", "'").split())
                actor = self._acronyms[written]
                kind = "name" if " " in written or not written.isupper() else "acronym"
                if kind == "acronym" and len(written) <= 3 and _in_capitals(text, *m.span(1)):
                    continue  # "IL Y A 10 ANS, LA VILLE": a word of a capitalised headline
                hits.append(NameHit(m.start(1), m.end(1), actor, kind))
        hits += [NameHit(m.start(1), m.end(1), self._bracketed[m.group(1)], "name")
                 for m in self._bracketed_re.finditer(text)]
        hits += [NameHit(m.start(1), m.end(1), table[m.group(1)], "name")
                 for pattern, table in self._contracted for m in pattern.finditer(text)]
        return longest_first(self._unblocked(folded, hits))

    def _unblocked(self, folded: str, hits: list[NameHit]) -> list[NameHit]:
        """Hits not inside a phrase where the name means something else: "État" in
        "secrétaire d'État" or "contrat de plan État-région" is no mention of the State."""
        if self._blocked_re is None:
            return hits
        spans = [(m.start(1), m.end(1), self._blocked[" ".join(m.group(1).split())])
                 for m in self._blocked_re.finditer(folded)]
        return [h for h in hits if not any(s <= h.start and h.end <= e and a == h.actor
                                           for s, e, a in spans)]


def _in_capitals(text: str, start: int, end: int) -> bool:
    """The span stands in a run of capitals: no lower-case letter in the words around it."""
    before = re.split(r"[.!?\n]", text[max(0, start - 25):start])[-1]
    around = before + re.split(r"[.!?\n]", text[end:end + 25])[0]  # within its sentence
    return any(c.isupper() for c in around) and not any(c.islower() for c in around)


def _word_cased(acronym: str) -> str:
    """An acronym of four letters or more as the French press writes one read as a word
    ("ANRU" → "Anru", "MEDEF" → "Medef"); shorter ones or with other signs stay as they are
    ("ARS", "AP-HP")."""
    return acronym.capitalize() if len(acronym) >= 4 and acronym.isalpha() else acronym


def _alternation(names: Collection[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    body = trie_alternation(names)
    # A lookahead finds the longest name at every position, overlaps included; the
    # caller keeps the longest ones ("la ville de Paris" is not "la ville" + "Paris").
    return re.compile(rf"(?<![\w@.-])(?=((?:{body}))(?![\w-]))")


@cache
def label_language() -> str:
    """The language of the entities' main labels (``label_language`` of registry.yaml)."""
    data = load_yaml("registry.yaml")
    return str(data.get("label_language") or "") if isinstance(data, dict) else ""


@cache
def offices_in(text: str) -> tuple[str, ...]:
    """The registry bodies whose office ``text`` names ("Prime Minister", "ministre de la
    Santé"), in the order found: a person's role, a bare title; each text read once."""
    return tuple(h.actor for h in load_registry().find(text) if h.kind == "office")


@cache
def load_registry() -> Registry:
    """The registry, parsed and compiled once per process (every finder asks for it)."""
    data = load_yaml("registry.yaml")
    actors = []
    prefixes = tuple(str(p) for p in (data.get("national_prefixes") or ())) \
        if isinstance(data, dict) else ()
    group_heads = tuple(str(p) for p in (data.get("bracketed_heads") or ())) \
        if isinstance(data, dict) else ()
    for item in data.get("entities", []) if isinstance(data, dict) else []:
        actors.append(Actor(
            id=item["id"], type=item.get("type", "Organization"),
            labels=tuple(sorted((item.get("labels") or {}).items())),
            acronyms=tuple(item.get("acronyms", [])),
            aliases=tuple(item.get("aliases", [])) + tuple(
                f"{head} {name}" for head in group_heads for name in item.get("bracketed", [])),
            contextual=tuple(item.get("contextual", [])), offices=tuple(item.get("offices", [])),
            seats=tuple(item.get("seats", [])),
            parent=item.get("parent"), wikidata=item.get("wikidata"),
            cased=tuple(item.get("cased", [])) + _unqualified(item, prefixes),
            not_within=tuple(item.get("not_within", [])),
            bracketed=tuple(item.get("bracketed", [])), local=_local(item.get("local")),
        ))
    contractions = data.get("contracted_articles") if isinstance(data, dict) else None
    return Registry(actors, contractions or {})


def _contracted(actors: list[Actor], contractions: dict[str, list[str]],
                ) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """(pattern, name → id) per article a preposition absorbs: "au Monde", "du Parisien",
    "aux Républicains" name "Le Monde", "Le Parisien", "Les Républicains"; the rest of the
    name as written, capital first, right after the preposition."""
    out = []
    for article, prepositions in contractions.items():
        table: dict[str, str] = {}
        for actor in actors:
            for name in actor.names():
                first, _, rest = name.partition(" ")
                if first == article and rest[:1].isupper() and "(" not in rest:
                    table.setdefault(rest, actor.id)
        if table and prepositions:
            preps = alternation(prepositions)
            out.append((re.compile(rf"(?<![\w-])(?:{preps})\s+({alternation(table)})(?![\w-])"),
                        table))
    return out


def _unqualified(item: dict[str, Any], prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """A national body's name without the country's adjective ("French Senate" → "Senate",
    "French Anti-Drug Office" → "Anti-Drug Office"), as the English press writes it in a text
    about France: matched as written, only a capitalised name (not "statistics institute")."""
    names = [str(n) for n in [*(item.get("labels") or {}).values(), *item.get("aliases", [])]]
    out = []
    for name in names:
        for prefix in prefixes:
            rest = name[len(prefix):].strip()
            if name.startswith(prefix + " ") and rest[:1].isupper():
                out.append(rest)
    return tuple(dict.fromkeys(out))


def _local(item: dict[str, Any] | None) -> Local | None:
    if not item:
        return None
    return Local(kind=str(item["kind"]), names=tuple(item.get("names", [])),
                 offices=tuple(item.get("offices", [])), within=item.get("within"),
                 unplaced=item.get("unplaced"))
