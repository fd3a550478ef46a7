"""The command line: each command parses, calls one library function, prints."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from wiretrace.errors import WiretraceError
from wiretrace.pipeline import Progress as ProgressFn
from wiretrace.report.terminal import SafeConsole, json_text, one_line
from wiretrace.settings import Settings
from wiretrace.store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find the stories in a pile of news, trace who copied whom, and what each copy changed.",
)
# a pipe or a file gets wide lines (rich would assume 80 columns); a terminal keeps its width
# both escape control characters in what they print (report.terminal)
out = SafeConsole(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
DEFAULT_DB = Path("wiretrace.db")


def _settings(
    db: Path, column_map: list[str] | None = None, paragraph_separator: str | None = None
) -> Settings:
    from wiretrace.ingest.tabular import parse_map

    try:
        columns = parse_map(column_map or [])
    except WiretraceError as exc:
        raise typer.BadParameter(str(exc), param_hint="--map") from None
    return Settings(db=db, column_map=columns, paragraph_separator=paragraph_separator or None)


MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        help="FIELD=COLUMN: read FIELD (text, html, title, url, site, published, byline, "
        "language, locator) of a CSV/JSON table from COLUMN; repeat for more fields.",
    ),
]
SeparatorOption = Annotated[
    str | None,
    typer.Option(
        "--paragraph-separator",
        help="The string between paragraphs inside a table's text column.",
    ),
]


def _print_columns(paths: list[str], settings: Settings) -> None:
    """Which column of each table gives which field (stderr)."""
    from wiretrace.ingest.tabular import describe_columns

    for line in describe_columns([p for p in paths if p != "-"], settings.column_map):
        err.print(f"columns: {line}", markup=False)


@contextmanager
def _progress(label: str, quiet: bool, total: int | None = None) -> Iterator[ProgressFn]:
    """A progress bar on stderr (silent with --quiet or when stderr is not a terminal)."""
    if quiet or not err.is_terminal:
        yield lambda done, item: None
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

        yield update


def _print_rejections(rejections: list, limit: int = 50) -> None:  # type: ignore[type-arg]
    for r in rejections[:limit]:
        err.print(f"rejected: {one_line(r.source)}: {one_line(r.reason)}", markup=False)
    if len(rejections) > limit:
        err.print(f"... and {len(rejections) - limit} more rejected (see 'wiretrace stats')")


def _check_output(path: Path | None, option: str) -> None:
    """A user error before any work: an output file that could not be written."""
    if path is None:
        return
    folder = path.parent
    if path.is_dir():
        raise WiretraceError(f"{option} {path}: is a folder; give a file name")
    if not folder.is_dir():
        raise WiretraceError(f"{option} {path}: no such folder {folder}; create it first")
    if not os.access(folder, os.W_OK):
        raise WiretraceError(f"{option} {path}: the folder {folder} is not writable")


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WiretraceError(f"{path}: cannot write ({exc.strerror or exc})") from None


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
    column_map: MapOption = None,
    paragraph_separator: SeparatorOption = None,
) -> None:
    """Read, extract and clean articles into the database."""
    from wiretrace.ingest.fetch import FetchPolicy
    from wiretrace.pipeline import ingest as run_ingest

    settings = _settings(db, column_map, paragraph_separator)
    _print_columns(paths, settings)
    policy = FetchPolicy(allow_private=allow_private) if fetch else None
    with Store(db, settings.busy_timeout_ms) as store, _progress("ingest", quiet) as progress:
        report = run_ingest(paths, store, settings, progress=progress, fetch=policy)
    _print_rejections(report.rejected)
    out.print(
        f"ingested {len(report.added)} new articles, {report.duplicates} already stored, "
        f"{report.rejections} rejected, {report.links} link-only feed entries recorded"
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
            err.print(f"rejected: {one_line(item.source)}: {one_line(item.reason)}",
                      markup=False)
        elif isinstance(item, Document):
            err.print(f"link only (not fetched): {one_line(item.url or '')}", markup=False)
        elif isinstance(item, Article):
            if as_json:
                sys.stdout.write(
                    json_text(article_record(item, text=True)) + "\n"
                )
            else:
                header = item.title or item.source
                out.print(f"# {one_line(header)}", markup=False)
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
                json_text(article_record(article, text=True)) + "\n"
            )


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the database holds: articles, sites, artefacts by kind, rejections."""
    from wiretrace.report.summary import print_stats

    with Store(db, readonly=True) as store:
        print_stats(store, out)


# ---------------------------------------------------------------------------------- stories
BackendOption = Annotated[str, typer.Option("--backend", help="local or dask.")]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="Dask scheduler address (with --backend dask).")
]
SemanticOption = Annotated[
    bool,
    typer.Option("--semantic", help="Sentence embeddings as one more story signal "
                 "(pip install 'wiretrace[semantic]')."),
]


@app.command()
def cluster(
    db: DbOption = DEFAULT_DB,
    backend: BackendOption = "local",
    scheduler: SchedulerOption = None,
    full: Annotated[bool, typer.Option("--full", help="Re-cluster everything.")] = False,
    semantic: SemanticOption = False,
    quiet: QuietOption = False,
) -> None:
    """Group articles into near-duplicates and stories (new articles are assigned incrementally)."""
    from wiretrace.pipeline import cluster as run_cluster

    settings = _settings(db).with_(semantic=semantic)
    with Store(db, settings.busy_timeout_ms) as store, _progress("cluster", quiet) as progress:
        report = run_cluster(store, settings, backend=backend, scheduler=scheduler, full=full,
                             progress=progress)
    how = "incrementally" if report.incremental else "from scratch"
    out.print(
        f"clustered {report.articles} articles ({report.new} new, {how}): {report.stories} "
        f"stories, {report.groups} near-duplicate groups, {report.near_duplicate_pairs} "
        "near-duplicate pairs"
    )


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    min_size: Annotated[int, typer.Option("--min-size", help="Hide smaller stories.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """The stories: size, title, sites and date range."""
    from wiretrace.report.summary import story_rows

    with Store(db, readonly=True) as store:
        rows = [r for r in story_rows(store) if r["size"] >= min_size]
    if as_json:
        sys.stdout.write(json_text(rows, indent=2) + "\n")
        return
    if not rows:
        out.print("no stories yet; run 'wiretrace cluster'")
        return
    table = Table(box=None)
    for col, justify in (("id", "right"), ("size", "right"), ("title", "left"),
                         ("sites", "left"), ("dates", "left")):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        dates = " – ".join(d[:10] for d in (r["first_published"], r["last_published"]) if d)
        table.add_row(str(r["id"]), str(r["size"]), escape(r["title"] or ""),
                      escape(", ".join(r["sites"])), dates)
    out.print(table)


# ---------------------------------------------------------------------------------- provenance
@app.command()
def trace(
    db: DbOption = DEFAULT_DB,
    story: Annotated[int | None, typer.Option("--story", help="Only this story.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Align, trace provenance, extract claims and compare, per story; print provenance trees."""
    from wiretrace.pipeline import analyse
    from wiretrace.report.summary import print_provenance

    settings = _settings(db)
    with Store(db, settings.busy_timeout_ms) as store:
        if not store.stories():
            raise WiretraceError("no stories yet; run 'wiretrace cluster' first")
        with _progress("trace", quiet) as progress:
            results = analyse(store, settings, [story] if story else None, progress=progress)
        for result in results:
            if len(result.derivations) > 1:
                print_provenance(store, result.story, out)


@app.command()
def show(
    article: Annotated[int, typer.Argument(help="Article id.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """One article: metadata, artefacts, derivation with its evidence, and what it changed."""
    from wiretrace.report.summary import print_article

    with Store(db, readonly=True) as store:
        print_article(store, article, out)


@app.command()
def claims(
    db: DbOption = DEFAULT_DB,
    article: Annotated[int | None, typer.Option("--article", help="Only this article.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """The claims found in each article (figures, attributions, quotes, actors, places, dates)."""
    from wiretrace.report.summary import print_claims

    with Store(db, readonly=True) as store:
        print_claims(store, out, article=article, as_json=as_json)


StoryArgument = Annotated[int, typer.Option("--story", help="The story ('wiretrace stories').")]


@app.command()
def lineage(
    story: StoryArgument,
    db: DbOption = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Also changes no copy repeated.")]
    = False,
    as_json: Annotated[bool, typer.Option("--json", help="The report's lineage records.")] = False,
) -> None:
    """Where facts went wrong: each changed fact, the copy that first changed it and the copies
    that repeat it."""
    from wiretrace.report.integrity import print_lineage, story_lineage

    with Store(db, readonly=True) as store:
        lines = story_lineage(store, story)
    if as_json:
        sys.stdout.write(json_text(lines, indent=2) + "\n")
    else:
        print_lineage(lines, out, everything=everything)


@app.command()
def quotes(
    story: StoryArgument,
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="The report's quote records.")] = False,
) -> None:
    """Quotes each copy cut, spliced, gave to another speaker or altered, against its parent."""
    from wiretrace.report.integrity import print_quotes, story_quotes

    with Store(db, readonly=True) as store:
        found = story_quotes(store, story)
    if as_json:
        sys.stdout.write(json_text(found, indent=2) + "\n")
    else:
        print_quotes(found, out)


@app.command()
def compare(
    source: Annotated[str, typer.Argument(help="The source: a file, or text with --text.")],
    copy: Annotated[str, typer.Argument(help="The copy: a file, or text with --text.")],
    as_json: Annotated[bool, typer.Option("--json", help="The comparison as JSON.")] = False,
    text: Annotated[bool, typer.Option("--text", help="SOURCE and COPY are texts.")] = False,
) -> None:
    """Align two articles and list what the copy changed."""
    from wiretrace.report.pairwise import compare_inputs, print_comparison

    result = compare_inputs(source, copy, Settings(), as_text=text)
    if as_json:
        sys.stdout.write(json_text(result, indent=2) + "\n")
    else:
        print_comparison(result, out)


@app.command()
def sites(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Per-site scorecards: originals, copies, rewrites, artefacts, AI tells, changes."""
    from wiretrace.report.sites import site_scorecards
    from wiretrace.report.summary import print_sites

    with Store(db, readonly=True) as store:
        cards = site_scorecards(store)
    if as_json:
        sys.stdout.write(json_text(cards, indent=2) + "\n")
    else:
        print_sites(cards, out)


# ---------------------------------------------------------------------------------- reports
FormatOption = Annotated[str, typer.Option("--format", help="json, md or html.")]


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    story: Annotated[int | None, typer.Option("--story", help="Only this story.")] = None,
    format: FormatOption = "json",
    out_file: Annotated[Path | None, typer.Option("--out", help="Write here, not stdout.")] = None,
) -> None:
    """The report (JSON contract version 1, Markdown or HTML)."""
    from wiretrace.report import render

    _check_output(out_file, "--out")
    with Store(db, readonly=True) as store:
        text = render(store, format, story_id=story)
    if out_file is None:
        sys.stdout.write(text)
    else:
        _write(out_file, text)
        out.print(f"wrote {out_file}")


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to analyse.")],
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON report.")] = None,
    md_out: Annotated[Path | None, typer.Option("--markdown", help="Write Markdown.")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write HTML.")] = None,
    backend: BackendOption = "local",
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
    column_map: MapOption = None,
    paragraph_separator: SeparatorOption = None,
) -> None:
    """Everything: ingest, clean, cluster, trace, claims, compare; then the reports."""
    from wiretrace.pipeline import analyze as run_analyze
    from wiretrace.report import render

    for target, option in ((json_out, "--json"), (md_out, "--markdown"), (html_out, "--html")):
        _check_output(target, option)  # before hours of work, not after
    settings = _settings(db, column_map, paragraph_separator)
    _print_columns(paths, settings)
    with Store(db, settings.busy_timeout_ms) as store:
        with _progress("analyze", quiet) as progress:
            result = run_analyze(paths, store, settings, backend=backend, scheduler=scheduler,
                                 progress=progress)
        _print_rejections(result.ingest.rejected)
        out.print(
            f"{len(result.ingest.added)} new articles ({result.ingest.duplicates} already stored, "
            f"{result.ingest.rejections} rejected); {result.cluster.stories} stories; "
            f"{result.changes} changes found"
        )
        for fmt, target in (("json", json_out), ("md", md_out), ("html", html_out)):
            if target is not None:
                _write(target, render(store, fmt))
                out.print(f"wrote {target}")
    if result.ingest.rejected:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------------- web, demo
@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """The local web app over the database."""
    from wiretrace.web.app import serve as run_server

    if not db.exists():
        raise WiretraceError(f"{db}: no such database; run 'wiretrace analyze PATH' first")
    run_server(db, host, port, _settings(db))


@app.command()
def demo(
    serve_app: Annotated[
        bool, typer.Option("--serve", help="Then open it in the web app.")
    ] = False,
    port: Annotated[int, typer.Option("--port")] = 8000,
    db: Annotated[
        Path | None, typer.Option("--db", help="Keep the demo database here (default: temporary).")
    ] = None,
) -> None:
    """Analyse the bundled demo corpus and show what wiretrace finds."""
    import tempfile

    from wiretrace.demo import corpus_path
    from wiretrace.pipeline import analyze as run_analyze
    from wiretrace.report.summary import print_demo

    with tempfile.TemporaryDirectory(prefix="wiretrace-demo-") as tmp:
        path = db or Path(tmp) / "demo.db"
        if path.exists():
            path.unlink()
        settings = _settings(path)
        with Store(path, settings.busy_timeout_ms) as store:
            result = run_analyze([str(corpus_path())], store, settings)
            print_demo(store, result, out)
        if serve_app:
            from wiretrace.web.app import serve as run_server

            out.print(f"\nserving the demo on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
            run_server(path, "127.0.0.1", port, settings)


def main() -> None:
    try:
        app()
    except WiretraceError as exc:
        err.print(f"error: {one_line(str(exc))}", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted; what was committed is kept")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except sqlite3.DatabaseError as exc:  # a database file damaged after it was opened
        err.print(f"error: the database cannot be read ({exc}); "
                  "'sqlite3 FILE .recover' may save what is left", markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
