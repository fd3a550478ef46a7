"""The command line: each command parses, calls one library function, prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from wiretrace.errors import WiretraceError
from wiretrace.settings import Settings
from wiretrace.store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find the stories in a pile of news, trace who copied whom, and what each copy changed.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
DEFAULT_DB = Path("wiretrace.db")


def _settings(db: Path) -> Settings:
    return Settings(db=db)


@contextmanager
def _progress(label: str, quiet: bool, total: int | None = None) -> Iterator[typer.CallbackParam]:
    """A progress bar on stderr (silent with --quiet or when stderr is not a terminal)."""
    if quiet or not err.is_terminal:
        yield lambda done, item: None  # type: ignore[misc]
        return
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} done"),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[item]}"),
    ]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total, item="")

        def update(done: int, item: str) -> None:
            bar.update(task, completed=done, item=item[-60:])

        yield update  # type: ignore[misc]


def _print_rejections(rejections: list, limit: int = 50) -> None:  # type: ignore[type-arg]
    for r in rejections[:limit]:
        err.print(f"rejected: {r.source}: {r.reason}", markup=False)
    if len(rejections) > limit:
        err.print(f"... and {len(rejections) - limit} more rejected (see 'wiretrace stats')")


# ---------------------------------------------------------------------------------- ingest
@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders; '-' reads JSON Lines from stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    quiet: QuietOption = False,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch the pages of feed entries that only link.")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="With --fetch: allow private/loopback hosts.")
    ] = False,
) -> None:
    """Read, extract and clean articles into the database."""
    from wiretrace.ingest.fetch import FetchPolicy
    from wiretrace.pipeline import ingest as run_ingest

    settings = _settings(db)
    policy = FetchPolicy(allow_private=allow_private) if fetch else None
    with Store(db, settings.busy_timeout_ms) as store, _progress("ingest", quiet) as progress:
        report = run_ingest(paths, store, settings, progress=progress, fetch=policy)
    _print_rejections(report.rejected)
    out.print(
        f"ingested {len(report.added)} new articles, {report.duplicates} already stored, "
        f"{len(report.rejected)} rejected, {report.links} link-only feed entries recorded"
        f" -> {db}"
    )
    if report.rejected:
        raise typer.Exit(1)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files to extract (any supported format).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Print the clean text of each file (nothing is stored)."""
    from wiretrace.ingest.readers import iter_documents
    from wiretrace.model import Article, Document, Rejection
    from wiretrace.pipeline import extract_documents
    from wiretrace.report.records import article_record

    settings = Settings()
    rejected = 0
    for item in extract_documents(iter_documents(files, settings), settings):
        if isinstance(item, Rejection):
            rejected += 1
            err.print(f"rejected: {item.source}: {item.reason}", markup=False)
        elif isinstance(item, Document):
            err.print(f"link only (not fetched): {item.url}", markup=False)
        elif isinstance(item, Article):
            if as_json:
                sys.stdout.write(
                    json.dumps(article_record(item, text=True), ensure_ascii=False) + "\n"
                )
            else:
                header = item.title or item.source
                out.print(f"# {header}", markup=False)
                out.print(item.text, markup=False)
                out.print()
    if rejected:
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="Only jsonl for now.")] = "jsonl",
) -> None:
    """Every stored article as JSON Lines, with its artefacts."""
    from wiretrace.report.records import article_record

    if format != "jsonl":
        raise WiretraceError(f"unknown export format {format!r}; use --format jsonl")
    with Store(db, readonly=True) as store:
        for article in store.iter_articles():
            sys.stdout.write(
                json.dumps(article_record(article, text=True), ensure_ascii=False) + "\n"
            )


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the database holds: articles, sites, artefacts by kind, rejections."""
    from wiretrace.report.summary import print_stats

    with Store(db, readonly=True) as store:
        print_stats(store, out)


def main() -> None:
    try:
        app()
    except WiretraceError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted; what was committed is kept")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
