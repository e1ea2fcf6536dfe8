"""Organisations named with a head noun: "l'association Aurore", "the Oppelia association",
"du groupe Bridge", "Environmental group FNE" — the head (``org_heads``, ``company_heads``)
says a body is named, the capitalised words beside it are its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from extractor.mentions.naming import (
    Found,
    all_folded,
    appositive_name_key,
    lexicon_data,
    lexicon_words,
    strip_determiner,
    time_words,
)
from extractor.text.fold import fold, fold_keep_case
from extractor.text.wordlists import per_language

_LEXICON = "lang/actors.yaml"


def _in_order(words: Iterable[str] | None) -> str:
    """Alternation of words in the given order (the regex tries them in turn), a space
    matching any run of spaces; never matches when empty."""
    out = [re.escape(str(w)).replace(r"\ ", r"\s+") for w in words or ()]
    return "|".join(out) or r"(?!x)x"


@cache
def _name_pattern() -> str:
    """A capitalised name on folded text: not opened by a determiner, its capitalised words
    joined by particles ("Fondation de France")."""
    firsts = (w[:1].upper() + w[1:] for w in all_folded("name_non_starts"))
    words = all_folded("name_particles")
    spaced = _in_order(w for w in words if not w.endswith(("'", "’")))
    elided = _in_order(w for w in words if w.endswith(("'", "’")))
    # particles only between capitalised words, an elided one glued to the next ("Soleil
    # d'Hiver"); never at the end ("la Fondation de France et …")
    # and a department's number that ends an association's name ("Espérer 95", "Anti-crack
    # 93"), not a figure ("… 95 000 euros", "… 93 %")
    return (rf"(?!(?:{_in_order(firsts)})\b)[A-ZÀ-Ý][\w'’-]+"
            rf"(?:\s+(?:(?:{spaced})\s+)*(?:{elided})?[A-ZÀ-Ý][\w'’-]+)*"
            r"(?:\s[0-9][0-9AB]\d?(?![\w,.%€]|\s*[\d%€]))?")


@cache
def _org_head_re(lang: str) -> re.Pattern[str]:
    heads = sorted(lexicon_words("org_heads", lang) | lexicon_words("company_heads", lang),
                   key=len, reverse=True)
    alt = "(?i:" + "|".join(re.escape(h) for h in heads) + ")"
    name = _name_pattern()
    links = all_folded("head_links")
    spaced = _in_order(w for w in links if not w.endswith(("'", "’")))
    elided = _in_order(w for w in links if w.endswith(("'", "’")))
    # a name may open with a number ("la fondation 30 Millions d'Amis"); no head after a "-"
    number = r"(?:\d{1,4}(?:[ \u00a0]\d{3})*[ \u00a0]+(?=[A-ZÀ-Ý]))?"
    after = rf"(?<![\w-])(?:{alt})\s+(?:(?:{spaced})\s+|{elided})?(?P<name2>{number}{name})"
    if (lexicon_data().get("head_after_name") or {}).get(lang) is True:
        openers = per_language(_LEXICON, "head_after_name_openers").get(lang)
        opener = rf"(?:(?:{_in_order(map(fold, openers))})\s+)?" if openers else ""
        # "French Federation of Physicians": the name goes on after the head
        tail = rf"(?:\s+(?:{spaced})\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*)?"
        return re.compile(rf"\b{opener}(?P<name>{name})\s+(?:{alt})\b{tail}|{after}")
    return re.compile(after)


def head_rule_found(text: str, lang: str) -> list[Found]:
    """Organisations named with a head noun: "l'association Aurore", "the Oppelia association"."""
    out = []
    folded = fold(text)
    capital_heads = lexicon_words("capitalised_heads", lang)
    for m in _org_head_re(lang).finditer(fold_keep_case(text)):
        group = "name2" if m.group("name2") else "name"
        if not text[m.start(group):m.end(group)].lstrip("0123456789 \u00a0")[:1].isupper():
            continue
        head = folded[m.start():m.end()].split()[0]
        if head in capital_heads and not text[m.start()].isupper():
            continue  # "la ville de Marseille" is the place; "la Ville de Marseille" governs it
        start, end = strip_determiner(text, m.start(), m.end())
        if group == "name" and (named := _named_after(text, m.end(), lang)) is not None:
            out.append(Found("Organization", *named, None, "rule"))
            continue  # "Environmental group FNE", "defence group Eurenco": the name after
        if head in lexicon_words("company_heads", lang) and (text[m.start()].islower() or _opens(
                text, m.start())) or (group == "name" and _company_after(folded, m, lang)):
            # "du groupe Bridge", "the Bridge group": the name alone, right after the head
            if group == "name2" and len(folded[m.start():m.start(group)].split()) > 1:
                continue
            start, end = m.start(group), m.end(group)
        key, source = appositive_name_key(text, m, group), "rule"
        if key is not None and group == "name2" and head in lexicon_words(
                "appositive_heads", lang):
            # "l'association Vélo-Cité": the name is what the head qualifies, a body's name
            # by that head whatever else could read it (a hyphenated place)
            start, end, source = m.start(group), m.end(group), "rule:head"
        out.append(Found("Organization", start, end, key, source))
    return out


def _opens(text: str, start: int) -> bool:
    """Whether a sentence or a line opens at ``start`` (a head capitalised only there:
    "Carmaker Renault will close …")."""
    last = text[max(0, start - 8):start].rstrip(" \t")[-1:]
    return last in (".", "!", "?", "\n") or not last and start <= 8


def _company_after(folded: str, m: re.Match[str], lang: str) -> bool:
    """Whether the head after a name is a company's, in lower case ("the Bridge group")."""
    after = folded[m.end("name"):m.end()].split()
    return bool(after) and after[0] in lexicon_words("company_heads", lang) and \
        m.string[m.end("name"):m.end()].strip()[:1].islower()


def _named_after(text: str, end: int, lang: str) -> tuple[int, int] | None:
    """The name right after a head that a capitalised word before it opens ("Environmental
    group FNE", "Defence group Eurenco"): that word described the body the name after the
    head names; not a day or a month ("the Socialist group Tuesday")."""
    found = re.match(rf"[ \u00a0]({_name_pattern()})", fold_keep_case(text[end:end + 80]))
    if found is None or fold(found.group(1).split()[0]) in time_words(lang):
        return None
    return end + found.start(1), end + found.end(1)


__all__ = ["head_rule_found"]
