"""The package is laid out as the pipeline it runs, and the tests hold it to that.

Stages import only earlier stages (and the shared top level and ``text/``); the reading
side never imports an extraction stage or spaCy; the library never imports the CLI; no
module is over 300 lines and no function over 60.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PACKAGE

MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
# Rank of each part of the package: a module may import parts of lower or equal rank only.
SHARED = {"errors", "records", "iris", "namespaces", "knowledge", "store", "text"}
RANK = {"text": 1, "shared": 1, "ingest": 2, "nlp": 3, "mentions": 4, "claims": 5,
        "graph": 6, "build": 7, "read": 7, "cli": 9}
READ_FORBIDDEN = ("extractor.ingest", "extractor.nlp", "extractor.mentions", "extractor.claims",
                  "extractor.graph", "extractor.build", "spacy", "thinc")


def _part(dotted: str) -> str:
    """'extractor.mentions.money' -> 'mentions'; the shared top-level modules -> 'shared'."""
    parts = dotted.split(".")
    head = parts[1] if len(parts) > 1 else "shared"
    if head in ("cli", "console", "__main__"):
        return "cli"
    if head == "text":
        return "text"
    return "shared" if head in SHARED or head in ("__init__",) else head


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(p for p in rel.parts if p != "__init__")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("extractor.")}


def test_no_relative_imports():
    """Absolute imports only: a module's imports say which stage they reach."""
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.ImportFrom) and node.level), path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stages_import_only_earlier_stages(path: Path):
    here = _part(_module_name(path))
    for target in _imports(path):
        there = _part(target)
        if there not in RANK or here == there:
            continue
        assert here != "read" or there not in ("graph", "build"), f"{path}: imports {target}"
        assert RANK[there] <= RANK[here], f"{path} ({here}) imports {target} ({there})"


def test_reading_side_never_loads_spacy_or_an_extraction_stage():
    """Import every reading module in a fresh interpreter and look at what got loaded."""
    names = [_module_name(p) for p in MODULES if _part(_module_name(p)) == "read"]
    code = ("import json, sys\n"
            f"for name in {names!r}: __import__(name)\n"
            "print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout)
    bad = [m for m in loaded if m.startswith(READ_FORBIDDEN)]
    assert names and not bad, bad


def test_modules_and_functions_are_small():
    long_modules, long_functions = [], []
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > 300:
            long_modules.append(str(path.relative_to(PACKAGE)))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    long_functions.append(f"{path.relative_to(PACKAGE)}:{node.name} ({length})")
    assert not long_modules and not long_functions, (long_modules, long_functions)
