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
    E005 = "{path}: unreadable PDF ({reason})"
    E006 = "{path}: PDF has no text layer (scanned image?)"
    E007 = "{path}: language '{lang}' has no configured model (supported: {supported})"
    E008 = "no spaCy model installed for '{lang}': run `pip install {pip}`"
    E009 = "{path}: unreadable ({reason})"
    E010 = "{path}: looks like binary data, not text"
    E011 = "store {path}: not a plangraph store (run `plangraph build` first)"
    E012 = "query {name}: no such query{hint}; saved queries: {known}"
    E013 = "{path}: encrypted PDF"
    E014 = "{path}: no readable text (numbers or symbols only)"
    E015 = "{document}: no such document in the store (known: {known})"
    E016 = "{path}: extraction failed ({reason}); the other documents are built"
    E017 = ("{path}: knowledge file missing (plangraph reads its ontology/ folder from the "
            "package or from PLANGRAPH_ONTOLOGY)")
    E101 = ("{path}: unsupported RDF file suffix '{suffix}' "
            "(expected .trig, .nq, .ttl, .nt, .rdf or .jsonld)")
    E102 = "{path}: not valid RDF ({reason})"
    E103 = "{path}: broken SHACL shapes file ({reason})"
    E130 = "server busy: too many queries running"
    E131 = "SPARQL syntax error: {reason}"
    E132 = "query timed out after {seconds:g} s"
    E133 = ("SERVICE refused: queries read only this store (the word 'service' may not "
            "appear anywhere in the query text)")
    E134 = "{path}: cannot load RDF ({reason})"
    E135 = "unknown format {fmt!r} (choose from {choices})"
    E141 = "format {fmt} needs a CONSTRUCT or DESCRIBE query"
    E136 = "query failed: {reason}"
    E137 = "cannot reach {endpoint}: {reason}"
    E138 = "{endpoint}: HTTP {status} {reason} for graph <{graph}>{detail}"
    E139 = "store {path}: another process is writing it"
    E140 = "{path}: malformed gazetteer entry {index}: {reason}"
    E150 = "{path}: build output missing"
    E151 = "{path}: bad JSONL line {line}"
    E152 = "{path}: malformed gold annotation ({reason})"
    # The endpoint's answers to malformed requests (HTTP 4xx).
    E180 = "not found: {path} (the endpoint is /sparql)"
    E181 = "a Content-Length header is required"
    E182 = "request body over {limit} bytes"
    E183 = "POST needs application/sparql-query or a form body"
    E184 = "default-graph-uri and named-graph-uri are not supported: use GRAPH in the query"
    E185 = "exactly one non-empty 'query' parameter is needed"
    # The endpoint's guards: who may ask, what it can give, what a query may use.
    E186 = "Host '{host}' refused: this endpoint answers {allowed} (add names with --allow-host)"
    E187 = "request from {origin} refused: not this endpoint's page (allow it with --cors-origin)"
    E188 = "Accept '{accept}': no format of a {kind} result is acceptable ({offers})"
    E189 = "store {path}: replaced while the query read it, twice; try again"
    E190 = "parameter {name}={value}: {reason}"
    E142 = "query used more than {mb} MB of memory (serve --max-memory)"
    E143 = "answer over {limit} bytes (serve --max-bytes): add a LIMIT or select fewer values"
    E195 = "{path}: invalid delivery setting '{key}' ({reason})"
    E160 = "no actor called '{name}' in the corpus{hint}"
    E162 = "no actor name given"
    E161 = "{path}: cannot write the report ({reason})"
    E170 = "unknown executor {kind!r} (choose from {choices})"
    E171 = "the dask executor needs dask: pip install 'dask[distributed]'"
    E020 = "{path}: invalid curation entry {index}: {reason}"
    E030 = "SPARQL update refused: this endpoint is read-only"
    E031 = "binding {item}: {reason}"
    E032 = "binding {name}={value}: no {kind} of that name in the store (candidates: {candidates})"
    E033 = "binding {name}={value}: {count} {kind}s match ({candidates}); give more of the name"
    E034 = "0 rows for {bound}"
    # Input bounds: one file refused, the others built.
    E040 = ("{path}: file too large ({size} bytes; the limit is {limit}, "
            "set PLANGRAPH_MAX_FILE_BYTES to change it)")
    E041 = ("{path}: text too long (over {limit} characters; "
            "set PLANGRAPH_MAX_TEXT_CHARS to change it)")
    E042 = "{path}: not a regular file ({kind}); skipped without opening it"
    E043 = "{path}: file name is not valid UTF-8 (rename the file)"
    E044 = "{path}: symbolic link leading outside {root}; not followed"
    # Build identity and output switching; push mirroring.
    E050 = "{path}: not found; nothing was built and the previous outputs are kept"
    E051 = "{path}: same document id '{id}' as {other} (two folders of one name); not built"
    E052 = "{paths}: no documents to build; the previous outputs are kept"
    E053 = "no document could be built ({failed} failed); the previous outputs in {out} are kept"
    E054 = "{path}: another build is writing this output folder"
    E055 = ("{endpoint}: push stopped after {done} of {total} graph changes ({reason}); "
            "run push again to finish it")
    E056 = "{endpoint}: HTTP {status} {reason} for the update{detail}; nothing was changed"
    E057 = "{document}: {count} documents have that name ({matches}); give the whole id"


def error(code: str, **kwargs: object) -> PlangraphError:
    """Build a :class:`PlangraphError` from a code in :class:`Errors`."""
    return PlangraphError(code, getattr(Errors, code).format(**kwargs))
