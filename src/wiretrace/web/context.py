"""Page contexts: one plain, JSON-ready dict per page. The HTML page renders it; the JSON twin
returns it as is. Story contexts come from ``report.build.story_context`` so the web app, the
report and the JSON agree."""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from wiretrace.errors import NotFound
from wiretrace.model import CHANGE_KINDS, DERIVATION_TYPES, Article
from wiretrace.report.build import story_context
from wiretrace.report.records import (
    alignment_record,
    article_record,
    change_record,
    derivation_record,
)
from wiretrace.report.sites import site_scorecards
from wiretrace.report.svg import provenance_graph
from wiretrace.store import Store
from wiretrace.store.listing import ListedMember, ListedStory

__all__ = [
    "PAGE_SIZE",
    "article_page_context",
    "segments",
    "sites_context",
    "stories_context",
    "story_page_context",
]

PAGE_SIZE = 50
SEARCH_LIMIT = 2000
MAX_QUERY = 500
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def stories_context(
    store: Store,
    q: str = "",
    site: str = "",
    date_from: str = "",
    date_to: str = "",
    page: str | int = 1,
) -> dict[str, Any]:
    """The stories list, filtered by a full-text query, a site and a publication date range."""
    q = "".join(ch for ch in q if ch.isprintable() or ch == " ").strip()[:MAX_QUERY]
    site = site.strip()
    errors: list[str] = []
    date_from, date_to = date_from.strip(), date_to.strip()
    for name, value in (("from", date_from), ("to", date_to)):
        if value and not _DATE.match(value):
            errors.append(f"'{name}' must be a date like 2024-03-01; ignored '{value}'")
    if date_from and not _DATE.match(date_from):
        date_from = ""
    if date_to and not _DATE.match(date_to):
        date_to = ""
    try:
        page_no = max(1, int(page))
    except (TypeError, ValueError):
        errors.append(f"'page' must be a number; ignored '{page}'")
        page_no = 1

    matches: set[int] | None = None
    if q:
        try:
            matches = set(store.search(q, limit=SEARCH_LIMIT))
        except sqlite3.OperationalError as exc:
            errors.append(f"the search could not run ({exc}); try plain words")
            matches = set()

    # one page of stories, sorted and filtered in SQL; members read for that page only
    def page_of(number: int) -> tuple[int, list[ListedStory]]:
        return store.story_page(hits=matches, site=site, date_from=date_from, date_to=date_to,
                                offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)

    total, listed = page_of(page_no)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if page_no > pages:  # past the last page: show the last one
        page_no = pages
        total, listed = page_of(page_no)
    summaries = store.story_summaries([s.id for s in listed])
    hits: dict[int, list[ListedMember]] = {}
    if matches is not None:
        for m in store.story_members([s.id for s in listed], matches):
            hits.setdefault(m.story, []).append(m)
    rows: list[dict[str, Any]] = []
    for story in listed:
        summary = summaries[story.id]
        counts = summary.derivations
        rows.append({
            "id": story.id,
            "title": story.title,
            "size": story.size,
            "sites": summary.sites,
            "first_published": summary.first_published,
            "last_published": summary.last_published,
            "derivations": {t: counts[t] for t in (*DERIVATION_TYPES, "untraced")
                            if counts.get(t)},
            "matches": [{"id": m.article, "title": m.title, "site": m.site}
                        for m in hits.get(story.id, [])[:5]] if matches is not None else [],
            "match_count": story.match_count if matches is not None else 0,
        })
    clustered = store.clustered_count()
    all_articles = int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    return {
        "query": {"q": q, "site": site, "from": date_from, "to": date_to, "page": page_no},
        "errors": errors,
        "total": total,
        "page": page_no,
        "pages": pages,
        "page_size": PAGE_SIZE,
        "stories": rows,
        "matching_articles": len(matches) if matches is not None else None,
        "articles": all_articles,
        "unclustered_articles": all_articles - clustered,
        "sites": [{"site": s, "articles": n} for s, n in store.site_counts().items()],
    }


def story_page_context(store: Store, story_id: int) -> dict[str, Any]:
    """The report's story dict, plus the laid-out provenance graph."""
    ctx = story_context(store, store.story(story_id))
    ctx["graph"] = provenance_graph(ctx)
    return ctx


def segments(
    text: str, start: int, end: int, marks: Sequence[tuple[int, int, int | None, str]]
) -> list[dict[str, Any]]:
    """Cut ``text[start:end]`` into plain and marked pieces.

    ``marks`` are (start, end, ref, kind) with offsets into ``text``; overlapping marks are
    clipped so every character appears once. Pieces are {"text", "ref", "kind"}.
    """
    start, end = max(0, start), min(len(text), end)
    out: list[dict[str, Any]] = []
    cursor = start
    for s, e, ref, kind in sorted(marks, key=lambda m: (m[0], -m[1])):
        s, e = max(s, cursor), min(e, end)
        if e <= s:
            continue
        if s > cursor:
            out.append({"text": text[cursor:s], "ref": None, "kind": None})
        out.append({"text": text[s:e], "ref": ref, "kind": kind})
        cursor = e
    if cursor < end:
        out.append({"text": text[cursor:end], "ref": None, "kind": None})
    return out


def _brief(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "site": article.site,
            "published": article.published, "url": article.url}


def article_page_context(store: Store, article_id: int) -> dict[str, Any]:
    """An article beside its parent: aligned passages with the changes marked and explained."""
    art = store.article(article_id)
    record = article_record(art, text=True)
    record["raw_text"] = art.raw_text
    story_id = store.story_of(article_id)
    derivation = None
    story = None
    children: list[dict[str, Any]] = []
    alignments = []
    all_changes = []
    if story_id is not None:
        try:
            s = store.story(story_id)
            story = {"id": s.id, "title": s.title, "size": len(s.articles)}
        except NotFound:
            story = None
        derivations = store.derivations(story_id)
        for d in derivations:
            if d.article == article_id:
                derivation = d
        child_ids = [d.article for d in derivations if d.parent == article_id]
        children = [
            {**_brief(a), "type": next(d.type for d in derivations if d.article == a.id)}
            for a in store.articles(child_ids)
        ]
        alignments = store.alignments(story_id)
        all_changes = store.changes(story_id)
    record["derivation"] = derivation_record(derivation)

    parent: Article | None = None
    if derivation is not None and derivation.parent is not None:
        try:
            parent = store.article(derivation.parent)
        except NotFound:
            parent = None

    changes = [change_record(c) for c in all_changes if c.article == article_id]
    for n, c in enumerate(changes, start=1):
        c["n"] = n
    alignment = None
    passages: list[dict[str, Any]] = []
    if parent is not None:
        for al in alignments:
            if {al.a, al.b} == {article_id, parent.id}:
                alignment = al
                break
        versus_parent = [c for c in changes if c["versus"] == parent.id]
        art_marks = [(c["span"][0], c["span"][1], c["n"], c["kind"])
                     for c in versus_parent if c["span"]]
        par_marks = [(c["versus_span"][0], c["versus_span"][1], c["n"], c["kind"])
                     for c in versus_parent if c["versus_span"]]
        if alignment is not None:
            flipped = alignment.a != article_id
            for p in alignment.pairs:
                a_span = p.b_span if flipped else p.a_span
                p_span = p.a_span if flipped else p.b_span
                passages.append({
                    "kind": p.kind,
                    "score": round(p.score, 4),
                    "article_span": list(a_span),
                    "parent_span": list(p_span),
                    "article": segments(art.text, a_span[0], a_span[1], art_marks),
                    "parent": segments(parent.text, p_span[0], p_span[1], par_marks),
                })
            passages.sort(key=lambda x: (x["article_span"][0], x["parent_span"][0]))
    own_marks = [(c["span"][0], c["span"][1], c["n"], c["kind"]) for c in changes if c["span"]]
    artefact_marks = [(a.start, a.end, None, a.kind) for a in art.artefacts]
    reuse = None
    if alignment is not None and parent is not None:
        mine, theirs = ((alignment.reuse_a, alignment.reuse_b) if alignment.a == article_id
                        else (alignment.reuse_b, alignment.reuse_a))
        reuse = {"article_in_parent": round(mine, 4), "parent_in_article": round(theirs, 4)}
    return {
        "article": record,
        "story": story,
        "parent": None if parent is None else {**_brief(parent), "text": parent.text},
        "children": children,
        "alignment": None if alignment is None else alignment_record(alignment),
        "reuse": reuse,
        "passages": passages,
        "changes": changes,
        "change_kinds": list(CHANGE_KINDS),
        "text_segments": segments(art.text, 0, len(art.text), own_marks),
        "raw_segments": segments(art.raw_text, 0, len(art.raw_text), artefact_marks),
    }


def sites_context(store: Store) -> dict[str, Any]:
    return {
        "sites": site_scorecards(store),
        "derivation_types": list(DERIVATION_TYPES),
        "change_kinds": list(CHANGE_KINDS),
        "artefact_kinds": list(store.artefact_counts()),
    }
