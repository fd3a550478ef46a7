"""The report, version 1 (contract in DESIGN.md): one dict built from the store, rendered as JSON,
Markdown or HTML, and used by the web app's story pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wiretrace.model import Article
from wiretrace.report.integrity import integrity_sections
from wiretrace.report.records import (
    alignment_record,
    article_record,
    change_record,
    derivation_record,
    fact_record,
)
from wiretrace.store import Store, StoredStory

__all__ = ["REPORT_VERSION", "build_report", "story_context", "story_header"]

REPORT_VERSION = 1


def story_header(story: StoredStory, articles: Sequence[Article]) -> dict[str, Any]:
    """What a story is at a glance: id, title, size, sites and date range."""
    dates = sorted(a.published for a in articles if a.published)
    return {
        "id": story.id,
        "title": story.title,
        "size": len(articles),
        "sites": sorted({a.site for a in articles if a.site}),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
    }


def story_context(store: Store, story: StoredStory) -> dict[str, Any]:
    articles = store.articles(story.articles)
    stored = store.derivations(story.id)
    derivations = {d.article: d for d in stored}
    records = []
    for art in articles:
        rec = article_record(art)
        rec["derivation"] = derivation_record(derivations.get(art.id or 0))
        records.append(rec)
    alignments = store.alignments(story.id)
    changes = store.changes(story.id)
    return {
        **story_header(story, articles),
        "articles": records,
        "alignments": [
            alignment_record(al, {a.id: a.text for a in articles if a.id is not None})
            for al in alignments
        ],
        "changes": [change_record(c) for c in changes],
        "facts": [fact_record(f) for f in store.facts(story.id)],
        # computed on read from the records above (report.integrity says why)
        **integrity_sections(articles, stored, changes, alignments),
    }


def build_report(store: Store, story_id: int | None = None) -> dict[str, Any]:
    stories = store.stories() if story_id is None else [store.story(story_id)]
    return {
        "wiretrace_report": REPORT_VERSION,
        "stories": [story_context(store, s) for s in stories],
        "rejected": [{"source": r.source, "reason": r.reason} for r in store.rejections()],
    }
