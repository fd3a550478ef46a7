"""HTML pages and plain-text / Markdown articles: one file, one document.

A text longer than ``max_item_chars`` (an HTML page longer than 5x that: markup) is rejected, by
its size in bytes before it is decoded when that already proves it too long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wiretrace.ingest.chrome import is_chrome_line
from wiretrace.ingest.formats.common import Rejected, check_html, check_text_length, decode_text
from wiretrace.ingest.titles import TITLE_LABEL, is_furniture, reads_as_headline
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
    """Title from the first line when it reads as a headline (a Markdown heading always does),
    text = the paragraphs after; otherwise the whole text is the article and the title is left
    to be derived from it (``document_to_article``). Page chrome above the headline ("Subscribe",
    a date) is never the title; it stays in the text for the clean stage to take out.

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
    title = meta.pop("title", None)
    if title is None:
        title, text = _title_line(text, markdown=fmt == "markdown")
    body = paragraphs(text)
    if not body:
        raise Rejected("empty document: no text")
    yield Document(source=source, format=fmt, text=body, title=title, **meta)


_CHROME_ABOVE_TITLE = 8  # page chrome lines looked past for a headline


def _title_line(text: str, markdown: bool) -> tuple[str | None, str]:
    """(the headline, the text without it), or (None, text) when no line reads as one."""
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        rest = lines[i + 1 :]
        underlined = bool(rest) and bool(_SETEXT_UNDERLINE.match(rest[0].strip()))
        heading = underlined or (markdown and stripped.startswith("#"))
        if not heading and is_furniture(stripped):
            seen += 1
            if seen > _CHROME_ABOVE_TITLE:
                break
            continue
        if underlined:
            rest = rest[1:]
        if not (heading or (reads_as_headline(stripped) and not _verse(rest))):
            break
        if not "".join(rest).strip():
            if heading:
                raise Rejected("empty document: a title and no text after it")
            break  # a one-line text is the article, not a title
        title = TITLE_LABEL.sub("", stripped.lstrip("#").strip()) or None
        return title, "\n".join(lines[:i] + rest)
    return None, text


def _verse(rest: list[str]) -> bool:
    """The lines right under a would-be headline are short unpunctuated lines too, in the same
    paragraph: a poem or a list, whose first line is not a title."""
    following = []
    for line in rest[:3]:
        if not line.strip():
            break
        following.append(line.strip())
    return len(following) >= 2 and all(
        len(t) <= 80 and not t.endswith((".", "!", "?", '"', "”")) and not is_chrome_line(t)
        and not t.lower().startswith("by ")
        for t in following
    )


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
