"""Span arithmetic every finder shares: whether spans meet, and keeping the longest.

One definition, so mentions, dates, money, quantities and registry names all break ties
the same way (longest first, then earliest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar


class HasSpan(Protocol):
    """Anything with ``start`` and ``end`` character offsets."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)
T = TypeVar("T")


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, end) meets any of ``spans``.

    >>> overlaps(2, 5, [(0, 2), (5, 9)]), overlaps(2, 5, [(4, 6)])
    (False, True)
    """
    return any(start < e and s < end for s, e in spans)


def longest_first(items: Iterable[S]) -> list[S]:
    """Keep the longest of overlapping items (earliest on ties), in text order."""
    return longest_first_by(items, lambda item: (item.start, item.end))


def longest_first_by(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """:func:`longest_first` for items whose span is given by ``span``.

    >>> longest_first_by([(0, 3), (2, 8), (9, 10)], lambda s: s)
    [(2, 8), (9, 10)]
    """
    kept: list[tuple[int, int]] = []
    out: list[T] = []
    for item in sorted(items, key=lambda i: (span(i)[0] - span(i)[1], span(i)[0])):
        start, end = span(item)
        if not overlaps(start, end, kept):
            kept.append((start, end))
            out.append(item)
    return sorted(out, key=lambda i: span(i)[0])
