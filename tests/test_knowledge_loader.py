"""The knowledge files read the same with libyaml's loader as with PyYAML's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractor.knowledge import ontology_dir

FILES = sorted(Path(ontology_dir()).rglob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_fast_loader_reads_what_the_pure_one_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert yaml.load(text, Loader=fast) == yaml.load(text, Loader=yaml.SafeLoader)
