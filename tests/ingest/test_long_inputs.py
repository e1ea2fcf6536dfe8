"""Long inputs: the header scans read a bounded prefix of each line, the shared finders keep
their answers with run-anchored patterns, and the garbage check counts what it did."""

from __future__ import annotations

import pytest

from extractor.errors import PlangraphError
from extractor.ingest import metadata
from extractor.ingest.decoding import decode_bytes
from extractor.ingest.offsets import aligned_edits
from extractor.ingest.repair import repair
from extractor.text.numbers import blocked_spans


def test_header_dates_read_a_bounded_prefix_of_a_long_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = metadata.find_dates

    def recording(text: str, lang: str, *args: object) -> list[object]:
        seen.append(len(text))
        return real(text, lang, *args)  # type: ignore[arg-type, return-value]

    monkeypatch.setattr(metadata, "find_dates", recording)
    meta = metadata.detect_metadata("Le 27 mai 2019, " + "a" * 300_000, "fr")
    assert meta["published"] == "2019-05-27"
    assert seen and max(seen) <= metadata.LINE_SCAN


def test_blocked_spans_keep_their_answers() -> None:
    text = ("Écrire à presse.ville@paris.fr, voir ville.paris.fr, "
            "tél. 01 42 76 40 40, Prefet75.")
    found = [text[start:end] for start, end in blocked_spans(text)]
    assert found == ["presse.ville@paris.fr", "ville.paris.fr", "01 42 76 40 40", "Prefet75"]
    assert blocked_spans("a." * 50_000) == [] and blocked_spans("a" * 100_000) == []


@pytest.mark.parametrize(
    ("data", "garbage"),
    [
        pytest.param("région\tÎle\f\r\n".encode() * 50, False, id="text-with-layout-controls"),
        pytest.param(b"ok " * 90 + b"\x01\x02\x0b" * 10, True, id="ascii-controls"),
        pytest.param(("ok " * 90 + "\ue000\ufffd\x85" * 10).encode(), True, id="non-ascii-junk"),
    ],
)
def test_garbage_share_counts_controls(data: bytes, garbage: bool) -> None:
    if garbage:
        with pytest.raises(PlangraphError):
            decode_bytes(data)
    else:
        assert decode_bytes(data).startswith("région")


def test_mojibake_edits_follow_non_ascii_runs() -> None:
    line = "la rÃ©gion Ã®le-de-France " * 400
    fixed = "la région île-de-France " * 400
    edits = aligned_edits(line, fixed, 7)
    assert len(edits) == 800 and edits[0] == (11, 13, "é", 11)
    text, offsets = repair(line)
    assert text == fixed.strip()
    index = text.rindex("île")
    assert line[offsets.to_original(index) : offsets.to_original(index) + 2] == "Ã®"


def test_alignment_falls_back_when_ascii_changes() -> None:
    assert aligned_edits("abc", "abd") == [(2, 3, "d", 2)]
    long_old, long_new = "a" * 3000, "b" * 3000
    assert aligned_edits(long_old, long_new, 5) == [(5, 3005, long_new, 5)]
