"""The one module that mints IRIs: deterministic, readable, stable across machines.

``…/entity/ars-idf``, ``…/document/<slug>-<hash>``, ``…/claim/<hash of document and span>``,
all under a configurable base (``PLANGRAPH_BASE`` or ``--base``).

A document's IRI is a readable slug of its id (its path relative to the folder it was
built from) plus a short hash of that exact id: slugs fold case, accents and punctuation,
so ``plan a.txt`` and ``plan-a.txt``, or ``Été.txt`` and ``ete.txt``, share a slug, and
without the hash they would share one named graph.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

DEFAULT_BASE = "https://w3id.org/plangraph/"
_base = os.environ.get("PLANGRAPH_BASE", DEFAULT_BASE)


def set_base(base: str) -> None:
    """Change the base IRI for this process (it must end with '/' or '#')."""
    global _base
    _base = base if base.endswith(("/", "#")) else base + "/"


def base() -> str:
    """The base IRI in force."""
    return _base


def slugify(text: str, max_length: int = 80) -> str:
    """A lowercase ASCII slug: accents folded, anything else a hyphen.

    >>> slugify("Agence régionale de santé Île-de-France")
    'agence-regionale-de-sante-ile-de-france'
    >>> slugify("«  »")
    'x'
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:max_length].strip("-")
    return slug or "x"


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts (joined by NUL), for span-based IRIs."""
    data = "\x00".join(str(p) for p in parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def document_slug(doc_id: str) -> str:
    """Slug of a document path; keeps the extension apart so a.txt and a.pdf differ.

    >>> document_slug("sub/000_ba6c.txt")
    'sub-000-ba6c-txt'
    """
    return slugify(doc_id, max_length=200)


DOCUMENT_HASH = 6  # hex digits: 16 M values, against ids that already share a slug


@lru_cache(maxsize=4096)
def document_key(doc_id: str) -> str:
    """The last segment of a document's IRI: its slug and a hash of the exact id.

    >>> document_key("plan a.txt"), document_key("plan-a.txt")
    ('plan-a-txt-cdf578', 'plan-a-txt-e9966b')

    Memoised: the network export asks it once per mention and per claim (30 000 slugs and
    hashes of the same few hundred ids at 433 documents, 0.8 s of the build's writing).
    """
    return f"{document_slug(doc_id)}-{short_hash(doc_id, length=DOCUMENT_HASH)}"


def document(doc_id: str) -> str:
    """The IRI of a document and of its named graph; distinct ids never share one."""
    return f"{_base}document/{quote(document_key(doc_id))}"


def entity(slug: str) -> str:
    return f"{_base}entity/{quote(slugify(slug))}"


def mention(doc_id: str, start: int, end: int, mtype: str) -> str:
    return f"{_base}mention/{short_hash(doc_id, start, end, mtype)}"


def claim(doc_id: str, start: int, end: int, actor_id: str, action: str) -> str:
    return f"{_base}claim/{short_hash(doc_id, start, end, actor_id, action)}"



def delivery(claim_iri: str) -> str:
    """The delivery finding of a commitment, in the ``delivery`` graph: ``<claim>#delivery``."""
    return f"{claim_iri}#delivery"

def geonames(geonameid: int) -> str:
    """The GeoNames IRI of a place (not minted here: GeoNames' own semantic-web IRI).

    >>> geonames(2998324)
    'https://sws.geonames.org/2998324/'
    """
    return f"https://sws.geonames.org/{int(geonameid)}/"


def graph(name: str) -> str:
    """Named graphs other than documents: ``entities``, ``build``."""
    return f"{_base}graph/{quote(slugify(name))}"


def build(fingerprint: str) -> str:
    return f"{_base}build/{fingerprint}"


def software(name: str, version: str) -> str:
    return f"{_base}software/{slugify(name)}-{slugify(version)}"
