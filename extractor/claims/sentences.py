"""The text units claims are read from, their tokens, and the language lists for claims.

A claim's quote is the sentence or bullet item that contains it. spaCy's sentences are
cut again at bullets and line ends that close a sentence, and glued back where a page
break split one mid-sentence ("traitées par le\\n\\nparquet de Paris").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS

from extractor.knowledge import load_yaml
from extractor.text.fold import fold
from extractor.text.inflection import lemma_guesses
from extractor.text.patterns import alternation


@dataclass(frozen=True)
class Tok:
    """One token with offsets in the whole document and a head index over all pieces."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    morph: str

    def feat(self, name: str) -> str:
        """One morphological feature, "" when the token has none of that name.

        >>> t = Tok(0, 0, 4, "sera", "etre", "AUX", "aux", 1, "Mood=Ind|Tense=Fut")
        >>> t.feat("Tense"), t.feat("Gender")
        ('Fut', '')
        """
        return _features(self.morph).get(name, "")


@lru_cache(maxsize=4096)
def _features(morph: str) -> dict[str, str]:
    """A morphology string as a dict, read once per distinct string: the rules ask 300 000
    features of a few hundred strings in a 433-document build."""
    return dict(part.split("=", 1) for part in morph.split("|") if "=" in part)


def children(toks: list[Tok], k: int) -> list[Tok]:
    """Dependents of token ``k`` (a small linear scan: units are short)."""
    lo, hi = max(0, k - 40), min(len(toks), k + 40)
    return [t for t in toks[lo:hi] if t.head == k and t.i != k]


def tokens_in(toks: list[Tok], start: int, end: int) -> list[Tok]:
    """The tokens that start between two offsets of the document (a line, a signature)."""
    return toks[bisect.bisect_left(toks, start, key=lambda t: t.start):
                bisect.bisect_left(toks, end, key=lambda t: t.start)]


def hangs_on(toks: list[Tok], tok: Tok, head: int, links: int = 3) -> bool:
    """Whether ``tok`` is token ``head`` or hangs on it within ``links`` links."""
    for _ in range(links + 1):
        if tok.i == head:
            return True
        if tok.head == tok.i:
            return False
        tok = toks[tok.head]
    return False


def relative_clause(toks: list[Tok], verb: Tok) -> bool:
    """A clause whose subject is a relative pronoun ("…, qui n'a pas évolué"), whatever the
    parser hung it on: it says what a noun is, not what a verb of promise or saying reports."""
    return any(t.head == verb.i and t.dep.startswith("nsubj") and t.feat("PronType") == "Rel"
               for t in toks[max(0, verb.i - 6):verb.i])


@dataclass(frozen=True)
class Sentence:
    """A sentence or bullet item (what a claim quotes): text[start:end], tokens[lo:hi]."""

    start: int
    end: int
    lo: int
    hi: int
    bullet: bool


@cache
def lex(section: str, lang: str | None = None) -> Any:
    """A section of ``ontology/lang/claims.yaml`` (per language when ``lang`` is given)."""
    data = load_yaml("lang/claims.yaml")
    value = data.get(section, {}) if isinstance(data, dict) else {}
    if lang is not None:
        value = (value or {}).get(lang, []) if isinstance(value, dict) else []
    return value


@cache
def words(section: str, lang: str | None = None) -> frozenset[str]:
    """Folded word list of a section."""
    return frozenset(fold(str(w)) for w in (lex(section, lang) or []))


@cache
def mapping(section: str, lang: str) -> dict[str, str]:
    """Folded word → English lemma of a mapping section (``verbs``, ``nouns``)."""
    return {fold(str(k)): str(v) for k, v in (lex(section, lang) or {}).items()}


def lemmas(tok: Tok, lang: str) -> tuple[str, ...]:
    """The lemma and the infinitives its inflection suggests, for a missed lemmatisation."""
    return lemma_guesses(tok.lemma, tok.text, lang)


_ATTRS = (ORTH, IDX, LEMMA, POS, DEP, MORPH)
# string-store key → string: keys are hashes of the strings (or symbol ids), the same in
# every vocabulary, so one table serves every document and language
_NAMES: dict[int, str] = {0: ""}


def tokens(parsed: Sequence[tuple[int, Any]]) -> list[Tok]:
    """All tokens of all pieces, with document offsets and global head indices.

    Read as one array per piece (``Doc.to_array``), each distinct string looked up and each
    lemma folded once: making a spaCy ``Token`` object per token and asking it for seven
    strings was an eighth of the rules' time."""
    out: list[Tok] = []
    folded: dict[str, str] = {}
    for offset, doc in parsed:
        base, strings = len(out), doc.vocab.strings

        def name(key: int) -> str:
            found = _NAMES.get(key)
            if found is None:
                found = _NAMES[key] = strings[key]  # noqa: B023 (called in this iteration)
            return found

        heads = doc.to_array([HEAD]).view("int64").tolist()  # relative, may be negative
        for i, (orth, idx, lemma_key, pos_key, dep, morph) in enumerate(
                doc.to_array(list(_ATTRS)).tolist()):
            text, pos = name(orth), name(pos_key)
            lemma = name(lemma_key) or text
            if lemma not in folded:
                folded[lemma] = fold(lemma).strip()
            # a token with digits ("d'1M€", "2025") is a figure whatever the tagger says: read
            # as a verb it would end a noun phrase or become an action
            if pos in ("VERB", "AUX") and any(c.isdigit() for c in text):
                pos = "NUM"
            feats = name(morph)
            out.append(Tok(base + i, offset + idx, offset + idx + len(text), text,
                           folded[lemma], pos, name(dep), base + i + heads[i],
                           "" if feats == "_" else feats))
    return out


def sentence_spans(parsed: Sequence[tuple[int, Any]]) -> list[tuple[int, int]]:
    """spaCy's sentences as document offsets (the index mentions use for ``sentence``)."""
    return [(offset + s.start_char, offset + s.end_char) for offset, doc in parsed
            for s in doc.sents]


_BULLET = re.compile(r"[ \t]*(?:[-•*▪◦‣–]|\d{1,2}[.)])\s")
_CLOSERS = ".;:!?»”\"…)"
_STOPS = ".!?…"


def paragraph_lines(text: str) -> bool:
    """Whether the text's lines are paragraphs (a web page, a dispatch), not lines a page
    layout wrapped (a PDF): then every line end ends a unit ("… © 2019 AFP" and the next
    line's "Valérie Pécresse monte au créneau" are two)."""
    lines = sorted(len(line) for line in text.splitlines() if line.strip())
    return bool(lines) and lines[len(lines) // 2] > _PARAGRAPH_CHARS


_PARAGRAPH_CHARS = 160  # a wrapped page line is rarely longer; a web paragraph often is


def _cuts(text: str, start: int, end: int, paragraphs: bool = False) -> list[int]:
    """Positions inside [start, end) where a new unit begins (after a newline)."""
    cuts = []
    for m in re.finditer(r"\n\s*", text[start:end]):
        pos = start + m.end()
        if pos >= end:
            continue
        if paragraphs:
            cuts.append(pos)
            continue
        before = text[start:start + m.start()].rstrip()
        last = before[-1:] if before else ""
        blank = "\n" in m.group()[1:] or m.group().count("\n") > 1
        nxt = text[pos]
        if _BULLET.match(text, pos) or last in _CLOSERS or not last:
            cuts.append(pos)
        elif blank and not (last.isalpha() and nxt.islower()):
            cuts.append(pos)
        elif nxt.isupper() and not last.isalpha() and last != ",":
            cuts.append(pos)  # not after a comma: a wrapped list of names and titles goes on
    return cuts


def _continues(prev: str, head: str) -> bool:
    """A sentence goes on past a cut the parser made without punctuation (mid-line), or
    past a page break that fell inside it (a word, a blank line, a lowercase word)."""
    body = prev.rstrip()
    same_line = "\n" not in prev[len(body):]  # the parser's cut, no line end
    # no sentence opens on a comma, nor on a lowercase word after a quotation ("», a dit X")
    if body and same_line and (head[:1] == "," or body[-1] in "»”\"" and head[:1].islower()):
        return True
    # a bracket closes a sentence only after its own stop ("(…)." "(AFP.)"), not an aside
    # the parser cut after ("… et Nathalie Elimas (Logement) - ont visité")
    if not body or body[-1] in _CLOSERS and not (body[-1] == ")" and body[-2:-1] not in _STOPS):
        return False
    # a line that ends on a comma goes on ("Norbert Métairie,\nPrésident de Cap l'Orient"),
    # not into a list's next item
    return same_line or (body[-1] == "," or body[-1].isalpha() and head[:1].islower()) \
        and not _BULLET.match(head)


def _opening_marks_moved(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentences, an opening quotation mark it left at the end of one after its
    stop ("… a déclaré Paul Durand. «" | "Le budget est insuffisant », a estimé …") given to
    the next, which it opens: the two are then not glued into one."""
    pairs: dict[str, str] = lex("quotes") or {}
    openers = set(pairs) - set(pairs.values())  # « “ „, not the ambiguous straight quote
    out = list(sents)
    for i in range(len(out) - 1):
        s, e = out[i]
        body = text[s:e].rstrip()
        # a straight mark opens when a space parts it from the stop ('Durand. "Le budget')
        opening = body[-1:] in openers or body[-1:] == '"' and body[-2:-1].isspace()
        if len(body) > 1 and opening and body[:-1].rstrip()[-1:] in _STOPS \
                and out[i + 1][0] >= e:
            cut = s + len(body) - 1
            out[i], out[i + 1] = (s, cut), (cut, out[i + 1][1])
    return out


def sentences(text: str, sents: list[tuple[int, int]], toks: list[Tok]) -> list[Sentence]:
    """Sentences cut at bullets and line ends, glued across page breaks, trimmed."""
    spans: list[tuple[int, int]] = []
    paragraphs = paragraph_lines(text)
    for s, e in _opening_marks_moved(text, sents):
        bounds = [s, *_cuts(text, s, e, paragraphs), e]
        spans.extend(zip(bounds, bounds[1:], strict=False))
    merged: list[list[int]] = []
    for s, e in spans:
        prev = text[merged[-1][0]:s] if merged else ""
        if prev and not (paragraphs and "\n" in prev[len(prev.rstrip()):]) \
                and _continues(prev, text[s:e].lstrip()):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out: list[Sentence] = []
    j = 0
    for s, e in merged:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        while j < len(toks) and toks[j].start < s:
            j += 1
        lo = j
        hi = lo
        while hi < len(toks) and toks[hi].start < e:
            hi += 1
        out.append(Sentence(s, e, lo, hi, bool(_BULLET.match(text, s))))
    return out


@cache
def source_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What stands between a cue and the actor it cites ("selon les chiffres de la", "according
    to figures from the"), and between an inverted verb and a study's author ("révèle une
    étude rendue publique par l'", "says a report by the")."""
    nouns = alternation(words("source_nouns", lang))
    links = alternation(words("source_links", lang))
    # an elided article counts as a word before the noun ("selon l'entourage de", "l'étude de")
    return (re.compile(rf"(?:\w+['’]|\w+\s+){{0,2}}(?:{nouns})\s+(?:\w+\s+){{0,2}}(?:{links})\s*"
                       rf"(?:\w+'|\w+\s+)?"),
            re.compile(rf"\s+(?:\w+\s+)?(?:{nouns})\b[^.;:«»“”\"]*?\s(?:{links})\s*"
                       rf"(?:\w+'|\w+\s+)?"))
