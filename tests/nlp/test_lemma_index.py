"""The rule lemmatizer's word lists as sets: the same lemma for every token of the corpus
and of sentences in both languages, and new word forms no longer scanned against lists of
tens of thousands of words (the time is measured in ``bench/``, not asserted here)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from extractor.nlp import models as nlp
from extractor.nlp.lemma_index import index_lemma_lists

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

SENTENCES = {
    "fr": "Les associations dénoncèrent les démantèlements successifs ; la préfète aurait "
          "réquisitionné des gymnases, rouvert des haltes et prolongé les hébergements.",
    "en": "The councils had reopened shelters, were dismantling camps and would be "
          "prolonging the wardens' contracts, said the prefects.",
}


def _stock(lang: str):
    """The model as spaCy loads it, without the build's changes."""
    return importlib.import_module(nlp.model_package(lang)).load()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_same_lemmas_as_the_stock_model(lang: str) -> None:
    texts = [SENTENCES[lang]] + [p.read_text(encoding="utf-8")[:20000]
                                 for p in sorted(CORPUS.glob("*.txt"))][:2 if lang == "fr" else 0]
    stock, ours = _stock(lang), _stock(lang)
    assert index_lemma_lists(ours) > 0
    for text in texts:
        expected = [(t.text, t.lemma_) for t in stock(text)]
        assert [(t.text, t.lemma_) for t in ours(text)] == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_loaded_models_lemma_lists_are_sets(lang: str) -> None:
    lemmatizer = nlp.load_model(lang).get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    assert index_lemma_lists(nlp.load_model(lang)) == 0  # once is enough


def test_a_pipeline_without_a_rule_lemmatizer_is_left_alone() -> None:
    class Blank:
        pipeline = [("tagger", object())]

    assert index_lemma_lists(Blank()) == 0
