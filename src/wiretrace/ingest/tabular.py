"""Which column of a table (CSV/TSV header, keys of JSON Lines or JSON objects) holds which field
of an article.

Common names are recognised (case, spaces and hyphens do not matter; the first name of a field's
list that a table has wins):

==============  ==============================================================================
field           column names
==============  ==============================================================================
``text``        text, content, body, article_text, full_text, maintext, article
``html``        html, raw_html, page_html
``title``       title, headline, heading
``url``         url, link, article_url, source_url, permalink
``site``        site, publisher, outlet, source, domain, source_name, publication, newspaper
``published``   published, date, pubdate, pub_date, published_at, publish_date, timestamp,
                datetime, scrape_time, scraped_at, crawl_time, created_at
``byline``      byline, author, authors, writer
``language``    language, lang
``locator``     id, article_id, doc_id, docid, uid, guid, uuid, _id
==============  ==============================================================================

``Settings.column_map`` (the CLI's ``--map FIELD=COLUMN``) overrides a field's column, or with
an empty COLUMN ignores the field. The ``locator`` column (an id) becomes the article's locator
(``"id 4711"``), so re-reading the table finds the same articles and two rows with the same text
and different ids stay two articles. Dates are stored as ISO 8601 when they can be read (ISO,
Unix seconds or milliseconds, RFC 2822, "July 15, 2018", "07/15/2018"); else as given.
``Settings.paragraph_separator`` (``--paragraph-separator``) splits a text column into
paragraphs; without it, a text with no line break but literal ``\\n`` escapes is split on those.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from wiretrace.errors import InputError

__all__ = [
    "FIELD_COLUMNS",
    "ColumnMap",
    "column_key",
    "describe_columns",
    "iso_date",
    "parse_map",
    "site_name",
    "split_paragraphs",
]

FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article_text", "full_text", "maintext", "article"),
    "html": ("html", "raw_html", "page_html"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "article_url", "source_url", "permalink"),
    "site": ("site", "publisher", "outlet", "source", "domain", "source_name", "publication",
             "newspaper"),
    "published": ("published", "date", "pubdate", "pub_date", "published_at", "publish_date",
                  "timestamp", "datetime", "scrape_time", "scraped_at", "crawl_time",
                  "created_at"),
    "byline": ("byline", "author", "authors", "writer"),
    "language": ("language", "lang"),
    "locator": ("id", "article_id", "doc_id", "docid", "uid", "guid", "uuid", "_id"),
}


def column_key(name: str) -> str:
    """A column name as it is matched: lower case, spaces and hyphens as underscores."""
    return re.sub(r"[\s-]+", "_", name.strip().lstrip("\ufeff").lower())


def parse_map(specs: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``["site=publisher", "published=scrape_time"]`` -> pairs; raises ``InputError`` naming
    the fields that exist when a spec is malformed."""
    pairs = []
    for spec in specs:
        field, sep, column = spec.partition("=")
        field = field.strip().lower()
        if not sep or field not in FIELD_COLUMNS:
            raise InputError(
                f"--map {spec!r}: expected FIELD=COLUMN with FIELD one of "
                f"{', '.join(FIELD_COLUMNS)}"
            )
        pairs.append((field, column.strip()))
    return tuple(pairs)


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """field -> the column key that holds it, for one table."""

    columns: tuple[tuple[str, str], ...]

    @classmethod
    def for_columns(
        cls, names: Iterable[str], overrides: tuple[tuple[str, str], ...] = ()
    ) -> ColumnMap:
        keys = {column_key(n) for n in names if isinstance(n, str)}
        chosen: dict[str, str] = {}
        for field, candidates in FIELD_COLUMNS.items():
            found = next((c for c in candidates if c in keys), None)
            if found is not None:
                chosen[field] = found
        for field, column in overrides:
            if column:
                chosen[field] = column_key(column)
            else:
                chosen.pop(field, None)
        # a column serves one field: an explicit choice wins over a recognised name
        given = {f for f, c in overrides if c}
        taken = {chosen[f] for f in given if f in chosen}
        for field in [f for f in chosen if f not in given and chosen[f] in taken]:
            del chosen[field]
        return cls(tuple((f, chosen[f]) for f in FIELD_COLUMNS if f in chosen))

    def get(self, field: str) -> str | None:
        return next((c for f, c in self.columns if f == field), None)

    def missing(self, names: Iterable[str]) -> list[str]:
        """Mapped columns that ``names`` (a header) lacks."""
        keys = {column_key(n) for n in names}
        return [c for _, c in self.columns if c not in keys]

    def describe(self) -> str:
        """``text=content, site=publisher, published=scrape_time, locator=id``."""
        return ", ".join(f"{f}={c}" for f, c in self.columns) or "no known columns"

    def fields(self, item: Mapping[str, object]) -> dict[str, object]:
        """The item's values by field name (keys matched as ``column_key``)."""
        by_key = {column_key(k): v for k, v in item.items() if isinstance(k, str)}
        return {f: by_key[c] for f, c in self.columns if c in by_key}


_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
    "%d/%m/%Y %H:%M:%S",  # day first, when the month-first reading failed (a day above 12)
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%a %b %d %H:%M:%S %Y",  # ctime
    "%Y%m%d",
)


def iso_date(value: str) -> str:
    """``value`` as an ISO 8601 date or time when it can be read, else unchanged."""
    text = value.strip()
    if not text:
        return value
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return re.sub(r"^(\d{4}-\d\d-\d\d) (?=\d)", r"\1T", text)
    except ValueError:
        pass
    if _EPOCH.match(text):
        seconds = float(text)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        return datetime.fromtimestamp(seconds, UTC).isoformat()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.replace("Sept ", "Sep "))
    for fmt in _FORMATS:
        try:
            when = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return when.isoformat() if "%H" in fmt else when.date().isoformat()
    return value


_ESCAPED_NEWLINE = re.compile(r"(?:\\r)?\\n")


def site_name(value: str) -> str:
    """A site column's value: the host of a URL ("https://www.reuters.com/world" ->
    "reuters.com"), else the name as given."""
    text = value.strip()
    match = re.match(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)", text,
                     re.I)
    if match and (text.lower().startswith(("http://", "https://", "www.")) or "/" in text):
        return match.group(1).lower()
    return text


def split_paragraphs(text: str, separator: str | None) -> str:
    """A text column's paragraphs on lines of their own: split on ``separator`` when given;
    else, when the text has no line break, on literal ``\\n`` escapes."""
    if separator:
        return "\n\n".join(p.strip() for p in text.split(separator))
    if "\n" not in text and "\\n" in text:
        return _ESCAPED_NEWLINE.sub("\n", text)
    return text


_TABLE_EXTENSIONS = {".csv": ",", ".tsv": "\t", ".jsonl": None, ".ndjson": None, ".json": None}
_PEEK_BYTES = 1 << 20


def describe_columns(
    paths: Iterable[str], overrides: tuple[tuple[str, str], ...] = (), limit: int = 5
) -> list[str]:
    """One line per table among ``paths`` (folders walked) saying which column gives which
    field, read from its header or first item: ``crawl.csv: text=text, site=publisher, ...``.
    At most ``limit`` lines, then how many more tables there are."""
    tables = [p for p in _files(paths) if _table_ext(p) is not None]
    lines = []
    for path in tables[:limit]:
        names = _header(path)
        if names is not None:
            lines.append(f"{path}: {ColumnMap.for_columns(names, overrides).describe()}")
    if len(tables) > limit:
        lines.append(f"... and {len(tables) - limit} more tables")
    return lines


def _files(paths: Iterable[str]) -> list[str]:
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            # iterative: os.walk recurses a frame per level, and folders can nest 1,000 deep
            stack = [path]
            while stack:
                root = stack.pop()
                try:
                    entries = sorted(os.scandir(root), key=lambda e: e.name)
                except OSError:
                    continue
                subdirs = []
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(entry.path)
                    elif entry.is_file():
                        out.append(entry.path)
                stack.extend(reversed(subdirs))
        elif os.path.isfile(path):
            out.append(path)
    return out


def _table_ext(path: str) -> str | None:
    name = path.lower().removesuffix(".gz")
    ext = os.path.splitext(name)[1]
    return ext if ext in _TABLE_EXTENSIONS else None


def _header(path: str) -> list[str] | None:
    """The column names of a table, from its first line or first object; None if unreadable."""
    ext = _table_ext(path)
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            head = handle.read(_PEEK_BYTES)
        text = head.decode("utf-8-sig", "replace")
        if ext in (".csv", ".tsv"):
            first = next(csv.reader(io.StringIO(text), delimiter=_TABLE_EXTENSIONS[ext] or ","))
            return [n for n in first if n.strip()]
        for line in text.splitlines():
            if line.strip().startswith("{"):
                try:
                    value = json.loads(line)
                except json.JSONDecodeError:
                    break
                return [k for k in value if isinstance(k, str)] if isinstance(value, dict) else None
        match = re.search(r"\{", text)
        if match is None:
            return None
        # the first object of a JSON array: its keys, read up to its first value that is text
        keys = re.findall(r'"((?:[^"\\]|\\.)*)"\s*:', text[match.start() : match.start() + 20000])
        return list(dict.fromkeys(keys))
    except (OSError, StopIteration, csv.Error, EOFError, UnicodeDecodeError):
        return None
