"""Language of a document from the share of its words that are function words of each language.

Not langdetect: its results are probabilistic and change between runs unless seeded, and the
graph must be byte-identical from one build to the next. Function-word counting is
deterministic, explainable, needs no model and is reliable on the paragraph-long texts we read.
The word lists are data: ``ontology/lang/stopwords.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.knowledge import load_yaml

UNDETERMINED = "und"
MIN_HITS = 2
MIN_SHARE = 0.06
SAMPLE_CHARS = 20000

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    data = load_yaml("lang/stopwords.yaml")
    if not isinstance(data, dict):
        return ()
    return tuple(
        (str(lang), frozenset(str(word).lower() for word in words or ()))
        for lang, words in data.items()
    )


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    """A word shared by k languages' lists counts 1/k for each: distinctive words decide."""
    counts: dict[str, int] = {}
    for _, stop in _stopwords():
        for word in stop:
            counts[word] = counts.get(word, 0) + 1
    return {word: 1.0 / k for word, k in counts.items()}


def language_scores(text: str) -> dict[str, float]:
    """Weighted share of the words of ``text`` found in each language's list.

    >>> round(language_scores("the cat and the dog")["en"], 2)
    0.6
    """
    words = _WORD.findall(str(text)[:SAMPLE_CHARS].lower())
    if not words:
        return {lang: 0.0 for lang, _ in _stopwords()}
    weights = _weights()
    return {lang: sum(weights[w] for w in words if w in stop) / len(words)
            for lang, stop in _stopwords()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text``, or ``"und"`` when it cannot be told.

    Ties go to the language listed first in the YAML file, so the answer never varies.

    >>> detect_language("Le préfet a présenté le plan avec les partenaires de la Ville.")
    'fr'
    >>> detect_language("The prefect presented the plan with the partners of the city.")
    'en'
    >>> detect_language("Der Plan wurde von der Stadt und dem Land vorgestellt.")
    'de'
    >>> detect_language("2019 2020 2021"), detect_language("")
    ('und', 'und')
    """
    try:
        scores = language_scores(text)
    except Exception:  # noqa: BLE001 - untrusted text must never raise
        return UNDETERMINED
    if not scores:
        return UNDETERMINED
    words = _WORD.findall(str(text)[:SAMPLE_CHARS].lower())
    best = max(scores, key=lambda lang: scores[lang])  # first listed wins a tie
    hits = sum(w in dict(_stopwords())[best] for w in words)
    if scores[best] < MIN_SHARE or hits < MIN_HITS:
        return UNDETERMINED
    return best
