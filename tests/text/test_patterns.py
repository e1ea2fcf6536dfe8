"""The factored alternation finds exactly what the plain one finds (the registry relies on it)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.mentions.registry import load_registry
from extractor.text.fold import fold
from extractor.text.patterns import alternation, trie_alternation
from tests.conftest import CORPUS

_LOOKAHEAD = r"(?<![\w@.-])(?=((?:{}))(?![\w-]))"


def _spans(body: str, text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in re.finditer(_LOOKAHEAD.format(body), text)]


def test_registry_names_match_alike_on_the_corpus() -> None:
    names = load_registry()._names
    plain, factored = alternation(names), trie_alternation(names)
    assert len(factored) < len(plain)  # shared prefixes written once
    for path in sorted(CORPUS.glob("*.txt")):
        text = fold(path.read_text(encoding="utf-8"))
        assert _spans(factored, text) == _spans(plain, text), path.name


def test_a_longer_name_wins_and_a_shorter_one_follows_when_the_longer_fails() -> None:
    body = trie_alternation(["ville de paris", "ville de", "ville", "vie"])
    assert _spans(body, "la ville de paris") == [(3, 17)]
    assert _spans(body, "la ville de parisienne") == [(3, 11)]  # "paris" not a whole word
    assert _spans(body, "la ville  d'en face") == [(3, 8)]
    assert re.fullmatch(trie_alternation(["l'ars"]), "l’ars")


_WORDS = st.sampled_from(["a", "ab", "abc", "b", "ba", "l'a", "l’a", "a b", "ab c", "c-a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6),
       st.lists(st.sampled_from(["a", "b", "c", " ", "  ", "'", "’", "-", "x"]), max_size=30))
def test_same_matches_as_the_plain_alternation(items: list[str], chars: list[str]) -> None:
    text = "".join(chars)
    assert _spans(trie_alternation(items), text) == _spans(alternation(items), text)
    plain = [m.span() for m in re.finditer(alternation(items), text)]
    assert [m.span() for m in re.finditer(trie_alternation(items), text)] == plain


def test_no_item_matches_nothing() -> None:
    assert re.search(trie_alternation([]), "anything") is None
