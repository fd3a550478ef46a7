"""What the CLI prints: stats, stories, provenance trees, one article, claims, sites, the demo."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from wiretrace.model import Article, Derivation
from wiretrace.report.build import story_context, story_header
from wiretrace.report.integrity import print_lineage, print_quotes
from wiretrace.store import Store

if TYPE_CHECKING:
    from wiretrace.pipeline import AnalyzeReport

__all__ = [
    "print_article",
    "print_claims",
    "print_demo",
    "print_provenance",
    "print_sites",
    "print_stats",
    "story_rows",
]


def _table(title: str | None, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", box=None)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def print_stats(store: Store, console: Console) -> None:
    counts = store.counts()
    console.print(
        f"articles: {counts['articles']}   sites: {counts['sites']}   "
        f"artefacts: {counts['artefacts']}   rejected: {counts['rejections']}   "
        f"link-only entries: {counts['links']}   stories: {counts['stories']}"
    )
    kinds = store.artefact_counts()
    _print_rows(console, "artefacts by kind", ("kind", "count"),
                [(kind, str(n)) for kind, n in kinds.items()])
    sites = store.site_counts()
    _print_rows(console, "articles by site", ("site", "articles"),
                [(site, str(n)) for site, n in sites.items()])
    rejected = store.rejections()
    _print_rows(console, "rejected inputs (latest 20)", ("source", "reason"),
                [(r.source, r.reason) for r in rejected[-20:]])


def _print_rows(console: Console, title: str, columns: tuple[str, ...],
                rows: list[tuple[str, str]]) -> None:
    """A titled table of ``rows``, printed only when there are any."""
    if rows:
        table = _table(title, *columns)
        for row in rows:
            table.add_row(*map(escape, row))  # corpus text is never markup
        console.print(table)


def story_rows(store: Store) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for story in store.stories():
        rows.append({**story_header(story, store.articles(story.articles)),
                     "articles": story.articles})
    rows.sort(key=lambda r: (-r["size"], r["id"]))
    return rows


def _name(article: Article) -> str:
    where = article.site or article.source.rsplit("/", 1)[-1]
    if article.locator:
        where += f" ({article.locator})"
    return f"#{article.id} {where}"


def provenance_tree(articles: list[Article], derivations: list[Derivation]) -> Tree:
    """Parents above children; inferred upstream sources as their own nodes."""
    by_id = {a.id: a for a in articles}
    deriv = {d.article: d for d in derivations}
    children: dict[int | str | None, list[int]] = {}
    for art in articles:
        d = deriv.get(art.id or 0)
        parent: int | str | None = None
        if d is not None and d.parent in by_id:
            parent = d.parent
        elif d is not None and d.upstream and d.type not in ("original", "independent"):
            parent = f"upstream: {d.upstream}"
        children.setdefault(parent, []).append(art.id or 0)
    root = Tree("provenance")

    def add(node: Tree, aid: int, depth: int = 0) -> None:
        d = deriv.get(aid)
        label = f"{escape(_name(by_id[aid]))}  [bold]{d.type if d else '?'}[/bold]"
        if d is not None:
            label += f" {d.score:.2f}"
            if d.upstream and d.type in ("original", "independent"):
                label += f" (credits {escape(d.upstream)})"
        branch = node.add(label)
        if depth < 30:
            for child in children.get(aid, []):
                add(branch, child, depth + 1)

    for aid in children.get(None, []):
        add(root, aid)
    for key, kids in children.items():
        if isinstance(key, str):
            up = root.add(f"[italic]{escape(key)}[/italic] (inferred, not in the corpus)")
            for aid in kids:
                add(up, aid)
    return root


def print_provenance(store: Store, story_id: int, console: Console) -> None:
    story = store.story(story_id)
    articles = store.articles(story.articles)
    console.print(f"\n[bold]story {story.id}[/bold]: {escape(story.title)}", highlight=False)
    console.print(provenance_tree(articles, store.derivations(story.id)))


def print_article(store: Store, article_id: int, console: Console) -> None:
    art = store.article(article_id)
    console.print(f"[bold]#{art.id}[/bold] {escape(art.title or '(no title)')}")
    for key in ("source", "locator", "site", "url", "byline", "published", "language"):
        value = getattr(art, key)
        if value:
            console.print(f"  {key}: {value}", markup=False)
    story_id = store.story_of(article_id)
    if story_id is not None:
        console.print(f"  story: {story_id} ({store.story(story_id).title})", markup=False)
        for d in store.derivations(story_id):
            if d.article == article_id:
                parent = f"#{d.parent}" if d.parent else "none in the corpus"
                console.print(f"derivation: [bold]{d.type}[/bold] score {d.score:.2f}; parent "
                              f"{parent}; upstream {escape(d.upstream or '-')}")
                for line in d.evidence:
                    console.print(f"  - {line}", markup=False)
        changes = [c for c in store.changes(story_id) if c.article == article_id]
        if changes:
            console.print(f"changes versus its source ({len(changes)}):")
            for c in changes:
                console.print(f"  - {c.kind}: {c.explanation}", markup=False)
    if art.artefacts:
        console.print(f"artefacts ({len(art.artefacts)}):")
        for a in art.artefacts:
            console.print(f"  - {a.kind} [{a.start}:{a.end}] {a.text[:100]!r}", markup=False)


def print_claims(store: Store, console: Console, article: int | None = None,
                 as_json: bool = False) -> None:
    ids = [article] if article is not None else store.article_ids()
    found = store.claims(ids)
    if not found and not as_json:
        console.print("no claims stored for these articles; run 'wiretrace trace' first")
        return
    if as_json:
        for c in found:
            console.print_json(json.dumps({
                "article": c.article, "kind": c.kind, "span": list(c.span), "text": c.text,
                "subject": c.subject, "predicate": c.predicate, "value": c.value,
                "attributed_to": c.attributed_to}), indent=None)
        return
    table = _table(None, "article", "kind", "claim", "value", "attributed to")
    for c in found:
        value = "" if c.value is None else json.dumps(c.value, ensure_ascii=False)
        table.add_row(*map(escape, (f"#{c.article}", c.kind, c.text[:90], value[:60],
                                    c.attributed_to or "")))
    console.print(table)


def print_sites(cards: list[dict[str, Any]], console: Console) -> None:
    table = _table(None, "site", "articles", "originals", "copies", "rewrites", "summaries",
                   "artefacts", "AI tells", "credit stripped", "changes introduced")
    for c in cards:
        table.add_row(
            escape(str(c["site"])), str(c["articles"]), str(c["originals"]), str(c["copies"]),
            str(c["rewrites"]), str(c["summaries"]),
            ", ".join(f"{k} {v}" for k, v in c["artefacts"].items()) or "-",
            str(c["ai_tells"]), str(c.get("credit_stripped", 0)),
            ", ".join(f"{k} {v}" for k, v in c["changes"].items()) or "-",
        )
    console.print(table)


def print_demo(store: Store, result: AnalyzeReport, console: Console) -> None:
    ing = result.ingest
    console.print(
        f"[bold]wiretrace demo[/bold]: {len(ing.added)} articles from "
        f"{store.counts()['sites']} sites, {len(ing.rejected)} rejected"
    )
    print_stats(store, console)
    tells = [(a, t) for a in store.articles() for t in a.ai_tells]
    if tells:
        console.print("\n[bold]AI tells[/bold] (leftover words of a language model)")
        for art, t in tells:
            console.print(f"  {_name(art)} [{t.start}:{t.end}] {t.text!r}", markup=False)
    console.print("\n[bold]stories[/bold]")
    for row in story_rows(store):
        console.print(f"  story {row['id']}: {row['size']} articles, {len(row['sites'])} sites "
                      f"- {row['title']}", markup=False)
    for story in store.stories():
        if len(story.articles) > 2:
            print_provenance(store, story.id, console)
            ctx = story_context(store, story)
            if ctx["changes"]:
                console.print(f"\n[bold]what the copies changed[/bold] ({len(ctx['changes'])})")
                for ch in ctx["changes"]:
                    console.print(f"  #{ch['article']} vs #{ch['versus']} {ch['kind']}: "
                                  f"{ch['explanation']}", markup=False)
            travelled = [x for x in ctx["lineage"] if x["inherited_by"]]
            if travelled:
                console.print(f"\n[bold]where facts went wrong[/bold] ({len(travelled)} changes "
                              "repeated by copies of the copy that made them)")
                print_lineage(travelled, console)
            if ctx["quotes"]:
                console.print(f"\n[bold]quotes cut, spliced or reattributed[/bold] "
                              f"({len(ctx['quotes'])})")
                print_quotes(ctx["quotes"], console)
            disputed = [f for f in ctx["facts"] if f["disputed"]]
            if disputed:
                console.print(f"\n[bold]disputed facts[/bold] ({len(disputed)})")
                for f in disputed:
                    versions = "; ".join(
                        f"{v['text']!r} ({', '.join(f'#{a}' for a in v['articles'])})"
                        for v in f["variants"])
                    console.print(f"  {f['statement']}: {versions}", markup=False)
