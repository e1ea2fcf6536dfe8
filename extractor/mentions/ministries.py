"""Ministries named by their portfolios alone, several at once.

The press names the ministers or ministries of a joint action by listing their portfolios:
"accompagné des ministres des Comptes publics, de la Justice", "the ministries: Interior,
Justice, Armed Forces". Each portfolio is a mention of its ministry (an unnamed office-holder
is a mention of the body, ``shared/ANNOTATION.md``): the first with its plural head ("ministres
des Comptes publics"), the next ones as written ("Justice"). A portfolio is one the registry
knows: the singular head, a link word and the portfolio make one of its ministries' names or
offices ("ministre des Comptes publics"), or the opening of one only ("ministère de l'Europe"
of "ministère de l'Europe et des Affaires étrangères"). The words are in
``ontology/lang/actors.yaml`` (``portfolio_plurals``, ``portfolio_heads``, ``portfolio_links``,
``portfolio_joins``).

A ministry renamed by a new government is also named by portfolios the registry does not
know together ("le ministère de l'Aménagement du territoire et de la Transition écologique"):
``joint_ministries`` makes it a mention of the ministry of a portfolio the registry knows.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from extractor.mentions.naming import Found, lexicon_words
from extractor.mentions.registry import load_registry
from extractor.text.fold import fold
from extractor.text.patterns import alternation
from extractor.text.wordlists import per_language

_LEXICON = "lang/actors.yaml"


def _words(section: str, lang: str) -> tuple[str, ...]:
    return per_language(_LEXICON, section).get(lang, ())


@cache
def _list_re(lang: str) -> re.Pattern[str]:
    """A plural head, then portfolios joined by commas and "et"/"and", each opened by a link
    word (French) or written bare after a colon or an opening quote."""
    links = alternation(_words("portfolio_links", lang))
    joins = alternation(_words("portfolio_joins", lang))
    plurals = alternation(_words("portfolio_plurals", lang))
    linked = rf"(?:(?:{links})\s*)?"
    # a portfolio: a capitalised word and up to two lower-case words after it ("Comptes
    # publics"), or two joined ("Europe et Affaires étrangères")
    lower = rf"(?:\s+(?!(?:{joins})\s)[a-zà-ÿ][\w’'-]*)"
    word = r"[A-ZÀ-Ý][\w’'-]*"
    portfolio = rf"{word}{lower}{{0,2}}(?:\s+(?:{joins})\s+{word}{lower}?)?"
    return re.compile(
        rf"(?<![\w-])(?P<head>(?i:{plurals}))(?:\s*:\s*[«\"“]?\s*|\s+)(?P<items>{linked}"
        rf"{portfolio}(?:(?:\s*,\s*|\s+(?:{joins})\s+){linked}{portfolio})+)")


@cache
def ministry_of(portfolio: str, lang: str) -> str | None:
    """The registry ministry whose name or office is a head, a link and ``portfolio``
    ("Comptes publics" → the economy ministry, by "ministre des Comptes publics"), else the one
    ministry whose name opens so; None for a word that is no portfolio.

    >>> ministry_of("Justice", "fr")
    'ministere-de-la-justice'
    """
    registry = load_registry()
    candidates = _named(portfolio, _words("portfolio_heads", lang), lang)
    opened: set[str] = set()
    for candidate in candidates:
        for hit in registry.find(candidate):
            if hit.start == 0 and hit.end == len(candidate):
                return hit.actor
        opened |= _opening(candidate + " ")
    return opened.pop() if len(opened) == 1 else None


def _opening(prefix: str) -> set[str]:
    """The organisations one of whose names opens with ``prefix``: a binary search of the
    sorted names instead of a scan of all of them for each portfolio (a tenth of the rules'
    time on news of many subjects, where each text asks about new portfolios)."""
    names = _ministry_names()
    out: set[str] = set()
    for i in range(bisect.bisect_left(names, (prefix, "")), len(names)):
        if not names[i][0].startswith(prefix):
            break
        out.add(names[i][1])
    return out


@cache
def _ministry_names() -> tuple[tuple[str, str], ...]:
    """(folded name, actor) of every name and office of the registry's organisations,
    sorted."""
    return tuple(sorted((fold(n).replace("’", "'"), a.id) for a in load_registry().actors.values()
                        if a.type == "Organization" for n in a.names() + a.offices))


def portfolio_lists(text: str, lang: str) -> list[Found]:
    """Each portfolio of a list after a plural head ("les ministres des Comptes publics, de la
    Justice"; "ministères : « Intérieur, Justice, Armées »") keyed as its ministry; a list
    only where its first two portfolios are ministries, up to the first that is none."""
    links = _words("portfolio_links", lang)
    joins = alternation(_words("portfolio_joins", lang))
    link_re = re.compile(rf"(?:{alternation(links)})\s*") if links else None
    out: list[Found] = []
    for m in _list_re(lang).finditer(text):
        found: list[Found] = []
        start = m.start("items")
        for part in re.split(rf"(\s*,\s*|\s+(?:{joins})\s+(?=(?:{alternation(links)})\s*))",
                             m.group("items")):
            end = start + len(part)
            opened = link_re.match(part) if link_re else None
            s = start + (opened.end() if opened else 0)
            if part.strip(", ") and part.strip() not in _words("portfolio_joins", lang):
                resolved = _resolved(text, s, end, lang)
                if resolved is None:
                    break
                found.append(Found("Organization", m.start("head") if not found and opened
                                   else s, resolved[1], resolved[0], "registry:office"))
            start = end
        if len(found) >= 2:
            out.extend(found)
    return out


@cache
def _joint_re(lang: str) -> re.Pattern[str]:
    """A singular head, then two portfolios or more joined by "et"/"and", each opened by a
    link word ("ministère de l'Aménagement du territoire et de la Transition écologique")."""
    heads = alternation(_words("portfolio_heads", lang))
    links = alternation(_words("portfolio_links", lang))
    joins = alternation(_words("portfolio_joins", lang))
    portfolio = rf"(?:(?:{links})\s*)?{_portfolio(lang)}"
    return re.compile(rf"(?<![\w-])(?i:{heads})\s+{portfolio}(?:\s*,\s*{portfolio})*"
                      rf"(?:\s+(?:{joins})\s+{portfolio})+")


def _portfolio(lang: str) -> str:
    """A portfolio as a title or a name writes it: a capitalised word and up to three
    lower-case words after it, none of them the language's "and"."""
    joins = alternation(_words("portfolio_joins", lang))
    return rf"[A-ZÀ-Ý][\w’'-]*(?:\s+(?!(?:{joins})\s)[a-zà-ÿ][\w’'-]*){{0,3}}"


def joint_ministries(text: str, lang: str) -> list[Found]:
    """A ministry named by several portfolios that the registry does not know as one name
    ("le ministère de l'Aménagement du territoire et de la Transition écologique"):
    ministries are renamed with every government. The name, up to its last portfolio the
    registry knows, is a mention of the ministry of the first portfolio it knows by a whole
    name (the Ecological Transition), else of the first it knows at all."""
    links = alternation(_words("portfolio_links", lang))
    joins = alternation(_words("portfolio_joins", lang))
    out: list[Found] = []
    for m in _joint_re(lang).finditer(text):
        head = re.match(r"\S+\s+", m.group(0))
        start = m.start() + (head.end() if head else 0)
        cuts = [(c.start(), c.end()) for c in re.finditer(
            rf"\s*,\s*|\s+(?:{joins})\s+", text[start:m.end()])]
        bounds = zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [m.end() - start],
                     strict=True)
        found: list[tuple[str, int, bool]] = []
        for lo, hi in bounds:
            opened = re.match(rf"(?:{links})\s*", text[start + lo:start + hi])
            first = start + lo + (opened.end() if opened else 0)
            resolved = _resolved(text, first, start + hi, lang)
            if resolved is not None:
                found.append((*resolved, _whole_name(head.group(0) if head else "",
                                                     text[first:resolved[1]], lang)))
        if len(found) >= 2:
            key = next((k for k, _, whole in found if whole), found[0][0])
            office = head is not None and fold(head.group(0).strip()) in lexicon_words(
                "role_heads", lang)  # "la ministre de …": an office of the ministry
            out.append(Found("Organization", m.start(), found[-1][1], key,
                             "registry:office" if office else "registry:name"))
    return out


@cache
def _office_re(lang: str) -> re.Pattern[str]:
    """A minister's title by its portfolio, in any wording ("la ministre chargée des
    Transports", "le ministre délégué chargé de la Santé et de la Prévention"): the head, a
    rank (``minister_ranks``), a title's mark (``minister_title_marks``), a name's link, the
    portfolios."""
    heads = alternation(_words("portfolio_heads", lang))
    ranks = alternation(_words("minister_ranks", lang))
    marks = alternation(_words("minister_title_marks", lang))
    links = alternation(_words("portfolio_links", lang))
    joins = alternation(_words("portfolio_joins", lang))
    portfolio = _portfolio(lang)
    more = rf"(?:\s+(?:{joins})\s+(?:(?:{links})\s*)?{portfolio})*"
    # "chargée" then "de la", "for", or a name's link alone ("ministre de la Santé")
    link = rf"(?:(?i:{marks})\s+)?(?:(?i:{links})\s*)?"
    return re.compile(rf"(?<![\w-])(?i:{heads})(?:\s+(?i:{ranks}))?\s+{link}"
                      rf"(?P<portfolio>{portfolio}{more})")


def portfolio_offices(text: str, lang: str) -> list[Found]:
    """A minister named by the title of a portfolio the registry knows, worded as no office
    it lists ("la ministre chargée des Transports" → the transport ministry): an unnamed
    office-holder, a mention of the ministry (``shared/ANNOTATION.md``)."""
    out = []
    for m in _office_re(lang).finditer(text):
        resolved = _resolved(text, m.start("portfolio"), m.end("portfolio"), lang)
        if resolved is not None:
            out.append(Found("Organization", m.start(), resolved[1], resolved[0],
                             "registry:office"))
    return out


def _whole_name(head: str, portfolio: str, lang: str) -> bool:
    """The head as written, a link and the portfolio make a name or office of the registry
    as a whole ("ministère de la Transition écologique")."""
    return any(hit.start == 0 and hit.end == len(c)
               for c in _named(portfolio, (head.strip(),), lang)
               for hit in load_registry().find(c))


def _named(portfolio: str, heads: tuple[str, ...], lang: str) -> list[str]:
    """The folded names a head, a link (or none) and ``portfolio`` make: "ministre des
    Comptes publics", "ministère de la Justice"."""
    return [fold(f"{head} {link}{'' if link.endswith(chr(39)) else ' '}{portfolio}")
            for head in heads for link in _words("portfolio_links", lang) + ("",)]


def _resolved(text: str, start: int, end: int, lang: str) -> tuple[str, int] | None:
    """(ministry, end) of the portfolio written at ``start``, its lower-case words after the
    capitalised one dropped from the end until it names one ("Travail ont signé" → "Travail")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    joins = _words("portfolio_joins", lang)
    for count in range(len(words), 0, -1):
        last = words[count - 1]
        if count < len(words) and words[count].group(0)[:1].isupper():
            break  # only lower-case words are dropped
        if last.group(0) in joins:
            continue
        ministry = ministry_of(" ".join(w.group(0) for w in words[:count]), lang)
        if ministry is not None:
            return ministry, start + last.end()
    # two portfolios of one ministry ("Europe et Affaires étrangères"): its first names it
    first = next((i for i, w in enumerate(words) if w.group(0) in joins), 0)
    ministry = ministry_of(" ".join(w.group(0) for w in words[:first]), lang) if first else None
    return (ministry, end) if ministry is not None else None
