"""Official names written in French style: a capitalised head noun, then lower-case words.

French bodies are named with one capital ("Conseil national de la transition écologique",
"Agence nationale de la cohésion des territoires", "Haut Conseil pour le climat"), so the
small model, looking for runs of capitals, misses them or keeps the head alone. Such a name
is read from the parse: the capitalised head noun (``official_name_heads`` of
``ontology/lang/actors.yaml``), adjectives, then complements "de la transition", "des
territoires" (a preposition, an article, a noun and its adjectives).
"""

from __future__ import annotations

from typing import Any

from extractor.mentions.france import place_key
from extractor.mentions.naming import Found, lexicon_words
from extractor.text.fold import fold

_MAX_COMPLEMENTS = 3


def _is_head(token: Any, lang: str) -> bool:
    text = token.text
    return (text[:1].isupper() and not text.isupper()
            and fold(text) in lexicon_words("official_name_heads", lang))


def _adjectives(doc: Any, i: int) -> int:
    # an adjective the tagger read as a noun or participle is still its noun's modifier
    # ("des nuisances aéroportuaires", "des syndicats agricoles bretons")
    while i < len(doc) and doc[i].text.islower() and (
            doc[i].pos_ == "ADJ" or doc[i].dep_ == "amod" and doc[i].head.i < i
            and doc[i].pos_ in ("NOUN", "VERB")):
        i += 1
        if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_ and doc[i + 1].text.islower():
            i += 2  # a hyphenated adjective the tokenizer cut: "cervico-vaginale"
    return i


def _complement(doc: Any, i: int, lang: str) -> int:
    """The end of one complement at ``i`` ("de la transition écologique"; another official
    name or an acronym: "de la Société des grands projets", "de la SGP"), else ``i``."""
    j = i
    if j < len(doc) and doc[j].pos_ == "ADP" and doc[j].text.islower() \
            and fold(doc[j].text) not in lexicon_words("not_name_prepositions", lang):
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET" and doc[j].text.islower():
            j += 1
        j = _adjectives(doc, j)  # "des grands projets"
        if j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].text.islower():
            return _adjectives(doc, j + 1)
        if j < len(doc) and _is_head(doc[j], lang):
            return max(_name_end(doc, j, lang), j + 1)
        if j < len(doc) and doc[j].text.isupper() and doc[j].is_alpha and len(doc[j]) > 1:
            return j + 1
        if j < len(doc) and doc[j].text.istitle() and (doc[j].pos_ == "PROPN" or doc[
                j].pos_ == "NOUN" and place_key(doc[j].text) is not None):
            # the place that ends the name ("Syndicat intercommunal des eaux de la Moselle",
            # "Syndicat mixte des transports urbains de Grenoble"; "de l'Aveyron", which the
            # tagger may read as a common noun)
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" \
                    and doc[j + 1].text[:1].isupper():
                j += 1
            return j + 1
    return i


def _name_end(doc: Any, i: int, lang: str) -> int:
    """The end of the name whose head is at ``i``: its adjectives and complements; ``i`` when
    it has no complement (a head and an adjective alone, "Conseil municipal", is a
    reference, read by the institution grammar)."""
    end = described = _adjectives(doc, i + 1)
    if end < len(doc) and fold(doc[end].text) in lexicon_words("topic_prepositions", lang):
        return i  # "la Cour sur le coût": what the body wrote about, not its name
    for _ in range(_MAX_COMPLEMENTS):
        after = _complement(doc, end, lang)
        if after == end and end + 1 < len(doc) and doc[end - 1].text.islower() and fold(
                doc[end].text) in lexicon_words("name_conjunctions", lang):
            # "de colposcopie et de pathologie"; a place ends the name ("de Méditerranée et
            # de partenaires techniques")
            after = _complement(doc, end + 1, lang)
            after = end if after == end + 1 else after
        if after == end:
            break
        end = after
    end = _place_after(doc, end) if end > described else end
    return end if end > described else i


def _place_after(doc: Any, j: int) -> int:
    """The end of a place's name right after a name's complements ("Agence de l'eau
    Seine-Normandie", "Agence régionale de santé Occitanie"), hyphenated or known as a place,
    with no capitalised word after it (a person's name: "… écologique Jean-Pierre Dupont");
    ``j`` when there is none."""
    if j >= len(doc) or doc[j].pos_ != "PROPN" or not doc[j].text[:1].isupper() \
            or not doc[j - 1].whitespace_:
        return j
    k = j + 1
    while k + 1 < len(doc) and not doc[k - 1].whitespace_ and doc[k].text == "-" \
            and not doc[k].whitespace_ and doc[k + 1].text[:1].isupper():
        k += 2  # "Seine" "-" "Normandie", as the tokenizer cuts it
    if k < len(doc) and doc[k].text[:1].isupper():
        return j
    return k if k > j + 1 or place_key(doc[j].text) is not None else j


def _lower_case_head(doc: Any, i: int, lang: str) -> bool:
    """A head written in lower case after a definite article, with an adjective of the body's
    reach among the adjectives after it ("l'union régionale des …", "la mission
    archéologique départementale de …")."""
    token = doc[i]  # the cheap tests first: this runs on every token
    if not i or doc[i - 1].pos_ != "DET" or not token.text.islower() or fold(
            token.text) not in lexicon_words("lower_case_name_heads", lang) \
            or "Def" not in doc[i - 1].morph.get("Definite"):
        return False
    reach = lexicon_words("reach_adjectives", lang)
    return any(fold(t.text) in reach for t in doc[i + 1:_adjectives(doc, i + 1)])


def _title_case_end(doc: Any, i: int, lang: str) -> int:
    """The end of a name written in title case after its head ("Centre Régional des Œuvres
    Universitaires et Scolaires", "Agence Régionale de Santé"): capitalised words and the
    links of ``title_case_links`` between them, up to the last capitalised word; "et" only
    before a capitalised word or a link ("et Scolaires", "et des Familles"), never before an
    article ("la Cour des comptes et le Conseil d'État" are two). ``i`` when the word after
    the head is not capitalised (a name in French style, read by :func:`_name_end`)."""
    links = lexicon_words("title_case_links", lang)
    joins = lexicon_words("name_conjunctions", lang)
    last, j = i, i + 1
    while j < len(doc):
        word = doc[j].text
        if word[:1].isupper() and word.isalpha() and not word.isupper():
            last = j
        elif fold(word) in joins and j + 1 < len(doc) and (
                doc[j + 1].text[:1].isupper() or fold(doc[j + 1].text) in links
                and fold(doc[j + 1].text) not in lexicon_words("title_case_articles", lang)):
            pass
        elif fold(word) not in links or j == i + 1:
            break
        j += 1
    return last + 1 if last > i else i


def official_names(doc: Any, lang: str) -> list[Found]:
    """Organisations named in French style in one parsed piece (offsets into its text)."""
    out: list[Found] = []
    for token in doc:
        # a sentence's first word is capitalised anyway: its capital is no evidence of a name
        if not (_is_head(token, lang) and not token.is_sent_start
                or _lower_case_head(doc, token.i, lang)):
            continue
        i = token.i
        first = i - 1 if i and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text.istitle() else i
        end = max(_name_end(doc, i, lang), _title_case_end(doc, i, lang) if token.text[
            :1].isupper() else i)
        if end > i:
            out.append(Found("Organization", doc[first].idx,
                             doc[end - 1].idx + len(doc[end - 1].text), None, "rule"))
    return out


def crosses(f: Found, spans: list[tuple[int, int]]) -> bool:
    """``f`` overlaps a span without containing it whole, or is one of them: an official name
    around a known body's name is kept beside it."""
    return any(f.start < e and s < f.end and not (f.start <= s and e <= f.end
                                                  and (s, e) != (f.start, f.end))
               for s, e in spans)
