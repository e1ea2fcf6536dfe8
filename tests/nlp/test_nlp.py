"""Model selection is configuration, and a missing model fails with the pip command."""

from __future__ import annotations

import pytest

from extractor import iris
from extractor.errors import PlangraphError
from extractor.nlp import models as nlp


def test_missing_model_names_the_pip_command(monkeypatch):
    monkeypatch.setitem(nlp.config(), "xx", {"packages": ["no_such_model_pkg"],
                                             "pip": "xx-model==1.0"})
    with pytest.raises(PlangraphError) as info:
        nlp.model_package("xx")
    assert info.value.code == "E008"
    assert "pip install xx-model==1.0" in str(info.value) and "\n" not in str(info.value)


def test_official_english_model_is_preferred_when_listed_first():
    packages = nlp.config()["en"]["packages"]
    assert packages[0] == "en_core_web_sm"
    assert nlp.model_package("en") in packages


def test_base_iri_is_configurable():
    before = iris.base()
    try:
        iris.set_base("https://example.org/kg")
        assert iris.entity("ARS IDF") == "https://example.org/kg/entity/ars-idf"
        assert iris.document("a/b.txt") == "https://example.org/kg/document/a-b-txt-555000"
    finally:
        iris.set_base(before)


def test_iris_are_stable():
    assert iris.claim("d.txt", 1, 5, "x", "fund") == iris.claim("d.txt", 1, 5, "x", "fund")
    assert iris.claim("d.txt", 1, 5, "x", "fund") != iris.claim("d.txt", 1, 6, "x", "fund")
