"""Errors through one door: every message the project raises or sends comes from a coded
template of ``extractor/errors.py``."""

from __future__ import annotations

import re
import string

import pytest

from extractor.errors import Errors, PlangraphError, error
from tests.conftest import PACKAGE

SOURCES = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")
           if p.name != "errors.py"}
CODES = sorted(name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name))


@pytest.mark.parametrize("code", CODES)
def test_every_code_is_used_and_formats_on_one_line(code: str):
    template = getattr(Errors, code)
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    message = str(error(code, **{name: 1.5 for name in fields}))
    assert message.startswith(f"[{code}] ") and "\n" not in message
    assert any(re.search(rf"""["']{code}["']""", text) for text in SOURCES.values()), \
        f"{code} is never raised"


def test_no_message_is_written_by_hand():
    """Errors are built by error(code, ...) only: no PlangraphError(code, text), no "[E123]"."""
    for path, text in SOURCES.items():
        assert not re.search(r"PlangraphError\(\s*[\"']E\d", text), path
        assert not re.search(r"[\"'][bf]?\[E\d{3}\]", text), path
        assert not re.search(r"""b?["']\[E\d{3}\]""", text), path


def test_unknown_code_and_missing_field_fail_loudly():
    with pytest.raises(AttributeError):
        error("E999")
    with pytest.raises(KeyError):
        error("E001")
    assert isinstance(error("E001", path="x"), PlangraphError)


def test_every_call_gives_its_template_fields():
    """Each error("Exxx", ...) call names exactly the fields its template formats."""
    import ast

    for path, text in SOURCES.items():
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "error"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            code = node.args[0].value
            template = getattr(Errors, code)
            wanted = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            given = {k.arg for k in node.keywords}
            assert None in given or given == wanted, f"{path}:{node.lineno} {code} {given}≠{wanted}"
