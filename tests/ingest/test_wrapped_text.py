"""Hard-wrapped plain text (a wire dispatch, an e-mailed release): its line ends inside
sentences become spaces in the repaired text, so a name cut by the wrap is one name again
and its sentence one sentence (extractor/ingest/wrapping.py, from ingest/repair.py)."""

from __future__ import annotations

from extractor.ingest.repair import repair
from tests.claims.test_named_errors import claims_of

DISPATCH = (
    "LYON, March 3 (Reuters) - Regional Health Minister Marianne\n"
    "Dufresnoy said on Tuesday the agency would open four new\n"
    "addiction care centres in the city before the end of the year,\n"
    "calling the situation in the district \"untenable\".\n"
    "The city council voted a budget for the centres last month.\n"
    "\"We will not leave these people on the street,\" Dufresnoy\n"
    "told France Inter radio, adding that 40 beds would follow\n"
    "and that the prefect had backed the plan on Monday.\n"
)

PAGE = (
    "Accueil\nActualités\nContact\n"
    "Le conseil municipal a voté le budget des crèches de la ville pour l'année 2025\n"
    "La métropole lance une consultation publique sur les pistes cyclables du centre\n"
    "Le département ouvre un nouveau collège à la rentrée prochaine dans le nord\n"
    "La région finance la rénovation de trois lycées professionnels de l'agglomération\n"
)


def test_a_wrapped_dispatch_has_its_names_and_sentences_joined() -> None:
    text, offsets = repair(DISPATCH)
    assert "Minister Marianne Dufresnoy said" in text
    assert "Dufresnoy told France Inter" in text
    assert "untenable\".\nThe city council" in text  # a line the writer ended stays ended
    assert len(text) == len(DISPATCH.rstrip("\n"))  # one character for one: offsets hold
    assert DISPATCH[offsets.to_original(text.index("Dufresnoy said"))] == "D"


def test_lines_that_are_paragraphs_or_headlines_stay_lines() -> None:
    text, _ = repair(PAGE)
    assert text.count("\n") == PAGE.rstrip("\n").count("\n")


def test_the_speaker_cut_by_a_wrap_is_the_one_quoted() -> None:
    claims = claims_of(repair(DISPATCH)[0], lang="en")  # the text a build reads
    said = [c for c in claims if c.quote.startswith("\"We will not leave") and c.kind == "statement"]
    assert said and all(c.actor in ("Marianne Dufresnoy", "Dufresnoy") for c in said)
    assert not any(c.actor == "France Inter" for c in claims)
