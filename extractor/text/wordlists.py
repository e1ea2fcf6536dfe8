"""Word lists of every language at once, for rules that do not depend on the text's language.

A name key must be the same in every document ("la Ville de Paris" and "the Ville de Paris"
are one entity) and French names travel into English texts ("the Porte de la Villette"):
such rules read the words of all languages together. Each language's words stay in its own
data file (``ontology/lang/<lang>.yaml``, or a per-language section ``{fr: […], en: […]}``
of a topical file such as ``ontology/lang/claims.yaml``), so a new language adds its words
by adding data.
"""

from __future__ import annotations

from functools import cache

from extractor.knowledge import languages, load_yaml, terms


@cache
def every_language(section: str) -> tuple[str, ...]:
    """The word list ``section`` of every configured language's lexicon, language after
    language (in code order), each word once and in its file order."""
    return tuple(dict.fromkeys(w for lang in sorted(languages()) for w in terms(section, lang)))


@cache
def per_language(relative: str, section: str) -> dict[str, tuple[str, ...]]:
    """A per-language section ``{lang: [words]}`` of ``ontology/<relative>``, as tuples."""
    data = load_yaml(relative)
    value = data.get(section) if isinstance(data, dict) else None
    if not isinstance(value, dict):
        return {}
    return {str(lang): tuple(str(w) for w in words or ()) for lang, words in value.items()
            if isinstance(words, list)}


@cache
def all_languages(relative: str, section: str) -> tuple[str, ...]:
    """The words of a per-language section of ``ontology/<relative>`` for every language it
    lists, language after language in file order, each word once and in its file order."""
    return tuple(dict.fromkeys(w for words in per_language(relative, section).values()
                               for w in words))
