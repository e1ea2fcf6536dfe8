"""spaCy models per language, and text cut into pieces the model can take.

Which package serves which language is configuration (``ontology/models.yaml``): the
official ``en_core_web_sm`` is preferred when installed, else the PyPI re-upload.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from extractor.errors import error
from extractor.knowledge import lexicon, load_yaml
from extractor.nlp.lemma_index import index_lemma_lists
from extractor.records import Document


def config() -> dict[str, Any]:
    data = load_yaml("models.yaml")
    return data if isinstance(data, dict) else {}


def supported_languages() -> list[str]:
    return sorted(k for k, v in config().items() if isinstance(v, dict) and "packages" in v)


def model_package(lang: str) -> str:
    """The first installed package configured for ``lang``; E008 naming the pip command if none."""
    entry = config().get(lang)
    if not isinstance(entry, dict):
        raise error("E007", path="<model>", lang=lang, supported=", ".join(supported_languages()))
    for name in entry.get("packages", []):
        if importlib.util.find_spec(name) is not None:
            return str(name)
    raise error("E008", lang=lang, pip=entry.get("pip", "?"))


@cache
def load_model(lang: str) -> Any:
    """Load (once per process) the model for ``lang`` from its installed package."""
    module = importlib.import_module(model_package(lang))
    nlp = module.load(exclude=list(config().get("exclude", [])))
    index_lemma_lists(nlp)  # the same lemmas, no list scanned for each new word form
    symbols = currency_symbols(lang)
    if symbols and nlp.tokenizer.suffix_search is not None:
        # spaCy's French tokenizer keeps "M€." and "24M€." whole, so "a voté 3 M€. La
        # Région a signé" stays one sentence: a stop after a currency sign is punctuation
        stop = rf"(?<=[{re.escape(''.join(symbols))}])\.$"
        nlp.tokenizer.suffix_search = re.compile(
            f"{nlp.tokenizer.suffix_search.__self__.pattern}|{stop}").search
    marks = quote_marks()
    if marks and nlp.tokenizer.infix_finditer is not None:
        # a quotation mark glued between two words ("permitted by law”defended the mayor",
        # "« … »a-t-il dit"), a slip of web texts, is a token of its own, so the incise after
        # the quotation is read
        glued = rf"(?<=[^\W\d_])[{re.escape(marks)}](?=[^\W\d_])"
        nlp.tokenizer.infix_finditer = re.compile(
            f"{nlp.tokenizer.infix_finditer.__self__.pattern}|{glued}").finditer
    return nlp


@cache
def quote_marks() -> str:
    """Every quotation mark, opening and closing, of ``ontology/lang/claims.yaml``."""
    data = load_yaml("lang/claims.yaml")
    pairs = data.get("quotes") if isinstance(data, dict) else None
    return "".join(sorted({str(c) for pair in (pairs or {}).items() for c in pair}))


def currency_symbols(lang: str) -> str:
    """The last character of each currency symbol of the language's lexicon ("€", "$").

    >>> sorted(currency_symbols("fr"))
    ['$', '£', '€']
    """
    symbols = (lexicon(lang).get("currencies") or {}).get("symbols") or {}
    return "".join(sorted({str(s)[-1] for s in symbols}))


_BREAK = re.compile(r"\n\s*\n|(?<=[.!?…])\s+")


def pieces(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) of at most ``limit`` characters, at paragraph or
    sentence ends where possible, so long documents are processed whole, not skipped.

    >>> pieces("Un. Deux. Trois.", limit=8)
    [(0, 'Un. '), (4, 'Deux. '), (10, 'Trois.')]
    """
    limit = limit or int(config().get("piece_chars", 50000))
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for m in _BREAK.finditer(window):
            if m.end() < len(window):
                cut = m.end()
        if cut <= 0:
            space = window.rfind(" ")
            cut = space + 1 if space > 0 else limit
        out.append((start, text[start:start + cut]))
        start += cut
    if start < len(text) or not out:
        out.append((start, text[start:]))
    return out


def document_pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) the model parses a document in, the build and the bench alike: the
    whole text, a long one cut at paragraph or sentence ends. (Parsing each paragraph alone
    kept a heading printed without a stop from running into the paragraph under it, but
    cost a tenth of the parse in per-document overhead for no measured gain: session 19.)"""
    return pieces(text)


def parse(items: Iterable[tuple[str, Any]], lang: str) -> Iterator[tuple[Any, Any]]:
    """Stream (Doc, context) for (text, context) pairs with ``nlp.pipe``, batched."""
    nlp = load_model(lang)
    batch = int(config().get("batch_size", 16))
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch)


def parse_batch(documents: Sequence[Document]) -> list[list[tuple[int, Any]]]:
    """(piece offset, spaCy Doc) per document, in input order: one ``nlp.pipe`` stream per
    language, so the model runs at full speed however the languages are mixed."""
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(documents):
        by_lang[d.lang].append(i)
    parsed: list[list[tuple[int, Any]]] = [[] for _ in documents]
    for lang, indices in by_lang.items():
        items = [(text, (i, offset)) for i in indices
                 for offset, text in document_pieces(documents[i].text)]
        texts = {context: text for text, context in items}
        for spacy_doc, (i, offset) in parse(items, lang):
            spacy_doc.user_data[_TEXT] = texts[i, offset]  # spaCy keeps the text verbatim
            parsed[i].append((offset, spacy_doc))
    return parsed


_TEXT = "plangraph.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, kept from the parse: spaCy joins every token's text at each call (2 ms
    for a page), and the finders ask for it several times per piece."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)
