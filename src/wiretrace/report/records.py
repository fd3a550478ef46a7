"""Plain dict views of records, shared by the JSON report, export, the CLI and the web app."""

from __future__ import annotations

from typing import Any

from wiretrace.model import Alignment, Article, Change, Derivation, Fact

__all__ = [
    "shorten",
    "article_record",
    "alignment_record",
    "change_record",
    "derivation_record",
    "fact_record",
]


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" (for display)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def article_record(article: Article, text: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "locator": article.locator,
        "site": article.site,
        "url": article.url,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
    }
    if text:
        record["text"] = article.text
    record["artefacts"] = [a.to_dict() for a in article.artefacts]
    record["ai_tells"] = [
        {"text": a.text, "start": a.start, "end": a.end} for a in article.ai_tells
    ]
    return record


def derivation_record(d: Derivation | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "type": d.type,
        "parent": d.parent,
        "upstream": d.upstream,
        "score": round(d.score, 4),
        "evidence": list(d.evidence),
    }


def alignment_record(al: Alignment, texts: dict[int, str] | None = None) -> dict[str, Any]:
    """An alignment's sentence pairs; with the two working texts (by article id), also its
    merged passages (one per reused passage, offsets into both texts)."""
    out = _pairs_record(al)
    if texts and al.a in texts and al.b in texts:
        from wiretrace.trace.align import passages

        out["passages"] = [
            {"a_span": list(p.a_span), "b_span": list(p.b_span), "kind": p.kind,
             "score": round(p.score, 4)}
            for p in passages(al, texts[al.a], texts[al.b])
        ]
    return out


def _pairs_record(al: Alignment) -> dict[str, Any]:
    return {
        "a": al.a,
        "b": al.b,
        "reuse_a": round(al.reuse_a, 4),
        "reuse_b": round(al.reuse_b, 4),
        "pairs": [
            {
                "a_span": list(p.a_span),
                "b_span": list(p.b_span),
                "kind": p.kind,
                "score": round(p.score, 4),
            }
            for p in al.pairs
        ],
    }


def change_record(ch: Change) -> dict[str, Any]:
    return {
        "article": ch.article,
        "versus": ch.versus,
        "kind": ch.kind,
        "text": ch.text,
        "versus_text": ch.versus_text,
        "explanation": ch.explanation,
        "span": list(ch.span) if ch.span else None,
        "versus_span": list(ch.versus_span) if ch.versus_span else None,
    }


def fact_record(f: Fact) -> dict[str, Any]:
    return {
        "statement": f.statement,
        "support": list(f.support),
        "disputed": f.disputed,
        "single_source": len(f.support) == 1 and not f.disputed,
        "variants": [{"text": v.text, "articles": list(v.articles)} for v in f.variants],
    }
