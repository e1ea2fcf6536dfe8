"""Nothing replaced by nothing: a build with no document fails and keeps the previous one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.build.run import build
from extractor.cli import cli
from extractor.errors import PlangraphError
from tests.build.fakes import use_fake_extraction, write_doc


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every output as bytes, read through the documented paths."""
    files = sorted(p for p in out.iterdir() if p.name.endswith((".nq", ".json", ".jsonl", ".csv")))
    return {p.name: p.read_bytes() for p in files}


@pytest.fixture
def previous(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A good build in ``out``."""
    use_fake_extraction(monkeypatch)
    write_doc(tmp_path / "in" / "plan.txt")
    out = tmp_path / "out"
    assert build([tmp_path / "in"], out, overlap=False).documents == ["plan.txt"]
    return out


def _empty_folder(tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return tmp_path / "empty"


def _all_bad(tmp_path: Path) -> Path:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "blank.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bad" / "noise.txt").write_bytes(bytes(range(256)) * 8)
    return tmp_path / "bad"


@pytest.mark.parametrize(("make", "code"), [
    (lambda tmp: tmp / "no-such-folder", "E050"),
    (_empty_folder, "E052"),
    (_all_bad, "E053"),
], ids=["missing", "empty", "every-document-failed"])
def test_no_document_keeps_the_previous_outputs(previous: Path, tmp_path: Path, make, code):
    before = _snapshot(previous)
    target = previous.resolve() / "store"
    with pytest.raises(PlangraphError) as excinfo:
        build([make(tmp_path)], previous, overlap=False)
    assert excinfo.value.code == code and "\n" not in str(excinfo.value)
    assert _snapshot(previous) == before
    assert (previous / "store").resolve() == target.resolve()
    assert not list(previous.glob(".staging-*"))


def test_a_missing_path_among_good_ones_stops_the_build(previous: Path, tmp_path: Path):
    before = _snapshot(previous)
    with pytest.raises(PlangraphError) as excinfo:
        build([tmp_path / "in", tmp_path / "typo"], previous, overlap=False)
    assert excinfo.value.code == "E050" and "typo" in str(excinfo.value)
    assert _snapshot(previous) == before


def test_the_command_exits_non_zero(previous: Path, tmp_path: Path):
    before = _snapshot(previous)
    result = CliRunner().invoke(cli, ["build", str(_empty_folder(tmp_path)), "--out",
                                      str(previous), "--quiet", "--no-overlap"])
    assert result.exit_code != 0 and "[E052]" in result.output
    assert _snapshot(previous) == before
