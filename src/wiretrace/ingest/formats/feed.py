"""RSS, Atom and RDF feeds through feedparser (given bytes, so it never fetches anything).

An entry whose content is long enough to be an article becomes a ``feed`` document with that
HTML; an entry with only a link becomes a ``feed-link`` document (recorded, never fetched).
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from wiretrace.ingest.formats.common import Rejected, check_html, check_text_length
from wiretrace.model import Document, Rejection
from wiretrace.settings import Settings

__all__ = ["MIN_ARTICLE_CHARS", "read_feed"]

MIN_ARTICLE_CHARS = 200  # text of an entry's content, tags stripped, to count as an article

_TAGS = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    import feedparser

    from wiretrace.ingest.sanitize import replace_bad_char_refs

    data = replace_bad_char_refs(data)  # one "&#xD800;" would make the feed unreadable
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = _first_line(str(problem)) if problem else "no RSS, Atom or RDF root element"
        raise Rejected(f"not a feed: {detail}")
    if not entries:
        raise Rejected("feed has no entries")
    channel = parsed.get("feed") or {}
    site = _host(channel.get("link"))
    language = channel.get("language") or None
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        try:
            yield _entry(entry, source, where, site, language, settings)
        except Rejected as exc:
            yield Rejection(source, f"{where}: {exc.reason}")


def _entry(
    entry: Any,
    source: str,
    where: str,
    site: str | None,
    language: str | None,
    settings: Settings,
) -> Document:
    link = entry.get("link") or None
    meta: dict[str, Any] = {
        "title": _clean_title(entry.get("title")),
        "url": link,
        "published": _date(entry),
        "site": site or _host(link),
        "byline": entry.get("author") or None,
        "language": language,
        "locator": where,
    }
    body, mime = _content(entry)
    if body is not None and len(_text_of(body, mime)) >= MIN_ARTICLE_CHARS:
        if mime == "text/plain":
            check_text_length(body, settings)
            return Document(source=source, format="feed", text=body, **meta)
        check_html(body, settings)
        return Document(source=source, format="feed", html=body, **meta)
    if link:
        return Document(source=source, format="feed-link", **meta)
    if body is not None:
        raise Rejected("content too short to be an article and no link")
    raise Rejected("no content and no link")


def _content(entry: Any) -> tuple[str | None, str]:
    """The longest of content:encoded / content / summary, with its MIME type."""
    candidates: list[tuple[str, str]] = []
    for part in entry.get("content") or []:
        if part.get("value"):
            candidates.append((part["value"], part.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    if not candidates:
        return None, ""
    return max(candidates, key=lambda c: len(_text_of(*c)))


def _text_of(body: str, mime: str) -> str:
    text = body if mime == "text/plain" else _TAGS.sub(" ", body)
    return _SPACE.sub(" ", text).strip()


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return _SPACE.sub(" ", title).strip() or None


def _date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
        raw = entry.get(key)
        if raw:
            return str(raw)
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlparse(url).hostname or None
    except ValueError:
        return None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else "unreadable"
