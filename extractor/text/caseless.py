"""A cheap test that rules a case-insensitive pattern out of a text before ``re`` scans it.

``re`` cannot skip ahead to a pattern that starts with a lookbehind or a case-insensitive
word: it tries every position of the text. A hundred institution forms ("mairie de
{place}", "préfet de région {place}") scanned over every document cost more than the rest of
the institution rules, though most forms are absent from most texts. Each form holds a
literal run of words; if that run is not a substring of the text, compared the way ``re``'s
IGNORECASE compares letters, the pattern cannot match and is not run. The test is a
necessary condition only: when the run is present the pattern runs as before, so matches
never change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import import_module

from extractor.text.fold import FoldTable

_PLACEHOLDER = re.compile(r"\{\w+\}")


def _sre_case() -> Callable[[str], str] | None:
    """The letter ``re`` compares a character as under IGNORECASE (its simple lowercase and the
    extra equivalences of ``re._casefix``: "ſ" is "s"), reduced to one representative; None
    where this interpreter's ``re`` does not expose them (every pattern then runs)."""
    try:
        tolower = import_module("_sre").unicode_tolower
        extra: dict[int, tuple[int, ...]] = import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None

    def key(ch: str) -> str:
        if ch.isspace():
            return " "
        if ch in "'’":
            return "'"  # a form's apostrophe matches either style
        low = tolower(ord(ch))
        return chr(min((low, *extra.get(low, ()))))
    return key


_KEY = _sre_case()
_TABLE = FoldTable(_KEY) if _KEY else None


@lru_cache(maxsize=8)
def caseless(text: str) -> str:
    """``text`` with every letter as ``re``'s IGNORECASE sees it and each run of spaces as one
    (a form's space is ``\\s+``). Cached: one text is asked about by every form in turn.

    >>> caseless("La  Mairie de  l’Île")
    "la mairie de l'île"
    """
    return " ".join(text.translate(_TABLE).split()) if _TABLE is not None else text


def required_run(form: str) -> str:
    """The longest literal run of a form ("préfet de région" of "préfet de région {place}"),
    as :func:`caseless` writes it; empty when the form holds none (it always runs).

    >>> required_run("Ville d'{place}"), required_run("{place}")
    ("ville d'", '')
    """
    runs = [" ".join(run.split()) for run in _PLACEHOLDER.split(form)]
    best = max(runs, key=len, default="")
    return caseless(best) if _TABLE is not None else ""


class Guarded:
    """A pattern run only on texts that hold its required run (:func:`required_run` of the
    form it was built from): ``finditer`` gives what the pattern's own gives.

    The pattern is compiled the first time a text holds its run: each form holds a place
    pattern, and compiling the three hundred forms of every language took 2.8 s of a build's
    start (``bench/stages.py``: regex compile), most of them for forms no text of the build
    ever holds."""

    __slots__ = ("_compiled", "regex", "run")

    def __init__(self, regex: str, form: str) -> None:
        self.regex = regex
        self.run = required_run(form)
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.regex)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.run and self.run not in caseless(text):
            return iter(())
        return self.pattern.finditer(text)
