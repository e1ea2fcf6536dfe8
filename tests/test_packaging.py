"""The wheel carries the knowledge: installed anywhere, plangraph reads the same ontology/.

The full check (a wheel installed into a new environment builds the corpus into the same
number of claims as the checkout) is ``scripts/check-wheel.sh``; these tests keep the
packaging it relies on whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_every_subpackage_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "extractor").rglob("__init__.py")}
    assert listed == found | {"extractor.ontology"}
    assert config["tool"]["setuptools"]["package-dir"] == {"extractor.ontology": "ontology"}


@pytest.mark.skipif(os.environ.get("PLANGRAPH_OFFLINE") == "1", reason="needs the registry")
def test_the_wheel_ships_every_knowledge_file(tmp_path: Path):
    source = tmp_path / "source"  # pip builds in the tree: build a copy, not the checkout
    for name in ("extractor", "ontology"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "-w", str(tmp_path / "dist"), str(source)],
                   check=True)
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    knowledge = [p.relative_to(ROOT / "ontology").as_posix()
                 for p in (ROOT / "ontology").rglob("*") if p.is_file()]
    missing = [k for k in knowledge if f"extractor/ontology/{k}" not in names]
    assert knowledge and not missing, missing


def test_a_missing_knowledge_file_is_a_coded_error(tmp_path: Path):
    """Never an empty lexicon: a build without its data would find nothing, silently."""
    code = ("from extractor.knowledge import load_yaml\n"
            "from extractor.errors import PlangraphError\n"
            "try:\n    load_yaml('registry.yaml')\n"
            "except PlangraphError as exc:\n    print(exc)\n")
    env = {**os.environ, "PLANGRAPH_ONTOLOGY": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True).stdout
    assert out.startswith("[E017]") and "registry.yaml" in out
