"""Bounds on inputs: special files never opened, size and text limits, symlinks, names that
are not UTF-8, files reached twice; each refusal is one coded line and the others are built."""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import PlangraphError
from extractor.ingest import bounds
from extractor.ingest.bounds import FILE_BYTES_VAR, TEXT_CHARS_VAR, Limits, file_digest
from extractor.ingest.documents import collect_paths, document_id, iter_documents, read_document
from extractor.records import Document

PROSE = "Le préfet a présenté le plan avec les partenaires de la Ville de Paris.\n"


@pytest.fixture(autouse=True)
def never_hang() -> Iterator[None]:
    """A reader that opens a FIFO blocks forever: turn that into a failure, not a hang."""
    def stop(signum: int, frame: object) -> None:
        raise AssertionError("a read blocked: the file was opened")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def refusal(path: Path, root: Path) -> PlangraphError:
    with pytest.raises(PlangraphError) as info:
        read_document(path, root)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"[{info.value.code}] ")
    return info.value


def built(results: list[Document | PlangraphError]) -> list[str]:
    return [r.id for r in results if isinstance(r, Document)]


def codes(results: list[Document | PlangraphError]) -> list[str]:
    return [r.code for r in results if isinstance(r, PlangraphError)]


def test_fifo_is_skipped_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write(tmp_path / "good.txt", PROSE)
    error = refusal(tmp_path / "pipe.txt", tmp_path)
    assert error.code == "E042" and "pipe.txt" in str(error) and "named pipe" in str(error)
    results = list(iter_documents([tmp_path]))
    assert codes(results) == ["E042"] and built(results) == ["good.txt"]


def test_symlink_to_a_device_is_skipped(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    error = refusal(tmp_path / "zero.txt", tmp_path)
    assert error.code == "E042" and "character device" in str(error)


def test_file_over_the_size_limit_is_refused_alone(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FILE_BYTES_VAR, "500")
    write(tmp_path / "big.txt", PROSE * 10)
    write(tmp_path / "small.txt", PROSE)
    results = list(iter_documents([tmp_path]))
    assert codes(results) == ["E040"] and built(results) == ["small.txt"]
    assert "big.txt" in str(results[0]) and "limit is 500" in str(results[0])


def test_extracted_text_over_the_limit_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A small file can expand (entities, compressed PDF streams): the text has its own cap."""
    monkeypatch.setenv(TEXT_CHARS_VAR, "200")
    page = write(tmp_path / "page.html", "<p>" + "&eacute;t&eacute; " * 60 + "</p>")
    assert page.stat().st_size < 1200
    error = refusal(page, tmp_path)
    assert error.code == "E041" and "200 characters" in str(error)


def test_limits_default_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FILE_BYTES_VAR, raising=False)
    monkeypatch.setenv(TEXT_CHARS_VAR, "not a number")
    assert Limits.from_env() == Limits(bounds.DEFAULT_MAX_FILE_BYTES,
                                       bounds.DEFAULT_MAX_TEXT_CHARS)


def test_name_that_is_not_utf8_is_refused_alone(tmp_path: Path) -> None:
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    write(bad, PROSE)
    write(tmp_path / "good.txt", PROSE)
    pairs = collect_paths([tmp_path])
    assert len(pairs) == 2
    assert document_id(bad, tmp_path).encode("utf-8") == b"caf\\xe9.txt"
    results = list(iter_documents([tmp_path]))
    assert codes(results) == ["E043"] and built(results) == ["good.txt"]
    assert "caf\\xe9.txt" in str(results[0])
    str(results[0]).encode("utf-8")  # printable and storable


def test_symlink_leaving_the_root_is_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside/secret.txt", PROSE)
    docs = tmp_path / "docs"
    write(docs / "good.txt", PROSE)
    os.symlink(outside, docs / "escape.txt")
    os.symlink(tmp_path / "outside", docs / "elsewhere")
    assert [p.name for p, _ in collect_paths([docs])] == ["escape.txt", "good.txt"]
    error = refusal(docs / "escape.txt", docs)
    assert error.code == "E044" and "escape.txt" in str(error)


def test_symlink_inside_the_root_is_read(tmp_path: Path) -> None:
    write(tmp_path / "a/doc.txt", PROSE)
    os.symlink(tmp_path / "a/doc.txt", tmp_path / "b.txt")
    assert read_document(tmp_path / "b.txt", tmp_path).text == PROSE.strip()


def test_file_reached_twice_is_listed_once(tmp_path: Path) -> None:
    write(tmp_path / "docs/a.txt", PROSE)
    write(tmp_path / "docs/sub/b.txt", PROSE)
    os.symlink(tmp_path / "docs/sub/b.txt", tmp_path / "docs/0-link.txt")
    pairs = collect_paths([tmp_path / "docs", tmp_path / "docs/sub", tmp_path / "docs/a.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p, _ in pairs] == ["docs/a.txt",
                                                                      "docs/sub/b.txt"]


def test_file_is_opened_once_and_digest_matches(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", PROSE)
    opened: list[str] = []
    real_open = os.open

    def counting_open(name: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        opened.append(os.fspath(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bounds.os, "open", counting_open)
    document = read_document(path, tmp_path)
    assert opened == [str(path)]
    assert document.sha256 == hashlib.sha256(PROSE.encode()).hexdigest()
    assert file_digest(path, tmp_path) == document.sha256


def test_digest_never_opens_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(PlangraphError) as info:
        file_digest(tmp_path / "pipe.txt", tmp_path)
    assert info.value.code == "E042"
