"""A verb inside a quotation is not the verb of a name after the quotation, whatever the
parser made of the name: in "« Je vais solliciter le collège », dit-il dans une interview au
quotidien Le Progrès" the parser may make the daily the subject of "vais"; the daily did
not speak (extractor/claims/triggers.py, ``dep_predicate``)."""

from __future__ import annotations

from extractor.claims.sentences import Sentence, Tok
from extractor.claims.triggers import dep_predicate
from extractor.records import Mention

# (text, lemma, pos, dep, head) as the small French model parsed a sentence of a dispatch
_PARSE = [("«", "«", "PUNCT", "punct", 2), ("Je", "je", "PRON", "nsubj", 2),
          ("vais", "aller", "VERB", "ROOT", 2), ("solliciter", "solliciter", "VERB", "xcomp", 2),
          ("le", "le", "DET", "det", 5), ("collège", "collège", "NOUN", "obj", 3),
          ("»", "»", "PUNCT", "punct", 2), (",", ",", "PUNCT", "punct", 2),
          ("dit", "dire", "VERB", "parataxis", 2), ("-il", "il", "PRON", "nsubj", 8),
          ("au", "au", "ADP", "case", 11), ("quotidien", "quotidien", "NOUN", "nmod", 8),
          ("Le", "le", "DET", "det", 13), ("Progrès", "progrès", "PROPN", "nsubj", 2)]


def _toks(parse: list[tuple[str, str, str, str, int]]) -> list[Tok]:
    out, at = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(parse):
        out.append(Tok(i, at, at + len(text), text, lemma, pos, dep, head, ""))
        at += len(text) + 1
    return out


def test_a_name_after_a_quotation_is_not_the_subject_of_a_verb_inside_it() -> None:
    toks = _toks(_PARSE)
    unit = Sentence(0, toks[-1].end, 0, len(toks), False)
    daily = Mention(document="t.txt", type="Organization", text="Le Progrès", start=toks[12].start,
                    end=toks[13].end)
    assert dep_predicate(toks, unit, (daily,)) is None


def test_the_same_parse_without_quotation_marks_keeps_the_name_s_verb() -> None:
    # a guard: the parse's subject link is still read when no quotation stands between
    toks = _toks([("—" if w in ("«", "»") else w, lem, p, d, h) for w, lem, p, d, h in _PARSE])
    unit = Sentence(0, toks[-1].end, 0, len(toks), False)
    name = Mention(document="t.txt", type="Organization", text="Le Progrès",
                   start=toks[12].start, end=toks[13].end)
    assert dep_predicate(toks, unit, (name,)) == 2
