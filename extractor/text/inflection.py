"""The infinitives a verb form's ending suggests, for the lemmas the small models miss.

spaCy's French lemmatizer leaves a verb written like a noun as it is ("demande", "vote",
"réclame" as verbs keep their own form for lemma), so a rule that looks a verb up in a
word list by its lemma misses it. The endings of ``inflections`` in
``ontology/lang/claims.yaml`` ("e" → "er", "ées" → "er", "s" → "" in English) give the
infinitives the form may be of; the claim rules and the mention rules read them alike.
"""

from __future__ import annotations

from functools import lru_cache

from extractor.knowledge import load_yaml
from extractor.text.fold import fold


@lru_cache(maxsize=65536)
def lemma_guesses(lemma: str, text: str, lang: str) -> tuple[str, ...]:
    """The lemma, then the infinitives the form's endings suggest; computed once per lemma
    and form: every rule asks it of the same words many times."""
    out = [lemma]
    word = fold(text)
    data = load_yaml("lang/claims.yaml")
    table = (data.get("inflections") or {}).get(lang) if isinstance(data, dict) else None
    for ending, infinitive in table.items() if isinstance(table, dict) else ():
        ending = fold(str(ending).strip())  # compared as the folded form is
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.append(word[: len(word) - len(ending)] + str(infinitive))
    # "é" and "e" fold alike: each guess once (the lemma may be one of them: callers skip
    # it by place, "pledges" → pledge, pledge, pledg)
    return (lemma, *dict.fromkeys(out[1:]))


__all__ = ["lemma_guesses"]
