"""HTML pages and plain-text / Markdown articles: one file, one document.

A text longer than ``max_item_chars`` (an HTML page longer than 5x that: markup) is rejected, by
its size in bytes before it is decoded when that already proves it too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wiretrace.ingest.formats.common import Rejected, check_html, check_text_length, decode_text
from wiretrace.model import Document
from wiretrace.settings import Settings

__all__ = ["read_html", "read_plain"]

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_FRONT_MATTER_KEYS = {
    "title": "title",
    "url": "url",
    "link": "url",
    "date": "published",
    "published": "published",
    "site": "site",
    "author": "byline",
    "byline": "byline",
    "lang": "language",
    "language": "language",
}


def read_html(data: bytes, source: str, settings: Settings) -> Iterator[Document]:
    check_text_length(data, settings, html=True)
    html = decode_text(data, markup=True)
    if not html.strip():
        raise Rejected("empty file")
    check_html(html, settings)
    yield Document(source=source, format="html", html=html)


def read_plain(data: bytes, source: str, settings: Settings, fmt: str) -> Iterator[Document]:
    """Title from the first non-empty line (Markdown '#' stripped), text = the paragraphs after.

    A Markdown front-matter block (``---`` ... ``---`` with ``key: value`` lines) supplies
    title, url, date, site, author and language when present.
    """
    check_text_length(data, settings)
    text = decode_text(data)
    check_text_length(text, settings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Rejected("empty file")
    meta, text = _front_matter(text)
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = meta.pop("title", None)
    if title is None and first is not None:
        title = lines[first].strip().lstrip("#").strip() or None
        rest = lines[first + 1 :]
        if rest and _SETEXT_UNDERLINE.match(rest[0].strip()) and rest[0].strip():
            rest = rest[1:]
        text = "\n".join(rest)
    body = paragraphs(text)
    if not body:
        raise Rejected("empty document: no text after the title line")
    yield Document(source=source, format=fmt, text=body, title=title, **meta)


def paragraphs(text: str) -> str:
    """Paragraphs split on blank lines, each stripped, joined with one blank line."""
    parts = (_strip_lines(p) for p in _BLANK_LINES.split(text.strip()))
    return "\n\n".join(p for p in parts if p)


def _strip_lines(paragraph: str) -> str:
    return "\n".join(line.rstrip() for line in paragraph.strip().split("\n"))


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    stripped = text.lstrip("\n")
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 4)
    if end < 0:
        return {}, text
    after = stripped.find("\n", end + 4)
    closing = stripped[end + 4 : after if after >= 0 else None]
    if closing.strip():
        return {}, text
    meta: dict[str, str] = {}
    for line in stripped[4:end].split("\n"):
        key, sep, value = line.partition(":")
        field = _FRONT_MATTER_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and field and value and field not in meta:
            meta[field] = value
    return meta, stripped[after + 1 :] if after >= 0 else ""
