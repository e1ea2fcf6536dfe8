"""A guarded pattern gives what its pattern gives, and skips texts that cannot hold it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.mentions.coordination import _forms
from extractor.mentions.institutions import _demonym_grammar, _grammar
from extractor.text.caseless import Guarded, caseless, required_run
from tests.conftest import CORPUS


def test_caseless_compares_letters_as_re_ignorecase_does() -> None:
    # "ſ" is "s" and "K" (Kelvin) is "k" for re's IGNORECASE: the run must be found there too
    for form, text in (("préfet de région", "PRÉFET  DE\nRÉGION"), ("sénat", "ſénat"),
                       ("kiosque", "\u212aiosque"), ("cour d'appel", "Cour d’appel")):
        assert re.search(f"(?i:{re.escape(form)})".replace(r"\ ", r"\s+").replace("'", "['’]"),
                         text), text
        assert required_run(form) in caseless(text), text


def test_required_run_is_the_longest_literal_between_placeholders() -> None:
    assert required_run("préfet de région {place}") == "préfet de région"
    assert required_run("{place} city council") == "city council"
    assert required_run("président {of} {place}") == "président"
    assert required_run("{place}") == ""


def test_a_text_without_the_run_is_not_scanned() -> None:
    guarded = Guarded(r"(?<![\w-])M(?i:airie\s+de\s+)(?P<place>[A-Z]\w+)", "Mairie de {place}")
    assert [m.group("place") for m in guarded.finditer("la mairie de Lyon")] == []
    assert [m.group("place") for m in guarded.finditer("la Mairie de  Lyon")] == ["Lyon"]
    assert list(guarded.finditer("la préfecture du Rhône")) == []
    assert guarded.run == "mairie de"


def test_institution_forms_find_the_same_on_the_corpus() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    for lang in ("fr", "en"):
        forms = [g for g, _, _ in _grammar(lang) + _demonym_grammar(lang)]
        for guarded in forms + [g for g, _, _ in _forms(lang)]:
            for text in texts:
                assert [m.span() for m in guarded.finditer(text)] == \
                    [m.span() for m in guarded.pattern.finditer(text)], guarded.run


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAiIıİsSſ eE'’-\n", max_size=40))
def test_guard_never_drops_a_match(text: str) -> None:
    guarded = Guarded(r"(?i:a\s+is\s+e['’]s)", "a is e's")
    assert [m.span() for m in guarded.finditer(text)] == \
        [m.span() for m in guarded.pattern.finditer(text)]


def test_a_form_is_compiled_only_when_a_text_holds_its_run() -> None:
    guarded = Guarded(r"(?<![\w-])(?i:préfecture\s+du\s+)(?P<place>[A-Z]\w+)",
                      "préfecture du {place}")
    assert list(guarded.finditer("La mairie de Lyon a voté.")) == []
    assert guarded._compiled is None  # the run is absent: nothing compiled
    assert [m.group("place") for m in guarded.finditer("la Préfecture du Rhône")] == ["Rhône"]
    assert guarded._compiled is not None
