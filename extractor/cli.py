"""The ``plangraph`` command: a thin click layer over the library.

Data goes to stdout, progress and errors to stderr. Reading commands (query, text,
entities, serve, push, trace, compare, validate) never import spaCy.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec

import click

from extractor import __version__
from extractor.console import RunOptions, run_options
from extractor.errors import PlangraphError, error

P = ParamSpec("P")
DEFAULT_OUT = Path("graphs")
store_option = click.option("--store", "store_dir", type=click.Path(path_type=Path),
                            default=DEFAULT_OUT / "store", show_default=True,
                            help="On-disk Oxigraph store written by `build`.")
format_option = click.option("--format", "fmt", default="table", show_default=True,
                             type=click.Choice(["table", "csv", "tsv", "json", "xml"]))


def _fail(exc: PlangraphError) -> None:
    click.echo(str(exc), err=True)
    sys.exit(1)


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """A :class:`PlangraphError` ends the command with its one-line message and status 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except PlangraphError as exc:
            _fail(exc)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plangraph")
@click.option("--base", default=None, help="Base IRI for minted resources.")
def cli(base: str | None) -> None:
    """Policy documents in, a provenance-tracked RDF knowledge graph out."""
    if base:
        from extractor import iris

        iris.set_base(base)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Output folder.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any document fails.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@run_options
@reports_errors
def build(paths: tuple[Path, ...], out_dir: Path, strict: bool, quiet: bool,
          run: RunOptions) -> None:
    """Build documents (files or folders; default corpus/) into OUT."""
    from extractor.build.run import build as run_build
    from extractor.console import progress_bar
    from extractor.ingest.documents import collect_paths

    targets = list(paths) or [Path("corpus")]
    try:
        total = len(collect_paths(targets))
    except PlangraphError:
        total = 0
    with progress_bar(total, enabled=not quiet and sys.stderr.isatty()) as advance:
        report = run_build(targets, out_dir, on_error=lambda m: click.echo(m, err=True),
                           progress=advance, **run.settings())
    if not quiet:
        from extractor.console import summary

        click.echo(summary(report), err=True)
    if strict and report.errors:
        sys.exit(2)


@cli.command()
@click.argument("sparql", required=False)
@store_option
@format_option
@click.option("--list", "list_saved", is_flag=True,
              help="List the saved queries: name, question and parameters (for --bind).")
@click.option("--timeout", type=float, default=None, help="Seconds before giving up.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Give a variable a value: an IRI (<…> or http…), a number or a string; "
                   "a document, actor, entity, slug or claim may be named as in the store or "
                   "by a file name, slug, label or unique prefix, e.g. document=001.txt or "
                   "actor=ars-idf. "
                   "Repeatable; a saved query's parameters are shown by --list.")
@reports_errors
def query(sparql: str | None, store_dir: Path, fmt: str, list_saved: bool,
          timeout: float | None, binds: tuple[str, ...]) -> None:
    """Run SPARQL (text, a .rq file, or a saved query's name) against the store."""
    from extractor.read.bindings import parse_bindings
    from extractor.read.query import ask
    from extractor.read.query_results import format_result
    from extractor.read.saved_queries import load_query, saved_queries
    from extractor.store import open_store

    saved = saved_queries()
    if list_saved:
        for name, q in sorted(saved.items()):
            params = "; ".join(f"--bind {k}=…: {v}" for k, v in q.parameters.items())
            click.echo(f"{name}\t{q.question}" + (f"\t{params}" if params else ""))
        return
    if not sparql:
        raise click.UsageError("give a SPARQL query, a .rq file or a saved query name")
    result, note = ask(open_store(store_dir), load_query(sparql), parse_bindings(binds),
                       timeout=timeout)
    click.echo(format_result(result, fmt))
    if note:
        click.echo(str(note), err=True)


@cli.command()
@click.argument("document")
@store_option
@reports_errors
def text(document: str, store_dir: Path) -> None:
    """Print the stored (repaired) text of DOCUMENT: what every offset points into."""
    from extractor.read.text import document_text
    from extractor.store import open_store

    click.echo(document_text(open_store(store_dir), document), nl=False)


@cli.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Build folder holding entities.jsonl.")
@click.option("--type", "etype", default=None, help="Only this type (Organization, Person, Place).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def entities(out_dir: Path, etype: str | None, as_json: bool) -> None:
    """List entities with their names and counts, to review before curating."""
    path = out_dir / "entities.jsonl"
    if not path.exists():
        _fail(error("E150", path=path))
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if not etype or r["type"] == etype]
    rows.sort(key=lambda r: (-r["mentions"], r["label"]))
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            slug = r["id"].rsplit("/", 1)[-1]
            names = " | ".join(a for a in r["aliases"] if a != r["label"])
            click.echo(f"{r['mentions']:5d}  {r['type']:<12} {slug:<32} {r['label']}"
                       + (f"  [{names}]" if names else ""))


@cli.command()
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), default=Path("tests/gold"),
              show_default=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Build folder (mentions.jsonl, claims.jsonl).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None,
              help="Also write the full report as JSON here.")
@click.option("--per-document", is_flag=True, help="Also each document's claim scores.")
@click.option("--challenge", "challenge", type=click.Path(path_type=Path), default=None,
              help="Instead, run the claim extraction on a challenge set of sentences "
                   "(tests/challenge/constructions.yaml) and score it per construction.")
@click.option("--min-confidence", type=float, default=0.0, help="Leave out less sure claims.")
@click.option("--exact-actors", is_flag=True, help="Claim actors by slug alone, not aligned.")
def evaluate(gold_dir: Path, out_dir: Path, report_path: Path | None, per_document: bool,
             challenge: Path | None, min_confidence: float, exact_actors: bool) -> None:
    """Precision, recall and F1 per type against gold annotations."""
    if challenge is not None:
        from extractor.build.challenge import run_challenge

        result = run_challenge(challenge)
        click.echo(result.to_table() + ("\n" + "\n".join(result.misses) if per_document else ""))
        return
    from extractor.read import evaluate as scoring

    report = scoring.evaluate(gold_dir, out_dir, min_confidence=min_confidence,
                              align_actors=not exact_actors)
    click.echo(report.to_table(per_document))
    if report_path:
        scoring.write_report(report, report_path)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback unless you mean to publish the store.")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float,
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10000, show_default=True, type=int,
              help="Rows returned at most per query.")
@click.option("--max-bytes", default=20_000_000, type=int, help="Bytes per answer at most.")
@click.option("--max-memory", default=1024, type=int, help="MB per query process (0: no cap).")
@click.option("--allow-host", "allow_hosts", multiple=True, help="A Host name (or "
              "name:port) to answer besides localhost, 127.0.0.1, [::1]; repeatable.")
@click.option("--cors-origin", "cors_origins", multiple=True, help="An origin whose "
              "pages may query (CORS), e.g. https://app.example, or '*'; repeatable.")
@reports_errors
def serve(store_dir: Path, host: str, port: int, **limits: Any) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol at /sparql."""
    from extractor.read import serve as server

    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql (Ctrl-C to stop)", err=True)
    server.serve(store_dir, host=host, port=port, **limits)


@cli.command()
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store for Oxigraph.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Build folder holding plan.trig.")
@click.option("--update-endpoint", default=None,
              help="SPARQL Update URL (e.g. http://127.0.0.1:7878/update): push in one "
                   "transaction.")
@click.option("--query-endpoint", default=None,
              help="SPARQL query URL: also remove graphs under the base that no push listed.")
@click.option("--timeout", default=30.0, show_default=True, type=float)
@reports_errors
def push(endpoint: str, out_dir: Path, update_endpoint: str | None,
         query_endpoint: str | None, timeout: float) -> None:
    """Mirror a build on a SPARQL server: one named graph per document, the graphs of
    documents no longer built removed."""
    from extractor.read.push import push as run_push

    report = run_push(out_dir, endpoint, update_endpoint=update_endpoint,
                      query_endpoint=query_endpoint, timeout=timeout)
    click.echo(f"pushed {report.triples} triples in {len(report.graphs)} graphs to {endpoint}, "
               f"removed {len(report.removed)} graphs", err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@store_option
@reports_errors
def validate(file: Path | None, store_dir: Path) -> None:
    """Check the graph against ontology/shapes.ttl, each named graph on its own."""
    from extractor.read.validate import validate_graph_file, validate_store

    report = validate_graph_file(file) if file else validate_store(store_dir)
    click.echo(report.to_text(), nl=False)
    sys.exit(0 if report.conforms else 1)


out_option = click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT,
                          show_default=True, help="Build folder (or a store folder).")
journalist_format = click.option("--format", "fmt", default="table", show_default=True,
                                 type=click.Choice(["table", "csv", "json", "md"]))


@cli.command("trace")
@click.argument("actor")
@out_option
@journalist_format
@reports_errors
def trace_cmd(actor: str, out_dir: Path, fmt: str) -> None:
    """Everything the corpus says ACTOR (any name, any language) committed, did or was judged on."""
    from extractor.read.trace import format_rows, trace

    click.echo(format_rows(trace(out_dir, actor), fmt), nl=False)


@cli.command("compare")
@out_option
@journalist_format
@reports_errors
def compare_cmd(out_dir: Path, fmt: str) -> None:
    """Line up commitments with later reports, and figures that sources give differently."""
    from extractor.read.compare import compare
    from extractor.read.compare_format import format_comparison

    click.echo(format_comparison(compare(out_dir), fmt), nl=False)


@cli.command()
@click.option("--store", "source", type=click.Path(path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Build folder (or its store folder) to report on.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("report"),
              show_default=True, help="Folder for the static HTML site.")
@reports_errors
def report(source: Path, out_dir: Path) -> None:
    """Write a static HTML report (actors, documents, figures, pictures) that works offline."""
    from extractor.read.report.site import write_report

    click.echo(write_report(source, out_dir))


def main() -> None:
    cli(prog_name="plangraph")
