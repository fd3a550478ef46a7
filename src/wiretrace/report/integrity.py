"""Fact lineage and quote integrity of a story, as report records.

Both are computed on read from what the trace and claims stages stored (articles, derivations,
alignments, changes): a lineage is a walk down the provenance tree from each change, quotes are
a regular-expression pass over the texts of each copy and its parent, set against the stored
alignment. Both cost less than rendering the story, so nothing new is stored and they are never
stale after a re-trace (``wiretrace lineage`` and ``wiretrace quotes`` show them for a stored
story without re-running anything).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console

from wiretrace.claims.lineage import fact_lineage
from wiretrace.claims.quotes import quote_changes
from wiretrace.model import Alignment, Article, Change, Derivation, FactLineage, QuoteChange, Span
from wiretrace.report.records import shorten
from wiretrace.settings import Settings
from wiretrace.store import Store
from wiretrace.trace.bounds import bounded_articles

__all__ = [
    "integrity_sections",
    "lineage_record",
    "print_lineage",
    "print_quotes",
    "quote_record",
    "story_lineage",
    "story_quotes",
]


def _span(span: Span | None) -> list[int] | None:
    return list(span) if span else None


def _sentence_at(text: str, span: Span | None) -> str:
    if span is None:
        return ""
    ends = [m.end() - 1 for m in re.finditer(r"[.!?]\s", text[max(0, span[0] - 400):span[0]])]
    start = max(text.rfind("\n", 0, span[0]),
                (max(ends) + max(0, span[0] - 400)) if ends else -1) + 1
    m = re.search(r"[.!?](?=\s|$)|\n", text[span[1]:])
    end = span[1] + m.end() if m else len(text)
    return " ".join(text[start:end].split())


def lineage_record(line: FactLineage, texts: dict[int, str]) -> dict[str, Any]:
    """One changed fact and the line it travelled along: the fact as the parent states it (the
    sentence around the changed words; for an addition, the copy's sentence), the origin (the
    first copy that changed it, with both spans) and each copy that repeats it."""
    o = line.origin
    fact = (_sentence_at(texts.get(o.versus, ""), o.versus_span) if o.versus_span
            else _sentence_at(texts.get(o.article, ""), o.span))
    return {
        "fact": fact or o.versus_text or o.text,
        "kind": o.kind,
        "origin": {"article": o.article, "versus": o.versus, "text": o.text,
                   "versus_text": o.versus_text, "span": _span(o.span),
                   "versus_span": _span(o.versus_span), "explanation": o.explanation},
        "inherited_by": [{"article": h.article, "via": h.via, "text": h.text,
                          "span": list(h.span), "via_text": h.via_text,
                          "via_span": list(h.via_span)} for h in line.inherited_by],
        "line": [o.versus, o.article, *(h.article for h in line.inherited_by)],
    }


def quote_record(q: QuoteChange, texts: dict[int, str] | None = None) -> dict[str, Any]:
    parent = (texts or {}).get(q.versus, "")
    return {
        "article": q.article,
        "versus": q.versus,
        "kind": q.kind,
        "text": q.text,
        "span": list(q.span),
        "versus_text": q.versus_text,
        "versus_span": list(q.versus_span),
        "speaker": q.speaker,
        "speaker_span": _span(q.speaker_span),
        "versus_speaker": q.versus_speaker,
        "versus_speaker_span": _span(q.versus_speaker_span),
        "explanation": q.explanation,
        "cut": q.cut,
        "versus_parts": [{"text": parent[s:e] if parent else None, "span": [s, e],
                          "speaker": who}
                         for (s, e), who in zip(q.versus_parts, q.versus_part_speakers
                                                 or [None] * len(q.versus_parts), strict=True)],
    }


def _bounded(articles: Sequence[Article]) -> tuple[Sequence[Article], dict[int, str]]:
    # over the prefix the changes were computed on (trace.bounds): offsets stay offsets into
    # the whole texts, and a hostile megabyte of quotation marks costs no more than a story
    articles, _ = bounded_articles(articles, Settings().max_compare_chars)
    return articles, {a.id: a.text for a in articles if a.id is not None}


def _lineage_records(articles: Sequence[Article], texts: dict[int, str],
                     derivations: Sequence[Derivation], changes: Sequence[Change],
                     alignments: Sequence[Alignment]) -> list[dict[str, Any]]:
    """The lines that travelled furthest first (``articles`` and ``texts``: ``_bounded``)."""
    lines = fact_lineage(articles, derivations, changes, alignments)
    lines.sort(key=lambda x: -len(x.inherited_by))
    return [lineage_record(x, texts) for x in lines]


def _quote_records(articles: Sequence[Article], texts: dict[int, str],
                   derivations: Sequence[Derivation],
                   alignments: Sequence[Alignment]) -> list[dict[str, Any]]:
    """In article order (``articles`` and ``texts``: ``_bounded``)."""
    return [quote_record(q, texts) for q in quote_changes(articles, derivations, alignments)]


def integrity_sections(articles: Sequence[Article], derivations: Sequence[Derivation],
                       changes: Sequence[Change],
                       alignments: Sequence[Alignment]) -> dict[str, list[dict[str, Any]]]:
    """The report's ``lineage`` and ``quotes`` of one story (the lines that travelled furthest
    first; quotes in article order)."""
    bounded, texts = _bounded(articles)
    return {"lineage": _lineage_records(bounded, texts, derivations, changes, alignments),
            "quotes": _quote_records(bounded, texts, derivations, alignments)}


def story_lineage(store: Store, story_id: int) -> list[dict[str, Any]]:
    """The lineage of every changed fact of a stored story (report records)."""
    articles, texts = _bounded(store.articles(store.story(story_id).articles))
    return _lineage_records(articles, texts, store.derivations(story_id),
                            store.changes(story_id), store.alignments(story_id))


def story_quotes(store: Store, story_id: int) -> list[dict[str, Any]]:
    """The quotes each copy of a stored story cut, spliced, reattributed or altered."""
    articles, texts = _bounded(store.articles(store.story(story_id).articles))
    return _quote_records(articles, texts, store.derivations(story_id),
                          store.alignments(story_id))


def _short(text: str, limit: int = 90) -> str:
    return shorten(text, limit)


def print_lineage(lines: list[dict[str, Any]], console: Console, everything: bool = False) -> None:
    """Each changed fact that copies repeated, as the line it travelled along."""
    shown = [x for x in lines if everything or x["inherited_by"]]
    if not lines:
        console.print("no changes stored for this story; run 'wiretrace trace' first")
        return
    for x in shown:
        o = x["origin"]
        console.print(f"{x['kind']}: {_short(x['fact'])}", markup=False)
        before = f"“{_short(o['versus_text'], 60)}”" if o["versus_text"] else "(nothing)"
        console.print(f"  #{o['versus']} says {before} [{_at(o['versus_span'])}]", markup=False)
        console.print(f"  -> #{o['article']} changed it to “{_short(o['text'], 60)}” "
                      f"[{_at(o['span'])}]: {o['explanation']}", markup=False)
        for h in x["inherited_by"]:
            console.print(f"  -> #{h['article']} (copy of #{h['via']}) repeats "
                          f"“{_short(h['text'], 60)}” [{_at(h['span'])}]", markup=False)
    rest = len(lines) - len(shown)
    if rest:
        console.print(f"({rest} other changes were not repeated by any copy; --all lists them)",
                      markup=False)


def _at(span: list[int] | None) -> str:
    return f"{span[0]}:{span[1]}" if span else "-"


def print_quotes(quotes: list[dict[str, Any]], console: Console) -> None:
    if not quotes:
        console.print("no quote was cut, spliced, reattributed or altered", markup=False)
        return
    for q in quotes:
        kind = q["kind"] + (f" ({q['cut']})" if q.get("cut") else "")
        console.print(f"#{q['article']} vs #{q['versus']} {kind}: {q['explanation']}",
                      markup=False)
        who = f" — {q['speaker']}" if q.get("speaker") else ""
        console.print(f"  copy   [{_at(q['span'])}] “{_short(q['text'])}”{who}", markup=False)
        parts = q.get("versus_parts") or [{"text": q["versus_text"], "span": q["versus_span"],
                                            "speaker": q.get("versus_speaker")}]
        for p in parts:
            vwho = f" — {p['speaker']}" if p.get("speaker") else ""
            console.print(f"  parent [{_at(p['span'])}] “{_short(p['text'] or '')}”{vwho}",
                          markup=False)
