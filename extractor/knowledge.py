"""Loads the data files of ``ontology/`` (registry, gazetteer, lexicons, patterns, queries).

Knowledge about the domain and the languages lives in files, not Python literals:
adding a language or a corpus is adding files.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from extractor.errors import error


def ontology_dir() -> Path:
    """``PLANGRAPH_ONTOLOGY``, else the ``ontology/`` folder the wheel ships inside the package,
    else the checkout's top-level ``ontology/`` (an editable install)."""
    env = os.environ.get("PLANGRAPH_ONTOLOGY")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if candidate.is_dir():
            return candidate
    return here.parent / "ontology"


def knowledge_file(relative: str) -> Path:
    """The path of ``ontology/<relative>``; a missing file is E017, never an empty lexicon
    (a wheel without its data would otherwise build every corpus into nothing, silently)."""
    path = ontology_dir() / relative
    if not path.exists():
        raise error("E017", path=path)
    return path


@cache
def load_yaml(relative: str) -> Any:
    """Parse ``ontology/<relative>`` once per process (E017 when it is missing)."""
    with knowledge_file(relative).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER) or {}


# libyaml's safe loader where PyYAML was built with it: the same documents, read seven times
# faster (0.75 → 0.11 s for the ontology's files, a second of every build's start)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def languages() -> frozenset[str]:
    """The languages the project is configured for: those with a model in ``models.yaml``."""
    data = load_yaml("models.yaml")
    return frozenset(k for k, v in data.items() if isinstance(v, dict) and "packages" in v)


def lexicon(lang: str) -> dict[str, Any]:
    """The language lexicon ``ontology/lang/<lang>.yaml`` (months, number words, units…).

    A language with no model has no lexicon (its documents are refused with E007 anyway);
    a configured language without its file is E017."""
    if lang not in languages() and not (ontology_dir() / f"lang/{lang}.yaml").exists():
        return {}
    data = load_yaml(f"lang/{lang}.yaml")
    return data if isinstance(data, dict) else {}


def terms(section: str, lang: str) -> list[str]:
    """A word list of the language lexicon, as strings (a mapping gives its keys).

    Every word-list reader takes (section, lang) in that order."""
    value = lexicon(lang).get(section) if isinstance(lang, str) else None
    return [str(v) for v in (value.keys() if isinstance(value, dict) else value or [])]


def fingerprint(*relatives: str) -> str:
    """Hash of the named knowledge files, so caches notice when the knowledge changes."""
    digest = hashlib.sha256()
    for rel in relatives:
        path = ontology_dir() / rel
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file():
                    digest.update(sub.read_bytes())
        elif path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
