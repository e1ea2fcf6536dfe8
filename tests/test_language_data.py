"""Language knowledge lives in ``ontology/lang/``, not in Python: adding a language is adding
data, never editing code.

No module under ``extractor/`` branches on a language code (``lang == "en"``, ``lang in
("fr", "en")``) or lists language codes to loop over; and every word list the code reads
through the all-languages helpers (or names below) is given for both French and English.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extractor.knowledge import languages, lexicon, load_yaml
from tests.conftest import PACKAGE

MODULES = sorted(PACKAGE.rglob("*.py"))
# Every code the project knows: configured languages and those language detection tells.
CODES = frozenset({"fr", "en"} | set(languages()) | set(load_yaml("lang/stopwords.yaml")))
LANGS = ("fr", "en")
# Helpers that read a word list of every language together: (name, index of the file
# argument or None for the language lexicons ``<lang>.yaml``, index of the section argument).
HELPERS = {"every_language": (None, 0), "all_languages": (0, 1), "per_language": (0, 1),
           "any_language_words": ("lang/claims.yaml", 0), "all_folded": ("lang/actors.yaml", 0)}
# Per-language sections read with the text's language (flags, lists a language may leave
# empty): file (None for ``<lang>.yaml``) and section.
READ_PER_LANGUAGE = [
    (None, "count_noun_last"),
    ("lang/claims.yaml", "verbs_are_actions"),
    ("lang/claims.yaml", "not_actions"),
    ("lang/actors.yaml", "head_after_name"),
    ("lang/actors.yaml", "head_after_name_openers"),
]
# Settings that are not per language.
SETTINGS = [("lang/given_names.yaml", "surname_particles"), ("registry.yaml", "label_language"),
            ("gazetteer.yaml", "label_language")]


def _is_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in CODES


def _codes_in(node: ast.AST) -> bool:
    """A language code literal, or a tuple, list or set holding one."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_code(e) for e in node.elts)
    return _is_code(node)


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_compares_with_a_language_code(path: Path):
    """``lang == "en"``, ``"fr" != lang``, ``lang in ("fr", "en")``: what the language does
    differently is a value in its data file, read with a default."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [_where(path, node) for node in ast.walk(tree) if isinstance(node, ast.Compare)
             and any(_codes_in(part) for part in [node.left, *node.comparators])]
    assert not found, f"comparison with a language code: {found}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_lists_language_codes(path: Path):
    """``for lang in ("fr", "en")`` or ``{"fr": …, "en": …}``: the languages are the configured
    ones (``knowledge.languages()``) or those a data file lists."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [_where(path, node) for node in ast.walk(tree)
             if isinstance(node, ast.Tuple | ast.List | ast.Set) and _codes_in(node)
             or isinstance(node, ast.Dict) and any(k is not None and _is_code(k)
                                                   for k in node.keys)]
    assert not found, f"language codes listed in code: {found}"


def _helper_reads() -> set[tuple[str | None, str]]:
    """(file, section) of every all-languages helper call with literal arguments."""
    reads: set[tuple[str | None, str]] = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in HELPERS:
                continue
            file_arg, section_arg = HELPERS[name]
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            section = args[section_arg] if len(args) > section_arg else None
            relative = args[file_arg] if isinstance(file_arg, int) else file_arg
            if isinstance(file_arg, int) and relative is None and section is not None:
                relative = _module_constant(path, node.args[file_arg])
            if section is not None:
                reads.add((relative, section))
    return reads


def _module_constant(path: Path, node: ast.AST) -> str | None:
    """The value of a module-level string constant used as an argument (``_LEXICON``)."""
    if not isinstance(node, ast.Name):
        return None
    for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) and any(
                isinstance(t, ast.Name) and t.id == node.id for t in stmt.targets):
            return str(stmt.value.value)
    return None


def _given(relative: str | None, section: str, lang: str) -> bool:
    if relative is None:
        return section in lexicon(lang)
    value = load_yaml(relative).get(section)
    return isinstance(value, dict) and lang in value


def test_the_helpers_are_found():
    reads = _helper_reads()
    assert (None, "name_determiners") in reads
    assert ("lang/claims.yaml", "strong_negation") in reads
    assert ("lang/actors.yaml", "name_particles") in reads


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_read_is_given_for_both_languages(lang: str):
    reads = sorted(_helper_reads() | set(READ_PER_LANGUAGE), key=lambda r: (r[0] or "", r[1]))
    missing = [f"{rel or f'lang/{lang}.yaml'}: {section}" for rel, section in reads
               if not _given(rel, section, lang)]
    assert not missing, f"sections without a {lang} entry: {missing}"


@pytest.mark.parametrize(("relative", "section"), SETTINGS)
def test_settings_are_given(relative: str, section: str):
    assert load_yaml(relative).get(section)


def _items(value: object) -> list[object]:
    """Every list item and mapping key below a section, recursively."""
    if isinstance(value, dict):
        return [*value.keys(), *(i for v in value.values() for i in _items(v))]
    if isinstance(value, list):
        return [i for v in value for i in (_items(v) if isinstance(v, list | dict) else [v])]
    return []


@pytest.mark.parametrize("path", sorted((PACKAGE.parent / "ontology" / "lang").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_no_word_of_a_word_list_is_read_as_a_boolean(path: Path):
    """YAML reads a bare on, off, yes or no as a boolean ("by, on, at" once made every
    English document fail): such words are quoted."""
    data = load_yaml(f"lang/{path.name}")
    found = [f"{section}: {item!r}" for section, value in data.items()
             for item in _items(value) if isinstance(item, bool) or item is None]
    assert not found, f"words read as booleans or nulls in {path.name}: {found}"
