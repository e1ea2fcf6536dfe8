"""The rule lemmatizer's word lists, made sets once the model is loaded.

spaCy's rule lemmatizers (French, English) keep each part of speech's known lemmas
(``lemma_index``) as a list and test every new word form against it with ``in``: a scan of
up to 66,000 French nouns, about 0.7 ms a form. Forms are cached once seen, so a text of
familiar words costs little, but news of any subject brings thousands of new forms: on 120
texts of the field set's tuned half the lemmatizer took 5.6 s of CPU of a 15.2 s parse, more
than the parser and the tagger together. As sets the same tests give the same lemmas (only
membership is asked of these lists), and the lemmatizer took 0.2 s. A model package cannot
ship them so: its lookups are stored as lists (msgpack has no sets), so it is done after
loading.
"""

from __future__ import annotations

from typing import Any


def index_lemma_lists(nlp: Any) -> int:
    """Turn the list values of every rule lemmatizer's ``lemma_index`` table into frozen
    sets, in place; the number of lists turned."""
    turned = 0
    for _, component in getattr(nlp, "pipeline", []):
        lookups = getattr(component, "lookups", None)
        if getattr(component, "mode", None) != "rule" or lookups is None \
                or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, words in list(table.items()):
            if isinstance(words, list):
                table[key] = frozenset(words)
                turned += 1
    return turned


__all__ = ["index_lemma_lists"]
