"""A person's gender as the text shows it, so that a pronoun of the other gender does not
stand for them ("François Dagnaud a dénoncé le camp. … elle avait dénoncé" is someone else;
"Jean Castex va venir …, et elle devrait correspondre" is the subsidy, not Castex).

Only what the text itself says counts: a listed given name (``ontology/lang/given_names.yaml``)
or an honorific ("Mme", "Mr"); a name the lists do not know, or worn by both, agrees with
any pronoun, as before.
"""

from __future__ import annotations

from functools import cache

from extractor.claims.sentences import Tok, lex
from extractor.knowledge import load_yaml
from extractor.text.fold import fold


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    """(female names, epicene names, every listed name, honorific → gender), folded."""
    data = load_yaml("lang/given_names.yaml") or {}
    female = frozenset(fold(str(n)) for n in data.get("female") or [])
    epicene = frozenset(fold(str(n)) for n in data.get("epicene") or [])
    names = frozenset(fold(str(n)) for n in data.get("names") or []) | female | epicene
    honorifics = {fold(str(h)): gender for gender, items in
                  (data.get("honorific_genders") or {}).items() for h in items or []}
    return female, epicene, names, honorifics


def person_gender(name: str) -> str | None:
    """"female", "male" or None (not known) for a person's name as written."""
    female, epicene, names, honorifics = _lists()
    first = name.split()[0] if name.split() else ""
    if fold(first) in honorifics:
        return honorifics[fold(first)]
    given = fold(first.split("-")[0])
    if given in female:
        return "female"
    return "male" if given in names and given not in epicene else None


def gender_agrees(pronoun: str, name: str, lang: str) -> bool:
    """Whether a pronoun can stand for the person of that name."""
    genders = lex("pronoun_genders", lang) or {}
    said = genders.get(fold(pronoun)) if isinstance(genders, dict) else None
    known = person_gender(name)
    return said is None or known is None or said == known


def title_gender(before: Tok | None, title: Tok, lang: str) -> str | None:
    """The gender a bare title shows: by its determiner (``before``: "la ministre", "le
    préfet"), else by a feminine form ("l'élue", "la préfète"); None when neither shows it
    (English)."""
    if not lex("determiner_genders", lang):
        return None
    said = determiner_gender(before.text, lang) if before is not None and before.pos == "DET" \
        else None
    return said or ("female" if title.feat("Gender") == "Fem" else None)


def determiner_gender(determiner: str, lang: str) -> str | None:
    """The gender a title's determiner shows, as written before it ("selon la ministre")."""
    genders = lex("determiner_genders", lang) or {}
    return genders.get(fold(determiner.strip())) if isinstance(genders, dict) else None


__all__ = ["determiner_gender", "gender_agrees", "person_gender", "title_gender"]
