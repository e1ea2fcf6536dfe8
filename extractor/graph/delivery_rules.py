"""What counts as a later report on a commitment: the settings, words, cues and dates the
delivery rules (:mod:`extractor.graph.delivery`) read from ``ontology/``.

``ontology/delivery.yaml`` holds the plan's horizon, the action classes and how object
words are compared (E195 when a setting is not what the rules need);
``ontology/lang/delivery.yaml`` holds, per language, the words that say a commitment was
not done, done in part, or done.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from extractor.errors import error
from extractor.knowledge import knowledge_file, load_yaml
from extractor.records import DELIVERY_STATUSES
from extractor.text.fold import fold
from extractor.text.patterns import alternation
from extractor.text.wordlists import all_languages

DELIVERED, PARTLY, NOT_DELIVERED, DISPUTED, NO_REPORT = DELIVERY_STATUSES
CUE_FILE = "lang/delivery.yaml"
SETTINGS_FILE = "delivery.yaml"
WHOLE_NUMBERS = ("horizon_months", "min_word_length", "stem_length")


@cache
def settings() -> dict[str, Any]:
    """``ontology/delivery.yaml``: horizon, action classes, object word settings."""
    return checked_settings(load_yaml(SETTINGS_FILE), knowledge_file(SETTINGS_FILE))


def checked_settings(data: Any, path: Path) -> dict[str, Any]:
    """The settings when each is what the rules need, else E195 naming the file and key: a
    typo there would otherwise silently mark every commitment "no later report"."""
    if not isinstance(data, dict):
        raise error("E195", path=path, key="(file)", reason="not a mapping")
    for key in WHOLE_NUMBERS:
        if not isinstance(data.get(key), int) or data[key] < 1:
            raise error("E195", path=path, key=key, reason="a whole number ≥ 1 is needed")
    classes = data.get("action_classes")
    if not isinstance(classes, dict) or not all(isinstance(v, list) for v in classes.values()):
        raise error("E195", path=path, key="action_classes",
                    reason="a mapping of class names to lists of actions is needed")
    return data


@cache
def action_class(action: str) -> str:
    """The class of an action lemma (``ontology/delivery.yaml``), else the lemma itself."""
    for name, actions in settings()["action_classes"].items():
        if action in actions:
            return str(name)
    return action


@cache
def _cue(section: str) -> re.Pattern[str]:
    """Folded cue phrases of every language, as whole words."""
    words = [fold(w) for w in all_languages(CUE_FILE, section)]
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)")


def cue(text: str) -> str | None:
    """The delivery cue a sentence gives: "not done" wins over "partly" over "done".

    >>> cue("Le centre n'a pas été ouvert."), cue("The plan was partly implemented.")
    ('not delivered', 'partly')
    """
    folded = fold(text)
    for section, status in (("failed", NOT_DELIVERED), ("partly", PARTLY), ("done", DELIVERED)):
        if _cue(section).search(folded):
            return status
    return None


@cache
def _stopwords() -> frozenset[str]:
    data = load_yaml("lang/stopwords.yaml")
    return frozenset(fold(str(w)) for words in data.values() for w in words or ())


@lru_cache(maxsize=65536)
def object_words(text: str | None) -> frozenset[str]:
    """The topic words of an object, as folded stems (``stem_length`` first letters).

    >>> sorted(object_words("des maraudes coordonnées"))
    ['coordo', 'maraud']
    """
    cfg = settings()
    size, shortest = cfg["stem_length"], cfg["min_word_length"]
    words = re.findall(r"\w+", fold(text or ""))
    return frozenset(w[:size] for w in words
                     if len(w) >= shortest and w not in _stopwords() and not w.isdigit())


def date_parts(date: str | None) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The start and end of an ISO date or period as (year, month, day) prefixes.

    >>> date_parts("2019/2021-06")
    ((2019,), (2021, 6))
    >>> date_parts("soon") is None
    True
    """
    found = [tuple(int(p) for p in part.split("-")) for part in (date or "").split("/")
             if re.fullmatch(r"\d{4}(-\d{2}){0,2}", part)]
    return (found[0], found[-1]) if found else None


def is_after(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """``a`` after ``b`` at the coarser of their precisions ("2019" is not after "2019-05")."""
    size = min(len(a), len(b))
    return a[:size] > b[:size]


def month_number(parts: tuple[int, ...]) -> int:
    """Months since year 0, a year without a month counting as its December (the end of
    the period it names).

    >>> month_number((2021,)) - month_number((2020, 12))
    12
    """
    return parts[0] * 12 + (parts[1] if len(parts) > 1 else 12) - 1
