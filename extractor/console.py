"""Progress bar (rich, only on a terminal) and the one-paragraph build summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Callable[[str], None]]:
    """Yield an ``advance(name)`` callback; a no-op when not a terminal."""
    if not enabled:
        yield lambda _name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("extracting", total=total or None)
        yield lambda name: bar.update(task, advance=1, description=name[-40:])


def summary(report: Any) -> str:
    """Documents, mentions by type, entities, claims, triples, named graphs, seconds."""
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(report.mentions.items())) or "none"
    lines = [
        f"documents: {len(report.documents)} built, {len(report.errors)} failed"
        + (" (outputs up to date: nothing rewritten)" if report.up_to_date else ""),
        f"mentions: {sum(report.mentions.values())} ({by_type})",
        f"entities: {report.entities}",
        f"claims: {report.claims}",
        f"triples: {report.triples} in {report.graphs} named graphs",
        f"seconds: {report.seconds:.1f}",
        f"outputs: {report.out_dir}",
    ]
    return "\n".join(lines)
