"""Progress bar (rich, only on a terminal), the one-paragraph build summary, and the
``build`` command's options on how to run, gathered into one :class:`RunOptions`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

import click


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


@dataclass(frozen=True)
class RunOptions:
    """How ``plangraph build`` runs, not what it builds: five options that travel together
    to :func:`extractor.build.run.build`, so the command takes them as one value. The
    fields are named as in that function's ``BuildSettings`` (``cache`` is not --no-cache).
    """

    jobs: int = 1
    executor: str = "local"
    scheduler: str | None = None
    cache: bool = True
    overlap: bool | None = None

    def settings(self) -> dict[str, Any]:
        """The keyword settings of :func:`extractor.build.run.build`."""
        return asdict(self)


_RUN_OPTIONS = (
    click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
                 help="Extraction processes (outputs are identical to a serial build)."),
    click.option("--overlap/--no-overlap", default=None,
                 help="With one job: extract in a helper process's workers while the "
                      "outputs are written [default: on with two cores or more]."),
    click.option("--executor", default="local", show_default=True,
                 type=click.Choice(["local", "dask"]),
                 help="Where extraction runs: this machine, or Dask distributed workers."),
    click.option("--scheduler", default=None,
                 help="Dask scheduler address (tcp://host:8786); a local cluster when omitted."),
    click.option("--no-cache", is_flag=True,
                 help="Re-extract every document (ignore OUT/.cache)."),
)


def run_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the options of :data:`_RUN_OPTIONS`, handed to it as one ``run``
    argument (a :class:`RunOptions`) instead of five loose parameters."""

    @functools.wraps(command)
    def wrapper(*, jobs: int, executor: str, scheduler: str | None, no_cache: bool,
                overlap: bool | None, **kwargs: Any) -> None:
        run = RunOptions(jobs=jobs, executor=executor, scheduler=scheduler,
                         cache=not no_cache, overlap=overlap)
        command(run=run, **kwargs)

    decorated: Callable[..., None] = wrapper
    for option in reversed(_RUN_OPTIONS):  # click lists the last-applied option first
        decorated = option(decorated)
    return decorated
