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


class _Strict(yaml.SafeLoader):
    """A loader that records a mapping's keys written twice (YAML keeps the last silently)."""

    repeated: list[str] = []


def _mapping(loader: _Strict, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [str(loader.construct_object(k, deep=deep)) for k, _ in node.value]
    loader.repeated += sorted({k for k in keys if keys.count(k) > 1})
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_key_is_written_twice_in_a_mapping(path: Path) -> None:
    loader = _Strict(path.read_text(encoding="utf-8"))
    loader.repeated = []
    try:
        loader.get_single_data()
    finally:
        loader.dispose()
    assert loader.repeated == []
