"""Text summaries printed by `stats` and `demo`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wiretrace.store import Store

__all__ = ["print_stats"]


def print_stats(store: Store, console: Console) -> None:
    counts = store.counts()
    console.print(
        f"articles: {counts['articles']}   sites: {counts['sites']}   "
        f"artefacts: {counts['artefacts']}   rejected: {counts['rejections']}   "
        f"link-only entries: {counts['links']}   stories: {counts['stories']}"
    )
    kinds = store.artefact_counts()
    if kinds:
        table = Table(title="artefacts by kind", title_justify="left", box=None)
        table.add_column("kind")
        table.add_column("count", justify="right")
        for kind, n in kinds.items():
            table.add_row(kind, str(n))
        console.print(table)
    sites = store.site_counts()
    if sites:
        table = Table(title="articles by site", title_justify="left", box=None)
        table.add_column("site")
        table.add_column("articles", justify="right")
        for site, n in sites.items():
            table.add_row(site, str(n))
        console.print(table)
    rejected = store.rejections()
    if rejected:
        table = Table(title="rejected inputs", title_justify="left", box=None)
        table.add_column("source", overflow="fold")
        table.add_column("reason", overflow="fold")
        for r in rejected[-20:]:
            table.add_row(r.source, r.reason)
        console.print(table)
