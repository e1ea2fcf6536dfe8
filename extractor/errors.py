"""Error codes, in one place so messages are consistent and tests can assert on codes."""

from __future__ import annotations


class PlangraphError(Exception):
    """An error the user can act on; ``str()`` is a single line starting with its code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"[{code}] {message}")


class Errors:
    """Message templates, formatted with ``Errors.E001.format(...)``."""

    E001 = "{path}: not found"
    E002 = "{path}: unsupported file type '{suffix}' (expected .txt, .md, .html, .htm, .pdf)"
    E003 = "{path}: empty document (no text after repair)"
    E004 = "{path}: cannot decode text ({reason})"
    E005 = "{path}: unreadable PDF ({reason})"
    E006 = "{path}: PDF has no text layer (scanned image?)"
    E007 = "{path}: language '{lang}' has no configured model (supported: {supported})"
    E008 = "no spaCy model installed for '{lang}': run `pip install {pip}`"
    E009 = "{path}: unreadable ({reason})"
    E010 = "{path}: looks like binary data, not text"
    E011 = "store {path}: not a plangraph store (run `plangraph build` first)"
    E012 = "query {name}: no saved query of that name (see `plangraph query --list`)"
    E013 = "{path}: encrypted PDF"
    E014 = "{path}: no readable text (numbers or symbols only)"
    E015 = "{document}: no such document in the store"
    E016 = "{path}: extraction failed ({reason}); the other documents are built"
    E101 = "{path}: unsupported RDF file type (expected .trig, .nq, .ttl, .jsonld)"
    E102 = "{path}: does not parse ({reason})"
    E103 = "{path}: broken SHACL shapes file ({reason})"
    E130 = "server busy"
    E131 = "SPARQL syntax error: {reason}"
    E132 = "query stopped after {seconds} s (time limit)"
    E133 = "SERVICE is refused: this endpoint reads only its own store"
    E134 = "{path}: RDF input does not load ({reason})"
    E135 = "unknown or unsuitable output format '{fmt}'"
    E136 = "query failed: {reason}"
    E137 = "{endpoint}: server unreachable ({reason})"
    E138 = "{endpoint}: HTTP {status} ({reason})"
    E139 = "store {path}: locked by another writer"
    E140 = "{path}: malformed gazetteer entry {index}: {reason}"
    E150 = "{path}: build output missing"
    E151 = "{path}: bad JSONL line {line}"
    E152 = "{path}: malformed gold annotation ({reason})"
    E160 = "no actor called '{name}' (close names: {close})"
    E161 = "{path}: cannot write the report ({reason})"
    E170 = "unknown executor {kind!r}"
    E171 = "the dask executor needs dask: pip install 'plangraph[dask]'"
    E020 = "{path}: invalid curation entry {index}: {reason}"
    E030 = "SPARQL update refused: this endpoint is read-only"
    E031 = "binding {item!r}: expected name=value"


def error(code: str, **kwargs: object) -> PlangraphError:
    """Build a :class:`PlangraphError` from a code in :class:`Errors`."""
    return PlangraphError(code, getattr(Errors, code).format(**kwargs))
